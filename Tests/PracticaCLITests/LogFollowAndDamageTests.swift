import Foundation
import XCTest

final class LogFollowAndDamageTests: XCTestCase {
    func testTailFollowPrintsEventsAppendedByAnotherProcess() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store]).status, 0)
        let (follower, out, _) = try CLI.start(["log", "tail", "-n", "0", "--follow", "--json", "--store", store])
        defer { if follower.isRunning { follower.terminate() } }
        usleep(300_000)
        XCTAssertEqual(try CLI.run(["store", "synth", "--store", store, "--events", "30", "--batch", "10"]).status, 0)
        var received = ""
        let deadline = Date().addingTimeInterval(10)
        let handle = out.fileHandleForReading
        while received.split(separator: "\n").count < 30 && Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            received += String(decoding: chunk, as: UTF8.self)
        }
        follower.terminate()
        let lines = received.split(separator: "\n")
        XCTAssertEqual(lines.count, 30, received)
        XCTAssertTrue(lines.first?.hasPrefix("{\"position\":3,") ?? false, String(lines.first ?? ""))
        XCTAssertTrue(lines.last?.hasPrefix("{\"position\":32,") ?? false, String(lines.last ?? ""))
    }

    func testGarbageDataFileIsReportedAsDamagedWithExit3() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--store", store]).status, 0)
        let file = URL(fileURLWithPath: store + "/log/data.mdb")
        try Data(repeating: 0x5A, count: 64 * 1024).write(to: file)
        let result = try CLI.run(["log", "tail", "--store", store])
        assertRefused(result, status: 3, mentioning: "damaged")
    }

    func testAStorePathThatIsAFileIsRefusedWithExit3() throws {
        let path = temporaryStore()
        try Data("not a store".utf8).write(to: URL(fileURLWithPath: path))
        assertRefused(try CLI.run(["store", "stats", "--store", path]), status: 3, mentioning: "no store at")
    }
}
