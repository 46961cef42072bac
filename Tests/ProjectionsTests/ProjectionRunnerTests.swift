import BinaryCodec
import EventLog
@testable import Projections
import RevenueCycle
import XCTest

/// Counts events per type and remembers the last position: enough to see
/// exactly-once application, rebuilds and swaps.
struct TypeCounter: Projection {
    var name = "type-counter"
    var version = 1
    var eventTypes: Set<String> = [AppointmentBooked.typeName, PatientRegistered.typeName, AppointmentNoShow.typeName]
    /// When set, applying this position throws (a crash in the middle of a rebuild).
    var failAt: UInt64?

    struct Boom: Error {}

    func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws {
        if let failAt, event.position >= failAt { throw Boom() }
        let key = Array(event.typeName.utf8)
        var r = ByteReader(try table.get(key) ?? [0])
        var w = ByteWriter()
        w.writeVarUInt(try r.readVarUInt() + 1)
        try table.put(key, w.bytes)
    }
}

final class ProjectionRunnerTests: XCTestCase {
    private func makeStore(events: Int) throws -> (EventStore, KeyValueStore) {
        let root = NSTemporaryDirectory() + "practica-projections/\(UUID().uuidString)"
        let store = try EventStore.create(at: root)
        var workload = SyntheticWorkload(seed: 7)
        var done = 0
        while done < events {
            let n = min(1_000, events - done)
            try store.append(workload.next(n).map { NewEvent(stream: $0.stream, typeName: $0.typeName, schemaVersion: $0.schemaVersion, payload: $0.payload) },
                             metadata: AppendMetadata(actor: "t"))
            done += n
        }
        return (store, try KeyValueStore(path: store.paths.views))
    }

    private func counts(_ runner: ProjectionRunner, _ name: String = "type-counter") throws -> [String: UInt64] {
        try runner.read(name) { table in
            var out: [String: UInt64] = [:]
            try table.scan { k, v in
                var r = ByteReader(v)
                out[String(decoding: k, as: UTF8.self)] = try r.readVarUInt()
                return true
            }
            return out
        }
    }

    /// The same counts computed straight from the raw events.
    private func independentCounts(_ store: EventStore, types: Set<String>) throws -> [String: UInt64] {
        var out: [String: UInt64] = [:]
        try store.scan(from: 1) { e in
            if types.contains(e.typeName) { out[e.typeName, default: 0] += 1 }
            return true
        }
        return out
    }

    func testIncrementalCatchUpEqualsFullRebuildAndRawCount() throws {
        let (store, views) = try makeStore(events: 5_000)
        let runner = ProjectionRunner(store: store, views: views, projections: [TypeCounter()])
        runner.chunkSize = 700
        try runner.catchUp()
        var workload = SyntheticWorkload(seed: 99, streamPrefix: "more-")
        try store.append(workload.next(1_234).map { NewEvent(stream: $0.stream, typeName: $0.typeName, schemaVersion: $0.schemaVersion, payload: $0.payload) },
                         metadata: AppendMetadata(actor: "t"))
        try runner.catchUp()
        try runner.catchUp()   // nothing new: nothing applied twice
        let incremental = try counts(runner)
        XCTAssertEqual(incremental, try independentCounts(store, types: TypeCounter().eventTypes))
        try runner.rebuild()
        XCTAssertEqual(try counts(runner), incremental)
        let status = try runner.status()
        XCTAssertEqual(status.first?.checkpoint, 6_234)
        XCTAssertEqual(status.first?.lag, 0)
    }

    /// 3,000 events, a model built over them, and then a rebuild (in memory or, with a
    /// tiny `memoryLimit`, chunk by chunk in chunks of 500) that fails at position 2,000.
    /// Returns the counts the model had before, which readers must still see.
    private func storeAfterAFailedRebuild(memoryLimit: Int? = nil) throws -> (EventStore, KeyValueStore, before: [String: UInt64]) {
        let (store, views) = try makeStore(events: 3_000)
        try ProjectionRunner(store: store, views: views, projections: [TypeCounter()]).catchUp()
        let before = try counts(ProjectionRunner(store: store, views: views, projections: [TypeCounter()]))
        var failing = TypeCounter()
        failing.failAt = 2_000
        let broken = ProjectionRunner(store: store, views: views, projections: [failing])
        broken.chunkSize = 500
        broken.rebuildMemoryLimit = memoryLimit
        XCTAssertThrowsError(try broken.rebuild())
        XCTAssertEqual(try counts(broken), before, "readers still see the complete old model")
        return (store, views, before)
    }

    func testKilledRebuildLeavesTheOldModelReadableAndAVersionBumpRebuilds() throws {
        let (store, views, before) = try storeAfterAFailedRebuild()
        var bumped = TypeCounter()
        bumped.version = 2
        let runner = ProjectionRunner(store: store, views: views, projections: [bumped])
        try runner.catchUp()
        XCTAssertEqual(try runner.status().first?.storedVersion, 2)
        XCTAssertEqual(try counts(runner), before)
        let tables = try views.read { try $0.tableNames() }
        XCTAssertEqual(tables.filter { $0.hasPrefix("type-counter#") }.count, 1, "old and half-built tables are dropped: \(tables)")
    }

    /// The same for a rebuild too big for its memory limit, filled chunk by chunk:
    /// killed halfway it leaves the old model in use and a staged half-built table,
    /// which the next rebuild (bounded or not) replaces without a trace.
    func testKilledBoundedRebuildLeavesTheOldModelAndNoTraceAfterTheNext() throws {
        let (store, views, before) = try storeAfterAFailedRebuild(memoryLimit: 1)
        let staged = try views.read { try CatalogEntry.read(ProjectionRunner.stagedKey("type-counter"), in: $0) }
        let reached = try XCTUnwrap(staged?.checkpoint, "the half-built table is staged beside the live one")
        XCTAssertTrue((1_500...2_000).contains(reached) && reached % 500 == 0, "stopped at the last whole chunk before 2,000: \(reached)")

        for limit in [1, Int.max] {
            let runner = ProjectionRunner(store: store, views: views, projections: [TypeCounter()])
            runner.chunkSize = 700
            runner.rebuildMemoryLimit = limit
            let timings = try runner.rebuild()
            XCTAssertEqual(timings.boundedMemoryLimit, limit == 1 ? 1 : nil)
            XCTAssertEqual(try counts(runner), before)
            XCTAssertEqual(try runner.status().first?.checkpoint, 3_000)
            let leftovers = try views.read { tx in
                (try tx.tableNames().filter { $0.hasPrefix("type-counter#") },
                 try CatalogEntry.read(ProjectionRunner.stagedKey("type-counter"), in: tx))
            }
            XCTAssertEqual(leftovers.0.count, 1, "one table per model: \(leftovers.0)")
            XCTAssertNil(leftovers.1, "no staged entry is left in the catalog")
        }
    }

    /// Rebuilding one model clears what a killed rebuild of another left behind.
    func testARebuildOfOneModelDropsTheLeftoversOfAnother() throws {
        let (store, views) = try makeStore(events: 2_000)
        var other = TypeCounter()
        other.name = "other-counter"
        try ProjectionRunner(store: store, views: views, projections: [TypeCounter(), other]).catchUp()
        var failing = TypeCounter()
        failing.failAt = 1_500
        let broken = ProjectionRunner(store: store, views: views, projections: [failing, other])
        broken.chunkSize = 500
        broken.rebuildMemoryLimit = 1
        XCTAssertThrowsError(try broken.rebuild(["type-counter"]))
        func leftovers() throws -> (tables: [String], staged: CatalogEntry?) {
            try views.read { tx in
                (try tx.tableNames().filter { $0.hasPrefix("type-counter#") }, try CatalogEntry.read(ProjectionRunner.stagedKey("type-counter"), in: tx))
            }
        }
        XCTAssertEqual(try leftovers().tables.count, 2, "the live table and the half-built one")
        XCTAssertNotNil(try leftovers().staged)
        try ProjectionRunner(store: store, views: views, projections: [TypeCounter(), other]).rebuild(["other-counter"])
        XCTAssertEqual(try leftovers().tables.count, 1)
        XCTAssertNil(try leftovers().staged)
        XCTAssertEqual(try counts(ProjectionRunner(store: store, views: views, projections: [TypeCounter(), other])),
                       try independentCounts(store, types: TypeCounter().eventTypes))
    }

    /// A store kept by an older version holds a model since retired (`ledger`, merged into `ar`):
    /// the rebuild that the other models' version bump starts removes its tables and catalog entry.
    func testARebuildRemovesWhatAStoreHoldsOfARetiredModel() throws {
        let (store, views) = try makeStore(events: 1_000)
        var retired = TypeCounter()
        retired.name = "retired-counter"
        try ProjectionRunner(store: store, views: views, projections: [TypeCounter(), retired]).catchUp()
        func held() throws -> (tables: [String], entry: CatalogEntry?) {
            try views.read { tx in
                (try tx.tableNames().filter { $0.hasPrefix("retired-counter#") }, try CatalogEntry.read("retired-counter", in: tx))
            }
        }
        XCTAssertEqual(try held().tables.count, 1)
        XCTAssertNotNil(try held().entry)
        var bumped = TypeCounter()
        bumped.version = 2
        let runner = ProjectionRunner(store: store, views: views, projections: [bumped], retired: ["retired-counter"])
        try runner.catchUp()
        XCTAssertEqual(try held().tables, [])
        XCTAssertNil(try held().entry)
        XCTAssertEqual(try runner.status().map(\.name), ["type-counter"])
        XCTAssertEqual(try counts(runner), try independentCounts(store, types: TypeCounter().eventTypes))
        XCTAssertTrue(Set(ReadModels.retired).isDisjoint(with: ReadModels.all.map(\.name)), "a retired name is not in use")
    }

    /// Far behind (a large import), a model is rebuilt — a new table generation —
    /// instead of caught up; a little behind, or with too little memory, it is caught up.
    func testAModelFarBehindIsRebuiltInsteadOfCaughtUp() throws {
        let (store, views) = try makeStore(events: 1_000)
        func generation() throws -> UInt64? { try views.read { try CatalogEntry.read("type-counter", in: $0)?.generation } }
        func append(_ count: Int, _ prefix: String) throws {
            var workload = SyntheticWorkload(seed: UInt64(count), streamPrefix: prefix)
            try store.append(workload.next(count).map { NewEvent(stream: $0.stream, typeName: $0.typeName, schemaVersion: $0.schemaVersion, payload: $0.payload) },
                             metadata: AppendMetadata(actor: "t"))
        }
        func runner(memory: Int? = nil) -> ProjectionRunner {
            let runner = ProjectionRunner(store: store, views: views, projections: [TypeCounter()])
            runner.rebuildWhenBehindBy = 500
            runner.rebuildMemoryLimit = memory
            return runner
        }
        try runner().catchUp()
        XCTAssertEqual(try generation(), 1)
        try append(600, "a-")    // 600 behind of 1,600: not past half the log
        try runner().catchUp()
        XCTAssertEqual(try generation(), 1, "caught up")
        try append(2_000, "b-")  // 2,000 behind of 3,600: past half, and past 500
        try runner(memory: 1).catchUp()
        XCTAssertEqual(try generation(), 1, "too little memory for a rebuild: caught up")
        try append(4_000, "c-")  // 4,000 behind of 7,600
        try runner().catchUp()
        XCTAssertEqual(try generation(), 2, "rebuilt")
        XCTAssertEqual(try counts(runner()), try independentCounts(store, types: TypeCounter().eventTypes))
        XCTAssertEqual(try runner().status().first?.lag, 0)
    }

    func testTheMemoryAvailableIsReadFromMeminfo() {
        let text = "MemTotal:       24562380 kB\nMemFree:        20000000 kB\nMemAvailable:   23112416 kB\nBuffers: 1 kB\n"
        XCTAssertEqual(SystemMemory.availableBytes(inMeminfo: text), 23_112_416 * 1024)
        XCTAssertNil(SystemMemory.availableBytes(inMeminfo: "MemTotal: 1 kB\n"))
        XCTAssertGreaterThan(SystemMemory.availableBytes() ?? 0, 0)
    }

    /// In a container the cgroup's limit, less what the group uses, bounds the memory.
    func testACgroupLimitIsReadForV1AndV2AndNoLimitIsNone() {
        XCTAssertEqual(SystemMemory.headroom(limit: "4294967296\n", usage: "1073741824\n"), 3 << 30)
        XCTAssertNil(SystemMemory.headroom(limit: "max\n", usage: "1073741824\n"), "v2 without a limit")
        XCTAssertNil(SystemMemory.headroom(limit: "9223372036854771712\n", usage: "5"), "v1 without a limit")
        XCTAssertEqual(SystemMemory.headroom(limit: "100", usage: "150"), 0, "over the limit: nothing to spare")
        let v1 = SystemMemory.cgroupFiles("12:pids:/\n4:memory:/process_api/abc\n0::/\n")
        XCTAssertEqual(v1.first?.directory, "/sys/fs/cgroup/memory/process_api/abc")
        XCTAssertEqual(v1.first?.limit, "memory.limit_in_bytes")
        let v2 = SystemMemory.cgroupFiles("0::/user.slice/session-1.scope\n")
        XCTAssertEqual(v2.first?.directory, "/sys/fs/cgroup/user.slice/session-1.scope")
        XCTAssertEqual(v2.first?.usage, "memory.current")
        XCTAssertEqual(SystemMemory.cgroupFiles("0::/\n").first?.directory, "/sys/fs/cgroup", "inside a container the group is the root")
    }

    func testReadingAModelThatWasNeverBuiltIsAClearError() throws {
        let (store, views) = try makeStore(events: 10)
        let runner = ProjectionRunner(store: store, views: views, projections: [TypeCounter()])
        XCTAssertThrowsError(try runner.read("type-counter") { _ in 0 }) {
            XCTAssertEqual($0 as? ProjectionError, .notBuilt("type-counter"))
        }
    }
}
