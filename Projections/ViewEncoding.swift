import BinaryCodec
import RevenueCycle

/// Builds projection keys so that LMDB's bytewise order is a useful order:
/// numbers are fixed-width big-endian (ids sort numerically), signed numbers
/// have their sign bit flipped (dates before 1970 sort before later ones), and
/// text is UTF-8 closed by a 0x00, which no stored name contains, so "smith"
/// sorts before "smithson" and a prefix scan on the open text finds both.
///
/// ```swift
/// ViewKey("p").number(1042).bytes          // "p" + 00 00 00 00 00 00 04 12
/// ViewKey("n").text("garcia").number(1042).bytes
/// ```
struct ViewKey: Equatable {
    /// Built in place, without allocating while the key fits inline (a tag and
    /// four numbers do): projections build dozens of keys per event during a rebuild.
    private(set) var key: CacheKey

    var bytes: [UInt8] { key.bytes }

    /// Every key starts with a one-letter tag naming what kind of entry it is.
    init(_ tag: Unicode.Scalar) {
        key = CacheKey()
        key.append(byte: UInt8(ascii: tag))
    }

    /// One raw byte (a kind code inside a family).
    consuming func byte(_ value: UInt8) -> ViewKey {
        key.append(byte: value)
        return self
    }

    consuming func number(_ value: UInt64) -> ViewKey {
        key.append(bigEndian: value)
        return self
    }

    /// Eight bytes, most significant first.
    static func bigEndian(_ value: UInt64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    @inline(__always)
    consuming func id(_ id: some PrefixedID) -> ViewKey { number(id.number) }

    consuming func signed(_ value: Int64) -> ViewKey { number(UInt64(bitPattern: value) ^ (1 << 63)) }

    consuming func date(_ date: LocalDate) -> ViewKey { signed(date.daysSinceEpoch) }

    /// Text followed by its 0x00 terminator.
    consuming func text(_ value: String) -> ViewKey {
        var copy = open(value)
        copy.key.append(byte: 0)
        return copy
    }

    /// UTF-8 text already in bytes, followed by its 0x00 terminator.
    consuming func text(utf8 bytes: UnsafeRawBufferPointer) -> ViewKey {
        key.append(contentsOf: bytes)
        key.append(byte: 0)
        return self
    }

    /// Text without a terminator: the prefix for "starts with" scans.
    consuming func open(_ value: String) -> ViewKey {
        var text = value
        text.withUTF8 { key.append(contentsOf: UnsafeRawBufferPointer($0)) }
        return self
    }

    /// The big-endian number in the last 8 bytes of a key (the id entries end with).
    static func trailingNumber(_ key: [UInt8]) -> UInt64? {
        guard key.count >= 8 else { return nil }
        return key.suffix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The big-endian number at `offset`.
    static func number(in key: [UInt8], at offset: Int) -> UInt64? {
        guard offset >= 0, key.count >= offset + 8 else { return nil }
        return key[offset..<offset + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// An event payload kept as a projection value: one byte of schema version,
/// then the event's own explicit layout. Entries that never change after the
/// event (a payer, a coverage) are stored this way instead of a second layout
/// that could drift from the event's; older schema versions are upcast when read.
enum StoredPayload {
    static func encode<E: EventPayload>(_ event: E) -> [UInt8] {
        var w = ByteWriter()
        w.writeByte(E.schemaVersion)
        event.encode(to: &w)
        return w.bytes
    }

    static func decode<E: EventPayload>(_: E.Type, _ bytes: [UInt8], in projection: String) throws -> E {
        guard let version = bytes.first else { throw ProjectionError.damaged(projection, "empty \(E.typeName) entry") }
        do {
            return try E.decode(Array(bytes.dropFirst()), schemaVersion: version)
        } catch {
            throw ProjectionError.damaged(projection, "\(E.typeName) entry: \(error)")
        }
    }
}
