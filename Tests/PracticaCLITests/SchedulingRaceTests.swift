import EventLog
import Foundation
@testable import PracticaCLI
import RevenueCycle
import XCTest

/// Several `practica book` processes racing for one provider's slot: the
/// decision re-runs inside the append when the log moved, so exactly one wins.
final class SchedulingRaceTests: XCTestCase {
    func testRacingBookProcessesNeverDoubleBookAProvider() throws {
        let f = try SchedulingFixture()
        let patients = [f.patient, f.patient2, f.patient3]
        let rounds = 20
        var winners: [String] = []
        for round in 0..<rounds {
            // Monday 2026-12-07 onwards, six half-hour slots each morning.
            let day = 7 + round / 6
            let minute = 9 * 60 + (round % 6) * 30
            let at = String(format: "2026-12-%02d %02d:%02d", day, minute / 60, minute % 60)
            let racers = try patients.map { patient in
                try CLI.start(["book", "--store", f.store, "--patient", patient, "--provider", f.provider,
                               "--location", f.location, "--type", f.followUp, "--at", at], environment: ["PRACTICA_CLOCK": f.clock])
            }
            var outcomes: [(status: Int32, stdout: String, stderr: String)] = []
            for (process, out, err) in racers {
                let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                outcomes.append((process.terminationStatus, stdout, stderr))
            }
            let won = outcomes.filter { $0.status == 0 }
            XCTAssertEqual(won.count, 1, "round \(round) at \(at): exactly one booking wins: \(outcomes)")
            for lost in outcomes where lost.status != 0 {
                XCTAssertEqual(lost.status, 1, "round \(round): a loser is refused, not crashed: \(lost.stderr)")
                XCTAssertTrue(lost.stderr.contains("the provider is booked"), "round \(round): \(lost.stderr)")
            }
            if let w = won.first { winners.append(appointmentID(in: w.stdout)) }
        }

        let booked = try f.appointments(["--provider", f.provider])
        XCTAssertEqual(booked.count, rounds)
        XCTAssertEqual(Set(booked.compactMap { $0["appointment"] as? String }), Set(winners))
        // No two of the provider's appointments overlap.
        let intervals = booked.compactMap { a -> (String, Int)? in
            guard let start = a["start"] as? String, let minutes = a["minutes"] as? Int else { return nil }
            return (start, minutes)
        }.sorted { $0.0 < $1.0 }
        let formatter = ISO8601DateFormatter()
        for (a, b) in zip(intervals, intervals.dropFirst()) {
            guard let aStart = formatter.date(from: a.0), let bStart = formatter.date(from: b.0) else {
                return XCTFail("unparseable instants \(a.0), \(b.0)")
            }
            XCTAssertLessThanOrEqual(aStart.addingTimeInterval(Double(a.1 * 60)), bStart, "\(a.0) overlaps \(b.0)")
        }
        XCTAssertEqual(try f.run(["store", "verify"]).status, 0)
    }

    /// The deterministic version of the race: a session that decided on an old
    /// log head is made to re-decide on the moved log, and is refused.
    func testAStaleSessionReDecidesOnTheMovedLogInsteadOfDoubleBooking() throws {
        let f = try SchedulingFixture()
        let store = try EventStore.open(at: f.store)
        let first = try FrontDeskSession(store: store, actor: "tester")
        let stale = try FrontDeskSession(store: try EventStore.open(at: f.store), actor: "tester")
        func request(_ patient: String) throws -> BookingRequest {
            BookingRequest(patient: try PatientID.parse(patient), provider: try ProviderID.parse(f.provider),
                           location: try LocationID.parse(f.location), appointmentType: try AppointmentTypeID.parse(f.followUp),
                           at: try LocalDateTime.parse("2026-12-01 09:00"))
        }
        func book(_ session: FrontDeskSession, _ patient: String) throws -> Int {
            var decisions = 0
            try session.append(permission: .schedule, command: "book") { state, ids in
                decisions += 1
                let events = try Scheduling.book(try request(patient), ids: [try ids.next(AppointmentID.self)],
                                                 snapshot: state.scheduleSnapshot())
                return events.map { NewEvent(stream: AppointmentText.stream($0.appointment), $0) }
            }
            return decisions
        }
        XCTAssertEqual(try book(first, f.patient), 1)
        let headBefore = stale.head
        XCTAssertThrowsError(try book(stale, f.patient2)) { error in
            let failure = error as? RejectionFailure
            XCTAssertEqual(failure?.exitCode, .refused)
            XCTAssertTrue(failure?.message.contains("the provider is booked (AP1001)") ?? false, "\(error)")
        }
        XCTAssertGreaterThan(stale.head, headBefore, "the stale session caught up with the moved log before deciding again")
        XCTAssertEqual(try f.appointments().count, 1)
    }
}
