import CLMDB

/// What a command sees while it decides inside the append transaction: the
/// current stream versions and counters for human ids, consistent with the
/// batch it is about to write, because no other writer can run meanwhile.
public final class AppendContext {
    let txn: LMDBTransaction
    /// The last position in the log when the transaction began.
    public let head: UInt64
    private var counters: [String: UInt64] = [:]

    init(txn: LMDBTransaction, head: UInt64) {
        self.txn = txn
        self.head = head
    }

    /// The stream's current version (its event count; 0 when it doesn't exist).
    public func version(of stream: String) throws -> UInt64 {
        try StreamTable.lookup(stream, txn: txn)?.version ?? 0
    }

    /// Allocates the next number of a named counter (1, 2, 3…), e.g. for patient ids.
    /// Numbers are never reused: the counter lives in the same transaction as the batch.
    public func nextNumber(_ counter: String) throws -> UInt64 {
        let key = MetaKey.counter(counter)
        let next = try currentNumber(counter) + 1
        counters[counter] = next
        try txn.put(txn.database(LogDatabase.meta), key, BigEndian.u64(next))
        return next
    }

    /// The last number a counter handed out (0 when none), without taking one: for
    /// decisions that learn only while deciding how many numbers they need.
    public func currentNumber(_ counter: String) throws -> UInt64 {
        if let cached = counters[counter] { return cached }
        guard let stored = try txn.get(txn.database(LogDatabase.meta), MetaKey.counter(counter)) else { return 0 }
        return BigEndian.u64(stored[...]) ?? 0
    }
}

/// The `streams` table: stream name → stream number and current version.
enum StreamTable {
    struct Entry {
        var number: UInt32
        var version: UInt64
    }

    /// Nil for a stream that doesn't exist, including an id no stream can have
    /// (empty or over 200 bytes, see `EventStore.validate`): such a key never reaches
    /// LMDB, which refuses empty and overlong keys with MDB_BAD_VALSIZE.
    static func lookup(_ stream: String, txn: LMDBTransaction) throws -> Entry? {
        guard EventStore.isPossibleStreamID(stream) else { return nil }
        var name = stream
        return try name.withUTF8 { key in
            try txn.withValue(txn.database(LogDatabase.streams), key: UnsafeRawBufferPointer(key)) { raw in
                guard let raw else { return nil }
                var cursor = RawCursor(raw)
                guard let n = cursor.varint(), let v = cursor.varint(), n <= UInt32.max else {
                    throw EventStoreError.storeCorrupt(reason: "stream entry for \(stream) is damaged")
                }
                return Entry(number: UInt32(n), version: v)
            }
        }
    }

    static func store(_ stream: String, _ entry: Entry, txn: LMDBTransaction) throws {
        var bytes: [UInt8] = []
        appendVarint(UInt64(entry.number), to: &bytes)
        appendVarint(entry.version, to: &bytes)
        var name = stream
        try name.withUTF8 { key in
            try bytes.withUnsafeBytes { try txn.put(txn.database(LogDatabase.streams), key: UnsafeRawBufferPointer(key), value: $0) }
        }
    }

    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
