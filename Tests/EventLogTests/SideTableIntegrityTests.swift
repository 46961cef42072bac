import BinaryCodec
import CLMDB
@testable import EventLog
import Foundation
import XCTest

/// `verify` covers every table a reader depends on, not only the chained records:
/// one changed byte in any of them is found and its table named.
final class SideTableIntegrityTests: XCTestCase {
    /// A store with two actors, two streams, counters and a trained dictionary, verified intact.
    private func makeStore() throws -> String {
        let dir = temporaryDirectory()
        let store = try EventStore.create(at: dir)
        for b in 0..<3 {
            try store.append(AppendMetadata(actor: b == 1 ? "bill" : "ana")) { context in
                _ = try context.nextNumber("patient")
                return (0..<4).map { note("s\($0 % 2)", b * 10 + $0) }
            }
        }
        try store.appendNotes(300, stream: "s-bulk")
        try store.trainDictionary(sampleLimit: 300, capacity: 4096)
        try store.appendNotes(3, stream: "s0")
        XCTAssertNil(try store.verify().problem)
        return dir
    }

    /// Replaces one entry's value (or key) in a copy, as a flipped byte on disk would, and verifies.
    private func tamper(_ table: String, _ body: (LMDBTransaction, MDB_dbi) throws -> Void) throws -> IntegrityProblem? {
        let store = try EventStore.open(at: try makeStore())
        try store.environment.write { txn in try body(txn, txn.database(table)) }
        return try EventStore.open(at: store.paths.root).verify().problem
    }

    private func flipped(_ bytes: [UInt8], at index: Int) -> [UInt8] {
        var copy = bytes
        copy[index] ^= 0x01
        return copy
    }

    func testAChangedInternedNameIsFoundInTheNamesTable() throws {
        // Number → name: the name read for event type 1 changes.
        let reverse = try tamper(LogDatabase.names) { txn, db in
            let key = NameKind.eventType.key(UInt32(1))
            try txn.put(db, key, flipped(try XCTUnwrap(try txn.get(db, key)), at: 2))
        }
        XCTAssertEqual(reverse?.table, "names", "\(String(describing: reverse))")
        // Name → number: the actor "bill" now maps to another number.
        let forward = try tamper(LogDatabase.names) { txn, db in
            let key = NameKind.actor.key("bill")
            try txn.put(db, key, flipped(try XCTUnwrap(try txn.get(db, key)), at: 3))
        }
        XCTAssertEqual(forward?.table, "names", "\(String(describing: forward))")
        // The name in a key changes (the entry moves to another key).
        let renamed = try tamper(LogDatabase.names) { txn, db in
            let key = NameKind.actor.key("bill")
            let value = try XCTUnwrap(try txn.get(db, key))
            try txn.delete(db, key)
            try txn.put(db, NameKind.actor.key("bilm"), value)
        }
        XCTAssertEqual(renamed?.table, "names", "\(String(describing: renamed))")
    }

    func testStreamNamesStreamsAndTheIndexAreChecked() throws {
        let name = try tamper(LogDatabase.streamNames) { txn, db in
            let key = BigEndian.u32(1)
            try txn.put(db, key, flipped(try XCTUnwrap(try txn.get(db, key)), at: 0))
        }
        XCTAssertNotNil(name?.table, "\(String(describing: name))")
        let version = try tamper(LogDatabase.streams) { txn, _ in
            try StreamTable.store("s0", StreamTable.Entry(number: 1, version: 99), txn: txn)
        }
        XCTAssertEqual(version?.table, "streams", "\(String(describing: version))")
        let extra = try tamper(LogDatabase.streamIndex) { txn, db in
            try txn.put(db, BigEndian.u32(1), BigEndian.u64(12))
        }
        XCTAssertNotNil(extra, "an index entry pointing at another stream's event is found")
    }

    func testCountersDictionariesAndCommandsAreChecked() throws {
        let counter = try tamper(LogDatabase.meta) { txn, db in
            try txn.put(db, MetaKey.counter("patient"), BigEndian.u64(1))
        }
        XCTAssertEqual(counter?.table, "meta", "\(String(describing: counter))")
        let dictionary = try tamper(LogDatabase.dictionaries) { txn, db in
            let key = BigEndian.u32(1)
            let bytes = try XCTUnwrap(try txn.get(db, key))
            try txn.put(db, key, flipped(bytes, at: bytes.count / 2))
        }
        XCTAssertEqual(dictionary?.table, "dictionaries", "\(String(describing: dictionary))")
        let command = try tamper(LogDatabase.commands) { txn, db in
            let cursor = try txn.cursor(db)
            var key: [UInt8] = []
            var value: [UInt8] = []
            try cursor.move(MDB_FIRST) { k, v in key = Array(k); value = Array(v) }
            cursor.close()
            try txn.put(db, key, flipped(value, at: 15))
        }
        XCTAssertNotNil(command, "a damaged idempotency entry is found")
        XCTAssertTrue(command?.detail.contains("commands table") ?? false, "\(String(describing: command))")
    }

    func testAReaderNamesTheTableOfAMissingName() throws {
        let store = try EventStore.open(at: try makeStore())
        try store.environment.write { txn in try txn.delete(txn.database(LogDatabase.names), NameKind.eventType.key(UInt32(1))) }
        XCTAssertThrowsError(try EventStore.open(at: store.paths.root).event(at: 1)) { error in
            guard case EventStoreError.storeCorrupt(let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("names table"), reason)
        }
    }
}
