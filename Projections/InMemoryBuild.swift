import Dispatch
import EventLog
import Foundation

/// Where a rebuild's time went: printed by `projections rebuild` and reported by the benchmark.
public struct RebuildTimings: Sendable {
    public var events: UInt64 = 0
    /// Waiting for the log to be scanned, decompressed and decoded (one thread, once for
    /// all models; it runs ahead while the previous chunk is applied, so this is what it
    /// could not hide).
    public var reading: Double = 0
    /// The projections' `apply`, one projection per core.
    public var applying: Double = 0
    /// Encoding records and sorting each table by key.
    public var packing: Double = 0
    /// Writing the tables, syncing, and switching the catalog to them.
    public var writing: Double = 0
    /// Each projection's share of `applying`, in seconds of one core.
    public var applyingByModel: [(name: String, seconds: Double)] = []
    /// Set when the models would not fit this many bytes of memory, so the fresh
    /// tables were filled chunk by chunk (`applying` is then the whole fill, and
    /// `writing` the switch).
    public var boundedMemoryLimit: Int?
    /// What the rebuild in memory was estimated to need, when it went chunk by chunk instead.
    public var estimatedBytes: Int?

    public var total: Double { reading + applying + packing + writing }

    public var summary: String {
        "read \(Self.format(reading)), apply \(Self.format(applying)), sort \(Self.format(packing)), write \(Self.format(writing))"
    }

    static func format(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }

    /// Seconds since an arbitrary start, for measuring phases.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

/// The in-memory part of a rebuild: the whole log applied to fresh tables held
/// in memory, each projection on a core of its own; then (`PackedTables`) each
/// table encoded and sorted by key on the worker threads, ready to be appended
/// to LMDB in order while the next one is still being sorted.
struct InMemoryBuild {
    let store: EventStore
    let projections: [any Projection]
    let chunkSize: Int

    struct Result {
        /// The in-memory tables, in the order of `projections`.
        var overlays: [TableOverlay]
        /// The last position applied.
        var checkpoint: UInt64
    }

    func run(timings: inout RebuildTimings, progress: ((UInt64, UInt64) -> Void)?) throws -> Result {
        let head = try store.lastPosition()
        let overlays = projections.map { _ in TableOverlay(wholeTable: true) }
        let routing = EventRouting(projections)
        let failures = RebuildFailures()
        let costs = ProjectionCosts(count: projections.count)
        let reader = ChunkPrefetcher(store, routing: routing, chunkSize: chunkSize, head: head)
        defer { reader.finish() }
        while true {
            let started = RebuildTimings.now()
            guard let (chunk, through) = try reader.next() else { break }
            let decoded = RebuildTimings.now()
            timings.reading += decoded - started
            timings.events += UInt64(chunk.count)
            // Costliest projections first, so the cores finish the chunk together.
            let order = costs.costliestFirst()
            DispatchQueue.concurrentPerform(iterations: projections.count) { k in
                let i = order[k]
                let table = ProjectionTable(memory: overlays[i], name: projections[i].name)
                let begun = RebuildTimings.now()
                do {
                    try chunk.apply(projections[i], index: i, routing: routing, to: table)
                } catch {
                    failures.record(error)
                }
                costs.record(i, RebuildTimings.now() - begun)
            }
            // Freeing a chunk's events costs about a model's time (0.7-0.9 s at 1M events): the
            // reader's thread, which made them, frees them while the cores apply the next chunk.
            reader.dispose(consume chunk)
            if let error = failures.first { throw error }
            timings.applying += RebuildTimings.now() - decoded
            progress?(through, head)
        }
        timings.applyingByModel = zip(projections, costs.total).map { ($0.name, $1) }
        return Result(overlays: overlays, checkpoint: head)
    }
}

/// Encodes and sorts a rebuild's tables on the worker threads, handing each over
/// as soon as it is ready, so the writer appends one table to LMDB while the
/// others are still being sorted. The largest table is packed first while the
/// other workers pack the rest smallest first: the writer gets its first table
/// soon and is not left waiting for the largest at the end. The in-memory
/// tables are freed after the switch, in the background (`freeInBackground`).
final class PackedTables: @unchecked Sendable {
    private let lock = NSLock()
    private var ready: [(index: Int, entries: PackedEntries)] = []
    private let available = DispatchSemaphore(value: 0)
    private let done = DispatchGroup()
    let count: Int

    init(_ built: InMemoryBuild.Result) {
        count = built.overlays.count
        let overlays = built.overlays
        let order = Self.packingOrder(sizes: overlays.map(\.entryCountEstimate))
        DispatchQueue.global().async(group: done) { [self] in
            DispatchQueue.concurrentPerform(iterations: order.count) { k in
                let i = order[k]
                let entries = overlays[i].packedEntries()
                lock.lock()
                ready.append((i, entries))
                lock.unlock()
                available.signal()
            }
        }
    }

    /// Frees a rebuild's in-memory tables on a background thread. Freeing millions of
    /// records is CPU that the packing and the writer would otherwise share two cores
    /// with; a process that exits right after the rebuild (the CLI) does not wait for it.
    static func freeInBackground(_ overlays: [TableOverlay]) {
        DispatchQueue.global(qos: .utility).async { overlays.forEach { $0.removeAll() } }
    }

    /// Table indices in the order they are packed: the largest, then the others smallest first.
    static func packingOrder(sizes: [Int]) -> [Int] {
        guard let largest = sizes.indices.max(by: { sizes[$0] < sizes[$1] }) else { return [] }
        return [largest] + sizes.indices.filter { $0 != largest }.sorted { (sizes[$0], $0) < (sizes[$1], $1) }
    }

    /// The next packed table (waits for one); call it `count` times.
    func next() -> (index: Int, entries: PackedEntries) {
        available.wait()
        lock.lock(); defer { lock.unlock() }
        return ready.removeFirst()
    }

    /// Waits until every table is packed.
    func finish() { done.wait() }
}

/// How long each projection took on the last chunk (its share of the work), and in all.
private final class ProjectionCosts: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: [Double]
    private var totals: [Double]

    init(count: Int) {
        seconds = Array(repeating: 0, count: count)
        totals = seconds
    }

    func record(_ index: Int, _ duration: Double) {
        lock.lock(); defer { lock.unlock() }
        seconds[index] = duration
        totals[index] += duration
    }

    var total: [Double] {
        lock.lock(); defer { lock.unlock() }
        return totals
    }

    func costliestFirst() -> [Int] {
        lock.lock(); defer { lock.unlock() }
        return seconds.indices.sorted { seconds[$0] > seconds[$1] }
    }
}

/// The first error any rebuild thread hit.
final class RebuildFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Error?

    var first: Error? {
        lock.lock(); defer { lock.unlock() }
        return error
    }

    func record(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }
}
