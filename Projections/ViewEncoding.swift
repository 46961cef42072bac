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
struct ViewKey {
    private(set) var bytes: [UInt8]

    /// Every key starts with a one-letter tag naming what kind of entry it is.
    init(_ tag: Unicode.Scalar) {
        bytes = [UInt8(ascii: tag)]
    }

    func number(_ value: UInt64) -> ViewKey {
        var copy = self
        copy.bytes.append(contentsOf: Self.bigEndian(value))
        return copy
    }

    /// Eight bytes, most significant first.
    static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }

    func id(_ id: some PrefixedID) -> ViewKey { number(id.number) }

    func signed(_ value: Int64) -> ViewKey { number(UInt64(bitPattern: value) ^ (1 << 63)) }

    func date(_ date: LocalDate) -> ViewKey { signed(date.daysSinceEpoch) }

    /// Text followed by its 0x00 terminator.
    func text(_ value: String) -> ViewKey { open(value).terminated() }

    /// Text without a terminator: the prefix for "starts with" scans.
    func open(_ value: String) -> ViewKey {
        var copy = self
        copy.bytes.append(contentsOf: value.utf8)
        return copy
    }

    private func terminated() -> ViewKey {
        var copy = self
        copy.bytes.append(0)
        return copy
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
