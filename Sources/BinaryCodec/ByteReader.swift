/// Reads what `ByteWriter` wrote, throwing instead of trapping on short or
/// hostile input: a damaged record must become an error a user can read.
///
/// Its methods are inlinable, for the same reason as `ByteWriter`'s: a rebuild
/// decodes every event of the log.
public struct ByteReader {
    public let bytes: [UInt8]
    @usableFromInline var position: Int

    /// Where the next read starts.
    @inlinable public var offset: Int { position }

    @inlinable
    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.position = offset
    }

    @inlinable public var isAtEnd: Bool { position >= bytes.count }
    @inlinable public var remaining: Int { bytes.count - position }

    @inlinable
    public mutating func readByte() throws(DecodingError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated(at: offset) }
        let b = bytes[offset]
        position += 1
        return b
    }

    @inlinable
    public mutating func readBool() throws(DecodingError) -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        default: throw .invalid(at: offset - 1, reason: "boolean byte is neither 0 nor 1")
        }
    }

    @inlinable
    public mutating func readVarUInt() throws(DecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readByte()
            if shift == 63 && b > 1 { throw .invalid(at: offset - 1, reason: "varint overflows 64 bits") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw .invalid(at: offset - 1, reason: "varint longer than 10 bytes") }
        }
    }

    @inlinable
    public mutating func readVarInt() throws(DecodingError) -> Int64 {
        let raw = try readVarUInt()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A varint that must fit an `Int` count or length.
    @inlinable
    public mutating func readLength() throws(DecodingError) -> Int {
        let start = offset
        let raw = try readVarUInt()
        guard raw <= UInt64(remaining) else { throw .invalid(at: start, reason: "length \(raw) runs past the end") }
        return Int(raw)
    }

    @inlinable
    public mutating func readUInt64BigEndian() throws(DecodingError) -> UInt64 {
        guard remaining >= 8 else { throw .truncated(at: offset) }
        var v: UInt64 = 0
        for i in 0..<8 { v = (v << 8) | UInt64(bytes[offset + i]) }
        position += 8
        return v
    }

    @inlinable
    public mutating func readUInt32LittleEndian() throws(DecodingError) -> UInt32 {
        guard remaining >= 4 else { throw .truncated(at: offset) }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[offset + i]) << UInt32(8 * i) }
        position += 4
        return v
    }

    @inlinable
    public mutating func readRaw(count: Int) throws(DecodingError) -> ArraySlice<UInt8> {
        guard count >= 0, remaining >= count else { throw .truncated(at: offset) }
        let slice = bytes[offset..<(offset + count)]
        position += count
        return slice
    }

    @inlinable
    public mutating func readBytes() throws(DecodingError) -> [UInt8] {
        let n = try readLength()
        return Array(try readRaw(count: n))
    }

    @inlinable
    public mutating func readString() throws(DecodingError) -> String {
        let start = offset
        let n = try readLength()
        // Straight from the slice: no intermediate array.
        guard let s = try readRaw(count: n).withUnsafeBufferPointer(String.init(validatingUTF8Bytes:)) else {
            throw .invalid(at: start, reason: "string is not valid UTF-8")
        }
        return s
    }

    @inlinable
    public mutating func readOptionalString() throws(DecodingError) -> String? {
        try readBool() ? try readString() : nil
    }

    @inlinable
    public mutating func readOptionalVarInt() throws(DecodingError) -> Int64? {
        try readBool() ? try readVarInt() : nil
    }
}

/// Why bytes could not be decoded, with the offset where it went wrong.
public enum DecodingError: Error, Equatable, CustomStringConvertible {
    case truncated(at: Int)
    case invalid(at: Int, reason: String)
    case unknownSchemaVersion(type: String, version: Int)
    case unknownEventType(String)

    public var description: String {
        switch self {
        case .truncated(let at): return "record truncated at byte \(at)"
        case .invalid(let at, let reason): return "invalid record at byte \(at): \(reason)"
        case .unknownSchemaVersion(let type, let version): return "\(type) has no decoder for schema version \(version)"
        case .unknownEventType(let type): return "no decoder is registered for event type \(type)"
        }
    }
}

extension String {
    /// The text of valid UTF-8 bytes, nil for invalid ones. ASCII (nearly every stored
    /// string: codes, ids, zone names) needs no validation and takes a shortcut; the
    /// generic `String(validating:as:)` looked up type metadata on every call.
    @inlinable
    public init?(validatingUTF8Bytes bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            self = String(decoding: bytes, as: UTF8.self)
        } else if let text = String(validating: bytes, as: UTF8.self) {
            self = text
        } else {
            return nil
        }
    }
}
