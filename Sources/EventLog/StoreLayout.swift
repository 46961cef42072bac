import CLMDB
import Foundation

/// Names of the log's databases and meta keys, in one place.
enum LogDatabase {
    static let events = "events"            // position u64be → record
    static let batches = "batches"          // first position u64be → batch record
    static let streams = "streams"          // stream name → number, version
    static let streamNames = "stream-names" // number u32be → stream name
    /// number u32be → positions u64be, one sorted duplicate per event (LMDB DUPSORT +
    /// DUPFIXED packs them 8 bytes apiece, without a node header per event).
    static let streamIndex = "stream-index"
    static let commands = "commands"        // batch id → first position u64be + count
    static let dictionaries = "dictionaries" // id u32be → zstd dictionary
    static let names = "names"              // interned type and actor names, both ways
    static let meta = "meta"                // format, head, counters, dictionary state

    static let all = [events, batches, streams, streamNames, streamIndex, commands, dictionaries, names, meta]

    /// Extra LMDB flags per table.
    static func flags(_ name: String) -> UInt32 {
        name == streamIndex ? UInt32(MDB_DUPSORT | MDB_DUPFIXED) : 0
    }
}

enum MetaKey {
    static let format = Array("format".utf8)
    static let head = Array("head".utf8)                 // last position u64be + chain link
    static let currentDictionary = Array("dictionary".utf8)
    static let trainedAt = Array("dictionary.trained-at".utf8) // event count at last training
    static let nextStreamNumber = Array("stream.next".utf8)
    static func counter(_ name: String) -> [UInt8] { Array("counter.\(name)".utf8) }
    /// BLAKE2b of a dictionary's bytes, written when it is trained; verify compares.
    static func dictionaryDigest(_ id: UInt32) -> [UInt8] { Array("dictionary.\(id).blake2b".utf8) }
}

/// Interned names: kind byte + name ↔ kind byte + number.
enum NameKind: UInt8 {
    case eventType = 1
    case actor = 2

    func key(_ name: String) -> [UInt8] { [rawValue] + Array(name.utf8) }
    func key(_ number: UInt32) -> [UInt8] { [rawValue | 0x80] + withUnsafeBytes(of: number.bigEndian) { Array($0) } }
}

/// Where a store's files live under its root directory.
public struct StorePaths: Sendable {
    public let root: String
    public var log: String { root + "/log" }
    public var views: String { root + "/views" }
    public var dataFile: String { log + "/data.mdb" }

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }
}

enum BigEndian {
    static func u32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian) { Array($0) } }
    static func u64(_ v: UInt64) -> [UInt8] { withUnsafeBytes(of: v.bigEndian) { Array($0) } }

    static func u32(_ b: ArraySlice<UInt8>) -> UInt32? {
        guard b.count == 4 else { return nil }
        return b.reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func u64(_ b: ArraySlice<UInt8>) -> UInt64? {
        guard b.count == 8 else { return nil }
        return b.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
