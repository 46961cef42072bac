import BinaryCodec
import Foundation

/// A rebuilt table's entries in key order, packed into one buffer.
///
/// A rebuild writes hundreds of thousands of entries per table; holding each
/// key and value as its own array would cost two allocations to build and two
/// frees after the write, per entry. Packed, they are two buffers, and sorting
/// compares a key's first sixteen bytes as two numbers before looking further.
struct PackedEntries {
    struct Entry {
        /// The key's first sixteen bytes as two big-endian numbers, zero-padded:
        /// ordering these orders the keys, except for ties, which compare the bytes.
        var prefix: (UInt64, UInt64)
        var keyStart: Int
        var keyCount: Int
        var valueStart: Int
        var valueCount: Int
    }

    private var writer = ByteWriter(capacity: 0)
    private(set) var entries: [Entry] = []

    var count: Int { entries.count }
    private var storage: [UInt8] { writer.bytes }

    mutating func reserve(entries count: Int, bytes: Int) {
        entries.reserveCapacity(entries.count + count)
        writer.reserveCapacity(bytes)
    }

    mutating func append(key: CacheKey, value: [UInt8]) {
        append(key: key) { $0.writeRaw(value) }
    }

    /// Encodes the record straight into the buffer: no array of its own to build and free.
    mutating func append(key: CacheKey, record: AnyRecordBox) {
        append(key: key) { record.encode(into: &$0) }
    }

    mutating func append<R: ViewRecord>(key: CacheKey, value record: R) {
        append(key: key) { record.encode(into: &$0) }
    }

    private mutating func append(key: CacheKey, value writeValue: (inout ByteWriter) -> Void) {
        let keyStart = writer.count
        key.withBytes { writer.writeRaw($0) }
        let valueStart = writer.count
        writeValue(&writer)
        entries.append(Entry(prefix: key.orderPrefix, keyStart: keyStart, keyCount: key.count,
                             valueStart: valueStart, valueCount: writer.count - valueStart))
    }

    /// Puts the entries in bytewise key order (LMDB's default order).
    mutating func sort() {
        storage.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            entries.sort { a, b in
                if a.prefix.0 != b.prefix.0 { return a.prefix.0 < b.prefix.0 }
                if a.prefix.1 != b.prefix.1 { return a.prefix.1 < b.prefix.1 }
                let common = min(a.keyCount, b.keyCount)
                let order = memcmp(base + a.keyStart, base + b.keyStart, common)
                return order != 0 ? order < 0 : a.keyCount < b.keyCount
            }
        }
    }

    /// Calls `body` with each key and value in order; the buffers are valid only during the call.
    func forEach(in range: Range<Int>, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        try storage.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            for entry in entries[range] {
                try body(UnsafeRawBufferPointer(start: base + entry.keyStart, count: entry.keyCount),
                         UnsafeRawBufferPointer(start: base + entry.valueStart, count: entry.valueCount))
            }
        }
    }

    /// Bytes of keys and values.
    var byteCount: Int { storage.count }
}
