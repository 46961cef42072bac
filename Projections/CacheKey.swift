import Foundation

/// A table key as the runner's overlay holds it: hashed, compared and ordered
/// as raw bytes.
///
/// Keys of up to 40 bytes (nearly all: a tag and up to four numbers) are kept
/// inline, so the overlay's dictionary holds no separate buffer per key: no
/// allocation to keep one, no pointer to follow to compare two, nothing to free.
/// Longer keys (text search entries) keep their bytes in an array.
struct CacheKey: Hashable, Comparable {
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
    private(set) var count: Int
    private var long: [UInt8]?

    private static let inlineCapacity = 40

    /// The empty key, to build on.
    init() {
        count = 0
        long = nil
    }

    init(_ bytes: [UInt8]) {
        count = bytes.count
        if bytes.count > Self.inlineCapacity {
            long = bytes
        } else {
            long = nil
            bytes.withUnsafeBytes { source in
                withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: source) }
            }
        }
    }

    /// Appends one byte (a tag or kind code), in place while it fits inline.
    @inline(__always)
    mutating func append(byte: UInt8) {
        guard long == nil, count < Self.inlineCapacity else {
            return withUnsafeBytes(of: byte) { append(contentsOf: $0) }
        }
        let offset = count
        withUnsafeMutableBytes(of: &words) { $0.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self) }
        count += 1
    }

    /// Appends a number as eight big-endian bytes, in place while it fits inline.
    @inline(__always)
    mutating func append(bigEndian number: UInt64) {
        guard long == nil, count + 8 <= Self.inlineCapacity else {
            return withUnsafeBytes(of: number.bigEndian) { append(contentsOf: $0) }
        }
        let offset = count
        withUnsafeMutableBytes(of: &words) { $0.storeBytes(of: number.bigEndian, toByteOffset: offset, as: UInt64.self) }
        count += 8
    }

    /// Appends bytes: inline while they fit, else the key moves to an array.
    mutating func append(contentsOf source: UnsafeRawBufferPointer) {
        if long == nil, count + source.count <= Self.inlineCapacity {
            let offset = count
            // A plain copy to an offset: slicing the buffer here would cost more than the copy.
            if let from = source.baseAddress {
                withUnsafeMutableBytes(of: &words) { target in
                    target.baseAddress.map { ($0 + offset).copyMemory(from: from, byteCount: source.count) }
                }
            }
        } else {
            var spilled = long ?? withBytes { Array($0) }
            spilled.append(contentsOf: source)
            long = spilled
            words = (0, 0, 0, 0, 0)
        }
        count += source.count
    }

    var bytes: [UInt8] { long ?? withBytes { Array($0) } }

    /// The key's bytes, valid only during the call.
    func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        if let long { return try long.withUnsafeBytes(body) }
        return try withUnsafeBytes(of: words) { try body(UnsafeRawBufferPointer(start: $0.baseAddress, count: count)) }
    }

    /// Bytes 0–7 and 8–15 as big-endian numbers, zero-padded: ordering these
    /// pairs orders keys, up to ties between keys longer than 16 bytes.
    var orderPrefix: (UInt64, UInt64) {
        if long == nil { return (UInt64(bigEndian: words.0), UInt64(bigEndian: words.1)) }
        return withBytes { raw in
            var first: UInt64 = 0, second: UInt64 = 0
            for i in 0..<8 { first = first << 8 | UInt64(raw[i]) }
            for i in 8..<16 { second = second << 8 | UInt64(raw[i]) }
            return (first, second)
        }
    }

    func hash(into hasher: inout Hasher) {
        if let long {
            long.withUnsafeBytes { hasher.combine(bytes: $0) }
        } else {
            // Only the words the key reaches: equal keys have equal counts and bytes.
            hasher.combine(count)
            hasher.combine(words.0)
            if count > 8 { hasher.combine(words.1) }
            if count > 16 { hasher.combine(words.2) }
            if count > 24 { hasher.combine(words.3) }
            if count > 32 { hasher.combine(words.4) }
        }
    }

    static func == (a: CacheKey, b: CacheKey) -> Bool {
        guard a.count == b.count else { return false }
        if let x = a.long, let y = b.long { return x == y }
        return a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
            && a.words.4 == b.words.4
    }

    static func < (a: CacheKey, b: CacheKey) -> Bool {
        a.withBytes { pa in
            b.withBytes { pb in
                let common = min(pa.count, pb.count)
                guard common > 0, let x = pa.baseAddress, let y = pb.baseAddress else { return pa.count < pb.count }
                let order = memcmp(x, y, common)
                return order != 0 ? order < 0 : pa.count < pb.count
            }
        }
    }
}

/// What the table accepts as a key inside the module: raw bytes, or a `ViewKey`
/// built in place.
protocol TableKey {
    var cacheKey: CacheKey { get }
    /// The key as a numbered family's, when it is one (read in place, without a copy of the key).
    var numbered: NumberedKey? { get }
}

extension Array: TableKey where Element == UInt8 {
    var cacheKey: CacheKey { CacheKey(self) }
    var numbered: NumberedKey? { NumberedKey(CacheKey(self)) }
}

extension ViewKey: TableKey {
    var cacheKey: CacheKey { key }
    var numbered: NumberedKey? { NumberedKey(key) }
}
