import BinaryCodec
import EventLog
import Foundation

/// A read model: a name, a version, the event types it cares about, and how one
/// event changes its table.
///
/// Its table and checkpoint are written in one transaction, so every event is
/// applied exactly once, also after a crash. Bumping `version` makes the runner
/// rebuild it from the log.
public protocol Projection: Sendable {
    var name: String { get }
    var version: Int { get }
    /// The event types `apply` needs; other events are skipped without decoding.
    var eventTypes: Set<String> { get }
    /// About how much memory a rebuild in memory holds for this model per event of
    /// the log, so the runner knows when to rebuild chunk by chunk instead.
    var rebuildBytesPerEvent: Int { get }
    /// Applies one event, decoded once for all models (`payload`). The event's `stream`
    /// and its `payload` bytes are empty here: the runner neither looks stream names up
    /// (read models key by the ids in payloads, and a rebuild meets a stream for nearly
    /// every visit and claim) nor keeps each event's bytes once decoded.
    func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws
}

extension Projection {
    /// Unmeasured: about as much as all the read models together (`ReadModels`).
    public var rebuildBytesPerEvent: Int { 1024 }
}

/// The one table a projection writes, inside the runner's transaction.
///
/// While the runner applies events, reads and writes go through a
/// `TableOverlay`: read models update the same few keys over and over (this
/// month's totals, a claim's record), and the overlay turns those into memory
/// operations. Records (`ViewRecord`) stay decoded there between events; each
/// changed key is written to LMDB once, in key order, when the chunk's
/// transaction commits. A rebuild's overlay is the whole table, written out at
/// the end. A scan first writes the overlay out, so it always sees what `apply`
/// wrote.
public struct ProjectionTable {
    let transaction: KeyValueTransaction?
    /// Resolved once per transaction; nil when a read finds the table not created yet.
    let table: KeyValueTable?
    public let name: String
    /// Present while the runner applies events; nil for a report's read-only view.
    let overlay: TableOverlay?

    init(transaction: KeyValueTransaction, name: String, overlay: TableOverlay? = nil) throws {
        self.transaction = transaction
        self.name = name
        self.table = try transaction.handle(name)
        self.overlay = overlay
    }

    /// A rebuild's table: wholly in memory, so a miss means absent.
    init(memory: TableOverlay, name: String) {
        self.transaction = nil
        self.table = nil
        self.name = name
        self.overlay = memory
    }

    public func get(_ key: [UInt8]) throws -> [UInt8]? { try value(at: CacheKey(key)) }

    public func put(_ key: [UInt8], _ value: [UInt8]) throws { try set(CacheKey(key), .bytes(value)) }

    public func delete(_ key: [UInt8]) throws { try set(CacheKey(key), .absent) }

    // Projections build keys with `ViewKey`, which needs no allocation to look one up.
    func get(_ key: ViewKey) throws -> [UInt8]? { try value(at: key.key) }

    func put(_ key: ViewKey, _ value: [UInt8]) throws { try set(key.key, .bytes(value)) }

    func delete(_ key: ViewKey) throws { try set(key.key, .absent) }

    // In a rebuild, records of numbered families are reached through `overlay?.withRecordFamily`,
    // the key read in place (`numbered`) and the family lent to a closure: binding the overlay
    // or the family, or copying the key, retained and released them on every access — a tenth
    // of a rebuild's instructions.

    /// The record under `key`, decoded once and then kept decoded while events are applied.
    func record<R: ViewRecord>(_ key: some TableKey, as type: R.Type = R.self) throws -> R? {
        if let numbered = key.numbered, let found = overlay?.withRecordFamily(numbered, R.self, create: false, { $0.value(at: numbered.number) }) {
            return found
        }
        let cacheKey = key.cacheKey
        guard let overlay else {
            return try stored(cacheKey).map { try R.decode(key: cacheKey.bytes, bytes: $0) }
        }
        return try box(cacheKey, R.self, in: overlay)?.value
    }

    /// What `body` makes of the record under `key` (nil when there is none). In a rebuild
    /// the record is not copied out, so reading one field of a large record is cheap.
    func read<R: ViewRecord, T>(_ key: some TableKey, as type: R.Type, _ body: (R?) throws -> T) throws -> T {
        if let numbered = key.numbered,
           let found = try overlay?.withRecordFamily(numbered, R.self, create: false, { try $0.withValue(at: numbered.number, body) }) {
            return found
        }
        return try body(try record(key, as: R.self))
    }

    /// Changes the record under `key` in place (starting from `initial` when there is
    /// none) and returns what `change` returns.
    @discardableResult
    func update<R: ViewRecord, T>(_ key: some TableKey, initial: @autoclosure () -> R,
                                  _ change: (inout R) throws -> T) throws -> T {
        if let numbered = key.numbered,
           let done = try overlay?.withRecordFamily(numbered, R.self, create: true, { try $0.update(numbered.number, initial: initial, change) }) {
            return done
        }
        guard let overlay else { throw readOnly }
        let cacheKey = key.cacheKey
        let target: RecordBox<R>
        if let found = try box(cacheKey, R.self, in: overlay) {
            target = found
            // A whole table already holds this box; a cache must remember the key for its flush.
            if !overlay.isWholeTable { overlay.changed.insert(cacheKey) }
        } else {
            target = RecordBox(initial())
            overlay.set(cacheKey, .record(target))
        }
        // Marked changed before `change` runs: a record changed and then thrown out of
        // is dropped with the whole transaction anyway.
        return try change(&target.value)
    }

    /// Changes the record under `key` in place when there is one; nil when there is none.
    @discardableResult
    func updateIfPresent<R: ViewRecord, T>(_ key: some TableKey, as type: R.Type = R.self,
                                           _ change: (inout R) throws -> T) throws -> T? {
        if let numbered = key.numbered,
           let done = try overlay?.withRecordFamily(numbered, R.self, create: false, { try $0.updateIfPresent(numbered.number, change) }) {
            return done
        }
        guard let overlay else { throw readOnly }
        let cacheKey = key.cacheKey
        guard let target = try box(cacheKey, R.self, in: overlay) else { return nil }
        if !overlay.isWholeTable { overlay.changed.insert(cacheKey) }
        return try change(&target.value)
    }

    private func value(at key: CacheKey) throws -> [UInt8]? {
        // A rebuild's table answers from memory; reached through the optional, the overlay is not retained.
        if overlay?.isWholeTable == true { return overlay?[key].flatMap(Self.bytes) }
        guard let overlay else { return try stored(key) }
        return Self.bytes(try slot(key, in: overlay))
    }

    private func set(_ key: CacheKey, _ slot: TableOverlay.Slot) throws {
        // Through the optional rather than a bound copy: the overlay is not retained per write.
        guard overlay != nil else { throw readOnly }
        overlay?.set(key, slot)
    }

    /// A slot's value as bytes (a record encoded); nil when absent.
    private static func bytes(_ slot: TableOverlay.Slot) -> [UInt8]? {
        switch slot {
        case .bytes(let bytes): return bytes
        case .record(let box): return box.encoded()
        case .absent: return nil
        }
    }

    /// What writing to a report's read-only view throws.
    private var readOnly: ProjectionError { .damaged(name, "its table cannot be written in a read transaction") }

    public func scan(prefix: [UInt8] = [], from start: [UInt8]? = nil, reverse: Bool = false,
                     _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        if let overlay, overlay.isWholeTable {
            try overlay.scan(prefix: prefix, from: start, reverse: reverse, body)
            return
        }
        guard let table, let transaction else { return }
        try flush()
        try transaction.scan(table, prefix: prefix, from: start, reverse: reverse, body)
    }

    /// Writes every changed key to LMDB, in key order (cheaper B-tree inserts).
    func flush() throws {
        guard let overlay, !overlay.isWholeTable, let table, let transaction, !overlay.changed.isEmpty else { return }
        for key in overlay.changed.sorted() {
            switch overlay[key] {
            case .bytes(let value)?: try transaction.put(table, key: key.bytes, value: value)
            case .record(let box)?: try transaction.put(table, key: key.bytes, value: box.encoded())
            case .absent?, nil: try transaction.delete(table, key: key.bytes)
            }
        }
        overlay.changed.removeAll(keepingCapacity: true)
    }

    private func stored(_ key: CacheKey) throws -> [UInt8]? {
        guard let table, let transaction else { return nil }
        return try transaction.get(table, key: key.bytes)
    }

    /// What the overlay knows of `key`, reading LMDB once on a miss.
    private func slot(_ key: CacheKey, in overlay: TableOverlay) throws -> TableOverlay.Slot {
        if let known = overlay[key] { return known }
        if overlay.isWholeTable { return .absent }
        let loaded: TableOverlay.Slot = try stored(key).map { .bytes($0) } ?? .absent
        overlay[key] = loaded
        return loaded
    }

    /// The decoded record under `key`, decoding stored bytes once and keeping the result.
    private func box<R: ViewRecord>(_ key: CacheKey, _: R.Type, in overlay: TableOverlay) throws -> RecordBox<R>? {
        switch try slot(key, in: overlay) {
        case .absent:
            return nil
        case .record(let box):
            // An identity check, not a dynamic cast: this runs for nearly every table access.
            if box.recordType == ObjectIdentifier(R.self) { return unsafeDowncast(box, to: RecordBox<R>.self) }
            // Read as another record type than it was written as: go through its bytes.
            return try decoded(box.encoded(), key, overlay)
        case .bytes(let bytes):
            return try decoded(bytes, key, overlay)
        }
    }

    private func decoded<R: ViewRecord>(_ bytes: [UInt8], _ key: CacheKey, _ overlay: TableOverlay) throws -> RecordBox<R> {
        let box: RecordBox<R>
        do {
            box = RecordBox(try R.decode(key: key.bytes, bytes: bytes))
        } catch let error as ProjectionError {
            throw error
        } catch {
            throw ProjectionError.damaged(name, "\(R.self) entry: \(error)")
        }
        overlay[key] = .record(box)   // same value, decoded: not a change
        return box
    }
}
