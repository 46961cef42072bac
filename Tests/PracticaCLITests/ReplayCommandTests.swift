import Foundation
import XCTest

final class ReplayCommandTests: XCTestCase {
    func testReplayByPositionIsAReadOnlyPictureOfThePast() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store, "--as", "maria"]).status, 0)
        XCTAssertEqual(try CLI.run(["store", "synth", "--store", store, "--events", "500", "--batch", "50", "--as", "maria"]).status, 0)
        let copy = temporaryStore("copy")
        let replay = try CLI.run(["replay", "--until", "202", "--into", copy, "--store", store, "--as", "maria"])
        XCTAssertEqual(replay.status, 0, replay.stderr)
        XCTAssertTrue(replay.stdout.contains("replayed to position 202"), replay.stdout)
        let tail = try CLI.run(["log", "tail", "-n", "1", "--json", "--store", copy, "--as", "maria"])
        XCTAssertTrue(tail.stdout.hasPrefix("{\"position\":202,"), tail.stdout)
        assertRefused(try CLI.run(["log", "show", "203", "--store", copy, "--as", "maria"]), status: 1, mentioning: "the log ends at 202")
        // The copy's stream reads stop at the cut too: compare with the original.
        let original = try CLI.run(["log", "tail", "-n", "300", "--json", "--store", store, "--as", "maria"]).stdout
        XCTAssertTrue(original.contains("\"position\":502,"))
        // Nothing can be appended to the past.
        assertRefused(try CLI.run(["store", "synth", "--store", copy, "--events", "1", "--as", "maria"]), status: 1, mentioning: "replay copy")
        XCTAssertEqual(try CLI.run(["store", "verify", "--store", copy, "--as", "maria"]).status, 0)
    }

    func testReplayByTimeCutsAtWhatWasRecordedThen() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--store", store, "--as", "maria"]).status, 0)
        let before = temporaryStore("before")
        XCTAssertEqual(try CLI.run(["replay", "--until", "2000-01-01", "--into", before, "--store", store, "--as", "maria"]).status, 0)
        XCTAssertTrue(try CLI.run(["store", "stats", "--json", "--store", before, "--as", "maria"]).stdout.contains("\"events\":0"))
        let after = temporaryStore("after")
        // Typed dates lie in 1900–2199 (issue 15 #13), so the far future is 2199, not 2999.
        assertRefused(try CLI.run(["replay", "--until", "2999-12-31 23:00", "--into", after, "--store", store, "--as", "maria"]), status: 2,
                      mentioning: "must be between 1900-01-01 and 2199-12-31")
        XCTAssertEqual(try CLI.run(["replay", "--until", "2199-12-31 23:00", "--into", after, "--store", store, "--as", "maria"]).status, 0)
        XCTAssertTrue(try CLI.run(["store", "stats", "--json", "--store", after, "--as", "maria"]).stdout.contains("\"events\":2"))
    }

    func testReplayRefusals() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--store", store, "--as", "maria"]).status, 0)
        assertRefused(try CLI.run(["replay", "--until", "99", "--into", temporaryStore("x"), "--store", store, "--as", "maria"]),
                      status: 1, mentioning: "position 99 does not exist")
        assertRefused(try CLI.run(["replay", "--until", "2026-02-30", "--into", temporaryStore("y"), "--store", store, "--as", "maria"]),
                      status: 2, mentioning: "--until")
        assertRefused(try CLI.run(["replay", "--until", "1", "--store", store, "--as", "maria"]), status: 2, mentioning: "--into")
        assertRefused(try CLI.run(["replay", "--until", "1", "--into", temporaryStore("z"), "--store", store, "--as", "nobody"]),
                      status: 1, mentioning: "unknown user")
    }
}

final class ConcurrentRebuildTests: XCTestCase {
    func testRebuildsRacingFromTwoProcessesTakeTurnsAndLeaveTheSameModel() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store, "--as", "tester"]).status, 0)
        XCTAssertEqual(try CLI.run(["store", "synth", "--store", store, "--events", "4000", "--batch", "500"]).status, 0)
        XCTAssertEqual(try CLI.run(["projections", "rebuild", "--all", "--store", store]).status, 0)
        let reference = try CLI.run(["appointments", "list", "--json", "--store", store]).stdout
        XCTAssertTrue(reference.contains("AP1001"), String(reference.prefix(200)))
        for _ in 0..<3 {
            let racers = try (0..<2).map { _ in try CLI.start(["projections", "rebuild", "--all", "--store", store]) }
            for (process, _, _) in racers {
                process.waitUntilExit()
                XCTAssertEqual(process.terminationStatus, 0)
            }
            XCTAssertEqual(try CLI.run(["appointments", "list", "--json", "--store", store]).stdout, reference)
        }
        let status = try CLI.run(["projections", "status", "--json", "--store", store]).stdout
        let models = status.components(separatedBy: "\"name\":").count - 1
        XCTAssertGreaterThanOrEqual(models, 3)
        XCTAssertEqual(status.components(separatedBy: "\"lag\":0,").count - 1, models, status)
    }

    func testARebuildPastItsMemoryLimitGoesChunkByChunkToTheSameModel() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store, "--as", "tester"]).status, 0)
        XCTAssertEqual(try CLI.run(["store", "synth", "--store", store, "--events", "3000", "--batch", "500", "--billing"]).status, 0)
        let inMemory = try CLI.run(["projections", "rebuild", "--all", "--json", "--store", store])
        XCTAssertTrue(inMemory.stdout.contains("\"boundedMemory\":null"), inMemory.stdout)
        let reference = try CLI.run(["report", "ar-aging", "--by", "payer", "--json", "--store", store]).stdout
        let bounded = try CLI.run(["projections", "rebuild", "--all", "--max-memory", "1M", "--store", store])
        XCTAssertEqual(bounded.status, 0, bounded.stderr)
        XCTAssertTrue(bounded.stdout.contains("chunk by chunk: 3002 events would need about 3 MB in memory, more than the 1 MB allowed"),
                      bounded.stdout)
        XCTAssertEqual(try CLI.run(["report", "ar-aging", "--by", "payer", "--json", "--store", store]).stdout, reference)
        let json = try CLI.run(["projections", "rebuild", "ar", "--max-memory", "64k", "--json", "--store", store])
        XCTAssertTrue(json.stdout.contains("\"boundedMemory\":65536"), json.stdout)
        for bad in ["lots", "0", "-5G", "9999999999T"] {
            assertRefused(try CLI.run(["projections", "rebuild", "--all", "--max-memory", bad, "--store", store]),
                          status: 2, mentioning: "--max-memory: expected a size like 4G")
        }
    }
}
