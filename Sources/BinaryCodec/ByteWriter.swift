/// Appends primitive values to a growing byte array in one explicit layout.
///
/// Integers are little-endian fixed width or LEB128 varints; strings and byte
/// runs are length-prefixed by a varint. Event payloads are written with this
/// type only, so the on-disk layout is spelled out in code, not left to a
/// generic coder.
///
/// ```swift
/// var w = ByteWriter()
/// w.writeVarUInt(42)
/// w.writeString("PT1042")
/// ```
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Bytes written so far.
    public var count: Int { bytes.count }

    public mutating func writeByte(_ value: UInt8) { bytes.append(value) }

    public mutating func writeBool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Unsigned LEB128: small numbers (versions, counts, ids) take one byte.
    public mutating func writeVarUInt(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Zig-zag signed varint, so small negative amounts (reversals) stay short.
    public mutating func writeVarInt(_ value: Int64) {
        writeVarUInt(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    public mutating func writeUInt64BigEndian(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func writeUInt32LittleEndian(_ value: UInt32) {
        for shift in stride(from: 0, through: 24, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    public mutating func writeBytes<C: Collection>(_ data: C) where C.Element == UInt8 {
        writeVarUInt(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    /// Raw bytes with no length prefix (the reader must know the length).
    public mutating func writeRaw<C: Collection>(_ data: C) where C.Element == UInt8 {
        bytes.append(contentsOf: data)
    }

    public mutating func writeString(_ value: String) {
        writeBytes(Array(value.utf8))
    }

    /// Optional values carry a presence byte.
    public mutating func writeOptionalString(_ value: String?) {
        if let value {
            writeByte(1)
            writeString(value)
        } else {
            writeByte(0)
        }
    }

    public mutating func writeOptionalVarInt(_ value: Int64?) {
        if let value {
            writeByte(1)
            writeVarInt(value)
        } else {
            writeByte(0)
        }
    }
}
