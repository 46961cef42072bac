import BinaryCodec

/// How the payload bytes of a record are stored.
enum PayloadEncoding: UInt8 {
    case raw = 0
    case zstd = 1
    case zstdDictionary = 2
}

/// The header of one event record, as stored under its position in `events`.
///
/// Layout (all varints unless noted):
/// `encoding:u8 · offsetInBatch · typeNumber · schemaVersion:u8 · streamNumber ·
///  streamVersion · [dictionaryID] · [rawLength] · payload…`
/// Per-batch facts (id, time, actor, correlation, causation, chain link) live
/// once in the batch record, which keeps an event near its payload's size.
struct RecordHeader: Equatable {
    var encoding: PayloadEncoding
    var offsetInBatch: UInt64
    var typeNumber: UInt32
    var schemaVersion: UInt8
    var streamNumber: UInt32
    var streamVersion: UInt64
    var dictionaryID: UInt32
    var rawLength: Int
    /// Where the payload starts in the record.
    var payloadOffset: Int

    static func encode(_ h: RecordHeader, payload: [UInt8]) -> [UInt8] {
        var record: [UInt8] = []
        payload.withUnsafeBytes { encode(h, payload: $0, into: &record) }
        return record
    }

    /// Writes header and payload into `record`, reusing its storage (the append hot path).
    static func encode(_ h: RecordHeader, payload: UnsafeRawBufferPointer, into record: inout [UInt8]) {
        record.removeAll(keepingCapacity: true)
        record.append(h.encoding.rawValue)
        StreamTable.appendVarint(h.offsetInBatch, to: &record)
        StreamTable.appendVarint(UInt64(h.typeNumber), to: &record)
        record.append(h.schemaVersion)
        StreamTable.appendVarint(UInt64(h.streamNumber), to: &record)
        StreamTable.appendVarint(h.streamVersion, to: &record)
        if h.encoding == .zstdDictionary { StreamTable.appendVarint(UInt64(h.dictionaryID), to: &record) }
        if h.encoding != .raw { StreamTable.appendVarint(UInt64(h.rawLength), to: &record) }
        record.append(contentsOf: payload)
    }

    /// Parses a header straight from LMDB's memory, without copying the record.
    static func decode(_ raw: UnsafeRawBufferPointer) throws(EventStoreError) -> RecordHeader {
        var cursor = RawCursor(raw)
        guard let encodingByte = cursor.byte(), let encoding = PayloadEncoding(rawValue: encodingByte) else {
            throw .storeCorrupt(reason: "record has an unknown payload encoding")
        }
        guard let offset = cursor.varint(), let type = cursor.varint(), let schema = cursor.byte(),
              let stream = cursor.varint(), let version = cursor.varint() else {
            throw .storeCorrupt(reason: "record header is truncated")
        }
        var dict: UInt64 = 0
        var rawLength = 0
        if encoding == .zstdDictionary {
            guard let d = cursor.varint() else { throw .storeCorrupt(reason: "record header is truncated") }
            dict = d
        }
        if encoding != .raw {
            guard let n = cursor.varint(), n <= 64 << 20 else { throw .storeCorrupt(reason: "record length is damaged") }
            rawLength = Int(n)
        } else {
            rawLength = raw.count - cursor.offset
        }
        guard type <= UInt32.max, stream <= UInt32.max, dict <= UInt32.max else {
            throw .storeCorrupt(reason: "record header numbers out of range")
        }
        return RecordHeader(encoding: encoding, offsetInBatch: offset, typeNumber: UInt32(type),
                            schemaVersion: schema, streamNumber: UInt32(stream), streamVersion: version,
                            dictionaryID: UInt32(dict), rawLength: rawLength, payloadOffset: cursor.offset)
    }
}

/// Minimal reader over LMDB memory for the hot read path (no allocation).
struct RawCursor {
    let raw: UnsafeRawBufferPointer
    var offset = 0

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    mutating func byte() -> UInt8? {
        guard offset < raw.count else { return nil }
        defer { offset += 1 }
        return raw[offset]
    }

    mutating func varint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count, shift < 64 {
            let b = raw[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
        return nil
    }
}

/// What one append batch records once for all its events, plus the chain link.
///
/// Layout: `format:u8 · batchID:16 · recordedAtMillis · actorNumber · correlation ·
/// causation · count · link:32 · fingerprint:u32le × count`.
/// The link is BLAKE2b-256(previous link ‖ header bytes ‖ digest₁ ‖ … ‖ digestₙ), each
/// digest the 16-byte BLAKE2b of one record.
struct BatchRecord: Equatable {
    var batchID: [UInt8]
    var recordedAtMillis: Int64
    var actorNumber: UInt32
    var correlation: String
    var causation: String
    var count: UInt64
    var link: [UInt8]
    var fingerprints: [UInt32]

    /// The bytes covered by the chain: everything before the link.
    func headerBytes() -> [UInt8] {
        var w = ByteWriter(capacity: 64)
        w.writeByte(1)
        w.writeRaw(batchID)
        w.writeVarInt(recordedAtMillis)
        w.writeVarUInt(UInt64(actorNumber))
        w.writeString(correlation)
        w.writeString(causation)
        w.writeVarUInt(count)
        return w.bytes
    }

    func encoded() -> [UInt8] {
        var bytes = headerBytes()
        bytes.append(contentsOf: link)
        var w = ByteWriter(capacity: fingerprints.count * 4)
        for f in fingerprints { w.writeUInt32LittleEndian(f) }
        bytes.append(contentsOf: w.bytes)
        return bytes
    }

    static func decode(_ bytes: [UInt8]) throws(EventStoreError) -> BatchRecord {
        var r = ByteReader(bytes)
        do {
            guard try r.readByte() == 1 else { throw EventStoreError.storeCorrupt(reason: "batch record has an unknown format") }
            let id = Array(try r.readRaw(count: 16))
            let at = try r.readVarInt()
            let actor = try r.readVarUInt()
            let correlation = try r.readString()
            let causation = try r.readString()
            let count = try r.readVarUInt()
            let link = Array(try r.readRaw(count: Blake2b.linkLength))
            guard count <= UInt64(r.remaining) / 4, UInt64(r.remaining) == count &* 4, actor <= UInt32.max else {
                throw EventStoreError.storeCorrupt(reason: "batch record fingerprints do not match its count")
            }
            var prints: [UInt32] = []
            prints.reserveCapacity(Int(count))
            for _ in 0..<count { prints.append(try r.readUInt32LittleEndian()) }
            return BatchRecord(batchID: id, recordedAtMillis: at, actorNumber: UInt32(actor), correlation: correlation,
                               causation: causation, count: count, link: link, fingerprints: prints)
        } catch let e as EventStoreError {
            throw e
        } catch {
            throw .storeCorrupt(reason: "batch record: \(error)")
        }
    }
}
