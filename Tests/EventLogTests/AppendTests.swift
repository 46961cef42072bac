import BinaryCodec
@testable import EventLog
import XCTest

final class AppendTests: XCTestCase {
    func testPositionsAreGapFreeAndEventsRoundTrip() throws {
        let store = try EventStore.create(at: temporaryDirectory())
        let a = try store.appendNotes(3, stream: "patient-PT1")
        let b = try store.appendNotes(2, stream: "patient-PT2")
        XCTAssertEqual(a.positions, 1...3)
        XCTAssertEqual(b.positions, 4...5)
        let all = try store.read(from: 1, limit: 100)
        XCTAssertEqual(all.map(\.position), [1, 2, 3, 4, 5])
        XCTAssertEqual(all.map(\.streamVersion), [1, 2, 3, 1, 2])
        XCTAssertEqual(all[4].stream, "patient-PT2")
        XCTAssertEqual(all[4].actor, "tester")
        XCTAssertEqual(try all[1].decode(as: TestNote.self), TestNote(text: "visit 1 for patient with charge 99213 and dx E11.9", amountCents: 125))
        XCTAssertEqual(try store.lastPosition(), 5)
        XCTAssertEqual(try store.streamVersion("patient-PT1"), 3)
        XCTAssertEqual(try store.streamVersion("nobody"), 0)
    }

    func testConflictRejectsTheWholeBatchAndNamesStreamAndVersions() throws {
        let store = try EventStore.create(at: temporaryDirectory())
        try store.appendNotes(2, stream: "claim-CL1")
        let batch = [note("claim-CL2", 0), note("claim-CL1", 1)]
        XCTAssertThrowsError(try store.append(batch, metadata: AppendMetadata(actor: "x"),
                                              expectations: ["claim-CL1": .exactly(1)])) { error in
            XCTAssertEqual(error as? EventStoreError, .conflict(stream: "claim-CL1", expected: .exactly(1), actual: 2))
            XCTAssertTrue("\(error)".contains("claim-CL1"))
        }
        XCTAssertThrowsError(try store.append(batch, metadata: AppendMetadata(actor: "x"),
                                              expectations: ["claim-CL1": .noStream])) { error in
            XCTAssertEqual(error as? EventStoreError, .conflict(stream: "claim-CL1", expected: .noStream, actual: 2))
        }
        XCTAssertEqual(try store.lastPosition(), 2, "nothing of a rejected batch may land")
        XCTAssertEqual(try store.streamVersion("claim-CL2"), 0)
        let ok = try store.append(batch, metadata: AppendMetadata(actor: "x"),
                                  expectations: ["claim-CL1": .exactly(2), "claim-CL2": .noStream, "other": .any])
        XCTAssertEqual(ok.positions, 3...4)
    }

    func testRetryWithSameBatchIDAppendsNothingAndReturnsOriginalPositions() throws {
        let store = try EventStore.create(at: temporaryDirectory())
        try store.appendNotes(1)
        let metadata = AppendMetadata(actor: "desk")
        let first = try store.append([note("a", 1), note("b", 2)], metadata: metadata)
        let again = try store.append([note("a", 1), note("b", 2)], metadata: metadata)
        XCTAssertEqual(first.positions, 2...3)
        XCTAssertFalse(first.wasDuplicate)
        XCTAssertTrue(again.wasDuplicate)
        XCTAssertEqual(again.positions, 2...3)
        XCTAssertEqual(try store.lastPosition(), 3)
    }

    func testDecisionOnAStaleHeadIsRefused() throws {
        let store = try EventStore.create(at: temporaryDirectory())
        try store.appendNotes(2)
        XCTAssertThrowsError(try store.append(AppendMetadata(actor: "x"), expectedHead: 1) { _ in [note("s", 9)] }) {
            XCTAssertEqual($0 as? EventStoreError, .logMoved(expected: 1, actual: 2))
        }
        XCTAssertNoThrow(try store.append(AppendMetadata(actor: "x"), expectedHead: 2) { _ in [note("s", 9)] })
    }

    func testCountersAreAllocatedInsideTheTransactionAndNeverReused() throws {
        let store = try EventStore.create(at: temporaryDirectory())
        var seen: [UInt64] = []
        for _ in 0..<3 {
            try store.append(AppendMetadata(actor: "x")) { ctx in
                seen.append(try ctx.nextNumber("patient"))
                return [note("s", 1)]
            }
        }
        // A failed decision consumes nothing.
        XCTAssertThrowsError(try store.append(AppendMetadata(actor: "x")) { ctx in
            _ = try ctx.nextNumber("patient")
            throw EventStoreError.invalidBatch(reason: "refused")
        })
        try store.append(AppendMetadata(actor: "x")) { ctx in
            seen.append(try ctx.nextNumber("patient"))
            return [note("s", 1)]
        }
        XCTAssertEqual(seen, [1, 2, 3, 4])
    }

    func testADecisionsOwnErrorComesOutUnchanged() throws {
        struct SlotTaken: Error, Equatable {}
        let store = try EventStore.create(at: temporaryDirectory())
        XCTAssertThrowsError(try store.append(AppendMetadata(actor: "x")) { _ in throw SlotTaken() }) {
            XCTAssertEqual($0 as? SlotTaken, SlotTaken())
        }
        XCTAssertEqual(try store.lastPosition(), 0)
    }

    func testEmptyBatchAndBadStreamIdsAreRefused() throws {
        let store = try EventStore.create(at: temporaryDirectory())
        XCTAssertThrowsError(try store.append([], metadata: AppendMetadata(actor: "x")))
        XCTAssertThrowsError(try store.append([note("", 1)], metadata: AppendMetadata(actor: "x")))
        XCTAssertEqual(try store.lastPosition(), 0)
    }

    func testMissingStoreAndExistingStoreAreNamed() throws {
        let dir = temporaryDirectory()
        XCTAssertThrowsError(try EventStore.open(at: dir + "/nope")) {
            XCTAssertEqual($0 as? EventStoreError, .storeMissing(path: dir + "/nope"))
        }
        _ = try EventStore.create(at: dir)
        XCTAssertThrowsError(try EventStore.create(at: dir)) {
            XCTAssertEqual($0 as? EventStoreError, .storeExists(path: dir))
        }
    }

    func testTinyMapGrowsOnDemand() throws {
        let dir = temporaryDirectory()
        let store = try EventStore.create(at: dir, mapSize: 256 << 10)
        store.autoTrainThreshold = .max
        for _ in 0..<20 { try store.appendNotes(500) }
        XCTAssertEqual(try store.lastPosition(), 10_000)
        XCTAssertGreaterThan(try store.statistics().mapBytes, 256 << 10)
        // A second handle opened with the tiny size adopts the grown map.
        let other = try EventStore.open(at: dir, mapSize: 256 << 10)
        XCTAssertEqual(try other.read(from: 9_999, limit: 5).count, 2)
        try other.appendNotes(2_000)
        XCTAssertEqual(try store.read(from: 11_999, limit: 5).map(\.position), [11_999, 12_000])
        XCTAssertTrue(try store.verify().isIntact)
    }
}
