import BinaryCodec
@testable import EventLog
import XCTest

final class ReadTests: XCTestCase {
    private func populated() throws -> EventStore {
        let store = try EventStore.create(at: temporaryDirectory())
        for i in 0..<10 {
            try store.append([note("patient-PT\(i % 3)", i),
                              NewEvent(stream: "claim-CL\(i)", typeName: "Other", schemaVersion: 1, payload: [1, 2, 3])],
                             metadata: AppendMetadata(actor: "u\(i % 2)", correlation: "c\(i)", causation: "cmd"))
        }
        return store
    }

    func testRangeForwardsAndBackwards() throws {
        let store = try populated()
        XCTAssertEqual(try store.read(from: 5, limit: 3).map(\.position), [5, 6, 7])
        XCTAssertEqual(try store.read(from: 5, limit: 3, direction: .backward).map(\.position), [5, 4, 3])
        XCTAssertEqual(try store.read(from: 1_000, limit: 2, direction: .backward).map(\.position), [20, 19])
        XCTAssertEqual(try store.read(from: 21, limit: 5).count, 0)
        XCTAssertEqual(try store.read(from: 1, limit: 2, direction: .backward).map(\.position), [1])
    }

    func testStreamReadFollowsVersions() throws {
        let store = try populated()
        let stream = try store.readStream("patient-PT1")
        XCTAssertEqual(stream.map(\.streamVersion), [1, 2, 3])
        XCTAssertEqual(stream.map(\.position), [3, 9, 15])
        XCTAssertEqual(try store.readStream("patient-PT1", fromVersion: 2).map(\.position), [9, 15])
        XCTAssertTrue(try store.readStream("nope").isEmpty)
    }

    func testTypeFilterAndBatchMetadata() throws {
        let store = try populated()
        let others = try store.read(from: 1, limit: 100, types: ["Other"])
        XCTAssertEqual(others.map(\.position), Array(stride(from: 2, through: 20, by: 2)))
        let e = try store.event(at: 8)
        XCTAssertEqual(e.actor, "u1")
        XCTAssertEqual(e.correlation, "c3")
        XCTAssertEqual(e.causation, "cmd")
        XCTAssertEqual(e.indexInBatch, 1)
        XCTAssertTrue(e.eventID.hasSuffix("-1"))
        XCTAssertThrowsError(try store.event(at: 21)) {
            XCTAssertEqual($0 as? EventStoreError, .positionOutOfRange(position: 21, last: 20))
        }
        XCTAssertThrowsError(try store.event(at: 0))
    }

    func testCatchUpReaderResumesAndFollowsAppendsFromAnotherHandle() throws {
        let dir = temporaryDirectory()
        let store = try EventStore.create(at: dir)
        try store.appendNotes(5)
        let reader = CatchUpReader(store: try EventStore.open(at: dir), after: 2)
        XCTAssertEqual(try reader.next(limit: 2).map(\.position), [3, 4])
        XCTAssertEqual(try reader.next().map(\.position), [5])
        XCTAssertTrue(try reader.next().isEmpty)
        try store.appendNotes(3)
        var followed: [UInt64] = []
        try reader.follow(interval: 0.01) { event in
            followed.append(event.position)
            return event.position < 8
        }
        XCTAssertEqual(followed, [6, 7, 8])
        XCTAssertEqual(reader.checkpoint, 8)
    }
}
