import BinaryCodec
@testable import RevenueCycle
import XCTest

/// A decision made on the windowed snapshot must equal the one made on the whole schedule.
final class ScheduleWindowTests: XCTestCase {
    func testWindowedSnapshotsDecideBookingsExactlyLikeTheFullSchedule() throws {
        var world = try PracticeWorld()
        var random = SplitMix64(seed: 11)
        var next: UInt64 = 100
        // Long appointments late at night reach into the next UTC day, the window's edge case.
        for _ in 0..<300 {
            let day = 1 + Int(random.next() % 27)
            let hour = Int(random.next() % 24)
            let minutes = [30, 60, 240, 720][Int(random.next() % 4)]
            let text = String(format: "2026-02-%02d %02d:%02d", day, hour, 15 * Int(random.next() % 4))
            let request = try world.request(patient: 1 + random.next() % 2, provider: 1 + random.next() % 2,
                                            room: 1 + random.next() % 2, at: text, minutes: minutes, force: "test")
            let window = Instant(secondsSinceEpoch: request.at.secondsAsIfUTC)
            let full = Result { try Scheduling.book(request, ids: [AppointmentID(next)], snapshot: world.state.scheduleSnapshot()) }
            let windowed = Result { try Scheduling.book(request, ids: [AppointmentID(next)], snapshot: world.state.scheduleSnapshot(covering: window...window)) }
            switch (full, windowed) {
            case let (.success(a), .success(b)):
                XCTAssertEqual(a, b)
                for e in a { world.state.apply(e) }
                next += 1
            case let (.failure(a), .failure(b)):
                XCTAssertEqual("\(a)", "\(b)")
            default:
                XCTFail("windowed and full snapshots disagree for \(text) \(minutes) min: \(full) vs \(windowed)")
            }
        }
        XCTAssertGreaterThan(next, 120, "enough bookings must succeed for the comparison to mean something")
    }
}
