import BinaryCodec
import CLMDB
import Foundation

/// Dictionaries by id, loaded lazily from the log; immutable once written.
final class DictionaryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt32: [UInt8]] = [:]

    func get(_ id: UInt32, txn: LMDBTransaction) throws -> [UInt8] {
        lock.lock()
        if let cached = bytes[id] { lock.unlock(); return cached }
        lock.unlock()
        guard let stored = try txn.get(txn.database(LogDatabase.dictionaries), BigEndian.u32(id)) else {
            throw EventStoreError.storeCorrupt(reason: "dictionary \(id) named by a record is missing")
        }
        lock.lock(); bytes[id] = stored; lock.unlock()
        return stored
    }
}

/// Turns stored records into `RecordedEvent`s inside one read transaction:
/// decompression context, batch metadata and interned names are reused across
/// the records of a scan.
final class RecordDecoder {
    private let store: EventStore
    private let txn: LMDBTransaction
    private let decompressor: ZstdDecompressor
    private var batchFirst: UInt64 = 0
    /// What every event of the current batch shares, kept apart from the batch record
    /// (its per-event fingerprints included): checking and reading these per event
    /// copies no arrays.
    private var batchLoaded = false
    private var batchRecordedAt: Int64 = 0
    private var batchCorrelation = ""
    private var batchCausation = ""
    private var batchActor = ""
    /// The buffer payloads are decompressed into (`withPayload`).
    private var payloadScratch: [UInt8] = []
    private var batchID = BatchID()
    /// Names by number, dense from 1: arrays beat locked dictionaries on the hot path.
    /// Read once per event and never while being changed, so without run-time exclusivity checks.
    @exclusivity(unchecked) private var streamNames: [String?] = []
    @exclusivity(unchecked) private var typeNames: [String?] = []
    /// A forward scan meets new streams in number order, so a cursor walking
    /// `stream-names` resolves them without a B-tree descent each.
    private var streamNameCursor: LMDBCursor?
    private var streamNameCursorAt: UInt32 = 0

    init(store: EventStore, txn: LMDBTransaction) throws {
        self.store = store
        self.txn = txn
        self.decompressor = try ZstdDecompressor()
    }

    /// The type name of a record without decoding its payload (for type-filtered scans).
    func typeName(of header: RecordHeader) throws -> String {
        let n = Int(header.typeNumber)
        if n < typeNames.count, let known = typeNames[n] { return known }
        let name = try name(header.typeNumber, kind: .eventType, cache: store.typeNames)
        if n >= typeNames.count { typeNames.append(contentsOf: repeatElement(nil, count: n - typeNames.count + 1)) }
        typeNames[n] = name
        return name
    }

    func streamName(_ number: UInt32) throws -> String {
        let n = Int(number)
        if n < streamNames.count, let known = streamNames[n] { return known }
        let cursor = try streamNameCursor ?? txn.cursor(txn.database(LogDatabase.streamNames))
        streamNameCursor = cursor
        var found: String?
        let op = number == streamNameCursorAt + 1 && streamNameCursorAt > 0 ? MDB_NEXT : MDB_SET_KEY
        try cursor.move(op, key: op == MDB_SET_KEY ? BigEndian.u32(number) : nil) { k, v in
            guard BigEndian.u32(ArraySlice(k)) == number else { return }
            found = String(validatingUTF8Bytes: v.assumingMemoryBound(to: UInt8.self))
        }
        guard let found else {
            streamNameCursorAt = 0   // the cursor is no longer where we think
            throw EventStoreError.storeCorrupt(reason: "the stream-names table has no name for stream \(number)")
        }
        streamNameCursorAt = number
        // Kept both ways (streams: name → number): a changed byte in the name breaks the pair.
        guard try StreamTable.lookup(found, txn: txn)?.number == number else {
            throw EventStoreError.storeCorrupt(reason: "the stream-names table's name for stream \(number) does not match the streams table")
        }
        if n >= streamNames.count {
            streamNames.append(contentsOf: repeatElement(nil, count: max(n - streamNames.count + 1, streamNames.count)))
        }
        streamNames[n] = found
        return found
    }

    func header(_ raw: UnsafeRawBufferPointer) throws -> RecordHeader {
        try RecordHeader.decode(raw)
    }

    /// The event at `position`; with `streams` false its `stream` is left empty, which
    /// saves a name lookup for every stream a scan meets (read models do not need them),
    /// and without `keepingPayload` its `payload` is empty (see `withPayload`).
    func decode(position: UInt64, raw: UnsafeRawBufferPointer, header: RecordHeader, streams: Bool = true,
                keepingPayload: Bool = true) throws -> RecordedEvent {
        var payload: [UInt8] = []
        if keepingPayload { try decompress(raw, header, into: &payload) }
        guard header.offsetInBatch < position else {
            throw EventStoreError.storeCorrupt(reason: "record at position \(position) claims an impossible batch offset")
        }
        try loadBatch(first: position - header.offsetInBatch, position: position)
        return RecordedEvent(position: position,
                             stream: streams ? try streamName(header.streamNumber) : "",
                             streamVersion: header.streamVersion,
                             typeName: try typeName(of: header),
                             typeNumber: header.typeNumber,
                             schemaVersion: header.schemaVersion,
                             payload: payload,
                             recordedAtMillis: batchRecordedAt,
                             actor: batchActor,
                             correlation: batchCorrelation,
                             causation: batchCausation,
                             batchID: batchID,
                             indexInBatch: header.offsetInBatch)
    }

    /// Calls `body` with the record's payload, decompressed into a buffer reused from one
    /// record to the next (an event that keeps its payload gets an array of its own).
    func withPayload<T>(_ raw: UnsafeRawBufferPointer, _ header: RecordHeader, _ body: ([UInt8]) throws -> T) throws -> T {
        try decompress(raw, header, into: &payloadScratch)
        return try body(payloadScratch)
    }

    /// The record's payload, decompressed into `output` (replacing what it held).
    private func decompress(_ raw: UnsafeRawBufferPointer, _ header: RecordHeader, into output: inout [UInt8]) throws {
        let payloadBytes = UnsafeRawBufferPointer(rebasing: raw[header.payloadOffset...])
        switch header.encoding {
        case .raw:
            output.removeAll(keepingCapacity: true)
            output.append(contentsOf: payloadBytes)
        case .zstd:
            try decompressor.decompress(payloadBytes, rawLength: header.rawLength, dictionary: 0, into: &output)
        case .zstdDictionary:
            if !decompressor.hasDictionary(header.dictionaryID) {
                try decompressor.addDictionary(id: header.dictionaryID, bytes: store.dictionaries.get(header.dictionaryID, txn: txn))
            }
            try decompressor.decompress(payloadBytes, rawLength: header.rawLength, dictionary: header.dictionaryID, into: &output)
        }
    }

    private func loadBatch(first: UInt64, position: UInt64) throws {
        if batchLoaded && batchFirst == first { return }
        guard let raw = try txn.get(txn.database(LogDatabase.batches), BigEndian.u64(first)) else {
            throw EventStoreError.storeCorrupt(reason: "the batch holding position \(position) is missing")
        }
        let record = try BatchRecord.decode(raw)
        batchActor = try name(record.actorNumber, kind: .actor, cache: store.actorNames)
        batchID = BatchID(bytes: record.batchID) ?? BatchID()
        batchRecordedAt = record.recordedAtMillis
        batchCorrelation = record.correlation
        batchCausation = record.causation
        batchLoaded = true
        batchFirst = first
    }

    /// Interned name lookup; `kind` nil means a stream number.
    private func name(_ number: UInt32, kind: NameKind?, cache: NameCache) throws -> String {
        if let cached = cache.name(for: number) { return cached }
        let raw: [UInt8]?
        if let kind {
            raw = try txn.get(txn.database(LogDatabase.names), kind.key(number))
        } else {
            raw = try txn.get(txn.database(LogDatabase.streamNames), BigEndian.u32(number))
        }
        let what = kind == .eventType ? "event type" : kind == .actor ? "actor" : "stream"
        let table = kind == nil ? LogDatabase.streamNames : LogDatabase.names
        guard let raw, let name = raw.withUnsafeBufferPointer(String.init(validatingUTF8Bytes:)) else {
            throw EventStoreError.storeCorrupt(reason: "the \(table) table has no readable name for \(what) \(number)")
        }
        // Names are kept both ways; a changed byte in either breaks the pair. Checked once
        // per name and process (then cached), so a damaged name is never read as another.
        let pointsBack: Bool
        if let kind {
            pointsBack = try txn.get(txn.database(LogDatabase.names), kind.key(name)) == BigEndian.u32(number)
        } else {
            pointsBack = try StreamTable.lookup(name, txn: txn)?.number == number
        }
        guard pointsBack else {
            throw EventStoreError.storeCorrupt(reason: "the \(table) table's name for \(what) \(number) does not match its entry the other way")
        }
        cache.remember(name, number)
        return name
    }
}
