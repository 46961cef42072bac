import Foundation
import XCTest

final class StoreCommandTests: XCTestCase {
    func testInitSynthStatsVerifyTailAndShow() throws {
        let store = temporaryStore()
        let created = try CLI.run(["init", "--synthetic", "--store", store, "--practice", "Lakeside Family Medicine", "--as", "maria"])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("maria is admin"))
        XCTAssertEqual(try CLI.run(["store", "synth", "--store", store, "--events", "3000", "--batch", "250", "--as", "maria"]).status, 0)

        let stats = try CLI.run(["store", "stats", "--store", store, "--json", "--as", "maria"])
        XCTAssertEqual(stats.status, 0)
        XCTAssertTrue(stats.stdout.contains("\"events\":3002"), stats.stdout)
        XCTAssertTrue(stats.stdout.contains("\"batches\":13"), stats.stdout)

        let verify = try CLI.run(["store", "verify", "--store", store, "--as", "maria"])
        XCTAssertEqual(verify.status, 0)
        XCTAssertTrue(verify.stdout.contains("intact: 3002 events in 13 batches"), verify.stdout)

        let tail = try CLI.run(["log", "tail", "-n", "4", "--store", store, "--json", "--as", "maria"])
        let lines = tail.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[3].hasPrefix("{\"position\":3002,"), String(lines[3]))

        let first = try CLI.run(["log", "show", "1", "--store", store, "--json", "--as", "maria"])
        XCTAssertTrue(first.stdout.contains("\"type\":\"PracticeInitialized\""), first.stdout)
        XCTAssertTrue(first.stdout.contains("\"actor\":\"maria\""), first.stdout)
        XCTAssertTrue(first.stdout.contains("Lakeside Family Medicine"), first.stdout)

        let stream = try CLI.run(["log", "show", "--stream", "user-maria", "--store", store, "--as", "maria"])
        XCTAssertEqual(stream.status, 0)
        XCTAssertTrue(stream.stdout.contains("UserAdded"), stream.stdout)
    }

    func testUserMistakesGetOneLineAndTheRightExitCode() throws {
        let store = temporaryStore()
        assertRefused(try CLI.run(["log", "tail", "--store", store]), status: 3, mentioning: "no store at \(store)")
        assertRefused(try CLI.run(["store", "verify"], environment: ["PRACTICA_STORE": store]), status: 3, mentioning: "no store at")
        XCTAssertEqual(try CLI.run(["init", "--store", store]).status, 0)
        assertRefused(try CLI.run(["init", "--store", store]), status: 1, mentioning: "already exists")
        assertRefused(try CLI.run(["log", "show", "99", "--store", store]), status: 1, mentioning: "position 99 does not exist: the log ends at 2")
        assertRefused(try CLI.run(["log", "show", "abc", "--store", store]), status: 2, mentioning: "position must be a whole number")
        assertRefused(try CLI.run(["log", "show", "--store", store]), status: 2, mentioning: "give a position or --stream")
        assertRefused(try CLI.run(["log", "show", "--stream", "patient-PT1", "--store", store]), status: 1, mentioning: "patient-PT1 has no events")
        assertRefused(try CLI.run(["log", "tail", "--bogus", "--store", store]), status: 2, mentioning: "unknown option --bogus")
        assertRefused(try CLI.run(["log", "tail", "-n", "x", "--store", store]), status: 2, mentioning: "-n")
        assertRefused(try CLI.run(["log", "tail", "--store"]), status: 2, mentioning: "missing value for --store")
        assertRefused(try CLI.run(["lgo", "tail"]), status: 2, mentioning: "did you mean 'log'")
        assertRefused(try CLI.run(["store", "synth", "--events", "0", "--store", store]), status: 2, mentioning: "--events must be")
        assertRefused(try CLI.run(["init", "--store", temporaryStore("tz"), "--timezone", "Mars/Olympus"]), status: 2, mentioning: "--timezone")
        assertRefused(try CLI.run(["store", "backup", "--store", store]), status: 2, mentioning: "<dir>")
        // Nothing was appended by any refusal.
        XCTAssertTrue(try CLI.run(["store", "stats", "--store", store, "--json"]).stdout.contains("\"events\":2"))
    }

    func testEveryCommandHasHelpWithAnExample() throws {
        for path in [["init"], ["log", "tail"], ["log", "show"], ["store", "stats"], ["store", "verify"],
                     ["store", "backup"], ["store", "train"], ["store", "synth"]] {
            let help = try CLI.run(path + ["--help"])
            XCTAssertEqual(help.status, 0, path.joined(separator: " "))
            XCTAssertTrue(help.stdout.contains("EXAMPLES:"), path.joined(separator: " "))
            XCTAssertTrue(help.stdout.contains("$ practica \(path.joined(separator: " "))"), help.stdout)
        }
        XCTAssertEqual(try CLI.run(["store"]).status, 2, "a noun without a verb shows help and exits 2")
    }

    func testTamperedCopyFailsVerifyNamingThePosition() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store]).status, 0)
        XCTAssertEqual(try CLI.run(["store", "synth", "--store", store, "--events", "40", "--batch", "10"]).status, 0)
        let copy = temporaryStore("copy")
        try FileManager.default.copyItem(atPath: store, toPath: copy)
        let file = URL(fileURLWithPath: copy + "/log/data.mdb")
        var bytes = [UInt8](try Data(contentsOf: file))
        // Small payloads are stored uncompressed until a dictionary exists, so a member id is visible.
        let marker = Array("XEH".utf8)
        guard let at = find(marker, in: bytes) else { return XCTFail("no member id found in the data file") }
        let memberID = String(decoding: bytes[at..<(at + 12)], as: UTF8.self)
        let log = try CLI.run(["log", "tail", "-n", "100", "--json", "--store", store]).stdout
        guard let line = log.split(separator: "\n").first(where: { $0.contains(memberID) }),
              let position = line.split(separator: ",").first?.split(separator: ":").last else {
            return XCTFail("member id \(memberID) not in the log")
        }
        // LMDB is copy-on-write, so stale copies of a page may also hold the bytes: alter every copy.
        var from = 0
        while let hit = find(Array(memberID.utf8), in: bytes, from: from) {
            bytes[hit + 5] ^= 0x01
            from = hit + 1
        }
        try Data(bytes).write(to: file)
        let verify = try CLI.run(["store", "verify", "--store", copy])
        assertRefused(verify, status: 3, mentioning: "position \(position) altered")
        XCTAssertEqual(try CLI.run(["store", "verify", "--store", store]).status, 0, "the original stays intact")
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i] == first {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
