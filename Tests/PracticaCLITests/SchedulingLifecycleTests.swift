import Foundation
import XCTest

/// What happens to an appointment after booking: reschedule, cancel, no-show, check-in, check-out.
final class SchedulingLifecycleTests: XCTestCase {
    func testRescheduleMovesAndRefusesConflictsAndBadTimes() throws {
        let f = try SchedulingFixture()
        XCTAssertEqual(try f.book(at: "2026-12-01 09:00").status, 0)
        XCTAssertEqual(try f.book(at: "2026-12-01 11:00", patient: f.patient2).status, 0)
        let moved = try f.run(["reschedule", "AP1001", "--at", "2026-12-01 10:00"])
        XCTAssertEqual(moved.status, 0, moved.stderr)
        XCTAssertTrue(moved.stdout.contains("rescheduled AP1001 to 2026-12-01 10:00–10:30 America/Chicago"), moved.stdout)
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["reschedule", "AP1001", "--at", "2026-12-01 11:15"]), status: 1, mentioning: "the provider is booked (AP1002)")
            assertRefused(try f.run(["reschedule", "AP9999", "--at", "2026-12-01 10:00"]), status: 1, mentioning: "unknown appointment AP9999")
            assertRefused(try f.run(["reschedule", "AP1001", "--at", "2026-13-01 10:00"]), status: 2, mentioning: "--at")
            assertRefused(try f.run(["reschedule", "AP1001", "--at", "2026-03-08 02:30", "--force", "--reason", "x"]), status: 2, mentioning: "--at:")
            assertRefused(try f.run(["reschedule", "AP1001", "--at", "2026-12-01 10:00", "--minutes", "0"]), status: 2, mentioning: "--minutes")
            assertRefused(try f.run(["reschedule", "PT1001", "--at", "2026-12-01 10:00"]), status: 2, mentioning: "<appointment>")
        }
        XCTAssertEqual(try f.appointments(["--patient", f.patient]).first?["localStart"] as? String, "2026-12-01 10:00")
    }

    func testCancelFlagsLatePatientCancellationsAndShowsWaitlistMatches() throws {
        var f = try SchedulingFixture()                                                    // now: 2026-11-30 06:00 in Chicago
        XCTAssertEqual(try f.book(at: "2026-11-30 13:00").status, 0)                      // AP1001, in 7 hours
        XCTAssertEqual(try f.book(at: "2026-11-30 14:00").status, 0)                      // AP1002, in 8 hours
        XCTAssertEqual(try f.book(at: "2027-12-06 09:00", patient: f.patient2).status, 0) // AP1003, far ahead
        XCTAssertEqual(try f.book(at: "2026-11-30 15:00", patient: f.patient2).status, 0) // AP1004, this afternoon
        let added = try f.run(["waitlist", "add", "--patient", f.patient3, "--provider", f.provider, "--type", f.followUp])
        XCTAssertEqual(added.status, 0, added.stderr)

        let late = try f.run(["cancel", "AP1001", "--reason", "overslept"])
        XCTAssertEqual(late.status, 0, late.stderr)
        XCTAssertTrue(late.stdout.contains("cancelled AP1001 by patient (late cancellation)"), late.stdout)
        let practice = try f.run(["cancel", "AP1002", "--reason", "provider ill", "--by", "practice"])
        XCTAssertFalse(practice.stdout.contains("late"), "the practice's cancellations are never late: \(practice.stdout)")
        let early = try f.run(["cancel", "AP1003", "--reason", "moving away"])
        XCTAssertEqual(early.status, 0, early.stderr)
        XCTAssertFalse(early.stdout.contains("late"), early.stdout)
        XCTAssertTrue(early.stdout.contains("WL1001"), "the waitlisted patient fits the freed slot: \(early.stdout)")
        XCTAssertTrue(early.stdout.contains(f.patient3), early.stdout)

        let cancelled = try f.appointments(["--status", "cancelled"])
        XCTAssertEqual(cancelled.map { $0["lateCancellation"] as? Bool }, [true, false, false])
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["cancel", "AP1001", "--reason", "again"]), status: 1, mentioning: "AP1001 is cancelled")
            assertRefused(try f.run(["cancel", "AP9999", "--reason", "x"]), status: 1, mentioning: "unknown appointment AP9999")
            assertRefused(try f.run(["cancel", "AP1003", "--reason", "x", "--by", "doctor"]), status: 2, mentioning: "--by")
            assertRefused(try f.run(["cancel", "AP1003"]), status: 2, mentioning: "--reason")
        }
        // Once an appointment has happened it is a visit or a no-show, not a cancellation (issue 15 #13).
        f.clock = "2026-11-30T21:10:00Z"                                                   // 15:10 in Chicago
        try assertAppendsNothing(f) {
            let r = try f.run(["cancel", "AP1004", "--reason", "did not come"])
            assertRefused(r, status: 1, mentioning: "AP1004 started before now")
            XCTAssertTrue(r.stderr.contains("practica no-show AP1004"), r.stderr)
        }
        // The practice may still call off one that is under way (the provider fell ill), not one that is over.
        XCTAssertEqual(try f.run(["cancel", "AP1004", "--reason", "provider ill", "--by", "practice"]).status, 0)
    }

    func testNoShowOnlyOnceTheStartHasPassed() throws {
        var f = try SchedulingFixture()
        XCTAssertEqual(try f.book(at: "2026-12-01 09:00").status, 0)
        XCTAssertEqual(try f.book(at: "2027-12-06 09:00").status, 0)
        f.clock = "2026-12-01T16:00:00Z"                                                   // 10:00 in Chicago
        let r = try f.run(["no-show", "AP1001"])
        XCTAssertEqual(r.status, 0, r.stderr)
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["no-show", "AP1002"]), status: 1, mentioning: "cannot be a no-show yet")
            assertRefused(try f.run(["no-show", "AP1001"]), status: 1, mentioning: "AP1001 is no-show")
            assertRefused(try f.run(["no-show", "AP9999"]), status: 1, mentioning: "unknown appointment")
        }
        XCTAssertEqual(try f.appointments(["--status", "no-show"]).count, 1)
    }

    func testCheckInShowsCopayAndNeedsCoverageOrSelfPay() throws {
        let f = try SchedulingFixture()
        XCTAssertEqual(try f.book(at: "2026-12-01 09:00").status, 0)
        XCTAssertEqual(try f.book(at: "2026-12-01 10:00", patient: f.patient2).status, 0)
        let insured = try f.run(["check-in", "AP1001"])
        XCTAssertEqual(insured.status, 0, insured.stderr)
        XCTAssertTrue(insured.stdout.contains("copay due 25.00 (coverage CV1001)"), insured.stdout)
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["check-in", "AP1002"]), status: 1, mentioning: "PT1002 has no coverage active on 2026-12-01")
            assertRefused(try f.run(["check-in", "AP1001"]), status: 1, mentioning: "AP1001 is checked-in")
            assertRefused(try f.run(["check-in", "AP1002"], as: "audrey"), status: 1, mentioning: "audrey")
        }
        let selfPay = try f.run(["check-in", "AP1002", "--self-pay"])
        XCTAssertEqual(selfPay.status, 0, selfPay.stderr)
        XCTAssertTrue(selfPay.stdout.contains("copay due 0.00 (self-pay)"), selfPay.stdout)
    }

    func testCheckOutOpensAVisitOnlyAfterCheckIn() throws {
        let f = try SchedulingFixture()
        XCTAssertEqual(try f.book(at: "2026-12-01 09:00").status, 0)
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["check-out", "AP1001"]), status: 1, mentioning: "only a checked-in patient can be checked out")
        }
        XCTAssertEqual(try f.run(["check-in", "AP1001"]).status, 0)
        let out = try f.run(["check-out", "AP1001"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("opened visit V1001"), out.stdout)
        let entry = try f.appointments().first
        XCTAssertEqual(entry?["status"] as? String, "checked-out")
        XCTAssertEqual(entry?["visit"] as? String, "V1001")
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["check-out", "AP1001"]), status: 1, mentioning: "AP1001 is checked-out")
        }
    }
}
