import BinaryCodec
@testable import EventLog
import Foundation
import XCTest

final class IntegrityTests: XCTestCase {
    /// A store of 3 batches × 4 events, closed, plus the raw record at `position`.
    private func makeStore() throws -> String {
        let dir = temporaryDirectory()
        do {
            let store = try EventStore.create(at: dir)
            for b in 0..<3 { try store.append((0..<4).map { note("s\($0 % 2)", b * 10 + $0) }, metadata: AppendMetadata(actor: "a")) }
            XCTAssertTrue(try store.verify().isIntact)
            XCTAssertEqual(try store.verify().eventsChecked, 12)
        }
        return dir
    }

    private func rawRecord(_ dir: String, _ position: UInt64) throws -> [UInt8] {
        let store = try EventStore.open(at: dir)
        return try store.environment.read { txn in try txn.get(txn.database(LogDatabase.events), BigEndian.u64(position)) ?? [] }
    }

    private func copyStore(_ dir: String) throws -> String {
        let copy = temporaryDirectory("copy")
        try FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: dir, toPath: copy)
        return copy
    }

    func testAlteredBytesInTheDataFileAreNamedByPosition() throws {
        let dir = try makeStore()
        let record = try rawRecord(dir, 7)
        let copy = try copyStore(dir)
        let file = StorePaths(root: copy).dataFile
        var data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let offset = try XCTUnwrap(find(record, in: data), "record bytes must be found in the file")
        data[offset + record.count - 1] ^= 0x01   // last payload byte
        try Data(data).write(to: URL(fileURLWithPath: file))
        let report = try EventStore.open(at: copy).verify()
        XCTAssertEqual(report.problem?.position, 7)
        XCTAssertEqual(report.problem?.kind, .altered)
        XCTAssertEqual(report.eventsChecked, 8, "verify stops after the batch holding the damage")
        XCTAssertTrue(try EventStore.open(at: dir).verify().isIntact, "the original is untouched")
    }

    func testMissingRecordIsNamed() throws {
        let copy = try copyStore(try makeStore())
        let store = try EventStore.open(at: copy)
        try store.environment.write { txn in try txn.delete(txn.database(LogDatabase.events), BigEndian.u64(10)) }
        let report = try store.verify()
        XCTAssertEqual(report.problem, IntegrityProblem(kind: .missing, position: 10, detail: "no record is stored at this position"))
    }

    func testSwappedRecordsAreReportedAsReordered() throws {
        let copy = try copyStore(try makeStore())
        let store = try EventStore.open(at: copy)
        try store.environment.write { txn in
            let db = txn.database(LogDatabase.events)
            let a = try txn.get(db, BigEndian.u64(5)) ?? []
            let b = try txn.get(db, BigEndian.u64(6)) ?? []
            try txn.put(db, BigEndian.u64(5), b)
            try txn.put(db, BigEndian.u64(6), a)
        }
        let report = try store.verify()
        XCTAssertEqual(report.problem?.position, 5)
        XCTAssertNotEqual(report.problem?.kind, nil)
    }

    func testTruncatedTailIsDetectedAgainstTheHead() throws {
        let copy = try copyStore(try makeStore())
        let store = try EventStore.open(at: copy)
        try store.environment.write { txn in
            try txn.delete(txn.database(LogDatabase.batches), BigEndian.u64(9))
            for p in UInt64(9)...12 { try txn.delete(txn.database(LogDatabase.events), BigEndian.u64(p)) }
        }
        let report = try store.verify()
        XCTAssertEqual(report.problem?.kind, .missing)
        XCTAssertEqual(report.problem?.position, 9)
    }

    func testBackupIsAConsistentVerifiableCopy() throws {
        let dir = try makeStore()
        let store = try EventStore.open(at: dir)
        let target = temporaryDirectory("backup") + "/copy"
        try store.backup(to: target)
        let restored = try EventStore.open(at: target)
        XCTAssertEqual(try restored.lastPosition(), 12)
        XCTAssertTrue(try restored.verify().isIntact)
        XCTAssertThrowsError(try store.backup(to: target), "a non-empty target is refused")
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count, let first = needle.first else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
