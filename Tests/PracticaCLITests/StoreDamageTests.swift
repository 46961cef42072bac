import Foundation
import XCTest

/// A damaged store never crashes the program (LMDB maps the data file: a page
/// past a cut-short file's end is SIGBUS), and a path a person got wrong never
/// puts patients' data anywhere unintended.
final class StoreDamageTests: XCTestCase {
    /// A small practice whose log spans many pages (about 180 KB).
    private func demoStore() throws -> String {
        let demo = DemoStore.make(months: 1, patients: 20, seed: 3)
        XCTAssertEqual(demo.status, 0, demo.output)
        return demo.path
    }

    private func copy(_ store: String, truncatingLogTo size: Int) throws -> String {
        let target = temporaryStore("cut-\(size)")
        try FileManager.default.copyItem(atPath: store, toPath: target)
        XCTAssertEqual(truncate(target + "/log/data.mdb", off_t(size)), 0)
        return target
    }

    func testATruncatedLogIsDamageWithExit3NotACrash() throws {
        let store = try demoStore()
        let size = try FileManager.default.attributesOfItem(atPath: store + "/log/data.mdb")[.size] as? Int ?? 0
        XCTAssertGreaterThan(size, 120_000)
        for cut in [4096, 8192, 16384, 65536, 100_000, size - 4096] {
            let damaged = try copy(store, truncatingLogTo: cut)
            for command in [["store", "verify"], ["log", "tail"], ["patient", "find", "a"], ["report", "ar-aging"]] {
                let result = try CLI.run(command + ["--store", damaged, "--as", "maria"])
                assertRefused(result, status: 3, mentioning: "the store is damaged")
                XCTAssertTrue(result.stderr.contains("backup"), "the hint names the backup: \(result.stderr)")
            }
        }
    }

    func testAnEmptyLogFileIsRefusedAndLeftAlone() throws {
        let store = try copy(try demoStore(), truncatingLogTo: 0)
        for command in [["store", "verify"], ["log", "tail"], ["patient", "find", "a"], ["store", "stats"]] {
            assertRefused(try CLI.run(command + ["--store", store, "--as", "maria"]), status: 3, mentioning: "is empty (0 bytes)")
        }
        // Before, LMDB wrote a fresh empty environment into it.
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: store + "/log/data.mdb")[.size] as? Int, 0)
    }

    func testDamagedReadModelsAreRebuiltFromTheLog() throws {
        let store = try demoStore()
        let before = try CLI.run(["patient", "find", "a", "--store", store, "--as", "maria"])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertEqual(truncate(store + "/views/data.mdb", 16384), 0)
        let after = try CLI.run(["patient", "find", "a", "--store", store, "--as", "maria"])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertEqual(after.stdout, before.stdout)
        XCTAssertTrue(after.stderr.contains("read models were damaged"), after.stderr)
        let again = try CLI.run(["patient", "find", "a", "--store", store, "--as", "maria"])
        XCTAssertEqual(again.stderr, "", "rebuilt once, then sound")
    }

    func testAFlippedByteInAnInternedNameFailsVerifyAndEveryReader() throws {
        let store = try demoStore()
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: store + "/log/data.mdb")))
        let name = Array("PatientRegistered".utf8)
        let offsets = (0...(data.count - name.count)).filter { data[$0] == name[0] && Array(data[$0..<($0 + name.count)]) == name }
        XCTAssertEqual(offsets.count, 2, "the names table holds the name both ways")
        for offset in offsets {
            let damaged = temporaryStore("flip-\(offset)")
            try FileManager.default.copyItem(atPath: store, toPath: damaged)
            try? FileManager.default.removeItem(atPath: damaged + "/views")   // readers then read the log
            var bytes = data
            bytes[offset + 3] ^= 0x01
            try Data(bytes).write(to: URL(fileURLWithPath: damaged + "/log/data.mdb"))
            assertRefused(try CLI.run(["store", "verify", "--store", damaged, "--as", "maria"]), status: 3, mentioning: "the names table is altered")
            assertRefused(try CLI.run(["patient", "find", "a", "--store", damaged, "--as", "maria"]), status: 3, mentioning: "names table")
        }
    }

    /// Random damage anywhere in the data files (page pointers, payloads, names): every
    /// command ends with 0 (the bytes were unused) or 3 naming damage — never a signal
    /// (LMDB following a damaged page pointer: SIGBUS or SIGSEGV) nor an "unexpected" 1.
    func testRandomDamageToTheDataFilesIsExit0Or3NeverACrash() throws {
        let store = try demoStore()
        XCTAssertEqual(try CLI.run(["patient", "find", "a", "--store", store, "--as", "maria"]).status, 0)
        var random = SystemRandomNumberGenerator()
        for round in 0..<24 {
            let damaged = temporaryStore("random-\(round)")
            try FileManager.default.copyItem(atPath: store, toPath: damaged)
            let file = damaged + (round % 4 == 3 ? "/views/data.mdb" : "/log/data.mdb")
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            // Past the two meta pages (their damage is the open-time check's, tested above).
            let start = Int.random(in: 8192..<bytes.count - 64, using: &random)
            for i in start..<(start + Int.random(in: 1...48, using: &random)) { bytes[i] = UInt8.random(in: 0...255, using: &random) }
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            if round % 4 != 3 { try? FileManager.default.removeItem(atPath: damaged + "/views") }
            for command in [["store", "verify"], ["log", "tail", "-n", "300"], ["patient", "find", "a"]] {
                let result = try CLI.run(command + ["--store", damaged, "--as", "maria"])
                XCTAssertTrue([0, 3].contains(result.status), "\(command) at byte \(start) of \(file): \(result.status) \(result.stderr)")
                if result.status == 3 { XCTAssertTrue(result.stderr.contains("damaged"), result.stderr) }
            }
        }
    }

    func testAnEmptyPathIsAUsageError() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--store", store]).status, 0)
        assertRefused(try CLI.run(["init", "--store", ""]), status: 2, mentioning: "--store: the path is empty")
        assertRefused(try CLI.run(["init"], environment: ["PRACTICA_STORE": ""]), status: 2, mentioning: "PRACTICA_STORE: the path is empty")
        assertRefused(try CLI.run(["log", "tail"], environment: ["PRACTICA_STORE": ""]), status: 2, mentioning: "PRACTICA_STORE")
        assertRefused(try CLI.run(["replay", "--until", "1", "--into", "", "--store", store]), status: 2, mentioning: "--into: the path is empty")
        assertRefused(try CLI.run(["store", "backup", "", "--store", store]), status: 2, mentioning: "<dir>: the path is empty")
        assertRefused(try CLI.run(["report", "dashboard", "--out", "", "--store", store]), status: 2, mentioning: "--out: the path is empty")
    }

    func testAStoreOnARegularFileSaysSo() throws {
        let path = temporaryStore()
        try Data("notes".utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["init", "--store", path])
        assertRefused(result, status: 1, mentioning: "is a file, not a folder")
        XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain"), result.stderr)
    }

    func testAnEmptyOrOverlongStreamIdIsAUsageError() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--store", store]).status, 0)
        for stream in ["", String(repeating: "s", count: 600)] {
            let result = try CLI.run(["log", "show", "--stream", stream, "--store", store])
            assertRefused(result, status: 2, mentioning: "--stream: a stream id has 1 to 200 bytes")
            XCTAssertFalse(result.stderr.contains("MDB_"), result.stderr)
        }
    }
}
