import CLMDB
import Foundation

/// The append-only event log of one practice, kept in an LMDB environment.
///
/// Several processes may open the same store: LMDB serialises writers across
/// processes, and every append decides its positions, versions and ids inside
/// its one write transaction, so positions are gap-free and in commit order.
///
/// ```swift
/// let store = try EventStore.open(at: "practica-data")
/// let result = try store.append(AppendMetadata(actor: "ana")) { _ in
///     [NewEvent(stream: "patient-PT1001", PatientRegistered(...))]
/// }
/// ```
public final class EventStore: @unchecked Sendable {
    public let paths: StorePaths
    let environment: LMDBEnvironment
    let typeNames = NameCache()
    let actorNames = NameCache()
    let streamNames = NameCache()
    let dictionaries = DictionaryCache()
    private let writeLock = NSLock()
    private let compressor: ZstdCompressor
    private let parallelCompressor: ParallelCompressor
    /// Train a first dictionary once this many events exist, then again each time the log grows this many times over.
    public var autoTrainThreshold: UInt64 = 2_000
    static let autoTrainGrowthFactor: UInt64 = 8

    /// zstd level 3: with a trained dictionary, faster levels save little time and cost bytes.
    static let compressionLevel: Int32 = 3

    /// The initial map; it grows on demand, so this is not a limit.
    public static let defaultMapSize = 64 << 20

    /// Set on a replay copy (`practica replay`): the log is read as if it ended at this
    /// position, and nothing may be appended.
    public let horizon: UInt64?

    private init(paths: StorePaths, environment: LMDBEnvironment) throws(EventStoreError) {
        self.paths = paths
        self.environment = environment
        self.horizon = ReplayHorizon.read(paths)
        self.compressor = try ZstdCompressor(level: Self.compressionLevel)
        self.parallelCompressor = try ParallelCompressor(level: Self.compressionLevel)
    }

    /// Creates a new, empty store.
    /// - throws: `.storeExists` when one is already there.
    /// Its folders and files are readable by the owner alone, or by `permissions`' group too.
    public static func create(at root: String, mapSize: Int = defaultMapSize,
                              permissions: StorePermissions = .ownerOnly) throws(EventStoreError) -> EventStore {
        let paths = StorePaths(root: root)
        if FileManager.default.fileExists(atPath: paths.dataFile) { throw .storeExists(path: paths.root) }
        try permissions.createStoreRoot(paths.root)
        try permissions.createDirectory(paths.log)
        let store = try openEnvironment(paths, mapSize: mapSize, create: true)
        try permissions.restrict(file: paths.dataFile)
        try permissions.restrict(file: paths.log + "/lock.mdb")
        try store.run("write the format marker") {
            try store.environment.write { txn in
                let meta = txn.database(LogDatabase.meta)
                if try txn.get(meta, MetaKey.format) == nil { try txn.put(meta, MetaKey.format, [1]) }
                try MetaDigest.store(txn)
            }
        }
        return store
    }

    /// Opens an existing store.
    /// - throws: `.storeMissing` when there is none, `.storeCorrupt` when the file is not a Practica log.
    public static func open(at root: String, mapSize: Int = defaultMapSize) throws(EventStoreError) -> EventStore {
        let paths = StorePaths(root: root)
        guard FileManager.default.fileExists(atPath: paths.dataFile) else { throw .storeMissing(path: paths.root) }
        let store = try openEnvironment(paths, mapSize: mapSize, create: false)
        let format = try store.run("read the format marker") {
            try store.environment.read { txn in try txn.get(txn.database(LogDatabase.meta), MetaKey.format) }
        }
        guard format == [1] else { throw .storeCorrupt(reason: "\(paths.log) is not a Practica event log (format marker missing)") }
        return store
    }

    private static func openEnvironment(_ paths: StorePaths, mapSize: Int, create: Bool) throws(EventStoreError) -> EventStore {
        switch DataFileCheck.inspect(paths.dataFile) {
        case .absent:
            if !create { throw .storeMissing(path: paths.root) }
        case .sound:
            break
        case .damaged(let reason):
            throw .storeCorrupt(reason: reason)
        case .unreadable(let reason):
            throw .storeUnavailable(path: paths.root, reason: "\(paths.dataFile): \(reason)")
        }
        let env: LMDBEnvironment
        do {
            env = try LMDBEnvironment(path: paths.log, mapSize: mapSize, maxDatabases: 16,
                                      fileMode: StorePermissions.of(root: paths.root).fileMode)
        } catch {
            if error.meansCorruption { throw .storeCorrupt(reason: "\(paths.dataFile): \(error)") }
            throw .storeUnavailable(path: paths.root, reason: error.description)
        }
        do {
            try env.openDatabases(LogDatabase.all, create: true, flags: LogDatabase.flags)
        } catch {
            if error.meansCorruption { throw .storeCorrupt(reason: "\(paths.dataFile): \(error)") }
            if error == .notFound { throw .storeCorrupt(reason: "\(paths.log) lacks the log's tables") }
            throw .storeUnavailable(path: paths.root, reason: error.description)
        }
        return try EventStore(paths: paths, environment: env)
    }

    /// Who may read this store's files, as its root folder records it.
    public var permissions: StorePermissions { .of(root: paths.root) }

    /// Runs LMDB work, turning its errors into store errors that name the operation.
    func run<T>(_ operation: String, _ body: () throws -> T) throws(EventStoreError) -> T {
        do {
            return try passingCallerErrors(operation, body)
        } catch let error as EventStoreError {
            throw error
        } catch {
            throw .invalidBatch(reason: "\(error)")
        }
    }

    /// Like `run`, but an error thrown by the caller's own code (a decision refusing
    /// inside `append`) comes out unchanged, so the caller can report it as it is.
    func passingCallerErrors<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LMDBError {
            if error.meansCorruption { throw EventStoreError.storeCorrupt(reason: "\(operation): \(error)") }
            throw EventStoreError.lmdb(error, operation: operation)
        }
    }

    // MARK: - Head

    /// The last position in the log (0 when empty).
    public func lastPosition() throws(EventStoreError) -> UInt64 {
        let head = try run("read the log head") { try environment.read { txn in try Head.read(txn).position } }
        return horizon.map { min($0, head) } ?? head
    }

    public func streamVersion(_ stream: String) throws(EventStoreError) -> UInt64 {
        if horizon != nil {
            return try run("read stream \(stream)") { UInt64(try readStream(stream).count) }
        }
        return try run("read stream \(stream)") {
            try environment.read { txn in try StreamTable.lookup(stream, txn: txn)?.version ?? 0 }
        }
    }

    // MARK: - Append

    /// Appends one batch atomically: all events in one durable LMDB transaction, or none.
    ///
    /// `build` runs inside the write transaction and returns the events; it may
    /// allocate human ids through the context and read stream versions, which no
    /// other writer can change meanwhile. It may run again if the map must grow,
    /// so it must not have effects outside the context.
    ///
    /// - Parameters:
    ///   - expectations: a version per stream the batch relies on.
    ///   - expectedHead: when set, the log's last position the decision was made on.
    /// - throws: `.conflict` naming the stream and both versions; `.logMoved`; `.invalidBatch`;
    ///   or whatever `build` threw, unchanged. A batch whose id is already stored appends
    ///   nothing and returns the original positions.
    @discardableResult
    public func append(_ metadata: AppendMetadata,
                       expectations: [String: ExpectedVersion] = [:],
                       expectedHead: UInt64? = nil,
                       build: (AppendContext) throws -> [NewEvent]) throws -> AppendResult {
        if horizon != nil { throw EventStoreError.readOnlyReplay(path: paths.root) }
        writeLock.lock()
        defer { writeLock.unlock() }
        var interned: [(NameCache, String, UInt32)] = []
        let result: AppendResult = try passingCallerErrors("append") {
            try environment.write { txn in
                interned.removeAll()
                if let existing = try txn.get(txn.database(LogDatabase.commands), metadata.batchID.bytes) {
                    guard let first = BigEndian.u64(existing.prefix(8)), let count = BigEndian.u64(existing.dropFirst(8)) else {
                        throw EventStoreError.storeCorrupt(reason: "command record for batch \(metadata.batchID) is damaged")
                    }
                    return AppendResult(firstPosition: first, count: count, wasDuplicate: true)
                }
                let head = try Head.read(txn)
                if let expectedHead, expectedHead != head.position {
                    throw EventStoreError.logMoved(expected: expectedHead, actual: head.position)
                }
                let context = AppendContext(txn: txn, head: head.position)
                let events = try build(context)
                return try self.write(events, metadata: metadata, expectations: expectations, head: head,
                                      txn: txn, interned: &interned)
            }
        }
        for (cache, name, number) in interned { cache.remember(name, number) }
        if !result.wasDuplicate { maybeAutoTrain(eventCount: result.lastPosition) }
        return result
    }

    /// Appends a prepared batch (no decision inside the transaction).
    @discardableResult
    public func append(_ events: [NewEvent], metadata: AppendMetadata,
                       expectations: [String: ExpectedVersion] = [:]) throws -> AppendResult {
        try append(metadata, expectations: expectations) { _ in events }
    }

    private func write(_ events: [NewEvent], metadata: AppendMetadata, expectations: [String: ExpectedVersion],
                       head: Head, txn: LMDBTransaction, interned: inout [(NameCache, String, UInt32)]) throws -> AppendResult {
        guard !events.isEmpty else { throw EventStoreError.invalidBatch(reason: "a batch needs at least one event") }
        for (stream, expected) in expectations.sorted(by: { $0.key < $1.key }) {
            let actual = try StreamTable.lookup(stream, txn: txn)?.version ?? 0
            if !expected.admits(actual) { throw EventStoreError.conflict(stream: stream, expected: expected, actual: actual) }
        }
        let eventsDB = txn.database(LogDatabase.events)
        let indexDB = txn.database(LogDatabase.streamIndex)
        let dictionaryID = try currentDictionary(txn: txn, loadInto: compressor)
        var streams: [String: StreamTable.Entry] = [:]
        var nextStreamNumber: UInt32?
        var hasher = Blake2b()
        let first = head.position + 1
        let actor = try intern(metadata.actor, kind: .actor, cache: actorNames, txn: txn, interned: &interned)
        let recordedAt = Int64(((metadata.recordedAt ?? Date()).timeIntervalSince1970 * 1000).rounded())
        var batch = BatchRecord(batchID: metadata.batchID.bytes, recordedAtMillis: recordedAt, actorNumber: actor,
                                correlation: metadata.correlation, causation: metadata.causation,
                                count: UInt64(events.count), link: [], fingerprints: [])
        batch.fingerprints.reserveCapacity(events.count)
        hasher.update(head.link)
        hasher.update(batch.headerBytes())

        var record: [UInt8] = []
        record.reserveCapacity(256)
        var pipeline: CompressionPipeline?
        if events.count >= ParallelCompressor.minimumBatch && parallelCompressor.isWorthIt {
            let dictionaryBytes = dictionaryID == 0 ? nil : try txn.get(txn.database(LogDatabase.dictionaries), BigEndian.u32(dictionaryID))
            pipeline = try parallelCompressor.start(events.map(\.payload), dictionary: dictionaryID, dictionaryBytes: dictionaryBytes)
        }
        defer { pipeline?.finish() }
        streams.reserveCapacity(events.count)
        var typeNumbers: [(name: String, number: UInt32)] = []
        for (index, event) in events.enumerated() {
            try Self.validate(event)
            // One hash of the stream id per event: look up once, then update in place.
            var entry: StreamTable.Entry
            let slot = streams.index(forKey: event.stream)
            if let slot {
                entry = streams.values[slot]
            } else if let stored = try StreamTable.lookup(event.stream, txn: txn) {
                entry = stored
            } else {
                let number = try nextStreamNumber ?? Self.readNextStreamNumber(txn)
                nextStreamNumber = number + 1
                entry = StreamTable.Entry(number: number, version: 0)
                try txn.put(txn.database(LogDatabase.streamNames), BigEndian.u32(number), Array(event.stream.utf8))
                interned.append((streamNames, event.stream, number))
            }
            entry.version += 1
            if let slot { streams.values[slot] = entry } else { streams[event.stream] = entry }
            // A batch holds few event types: a short list beats hashing the name each time.
            let type: UInt32
            if let known = typeNumbers.first(where: { $0.name == event.typeName }) {
                type = known.number
            } else {
                type = try intern(event.typeName, kind: .eventType, cache: typeNames, txn: txn, interned: &interned)
                typeNumbers.append((event.typeName, type))
            }
            var header = RecordHeader(encoding: .raw, offsetInBatch: UInt64(index), typeNumber: type,
                                      schemaVersion: event.schemaVersion, streamNumber: entry.number,
                                      streamVersion: entry.version, dictionaryID: dictionaryID,
                                      rawLength: event.payload.count, payloadOffset: 0)
            func encode(_ compressed: UnsafeRawBufferPointer?) {
                if let compressed {
                    header.encoding = dictionaryID == 0 ? .zstd : .zstdDictionary
                    RecordHeader.encode(header, payload: compressed, into: &record)
                } else {
                    event.payload.withUnsafeBytes { RecordHeader.encode(header, payload: $0, into: &record) }
                }
            }
            if let pipeline {
                if let bytes = try pipeline.payload(at: index) { bytes.withUnsafeBytes { encode($0) } } else { encode(nil) }
            } else {
                try compressor.compress(event.payload, dictionary: dictionaryID) { encode($0) }
            }
            var positionKey = (first + UInt64(index)).bigEndian
            var streamKey = entry.number.bigEndian
            try withUnsafeBytes(of: &positionKey) { key in
                try record.withUnsafeBytes { value in
                    try txn.put(eventsDB, key: key, value: value, flags: MDB_APPEND)
                    var digest = Blake2b.recordDigest(value)
                    digest.feed(&hasher)
                    batch.fingerprints.append(digest.fingerprint)
                }
                try withUnsafeBytes(of: &streamKey) { try txn.put(indexDB, key: $0, value: key) }
            }
        }
        for (stream, entry) in streams { try StreamTable.store(stream, entry, txn: txn) }
        if let nextStreamNumber {
            try txn.put(txn.database(LogDatabase.meta), MetaKey.nextStreamNumber, BigEndian.u32(nextStreamNumber))
        }
        batch.link = hasher.finish()
        let last = first + UInt64(events.count) - 1
        try txn.put(txn.database(LogDatabase.batches), BigEndian.u64(first), batch.encoded(), flags: MDB_APPEND)
        try txn.put(txn.database(LogDatabase.commands), metadata.batchID.bytes, BigEndian.u64(first) + BigEndian.u64(UInt64(events.count)))
        try Head(position: last, link: batch.link).write(txn)
        try MetaDigest.store(txn)
        return AppendResult(firstPosition: first, count: UInt64(events.count), wasDuplicate: false)
    }

    /// Whether `stream` could name a stream at all (1–200 bytes of UTF-8).
    public static func isPossibleStreamID(_ stream: String) -> Bool {
        let count = stream.utf8.count
        return count > 0 && count <= maxStreamIDBytes
    }

    public static let maxStreamIDBytes = 200

    static func validate(_ event: NewEvent) throws {
        let streamBytes = event.stream.utf8.count
        guard streamBytes > 0, streamBytes <= 200 else {
            throw EventStoreError.invalidBatch(reason: "stream id must be 1–200 bytes, got \(streamBytes)")
        }
        guard !event.typeName.isEmpty, event.typeName.utf8.count <= 100 else {
            throw EventStoreError.invalidBatch(reason: "event type name must be 1–100 bytes")
        }
        guard event.payload.count <= 16 << 20 else {
            throw EventStoreError.invalidBatch(reason: "an event payload may not exceed 16 MiB")
        }
    }

    private static func readNextStreamNumber(_ txn: LMDBTransaction) throws -> UInt32 {
        guard let raw = try txn.get(txn.database(LogDatabase.meta), MetaKey.nextStreamNumber) else { return 1 }
        return BigEndian.u32(raw[...]) ?? 1
    }

    private func intern(_ name: String, kind: NameKind, cache: NameCache, txn: LMDBTransaction,
                        interned: inout [(NameCache, String, UInt32)]) throws -> UInt32 {
        if let n = cache.number(for: name) { return n }
        if let pending = interned.first(where: { $0.0 === cache && $0.1 == name }) { return pending.2 }
        let namesDB = txn.database(LogDatabase.names)
        if let raw = try txn.get(namesDB, kind.key(name)), let n = BigEndian.u32(raw[...]) {
            interned.append((cache, name, n))
            return n
        }
        let counterKey = [kind.rawValue | 0x40]
        let next = (try txn.get(namesDB, counterKey)).flatMap { BigEndian.u32($0[...]) }.map { $0 + 1 } ?? 1
        try txn.put(namesDB, counterKey, BigEndian.u32(next))
        try txn.put(namesDB, kind.key(name), BigEndian.u32(next))
        try txn.put(namesDB, kind.key(next), Array(name.utf8))
        interned.append((cache, name, next))
        return next
    }

    /// The dictionary new records are compressed with (0 = none yet), loaded into `compressor`.
    private func currentDictionary(txn: LMDBTransaction, loadInto compressor: ZstdCompressor) throws -> UInt32 {
        guard let raw = try txn.get(txn.database(LogDatabase.meta), MetaKey.currentDictionary),
              let id = BigEndian.u32(raw[...]) else { return 0 }
        if !compressor.hasDictionary(id) {
            guard let bytes = try txn.get(txn.database(LogDatabase.dictionaries), BigEndian.u32(id)) else {
                throw EventStoreError.storeCorrupt(reason: "current dictionary \(id) is missing")
            }
            try compressor.addDictionary(id: id, bytes: bytes)
        }
        return id
    }
}

/// The log's head: its last position and the chain link of the last batch.
struct Head {
    var position: UInt64
    var link: [UInt8]

    static let genesis = Head(position: 0, link: [UInt8](repeating: 0, count: Blake2b.linkLength))

    static func read(_ txn: LMDBTransaction) throws -> Head {
        guard let raw = try txn.get(txn.database(LogDatabase.meta), MetaKey.head) else { return .genesis }
        guard raw.count == 8 + Blake2b.linkLength, let position = BigEndian.u64(raw.prefix(8)) else {
            throw EventStoreError.storeCorrupt(reason: "the log head record is damaged")
        }
        return Head(position: position, link: Array(raw.dropFirst(8)))
    }

    func write(_ txn: LMDBTransaction) throws {
        try txn.put(txn.database(LogDatabase.meta), MetaKey.head, BigEndian.u64(position) + link)
    }
}
