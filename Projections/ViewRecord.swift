import BinaryCodec

/// A value a read model keeps under one key and changes often: a claim's
/// totals, this month's KPIs, an open item's dated changes.
///
/// Read and changed through `ProjectionTable.record` and `update`, it is decoded
/// once per chunk of events (or once per rebuild), changed in memory by every
/// event that touches it, and encoded once when the chunk is written out — not
/// decoded and encoded again for each event. The stored bytes are exactly what
/// `encode(into:)` writes, so a model written this way is byte for byte the same
/// as one written with `put`.
protocol ViewRecord {
    /// Decodes the value stored under `key` (some records keep part of themselves in the key).
    static func decode(key: [UInt8], bytes: [UInt8]) throws -> Self
    /// Writes the stored bytes: a rebuild encodes each record straight into the buffer it writes out.
    func encode(into w: inout ByteWriter)
}

extension ViewRecord {
    func encoded() -> [UInt8] {
        var w = ByteWriter()
        encode(into: &w)
        return w.bytes
    }
}

/// A decoded record held by a table overlay. The base class lets the overlay
/// encode a record without knowing its type; `RecordBox<R>` holds the value.
class AnyRecordBox {
    /// The record type's identity: telling a box's type this way costs a comparison,
    /// where a cast to the generic `RecordBox<R>` looks up its metadata at run time.
    final let recordType: ObjectIdentifier

    /// Only `RecordBox` makes boxes (so `recordType` always names the box's own record type).
    fileprivate init(recordType: ObjectIdentifier) { self.recordType = recordType }

    /// Overridden by `RecordBox`, the only kind of box there is.
    func encode(into w: inout ByteWriter) {}

    final func encoded() -> [UInt8] {
        var w = ByteWriter()
        encode(into: &w)
        return w.bytes
    }
}

final class RecordBox<R: ViewRecord>: AnyRecordBox {
    /// Changed in place by `ProjectionTable.update`, never from inside its own change.
    @exclusivity(unchecked) var value: R

    init(_ value: R) {
        self.value = value
        super.init(recordType: ObjectIdentifier(R.self))
    }

    override func encode(into w: inout ByteWriter) { value.encode(into: &w) }
}

/// A record whose stored bytes alone decode it (most do; an `AROpenItem` also reads its key).
protocol KeylessViewRecord: ViewRecord {
    static func decode(_ bytes: [UInt8]) throws -> Self
}

extension KeylessViewRecord {
    static func decode(key: [UInt8], bytes: [UInt8]) throws -> Self { try decode(bytes) }
}

/// A running sum kept under one key as a signed varint (unapplied payer cash).
struct StoredSum: KeylessViewRecord {
    var cents: Int64

    func encode(into w: inout ByteWriter) {
        w.writeVarInt(cents)
    }

    static func decode(_ bytes: [UInt8]) throws -> StoredSum {
        var r = ByteReader(bytes)
        return StoredSum(cents: try r.readVarInt())
    }
}
