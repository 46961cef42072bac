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
///
/// Its methods are inlinable: the read models encode millions of records per
/// rebuild, and a call into this module per byte written cost more than the writing.
public struct ByteWriter: Sendable {
    @usableFromInline var storage: [UInt8]

    /// What has been written.
    @inlinable public var bytes: [UInt8] { storage }

    @inlinable
    public init(capacity: Int = 64) {
        storage = []
        storage.reserveCapacity(capacity)
    }

    /// Room for `count` more bytes without growing.
    @inlinable
    public mutating func reserveCapacity(_ count: Int) { storage.reserveCapacity(storage.count + count) }

    /// Bytes written so far.
    @inlinable public var count: Int { storage.count }

    @inlinable
    public mutating func writeByte(_ value: UInt8) { storage.append(value) }

    @inlinable
    public mutating func writeBool(_ value: Bool) { storage.append(value ? 1 : 0) }

    /// Unsigned LEB128: small numbers (versions, counts, ids) take one byte.
    @inlinable
    public mutating func writeVarUInt(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            storage.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        storage.append(UInt8(v))
    }

    /// Zig-zag signed varint, so small negative amounts (reversals) stay short.
    @inlinable
    public mutating func writeVarInt(_ value: Int64) {
        writeVarUInt(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    @inlinable
    public mutating func writeUInt64BigEndian(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { storage.append(contentsOf: $0) }
    }

    @inlinable
    public mutating func writeUInt32LittleEndian(_ value: UInt32) {
        for shift in stride(from: 0, through: 24, by: 8) {
            storage.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    @inlinable
    public mutating func writeBytes<C: Collection>(_ data: C) where C.Element == UInt8 {
        writeVarUInt(UInt64(data.count))
        storage.append(contentsOf: data)
    }

    /// Raw bytes with no length prefix (the reader must know the length).
    @inlinable
    public mutating func writeRaw<C: Collection>(_ data: C) where C.Element == UInt8 {
        storage.append(contentsOf: data)
    }

    @inlinable
    public mutating func writeString(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            writeVarUInt(UInt64(utf8.count))
            storage.append(contentsOf: utf8)
        }
    }

    /// Optional values carry a presence byte.
    @inlinable
    public mutating func writeOptionalString(_ value: String?) {
        if let value {
            writeByte(1)
            writeString(value)
        } else {
            writeByte(0)
        }
    }

    @inlinable
    public mutating func writeOptionalVarInt(_ value: Int64?) {
        if let value {
            writeByte(1)
            writeVarInt(value)
        } else {
            writeByte(0)
        }
    }
}
