import CLMDB

/// An LMDB return code with a name, so the rest of the store can `catch` by meaning
/// (`.mapFull`, `.notFound`) instead of comparing bare `Int32`s.
public struct LMDBError: Error, Equatable, Hashable, CustomStringConvertible, Sendable {
    public let code: Int32

    public init(_ code: Int32) { self.code = code }

    public static let keyExists = LMDBError(MDB_KEYEXIST)
    public static let notFound = LMDBError(MDB_NOTFOUND)
    public static let mapFull = LMDBError(MDB_MAP_FULL)
    public static let mapResized = LMDBError(MDB_MAP_RESIZED)
    public static let corrupted = LMDBError(MDB_CORRUPTED)
    public static let panic = LMDBError(MDB_PANIC)
    public static let versionMismatch = LMDBError(MDB_VERSION_MISMATCH)
    public static let invalid = LMDBError(MDB_INVALID)
    public static let readersFull = LMDBError(MDB_READERS_FULL)
    public static let dbsFull = LMDBError(MDB_DBS_FULL)
    public static let txnFull = LMDBError(MDB_TXN_FULL)
    public static let badTransaction = LMDBError(MDB_BAD_TXN)

    /// Codes that mean the data file itself cannot be trusted.
    public var meansCorruption: Bool {
        self == .corrupted || self == .panic || self == .invalid || self == .versionMismatch
    }

    public var description: String {
        guard let message = mdb_strerror(code) else { return "LMDB error \(code)" }
        return String(cString: message)
    }

    static func check(_ rc: Int32) throws(LMDBError) {
        if rc != 0 { throw LMDBError(rc) }
    }
}
