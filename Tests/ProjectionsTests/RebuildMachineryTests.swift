import BinaryCodec
import EventLog
import Foundation
@testable import Projections
import RevenueCycle
import XCTest

/// The pieces a rebuild is made of, each against a plain, obviously right
/// computation: inline keys against byte arrays, packed sorting against
/// sorting arrays, the overlay against LMDB, the read-ahead against a scan,
/// and the whole against catching up in small chunks.
final class RebuildMachineryTests: XCTestCase {
    /// Keys of every length around the inline limit, from a fixed seed.
    private func randomKeys(_ count: Int, seed: UInt64) -> [[UInt8]] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int(rng.next() % 49)
            // Few distinct byte values, so keys share long prefixes and ties are common.
            return (0..<length).map { _ in UInt8(rng.next() % 3) }
        }
    }

    func testInlineKeysAreTheirBytesForEqualityHashingAndOrder() {
        let keys = randomKeys(600, seed: 3)
        for a in keys.prefix(120) {
            let key = CacheKey(a)
            XCTAssertEqual(key.bytes, a)
            XCTAssertEqual(key.count, a.count)
            // Built by appending in pieces (spilling past 40 bytes midway) it is the same key.
            var built = CacheKey([])
            for piece in stride(from: 0, to: a.count, by: 5) {
                a[piece..<min(piece + 5, a.count)].withUnsafeBytes { built.append(contentsOf: $0) }
            }
            XCTAssertEqual(built, key)
            XCTAssertEqual(built.hashValue, key.hashValue)
            for b in keys.prefix(120) {
                XCTAssertEqual(CacheKey(a) == CacheKey(b), a == b, "\(a) vs \(b)")
                XCTAssertEqual(CacheKey(a) < CacheKey(b), a.lexicographicallyPrecedes(b), "\(a) vs \(b)")
            }
        }
    }

    /// Bytes and big-endian numbers appended in place are the key of the same bytes,
    /// including when an append crosses the 40 inline bytes or follows a spilled key.
    func testBytesAndNumbersAppendedInPlaceAreTheSameKeys() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var built = CacheKey()
            var expected: [UInt8] = []
            for _ in 0..<Int.random(in: 0...9, using: &generator) {
                if Bool.random(using: &generator) {
                    let byte = UInt8.random(in: 0...255, using: &generator)
                    built.append(byte: byte)
                    expected.append(byte)
                } else {
                    let number = UInt64.random(in: 0...UInt64.max, using: &generator)
                    built.append(bigEndian: number)
                    expected += withUnsafeBytes(of: number.bigEndian) { Array($0) }
                }
                XCTAssertEqual(built.bytes, expected)
                XCTAssertEqual(built, CacheKey(expected))
                XCTAssertEqual(built.hashValue, CacheKey(expected).hashValue)
                XCTAssertEqual(built.orderPrefix.0, CacheKey(expected).orderPrefix.0)
            }
        }
    }

    func testPackedEntriesSortLikeByteArraysAndKeepEveryValue() throws {
        let keys = Array(Set(randomKeys(3_000, seed: 5)))
        var packed = PackedEntries()
        for (i, key) in keys.enumerated() { packed.append(key: CacheKey(key), value: Array("v\(i)".utf8)) }
        packed.sort()
        var seen: [([UInt8], [UInt8])] = []
        try packed.forEach(in: 0..<packed.count) { k, v in seen.append((Array(k), Array(v))) }
        let expected = keys.enumerated().map { ($1, Array("v\($0)".utf8)) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        XCTAssertEqual(seen.count, expected.count)
        let firstDifference = seen.indices.first { i in i >= expected.count || seen[i].0 != expected[i].0 || seen[i].1 != expected[i].1 }
        XCTAssertNil(firstDifference, "out of order from entry \(firstDifference ?? 0): \(firstDifference.map { seen[$0].0 } ?? [])")
    }

    func testViewKeysKeepTheirByteLayout() {
        XCTAssertEqual(ViewKey("p").number(0x0412).bytes, [0x70, 0, 0, 0, 0, 0, 0, 0x04, 0x12])
        XCTAssertEqual(ViewKey("a").byte(3).id(ClaimID(7)).bytes, [0x61, 3, 0, 0, 0, 0, 0, 0, 0, 7])
        XCTAssertEqual(ViewKey("d").signed(-1).bytes, [0x64, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        XCTAssertEqual(ViewKey("n").text("lee").bytes, Array("nlee".utf8) + [0])
        // A text key longer than the inline room keeps every byte, in order.
        let long = String(repeating: "núñez", count: 9)
        XCTAssertEqual(ViewKey("n").text(long).number(1).bytes, Array("n".utf8) + Array(long.utf8) + [0, 0, 0, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(ViewKey("n").open("ab"), ViewKey("n").open("a").open("b"))
    }

    /// A record type for the overlay tests: a counter stored as a varint.
    private struct Tally: KeylessViewRecord, Equatable {
        var count: Int64
        func encode(into w: inout ByteWriter) { w.writeVarInt(count) }
        static func decode(_ bytes: [UInt8]) throws -> Tally { var r = ByteReader(bytes); return Tally(count: try r.readVarInt()) }
    }

    func testTheCatchUpOverlayReadsThroughAndWritesOnlyWhatChangedEncoded() throws {
        let views = try KeyValueStore(path: NSTemporaryDirectory() + "practica-overlay/\(UUID().uuidString)")
        try views.write { tx in
            try tx.put("t", key: [1], value: Tally(count: 41).encoded())
            try tx.put("t", key: [2], value: [9, 9])
            // Bytes that decode but are not what encoding would write: rewritten only if flushed.
            try tx.put("t", key: [3], value: Tally(count: 5).encoded() + [0xEE])
        }
        try views.write { tx in
            let table = try ProjectionTable(transaction: tx, name: "t", overlay: TableOverlay(wholeTable: false))
            XCTAssertEqual(try table.record([1], as: Tally.self), Tally(count: 41))
            XCTAssertEqual(try table.record([3], as: Tally.self), Tally(count: 5))   // read, never changed
            try table.update([1], initial: Tally(count: 0)) { $0.count += 1 }
            try table.update([1], initial: Tally(count: 0)) { $0.count += 1 }
            try table.update([4], initial: Tally(count: 100)) { $0.count -= 1 }
            XCTAssertNil(try table.updateIfPresent([5], as: Tally.self) { $0.count += 1 })
            try table.delete([2])
            // Read back before the flush: from the overlay, as bytes or as a record.
            XCTAssertEqual(try table.get([1]), Tally(count: 43).encoded())
            XCTAssertNil(try table.get([2]))
            // Nothing reached LMDB yet.
            XCTAssertEqual(try tx.get("t", key: [1]), Tally(count: 41).encoded())
            try table.flush()
        }
        let stored = try views.read { tx in
            try [1, 2, 3, 4, 5].map { try tx.get("t", key: [UInt8($0)]) }
        }
        XCTAssertEqual(stored, [Tally(count: 43).encoded(), nil, Tally(count: 5).encoded() + [0xEE], Tally(count: 99).encoded(), nil])
    }

    func testARebuildTableIsWholeInMemoryAndScansInKeyOrder() throws {
        let overlay = TableOverlay(wholeTable: true)
        let table = ProjectionTable(memory: overlay, name: "t")
        try table.put([3], [3])
        try table.update([1], initial: Tally(count: 1)) { $0.count += 1 }
        try table.put([2], [2])
        try table.delete([3])
        XCTAssertNil(try table.get([9]))   // a miss is an absent key: nothing to read behind it
        var seen: [[UInt8]] = []
        try table.scan { key, _ in seen.append(key); return true }
        XCTAssertEqual(seen, [[1], [2]])
        var packed: [([UInt8], [UInt8])] = []
        let entries = overlay.packedEntries()
        try entries.forEach(in: 0..<entries.count) { k, v in packed.append((Array(k), Array(v))) }
        XCTAssertEqual(packed.map(\.0), [[1], [2]])
        XCTAssertEqual(packed.map(\.1), [Tally(count: 2).encoded(), [2]])
    }

    /// A second record type, for a family read as another type than it was written as.
    private struct Pair: KeylessViewRecord, Equatable {
        var first: Int64
        var second: Int64
        func encode(into w: inout ByteWriter) { w.writeVarInt(first); w.writeVarInt(second) }
        /// A `Tally`'s bytes read as a pair: its count, and 0.
        static func decode(_ bytes: [UInt8]) throws -> Pair {
            var r = ByteReader(bytes)
            let first = try r.readVarInt()
            return Pair(first: first, second: r.isAtEnd ? 0 : try r.readVarInt())
        }
    }

    /// Records of a numbered family are held unboxed until the family is used any
    /// other way; whichever way, reads, updates, scans and the packed table agree with
    /// a plain map of keys to encoded records, kept beside it.
    func testUnboxedRecordsAgreeWithAPlainMapWhicheverWayTheyAreUsed() throws {
        let overlay = TableOverlay(wholeTable: true)
        let table = ProjectionTable(memory: overlay, name: "t")
        var expected: [[UInt8]: [UInt8]] = [:]
        var rng = SplitMix64(seed: 41)
        func key(_ tag: Unicode.Scalar, _ n: UInt64) -> ViewKey { ViewKey(tag).number(n) }
        // Family "a": records only (stays unboxed). "b": records, then read as bytes.
        // "c": records, then deleted from. "d": Tally, then read and changed as Pair.
        // "e": bytes first, then records (boxed from the start). Numbers far outside the
        // window (1 << 40) go to the dictionary beside them.
        let numbers: [UInt64] = [1_001, 1_002, 1_003, 1_050, 1 << 40]
        for step in 0..<2_000 {
            let n = numbers[Int(rng.next() % UInt64(numbers.count))]
            let tag: Unicode.Scalar = ["a", "b", "c", "d", "e"][Int(rng.next() % 5)]
            let k = key(tag, n)
            switch (tag, step > 1_000, rng.next() % 3) {
            case ("b", true, 0):
                XCTAssertEqual(try table.get(k), expected[k.bytes], "bytes read of \(k.bytes)")
            case ("c", true, 0):
                try table.delete(k)
                expected[k.bytes] = nil
            case ("d", true, _):
                let pair = try table.update(k, initial: Pair(first: 7, second: 0)) { (p: inout Pair) -> Pair in
                    p.second += 1
                    return p
                }
                expected[k.bytes] = pair.encoded()
            case ("e", false, 0):
                try table.put(k, Tally(count: 100).encoded())
                expected[k.bytes] = Tally(count: 100).encoded()
            case (_, _, 1):
                let seen = try table.record(k, as: Tally.self)
                XCTAssertEqual(seen?.encoded(), expected[k.bytes], "record read of \(k.bytes)")
                let changed = try table.updateIfPresent(k, as: Tally.self) { (t: inout Tally) -> Tally in
                    t.count += 3
                    return t
                }
                XCTAssertEqual(changed == nil, seen == nil)
                if let changed { expected[k.bytes] = changed.encoded() }
            default:
                let tally = try table.update(k, initial: Tally(count: 0)) { (t: inout Tally) -> Tally in
                    t.count += 1
                    return t
                }
                expected[k.bytes] = tally.encoded()
            }
        }
        for (k, v) in expected { XCTAssertEqual(try table.get(k), v, "\(k)") }
        var scanned: [[UInt8]: [UInt8]] = [:]
        try table.scan { k, v in scanned[k] = v; return true }
        XCTAssertEqual(scanned, expected)
        let entries = overlay.packedEntries()
        var packed: [[UInt8]] = []
        var values: [[UInt8]: [UInt8]] = [:]
        try entries.forEach(in: 0..<entries.count) { k, v in packed.append(Array(k)); values[Array(k)] = Array(v) }
        XCTAssertEqual(values, expected)
        XCTAssertEqual(packed, expected.keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// Numbered keys (tag · number, tag · kind · number) live in arrays, every other key in a
    /// dictionary; from outside, the overlay must behave like one map of bytes to bytes.
    func testAWholeTableHoldsNumberedAndOtherKeysAsOneMap() throws {
        let overlay = TableOverlay(wholeTable: true)
        var expected: [[UInt8]: [UInt8]] = [:]
        var rng = SplitMix64(seed: 17)
        func key(_ tag: UInt8, kind: UInt8? = nil, _ n: UInt64) -> [UInt8] {
            [tag] + (kind.map { [$0] } ?? []) + withUnsafeBytes(of: n.bigEndian) { Array($0) }
        }
        let numbers: [UInt64] = [1_001, 1_002, 5_000, 0, 1 << 40, (1 << 63) + 20_000, 1_001 + (1 << 22), 900, 70_000, 3]
        for step in 0..<3_000 {
            let n = numbers[Int(rng.next() % UInt64(numbers.count))] &+ rng.next() % 4
            // Row keys: an owner's number and one to three more, arriving out of order too.
            let owner = numbers[Int(rng.next() % UInt64(numbers.count))]
            let rest = (0..<Int(1 + rng.next() % 3)).flatMap { _ in withUnsafeBytes(of: (rng.next() % 6).bigEndian) { Array($0) } }
            let candidates = [key(0x6B, n), key(0x61, kind: UInt8(rng.next() % 20), n), key(0x44, n) + [0], Array("n\(n)".utf8),
                              key(0x6A, owner) + rest, key(0x6A, n) + rest]
            let k = candidates[Int(rng.next() % UInt64(candidates.count))]
            if rng.next() % 5 == 0 {
                overlay.set(CacheKey(k), .absent)
                expected[k] = nil
            } else {
                let value = Array("v\(step)".utf8)
                overlay.set(CacheKey(k), .bytes(value))
                expected[k] = value
            }
        }
        for k in expected.keys {
            guard case .bytes(let value)? = overlay[CacheKey(k)] else { return XCTFail("\(k) lost") }
            XCTAssertEqual(value, expected[k])
        }
        XCTAssertNil(overlay[CacheKey(key(0x6B, 123_456))])
        XCTAssertNil(overlay[CacheKey(key(0x6A, 1_001) + key(0, 99).dropFirst())])
        let packed = overlay.packedEntries()
        var seen: [[UInt8]: [UInt8]] = [:]
        var order: [[UInt8]] = []
        try packed.forEach(in: 0..<packed.count) { k, v in
            seen[Array(k)] = Array(v)
            order.append(Array(k))
        }
        XCTAssertEqual(seen, expected)
        XCTAssertEqual(order, expected.keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    private func billingStore(events: Int) throws -> EventStore {
        let store = try FrontDeskStory.emptyStore()
        var workload = SyntheticWorkload(seed: 23, billing: true)
        for first in stride(from: 0, to: events, by: 700) {
            try FrontDeskStory.appendSynthetic(&workload, min(700, events - first), to: store)
        }
        return store
    }

    func testTheReadAheadCoversEveryWantedEventOnceInOrder() throws {
        let store = try billingStore(events: 3_000)
        let routing = EventRouting([KPIProjection()])
        var expected: [UInt64] = []
        try store.scan(from: 1) { event in
            if routing.wanted.contains(event.typeName) { expected.append(event.position) }
            return true
        }
        let head = try store.lastPosition()
        let reader = ChunkPrefetcher(store, routing: routing, chunkSize: 113, head: head)
        var positions: [UInt64] = []
        var lastThrough: UInt64 = 0
        while let (chunk, through) = try reader.next() {
            XCTAssertEqual(through, min(lastThrough + 113, head))
            positions += chunk.events.map(\.position)
            XCTAssertTrue(chunk.events.allSatisfy { $0.position > lastThrough && $0.position <= through })
            lastThrough = through
        }
        XCTAssertEqual(lastThrough, head)
        XCTAssertEqual(positions, expected)
        XCTAssertNil(try reader.next())
    }

    /// The front desk's read-ahead: from any position, every event of the wanted types
    /// once, in order, with the payload a direct decode gives; a failing fold stops it.
    func testLogReadAheadGivesWhatAScanGivesFromAnyPosition() throws {
        let store = try billingStore(events: 3_000)
        let types: Set<String> = [ChargeEntered.typeName, ClaimCreated.typeName, ClaimPaymentPosted.typeName, PatientRegistered.typeName]
        let head = try store.lastPosition()
        for first: UInt64 in [1, 2, 777, head, head + 1] {
            var expected: [(UInt64, String)] = []
            if first <= head {
                try store.scan(from: first, through: head, types: types) { event in
                    let payload = try EventRegistry.decode(typeName: event.typeName, schemaVersion: event.schemaVersion, bytes: event.payload)
                    expected.append((event.position, payload.json.rendered))
                    return true
                }
            }
            var seen: [(UInt64, String)] = []
            try LogReadAhead.forEach(store, from: first, through: head, types: types, chunkSize: 97) { event, payload in
                seen.append((event.position, payload.json.rendered))
            }
            XCTAssertEqual(seen.map(\.0), expected.map(\.0), "positions from \(first)")
            XCTAssertEqual(seen.map(\.1), expected.map(\.1), "payloads from \(first)")
            if first == 1 { XCTAssertGreaterThan(seen.count, 500) }
        }
        struct Stop: Error {}
        var applied = 0
        XCTAssertThrowsError(try LogReadAhead.forEach(store, from: 1, through: head, types: types, chunkSize: 50) { _, _ in
            applied += 1
            if applied == 120 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(applied, 120)
    }

    /// Every model, caught up in uneven chunks after each append, against one rebuild:
    /// the same bytes, so the rebuild's in-memory path and the catch-up's overlay agree.
    func testEveryModelCaughtUpInPiecesEqualsTheRebuildOnBillingEvents() throws {
        let store = try billingStore(events: 0)
        let runner = ProjectionRunner(store: store, views: try KeyValueStore(path: store.paths.views), projections: ReadModels.all)
        runner.chunkSize = 331
        var workload = SyntheticWorkload(seed: 29, billing: true)
        for round in 0..<8 {
            try FrontDeskStory.appendSynthetic(&workload, 600 + 37 * round, to: store)
            try runner.catchUp()
        }
        let incremental = try ReadModels.all.map { try FrontDeskStory.dump(runner, $0.name) }
        // The synthetic practice has no setup events, so only the directory stays empty.
        for (model, entries) in zip(ReadModels.all, incremental) where model.name != DirectoryProjection.name {
            XCTAssertFalse(entries.isEmpty, "\(model.name) is empty: the comparison would prove nothing")
        }
        let routing = EventRouting(ReadModels.all)
        var wanted: UInt64 = 0
        try store.scan(from: 1) { event in
            if routing.wanted.contains(event.typeName) { wanted += 1 }
            return true
        }
        let timings = try runner.rebuild()
        XCTAssertEqual(timings.events, wanted)
        for (model, entries) in zip(ReadModels.all, incremental) {
            XCTAssertEqual(try FrontDeskStory.dump(runner, model.name), entries, "\(model.name): rebuild differs from catch-up")
        }
    }
}
