import Foundation
import XCTest

/// Real processes appending to one store: in parallel, while being killed, while backed up.
final class ConcurrencyAndCrashTests: XCTestCase {
    private func stats(_ store: String) throws -> (events: Int, batches: Int) {
        let json = try CLI.run(["store", "stats", "--json", "--store", store]).stdout
        func field(_ name: String) -> Int {
            guard let range = json.range(of: "\"\(name)\":") else { return -1 }
            return Int(json[range.upperBound...].prefix { $0.isNumber }) ?? -1
        }
        return (field("events"), field("batches"))
    }

    func testTwoProcessesAppendingInParallelBothLandIntact() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store]).status, 0)
        let a = try CLI.start(["store", "synth", "--store", store, "--events", "3000", "--batch", "30", "--seed", "1"])
        let b = try CLI.start(["store", "synth", "--store", store, "--events", "2000", "--batch", "20", "--seed", "2"])
        a.0.waitUntilExit()
        b.0.waitUntilExit()
        XCTAssertEqual(a.0.terminationStatus, 0, String(decoding: a.2.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        XCTAssertEqual(b.0.terminationStatus, 0, String(decoding: b.2.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        let s = try stats(store)
        XCTAssertEqual(s.events, 5_002)
        XCTAssertEqual(s.batches, 1 + 100 + 100)
        XCTAssertEqual(try CLI.run(["store", "verify", "--store", store]).status, 0)
    }

    func testKilledWritersLeaveOnlyWholeBatches() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store]).status, 0)
        let batch = 37
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            let (process, _, _) = try CLI.start(["store", "synth", "--store", store, "--events", "1000000",
                                                 "--batch", String(batch), "--seed", String(round)])
            usleep(UInt32.random(in: 80_000...400_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            let s = try stats(store)
            XCTAssertEqual((s.events - 2) % batch, 0, "round \(round): \(s.events) events is not whole batches of \(batch)")
            XCTAssertEqual(s.batches - 1, (s.events - 2) / batch, "round \(round)")
            let verify = try CLI.run(["store", "verify", "--store", store])
            XCTAssertEqual(verify.status, 0, "round \(round): \(verify.stderr)")
        }
        XCTAssertGreaterThan(try stats(store).events, 2, "some batches must have landed")
    }

    func testHotBackupWhileAWriterRuns() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store]).status, 0)
        let (writer, _, _) = try CLI.start(["store", "synth", "--store", store, "--events", "200000", "--batch", "50"])
        usleep(300_000)
        let target = temporaryStore("backup")
        let backup = try CLI.run(["store", "backup", target, "--store", store])
        writer.terminate()
        writer.waitUntilExit()
        XCTAssertEqual(backup.status, 0, backup.stderr)
        let copied = try stats(target)
        XCTAssertGreaterThan(copied.events, 2)
        XCTAssertEqual((copied.events - 2) % 50, 0, "a backup holds whole batches only")
        XCTAssertEqual(try CLI.run(["store", "verify", "--store", target]).status, 0)
    }

    func testTinyInitialMapGrowsAcrossProcesses() throws {
        let store = temporaryStore()
        let tiny = ["PRACTICA_MAP_SIZE": String(128 << 10)]
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store], environment: tiny).status, 0)
        for seed in 1...3 {
            let r = try CLI.run(["store", "synth", "--store", store, "--events", "4000", "--batch", "500", "--seed", String(seed)], environment: tiny)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        XCTAssertEqual(try stats(store).events, 12_002)
        XCTAssertEqual(try CLI.run(["store", "verify", "--store", store], environment: tiny).status, 0)
    }
}
