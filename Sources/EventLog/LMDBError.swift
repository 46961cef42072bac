import CLMDB
import Foundation

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
        self == .corrupted || self == .panic || self == .invalid || self == .versionMismatch || code == MDB_PAGE_NOTFOUND
    }

    public static let badValueSize = LMDBError(MDB_BAD_VALSIZE)

    /// A sentence for the person at the keyboard; LMDB's own text ("MDB_BAD_VALSIZE:
    /// Unsupported size of key/DB name/data…") names its internals, not the problem.
    public var description: String {
        switch code {
        case MDB_BAD_VALSIZE: return "a key or value has a size the store cannot hold (empty, or too long)"
        case MDB_MAP_FULL: return "the store's map is full"
        case MDB_READERS_FULL: return "too many programs are reading the store at once"
        case MDB_CORRUPTED, MDB_PAGE_NOTFOUND: return "the data file is damaged (a page is missing or malformed)"
        case MDB_INVALID: return "the data file is not an LMDB database"
        case MDB_VERSION_MISMATCH: return "the data file was written by an incompatible LMDB version"
        case MDB_PANIC: return "the store hit a fatal error and must be reopened"
        case ENOSPC: return "the disk is full"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case EIO: return "an I/O error occurred on the disk"
        default:
            guard let message = mdb_strerror(code) else { return "LMDB error \(code)" }
            return String(cString: message)
        }
    }

    /// What the person can do about it, when it is not damage.
    public var hint: String? {
        switch code {
        case ENOSPC: return "free disk space where the store lives, then run the command again; nothing was recorded"
        case EACCES, EPERM, EROFS: return "you need read and write access to the store's log/ and views/ folders and their files"
        case MDB_READERS_FULL: return "close other practica programs using this store and try again"
        case MDB_BAD_VALSIZE: return "shorten the value you typed"
        default: return nil
        }
    }

    static func check(_ rc: Int32) throws(LMDBError) {
        if rc != 0 { throw LMDBError(rc) }
    }
}
