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

    /// Read models scan without stream names; type numbers tell types apart as their names do.
    func testScanWithoutStreamNamesAndTypeNumbers() throws {
        let store = try populated()
        var named: [RecordedEvent] = [], unnamed: [RecordedEvent] = []
        try store.scan(from: 1) { named.append($0); return true }
        try store.scan(from: 1, types: ["Other", named[0].typeName], streams: false) { unnamed.append($0); return true }
        XCTAssertEqual(unnamed.map(\.position), named.map(\.position))
        XCTAssertTrue(unnamed.allSatisfy { $0.stream.isEmpty })
        XCTAssertEqual(named.map(\.stream).filter(\.isEmpty), [])
        XCTAssertEqual(unnamed.map(\.typeName), named.map(\.typeName))
        XCTAssertEqual(unnamed.map(\.payload), named.map(\.payload))
        for a in named {
            for b in named { XCTAssertEqual(a.typeNumber == b.typeNumber, a.typeName == b.typeName) }
        }
        XCTAssertEqual(Set(named.map(\.typeNumber)).count, 2)
        // Payloads handed over apart, in a reused buffer: the same bytes, the events keep none.
        var handed: [(UInt64, [UInt8])] = []
        try store.scanPayloads(from: 3, through: 17, streams: false) { event, payload in
            XCTAssertTrue(event.payload.isEmpty)
            handed.append((event.position, Array(payload)))
            return true
        }
        XCTAssertEqual(handed.map(\.0), Array(3...17))
        XCTAssertEqual(handed.map(\.1), named.filter { (3...17).contains($0.position) }.map(\.payload))
        // The type filter, decided per type number, still skips what is not asked for.
        var others: [UInt64] = []
        try store.scan(from: 1, types: ["Other"], streams: false) { others.append($0.position); return true }
        XCTAssertEqual(others, Array(stride(from: 2, through: 20, by: 2)))
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
