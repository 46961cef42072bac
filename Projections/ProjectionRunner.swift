import BinaryCodec
import EventLog
import Dispatch
import Foundation
import RevenueCycle

/// Keeps read models caught up with the log, rebuilds them, and reports where they stand.
///
/// Catching up reads the log once for all projections behind, decodes each
/// event once, and applies chunks of events in one views transaction together
/// with the new checkpoints. A rebuild applies the whole log to in-memory
/// tables, each projection on its own core, writes them out in key order into
/// fresh LMDB tables and switches the catalog to them in one transaction, so
/// readers never see half a model; if the rebuild is killed, the old tables
/// stay in use. A rebuild holds the models in memory (under 1 KB per event);
/// when that would pass `rebuildMemoryLimit` it fills the fresh tables chunk by
/// chunk instead, as a catch-up does — slower, in bounded memory — and switches
/// the same way.
public final class ProjectionRunner {
    public let store: EventStore
    public let views: KeyValueStore
    public let projections: [any Projection]
    /// Events applied per views transaction.
    public var chunkSize = 20_000
    /// How much memory a rebuild may expect to hold its models in; when the estimate
    /// (`estimatedRebuildBytes`) is larger it goes chunk by chunk, whose memory is
    /// bounded by `chunkSize` instead. nil: half of what the system (or the process's
    /// cgroup) has available.
    public var rebuildMemoryLimit: Int?
    /// The memory a rebuild in memory is expected to hold for `projections` over a
    /// log of `events`: each model's `rebuildBytesPerEvent` (all seven read models
    /// together: 1,000 bytes, rounded up from the 0.7-0.82 KB of peak memory measured
    /// over a million billing events, tables freed after the switch included).
    public static func estimatedRebuildBytes(events: UInt64, projections: [any Projection]) -> Int {
        let perEvent = projections.reduce(0) { $0 + $1.rebuildBytesPerEvent }
        let (bytes, overflow) = Int(clamping: events).multipliedReportingOverflow(by: perEvent)
        return overflow ? Int.max : bytes
    }

    /// Names of read models no longer kept (merged into another or dropped): a rebuild
    /// removes what a store still has of them, tables and catalog entries.
    public let retired: [String]

    public init(store: EventStore, views: KeyValueStore, projections: [any Projection], retired: [String] = []) {
        self.store = store
        self.views = views
        self.projections = projections
        self.retired = retired
    }

    /// A projection at least this many events behind, and behind by more than half
    /// the log, is rebuilt rather than caught up: a rebuild applies about 2.5× as many
    /// events a second (measured over 300k billing events), so past half it is sooner.
    public var rebuildWhenBehindBy: UInt64 = 50_000

    /// Brings every projection up to the log's head; one whose version changed, or one
    /// so far behind that a rebuild is quicker (a large import), is rebuilt first. Like
    /// `rebuild`, call it from a thread of its own, not from a Dispatch worker.
    public func catchUp(progress: ((UInt64, UInt64) -> Void)? = nil) throws {
        if !(try staleProjections()).isEmpty {
            // Another process may be rebuilding the same models: wait for it, then look again.
            try views.exclusively("rebuild") {
                let stale = try staleProjections()
                if !stale.isEmpty { _ = try rebuildHoldingLock(stale, progress: progress) }
            }
        }
        try apply(to: projections, catalogKey: { $0 }, progress: progress)
    }

    /// Projections never built, built by another version, or far enough behind
    /// (`rebuildWhenBehindBy`) that rebuilding them is quicker than catching up.
    private func staleProjections() throws -> Set<String> {
        let head = try store.lastPosition()
        let entries = try views.read { tx in try projections.map { try CatalogEntry.read($0.name, in: tx) } }
        var stale: [any Projection] = []
        var farBehind: [any Projection] = []
        for (projection, entry) in zip(projections, entries) {
            guard let entry, entry.version == projection.version else { stale.append(projection); continue }
            let behind = head - min(entry.checkpoint, head)
            if behind >= rebuildWhenBehindBy && behind > head / 2 { farBehind.append(projection) }
        }
        // A rebuild past the memory limit goes chunk by chunk from the start: never quicker than catching up.
        if !farBehind.isEmpty, fitsInMemory(events: head, stale + farBehind, limit: memoryLimit) { stale += farBehind }
        return Set(stale.map(\.name))
    }

    /// `rebuildMemoryLimit`, or half of what the system has available; nil when unknown.
    private var memoryLimit: Int? { rebuildMemoryLimit ?? SystemMemory.availableBytes().map { $0 / 2 } }

    /// Whether a rebuild of `chosen` over a log of `events` may hold them in memory.
    private func fitsInMemory(events: UInt64, _ chosen: [any Projection], limit: Int?) -> Bool {
        guard let limit else { return true }
        return Self.estimatedRebuildBytes(events: events, projections: chosen) <= limit
    }

    /// Rebuilds the named projections (all when empty) into fresh tables and swaps them in.
    /// Rebuilds of one store's views take turns across processes. It blocks while
    /// Dispatch's workers apply and sort, so call it from a thread of its own (the
    /// CLI's main thread), not from a Dispatch worker, which on a small machine could
    /// leave none to run them.
    @discardableResult
    public func rebuild(_ names: Set<String> = [], progress: ((UInt64, UInt64) -> Void)? = nil) throws -> RebuildTimings {
        try views.exclusively("rebuild") { try rebuildHoldingLock(names, progress: progress) }
    }

    private func rebuildHoldingLock(_ names: Set<String>, progress: ((UInt64, UInt64) -> Void)?) throws -> RebuildTimings {
        let chosen = projections.filter { names.isEmpty || names.contains($0.name) }
        // Fresh tables, named by a new generation; the catalog keeps pointing at the old ones meanwhile.
        var fresh: [CatalogEntry] = []
        try views.write { tx in
            // Leftovers of a rebuild that was killed, of any model: tables the catalog does not
            // point at and staged entries. Rebuilds take turns, so none is in use.
            try dropLeftovers(in: tx)
            // The body runs again if the map has to grow: start from empty each time.
            fresh = []
            for p in chosen {
                let old = try CatalogEntry.read(p.name, in: tx)
                let generation = (old?.generation ?? 0) + 1
                fresh.append(CatalogEntry(version: p.version, table: "\(p.name)#\(generation)", checkpoint: 0, generation: generation))
            }
        }
        let events = try store.lastPosition()
        if let limit = memoryLimit, !fitsInMemory(events: events, chosen, limit: limit) {
            return try rebuildInBoundedMemory(chosen, fresh: fresh, events: events, limit: limit, progress: progress)
        }
        var timings = RebuildTimings()
        let built = try InMemoryBuild(store: store, projections: chosen, chunkSize: chunkSize)
            .run(timings: &timings, progress: progress)
        let packed = PackedTables(built)
        defer { packed.finish() }

        let writingStarted = RebuildTimings.now()
        // The fresh tables are unused until the switch, so their writes need not be synced one by one.
        try views.withoutSyncing {
            for _ in 0..<packed.count {
                let waitStarted = RebuildTimings.now()
                let (i, entries) = packed.next()
                timings.packing += RebuildTimings.now() - waitStarted
                // Room for the table while the old one still exists (LMDB frees it at the switch):
                // leaf entries carry an 8-byte header, and pages are not filled to the last byte.
                let bytes = entries.byteCount + 16 * entries.count
                try views.reserve(bytes: bytes + bytes / 2 + (1 << 20))
                try write(entries, into: fresh[i].table)
                fresh[i].checkpoint = built.checkpoint
            }
        }
        // The switch: one transaction points the catalog at the new tables and drops the old.
        try views.write { tx in
            for (p, entry) in zip(chosen, fresh) { try switchCatalog(p.name, to: entry, in: tx) }
        }
        timings.writing = RebuildTimings.now() - writingStarted - timings.packing
        // Events appended during the switch are applied by the normal catch-up.
        try apply(to: chosen, catalogKey: { $0 }, progress: nil)
        PackedTables.freeInBackground(built.overlays)
        return timings
    }

    /// Drops every model's tables that its live catalog entry does not name, and
    /// its staged entry: what a killed rebuild (in memory or chunk by chunk) leaves;
    /// and everything of a retired model.
    private func dropLeftovers(in tx: KeyValueTransaction) throws {
        let tables = try tx.tableNames()
        for p in projections {
            try CatalogEntry.remove(Self.stagedKey(p.name), in: tx)
            let live = try CatalogEntry.read(p.name, in: tx)?.table
            for table in tables where table.hasPrefix(p.name + "#") && table != live { try tx.drop(table) }
        }
        for name in retired where !projections.contains(where: { $0.name == name }) {
            try CatalogEntry.remove(name, in: tx)
            try CatalogEntry.remove(Self.stagedKey(name), in: tx)
            for table in tables where table.hasPrefix(name + "#") { try tx.drop(table) }
        }
    }

    /// Points the catalog at a rebuilt table and drops the one it replaces.
    private func switchCatalog(_ name: String, to entry: CatalogEntry, in tx: KeyValueTransaction) throws {
        let old = try CatalogEntry.read(name, in: tx)
        try entry.write(name, in: tx)
        if let old, old.table != entry.table { try tx.drop(old.table) }
    }

    /// The catalog key under which a bounded rebuild keeps its fresh table's entry
    /// (and checkpoint) until the switch. Read model names have no '#'.
    static func stagedKey(_ projection: String) -> String { projection + "#staged" }

    /// A rebuild too big to hold in memory: the fresh tables are filled chunk by
    /// chunk like a catch-up, their entries staged in the catalog beside the live
    /// ones, then switched in one transaction. Killed halfway, the old tables stay
    /// in use and the next rebuild starts a fresh generation over the leftovers.
    private func rebuildInBoundedMemory(_ chosen: [any Projection], fresh: [CatalogEntry], events: UInt64, limit: Int,
                                        progress: ((UInt64, UInt64) -> Void)?) throws -> RebuildTimings {
        var timings = RebuildTimings()
        timings.events = events
        timings.boundedMemoryLimit = limit
        timings.estimatedBytes = Self.estimatedRebuildBytes(events: events, projections: chosen)
        try views.write { tx in
            for (p, entry) in zip(chosen, fresh) { try entry.write(Self.stagedKey(p.name), in: tx) }
        }
        let started = RebuildTimings.now()
        // The staged tables are unused until the switch: their chunks need not be synced one by one.
        try views.withoutSyncing { try apply(to: chosen, catalogKey: Self.stagedKey, progress: progress) }
        timings.applying = RebuildTimings.now() - started
        let switching = RebuildTimings.now()
        try views.write { tx in
            for p in chosen {
                guard let staged = try CatalogEntry.read(Self.stagedKey(p.name), in: tx) else {
                    throw ProjectionError.damaged(p.name, "its staged rebuild vanished before the switch")
                }
                try CatalogEntry.remove(Self.stagedKey(p.name), in: tx)
                try switchCatalog(p.name, to: staged, in: tx)
            }
        }
        timings.writing = RebuildTimings.now() - switching
        try apply(to: chosen, catalogKey: { $0 }, progress: nil)
        return timings
    }

    /// Writes a rebuilt table's sorted entries with MDB_APPEND, in transactions of bounded size.
    private func write(_ entries: PackedEntries, into table: String) throws {
        var index = 0
        repeat {
            let upper = min(index + 250_000, entries.count)
            try views.write { tx in
                guard let handle = try tx.handle(table) else { return }
                try tx.append(to: handle) { appender in
                    try entries.forEach(in: index..<upper) { key, value in try appender.append(key: key, value: value) }
                }
            }
            index = upper
        } while index < entries.count
    }

    /// Applies log events after each projection's checkpoint, in chunks, each chunk
    /// in one views transaction together with the new checkpoints. `catalogKey` names
    /// the catalog entry of each projection's table: the live one, or a staged rebuild's.
    private func apply(to chosen: [any Projection], catalogKey: (String) -> String,
                       progress: ((UInt64, UInt64) -> Void)?) throws {
        let head = try store.lastPosition()
        func entryFor(_ name: String, _ tx: KeyValueTransaction) throws -> CatalogEntry? {
            try CatalogEntry.read(catalogKey(name), in: tx)
        }
        var entries: [String: CatalogEntry] = try views.read { tx in
            var out: [String: CatalogEntry] = [:]
            for p in chosen { out[p.name] = try entryFor(p.name, tx) }
            return out
        }
        let lowest = chosen.compactMap { entries[$0.name]?.checkpoint }.min() ?? head
        guard lowest < head else { return }
        let routing = EventRouting(chosen)
        var position = lowest
        while position < head {
            let chunkEnd = min(position + UInt64(chunkSize), head)
            let chunk = try DecodedChunk(store, from: position + 1, through: chunkEnd, routing: routing)
            var behind: UInt64?
            entries = try views.write { tx in
                var updated = entries
                for (index, p) in chosen.enumerated() {
                    // Re-read inside the transaction: another process may have applied these events
                    // already, or switched in a rebuilt table whose checkpoint is before this chunk.
                    guard var entry = try entryFor(p.name, tx) else { continue }
                    if entry.checkpoint < position {
                        // Events before this chunk are missing from that table: leave it for the next pass.
                        behind = min(behind ?? entry.checkpoint, entry.checkpoint)
                        updated[p.name] = entry
                        continue
                    }
                    let table = try ProjectionTable(transaction: tx, name: entry.table, overlay: TableOverlay(wholeTable: false))
                    try chunk.apply(p, index: index, routing: routing, after: entry.checkpoint, to: table)
                    try table.flush()
                    entry.checkpoint = max(entry.checkpoint, chunkEnd)
                    try entry.write(catalogKey(p.name), in: tx)
                    updated[p.name] = entry
                }
                return updated
            }
            position = behind ?? chunkEnd
            progress?(position, head)
        }
    }

    public func status() throws -> [ProjectionStatus] {
        let head = try store.lastPosition()
        return try views.read { tx in
            try projections.map { p in
                let entry = try CatalogEntry.read(p.name, in: tx)
                return ProjectionStatus(name: p.name, version: p.version, storedVersion: entry?.version,
                                        checkpoint: entry?.checkpoint ?? 0,
                                        lag: head - min(entry?.checkpoint ?? 0, head),
                                        bytes: try entry.map { try tx.bytesUsed($0.table) } ?? 0,
                                        entries: try entry.map { try tx.count($0.table) } ?? 0)
            }
        }
    }

    /// Runs `body` with read access to one projection's current table, in one snapshot.
    public func read<T>(_ projection: String, _ body: (ProjectionTable) throws -> T) throws -> T {
        try views.read { tx in
            guard let entry = try CatalogEntry.read(projection, in: tx) else {
                throw ProjectionError.notBuilt(projection)
            }
            return try body(try ProjectionTable(transaction: tx, name: entry.table))
        }
    }
}

public enum ProjectionError: Error, Equatable, CustomStringConvertible {
    case notBuilt(String)
    case unknown(String)
    case damaged(String, String)

    public var description: String {
        switch self {
        case .notBuilt(let name): return "read model \(name) has not been built yet"
        case .unknown(let name): return "there is no read model called \(name)"
        case let .damaged(name, reason): return "read model \(name) is damaged: \(reason)"
        }
    }
}
