@testable import EventLog
import XCTest

final class KeyValueStoreTests: XCTestCase {
    func testScansForwardAndBackwardFromAStartKeyAndWithinAPrefix() throws {
        let kv = try KeyValueStore(path: temporaryDirectory() + "/views")
        try kv.write { tx in
            for k in ["a", "c", "e", "pa", "pb"] { try tx.put("t", key: Array(k.utf8), value: [1]) }
        }
        func keys(prefix: String = "", from start: String? = nil, reverse: Bool = false) throws -> [String] {
            try kv.read { tx in
                var out: [String] = []
                try tx.scan("t", prefix: Array(prefix.utf8), from: start.map { Array($0.utf8) }, reverse: reverse) { k, _ in
                    out.append(String(decoding: k, as: UTF8.self))
                    return true
                }
                return out
            }
        }
        XCTAssertEqual(try keys(), ["a", "c", "e", "pa", "pb"])
        XCTAssertEqual(try keys(from: "b"), ["c", "e", "pa", "pb"])
        XCTAssertEqual(try keys(prefix: "p"), ["pa", "pb"])
        XCTAssertEqual(try keys(prefix: "p", reverse: true), ["pb", "pa"])
        // Backwards from a start key means the keys at or before it.
        XCTAssertEqual(try keys(from: "d", reverse: true), ["c", "a"])
        XCTAssertEqual(try keys(from: "c", reverse: true), ["c", "a"])
        XCTAssertEqual(try keys(from: "zz", reverse: true), ["pb", "pa", "e", "c", "a"])
        XCTAssertEqual(try keys(from: "0", reverse: true), [])
    }

    func testABatchRecordWithAnAbsurdCountIsDamageNotACrash() {
        var w = [UInt8]([1]) + Array(repeating: 0, count: 16)
        w += [0, 0, 0, 0, 0]                                     // recorded-at, actor, correlation, causation (empty)
        w += [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40] // count = 2^62
        w += Array(repeating: 0, count: 32)
        XCTAssertThrowsError(try BatchRecord.decode(w))
    }

    func testAppendTakesKeysInOrderAndRefusesOneOutOfOrderWithNothingWritten() throws {
        let kv = try KeyValueStore(path: temporaryDirectory() + "/views")
        func append(_ keys: [UInt8]) throws {
            try kv.write { tx in
                guard let table = try tx.handle("t") else { return XCTFail("no table") }
                try tx.append(to: table) { appender in
                    for k in keys {
                        try [k].withUnsafeBytes { key in try [k, k].withUnsafeBytes { try appender.append(key: key, value: $0) } }
                    }
                }
            }
        }
        try append([1, 2, 5])
        XCTAssertThrowsError(try append([6, 3]))   // 3 sorts before 5: the whole transaction is refused
        let stored = try kv.read { tx in try (1...6).map { try tx.get("t", key: [UInt8($0)]) } }
        XCTAssertEqual(stored, [[1, 1], [2, 2], nil, nil, [5, 5], nil])
    }

    /// The appender's cursor is closed when `append(to:)` returns (LMDB requires it of a
    /// write cursor while its transaction is live): an appender kept past it refuses.
    func testAnAppenderKeptPastItsCallRefusesToAppend() throws {
        let kv = try KeyValueStore(path: temporaryDirectory() + "/views")
        var kept: KeyValueAppender?
        try kv.write { tx in
            guard let table = try tx.handle("t") else { return XCTFail("no table") }
            try tx.append(to: table) { appender in
                try [UInt8(1)].withUnsafeBytes { key in try appender.append(key: key, value: key) }
                kept = appender
            }
            XCTAssertThrowsError(try [UInt8(2)].withUnsafeBytes { key in try kept?.append(key: key, value: key) })
        }
        XCTAssertEqual(try kv.read { tx in try tx.count("t") }, 1)
        kept = nil
    }

    /// Appends through one cursor across many pages (the tree grows branch levels
    /// midway) store every entry, readable in order, in two transactions.
    func testAppendingThousandsOfEntriesThroughOneCursorKeepsThemAll() throws {
        let kv = try KeyValueStore(path: temporaryDirectory() + "/views")
        let keys = (0..<30_000).map { i in withUnsafeBytes(of: UInt32(i).bigEndian) { Array($0) } }
        for range in [0..<12_000, 12_000..<30_000] {
            try kv.write { tx in
                guard let table = try tx.handle("t") else { return XCTFail("no table") }
                try tx.append(to: table) { appender in
                    for i in range {
                        try keys[i].withUnsafeBytes { key in try Array("value \(i)".utf8).withUnsafeBytes { try appender.append(key: key, value: $0) } }
                    }
                }
            }
        }
        var seen = 0
        try kv.read { tx in
            try tx.scan("t") { key, value in
                XCTAssertEqual(key, keys[seen])
                XCTAssertEqual(value, Array("value \(seen)".utf8))
                seen += 1
                return true
            }
        }
        XCTAssertEqual(seen, keys.count)
    }

    func testReservingRoomGrowsTheMapOnceSoABigWriteFits() throws {
        let kv = try KeyValueStore(path: temporaryDirectory() + "/views", mapSize: 1 << 20)
        try kv.reserve(bytes: 24 << 20)
        let reserved = kv.environment.mapSize
        XCTAssertGreaterThanOrEqual(reserved, 24 << 20)
        let value = [UInt8](repeating: 7, count: 4_000)
        try kv.write { tx in
            for i in 0..<4_000 { try tx.put("t", key: Array("k\(i)".utf8), value: value) }
        }
        XCTAssertEqual(try kv.read { tx in try tx.count("t") }, 4_000)
        XCTAssertEqual(kv.environment.mapSize, reserved, "the write fitted without growing the map again")
    }
}
