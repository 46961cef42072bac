import BinaryCodec

// Domain values in event payloads: each has one fixed binary form, written
// here and nowhere else, and every read re-validates so a damaged or hostile
// record becomes a `DecodingError` instead of an invalid value in memory.

extension ByteWriter {
    mutating func write(_ id: some PrefixedID) { writeVarUInt(id.number) }
    mutating func write(_ money: Money) { writeVarInt(money.cents) }
    /// Days since 1970-01-01 as a zig-zag varint (3 bytes for this century).
    mutating func write(_ date: LocalDate) { writeVarInt(date.daysSinceEpoch) }
    mutating func write(_ time: LocalTime) { writeVarUInt(UInt64(time.minutesSinceMidnight)) }
    mutating func write(_ local: LocalDateTime) {
        write(local.date)
        write(local.time)
    }
    mutating func write(_ instant: Instant) { writeVarInt(instant.secondsSinceEpoch) }
    mutating func write(_ count: Int) { writeVarInt(Int64(count)) }

    mutating func writeOptional<T>(_ value: T?, _ body: (inout ByteWriter, T) -> Void) {
        if let value {
            writeByte(1)
            body(&self, value)
        } else {
            writeByte(0)
        }
    }

    mutating func writeArray<T>(_ values: [T], _ body: (inout ByteWriter, T) -> Void) {
        writeVarUInt(UInt64(values.count))
        for v in values { body(&self, v) }
    }
}

extension ByteReader {
    mutating func readID<T: PrefixedID>(_: T.Type = T.self) throws(DecodingError) -> T { T(try readVarUInt()) }

    mutating func readMoney() throws(DecodingError) -> Money { Money(cents: try readVarInt()) }

    mutating func readDate() throws(DecodingError) -> LocalDate {
        let start = offset
        let days = try readVarInt()
        // Years 0001-9999, the range `LocalDate.parse` accepts.
        guard (-719_162...2_932_896).contains(days) else { throw .invalid(at: start, reason: "date out of range") }
        return LocalDate(daysSinceEpoch: days)
    }

    mutating func readTime() throws(DecodingError) -> LocalTime {
        let start = offset
        let m = try readVarUInt()
        guard m < 1440 else { throw .invalid(at: start, reason: "time of day out of range") }
        return LocalTime(clamping: Int(m))
    }

    mutating func readLocalDateTime() throws(DecodingError) -> LocalDateTime {
        LocalDateTime(date: try readDate(), time: try readTime())
    }

    mutating func readInstant() throws(DecodingError) -> Instant { Instant(secondsSinceEpoch: try readVarInt()) }

    mutating func readInt() throws(DecodingError) -> Int {
        let start = offset
        let v = try readVarInt()
        guard let i = Int(exactly: v) else { throw .invalid(at: start, reason: "integer out of range") }
        return i
    }

    /// Reads a string and re-validates it with the value's own initializer.
    mutating func readValue<T>(_ make: (String) throws(ValueError) -> T) throws(DecodingError) -> T {
        let start = offset
        let text = try readString()
        do {
            return try make(text)
        } catch {
            throw .invalid(at: start, reason: error.description)
        }
    }

    /// Reads a one-byte tag and maps it through `cases` (tag = index).
    mutating func readTag<T>(_ cases: [T], what: String) throws(DecodingError) -> T {
        let start = offset
        let b = Int(try readByte())
        guard b < cases.count else { throw .invalid(at: start, reason: "unknown \(what) tag \(b)") }
        return cases[b]
    }

    mutating func readOptional<T>(_ body: (inout ByteReader) throws(DecodingError) -> T) throws(DecodingError) -> T? {
        try readBool() ? try body(&self) : nil
    }

    mutating func readArray<T>(_ body: (inout ByteReader) throws(DecodingError) -> T) throws(DecodingError) -> [T] {
        let start = offset
        let n = try readVarUInt()
        // Every element takes at least one byte, so a larger count is a lie.
        guard n <= UInt64(remaining) else { throw .invalid(at: start, reason: "array count \(n) runs past the end") }
        var out: [T] = []
        out.reserveCapacity(Int(n))
        for _ in 0..<n { out.append(try body(&self)) }
        return out
    }
}

/// The version guard every decoder starts with.
func requireSchemaVersion(_ version: UInt8, in supported: ClosedRange<UInt8>, for typeName: String) throws(DecodingError) {
    guard supported.contains(version) else { throw .unknownSchemaVersion(type: typeName, version: Int(version)) }
}

// JSON renderings shared by the events.
extension JSONValue {
    static func id(_ id: some PrefixedID) -> JSONValue { .string(id.description) }
    static func money(_ m: Money) -> JSONValue { JSONNumbers.money(m) }
    static func text(_ value: some CustomStringConvertible) -> JSONValue { .string(value.description) }
    static func maybe<T>(_ value: T?, _ render: (T) -> JSONValue) -> JSONValue { value.map(render) ?? .null }
    static func count(_ n: Int) -> JSONValue { .int(Int64(n)) }
}

/// An enum stored as a one-byte tag: its position in `codecOrder`. The order
/// is part of the on-disk format: append new cases, never reorder.
protocol BinaryTagged: Equatable {
    static var codecOrder: [Self] { get }
    static var tagName: String { get }
}

extension ByteWriter {
    mutating func writeTag<T: BinaryTagged>(_ value: T) {
        writeByte(UInt8(T.codecOrder.firstIndex(of: value) ?? 0))
    }
}

extension ByteReader {
    mutating func readTag<T: BinaryTagged>(_: T.Type = T.self) throws(DecodingError) -> T {
        try readTag(T.codecOrder, what: T.tagName)
    }
}

extension Sex: BinaryTagged {
    static let codecOrder: [Sex] = [.female, .male, .unknown]
    static let tagName = "sex"
}

extension Role: BinaryTagged {
    static let codecOrder: [Role] = [.frontDesk, .biller, .auditor, .admin]
    static let tagName = "role"
}

extension Weekday: BinaryTagged {
    static let codecOrder: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
    static let tagName = "weekday"
}
