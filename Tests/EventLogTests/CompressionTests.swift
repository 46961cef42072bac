import BinaryCodec
@testable import EventLog
import XCTest

final class CompressionTests: XCTestCase {
    func testTrainedDictionaryShrinksRecordsAndOldRecordsStayReadable() throws {
        let store = try EventStore.create(at: temporaryDirectory())
        store.autoTrainThreshold = .max
        try store.appendNotes(500, stream: "before")
        let first = try store.trainDictionary()
        XCTAssertEqual(first.id, 1)
        try store.appendNotes(500, stream: "middle")
        let second = try store.trainDictionary()
        XCTAssertEqual(second.id, 2)
        try store.appendNotes(500, stream: "after")
        let events = try store.read(from: 1, limit: 2_000)
        XCTAssertEqual(events.count, 1_500)
        for (i, e) in events.enumerated() {
            XCTAssertEqual(try e.decode(as: TestNote.self).amountCents, Int64((i % 500) * 125))
        }
        // Records written with a dictionary are smaller than those without.
        let sizes = try store.environment.read { txn -> (Int, Int) in
            let raw0 = try txn.get(txn.database(LogDatabase.events), BigEndian.u64(100)) ?? []
            let raw2 = try txn.get(txn.database(LogDatabase.events), BigEndian.u64(1_100)) ?? []
            XCTAssertEqual(try raw2.withUnsafeBytes { try RecordHeader.decode($0) }.dictionaryID, 2)
            return (raw0.count, raw2.count)
        }
        XCTAssertLessThan(sizes.1, sizes.0)
        XCTAssertTrue(try store.verify().isIntact)
    }

    func testAutomaticTrainingOnceEnoughEventsExist() throws {
        let store = try EventStore.create(at: temporaryDirectory())
        store.autoTrainThreshold = 300
        try store.appendNotes(200)
        XCTAssertEqual(try store.statistics().dictionaries, 0)
        try store.appendNotes(200)
        XCTAssertEqual(try store.statistics().dictionaries, 1)
        XCTAssertEqual(try store.statistics().currentDictionary, 1)
    }

    func testTrainingAnEmptyLogIsRefusedClearly() throws {
        let store = try EventStore.create(at: temporaryDirectory())
        XCTAssertThrowsError(try store.trainDictionary()) { XCTAssertTrue("\($0)".contains("empty")) }
    }
}
