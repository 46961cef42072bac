import BinaryCodec
import EventLog
import Foundation

/// A read model: a name, a version, the event types it cares about, and how one
/// event changes its table.
///
/// Its table and checkpoint are written in one transaction, so every event is
/// applied exactly once, also after a crash. Bumping `version` makes the runner
/// rebuild it from the log.
public protocol Projection: Sendable {
    var name: String { get }
    var version: Int { get }
    /// The event types `apply` needs; other events are skipped without decoding.
    var eventTypes: Set<String> { get }
    func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws
}

/// The one table a projection writes, inside the runner's transaction.
///
/// While the runner applies a chunk of events, reads and writes go through a
/// write-back cache: read models update the same few keys over and over (this
/// month's totals, the practice's account), and the cache turns those into
/// memory operations, writing each changed key to LMDB once, in key order,
/// before the chunk's transaction commits. A scan first writes the cache out,
/// so it always sees what `apply` wrote.
public struct ProjectionTable {
    let transaction: KeyValueTransaction?
    /// Resolved once per transaction; nil when a read finds the table not created yet.
    let table: KeyValueTable?
    public let name: String
    let cache: WriteBackCache?
    /// A rebuild's table, held wholly in memory until it is written out in key order.
    let memory: MemoryTable?

    init(transaction: KeyValueTransaction, name: String, cache: WriteBackCache? = nil) throws {
        self.transaction = transaction
        self.name = name
        self.table = try transaction.handle(name)
        self.cache = cache
        self.memory = nil
    }

    init(memory: MemoryTable, name: String) {
        self.transaction = nil
        self.table = nil
        self.name = name
        self.cache = nil
        self.memory = memory
    }

    public func get(_ key: [UInt8]) throws -> [UInt8]? {
        if let memory { return memory.entries[CacheKey(key)] }
        guard let table, let transaction else { return nil }
        if let cache {
            let cacheKey = CacheKey(key)
            if let cached = cache.entries[cacheKey] { return cached }
            let stored = try transaction.get(table, key: key)
            cache.entries[cacheKey] = .some(stored)
            return stored
        }
        return try transaction.get(table, key: key)
    }

    public func put(_ key: [UInt8], _ value: [UInt8]) throws {
        if let memory {
            memory.entries[CacheKey(key)] = value
            return
        }
        guard let table, let transaction else { throw ProjectionError.damaged(name, "its table cannot be written in a read transaction") }
        if let cache {
            cache.entries[CacheKey(key)] = .some(value)
            cache.dirty.insert(CacheKey(key))
            return
        }
        try transaction.put(table, key: key, value: value)
    }

    public func delete(_ key: [UInt8]) throws {
        if let memory {
            memory.entries[CacheKey(key)] = nil
            return
        }
        guard let table, let transaction else { return }
        if let cache {
            cache.entries[CacheKey(key)] = .some(nil)
            cache.dirty.insert(CacheKey(key))
            return
        }
        try transaction.delete(table, key: key)
    }

    public func scan(prefix: [UInt8] = [], from start: [UInt8]? = nil, reverse: Bool = false,
                     _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        if let memory {
            try memory.scan(prefix: prefix, from: start, reverse: reverse, body)
            return
        }
        guard let table, let transaction else { return }
        try flush()
        try transaction.scan(table, prefix: prefix, from: start, reverse: reverse, body)
    }

    /// Writes every changed key to LMDB, in key order (cheaper B-tree inserts).
    func flush() throws {
        guard let cache, let table, let transaction, !cache.dirty.isEmpty else { return }
        for key in cache.dirty.sorted() {
            switch cache.entries[key] {
            case .some(.some(let value)): try transaction.put(table, key: key.bytes, value: value)
            default: try transaction.delete(table, key: key.bytes)
            }
        }
        cache.dirty.removeAll(keepingCapacity: true)
    }
}

/// A whole table in memory, for rebuilds: a fresh table starts empty, so a
/// rebuild never needs to read LMDB, and each projection can be rebuilt on its
/// own core before its entries are written out sorted.
final class MemoryTable: @unchecked Sendable {
    var entries: [CacheKey: [UInt8]] = [:]

    /// Ordered scans are rare in `apply` (projections look keys up); sorting the matches is enough.
    func scan(prefix: [UInt8], from start: [UInt8]?, reverse: Bool, _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        var keys = entries.keys.filter { $0.bytes.starts(with: prefix) }.sorted()
        if let start {
            let s = CacheKey(start)
            keys = reverse ? keys.filter { $0 <= s } : keys.filter { !($0 < s) }
        }
        if reverse { keys.reverse() }
        for key in keys {
            guard let value = entries[key], try body(key.bytes, value) else { return }
        }
    }
}

/// Keys read or written during one chunk: `.some(nil)` means known absent (or deleted).
final class WriteBackCache {
    var entries: [CacheKey: [UInt8]?] = [:]
    var dirty: Set<CacheKey> = []
}

/// A table key hashed and ordered as raw bytes (Swift hashes an `[UInt8]` element by element).
struct CacheKey: Hashable, Comparable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func < (a: CacheKey, b: CacheKey) -> Bool {
        let common = min(a.bytes.count, b.bytes.count)
        let order = common == 0 ? 0 : a.bytes.withUnsafeBytes { pa in
            b.bytes.withUnsafeBytes { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return 0 }
                return Int(memcmp(x, y, common))
            }
        }
        return order != 0 ? order < 0 : a.bytes.count < b.bytes.count
    }
}
