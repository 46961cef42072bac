import XCTest
@testable import RevenueCycle

final class AppointmentLifecycleTests: XCTestCase {
    private func bookedWorld() throws -> PracticeWorld {
        var world = try PracticeWorld()
        try world.book(world.request(at: "2026-12-01 09:00"), firstID: 10)
        return world
    }

    func testPatientCancellationInsideTheLateWindowIsFlaggedLate() throws {
        var world = try bookedWorld()
        let start = try PracticeWorld.chicago("2026-12-01 09:00")
        let late = try AppointmentLifecycle.cancel(AppointmentID(10), reason: "sick", by: .patient,
                                                   now: start.adding(minutes: -60 * 23), snapshot: world.snapshot)
        XCTAssertTrue(late.isLate)
        let early = try AppointmentLifecycle.cancel(AppointmentID(10), reason: "sick", by: .patient,
                                                    now: start.adding(minutes: -60 * 24), snapshot: world.snapshot)
        XCTAssertFalse(early.isLate, "exactly 24 hours ahead is on time")
        let practice = try AppointmentLifecycle.cancel(AppointmentID(10), reason: "provider ill", by: .practice,
                                                       now: start, snapshot: world.snapshot)
        XCTAssertFalse(practice.isLate)
        world.state.apply(try PracticeSetup.changeSetting(.lateCancelHours, value: "48"))
        XCTAssertTrue(try AppointmentLifecycle.cancel(AppointmentID(10), reason: "sick", by: .patient,
                                                      now: start.adding(minutes: -60 * 30), snapshot: world.snapshot).isLate)
    }

    func testCancelRefusals() throws {
        var world = try bookedWorld()
        let now = try PracticeWorld.chicago("2026-11-01 09:00")
        assertRejected(.usage, field: "reason") {
            try AppointmentLifecycle.cancel(AppointmentID(10), reason: " ", by: .patient, now: now, snapshot: world.snapshot)
        }
        assertRejected(.refused, field: "appointment") {
            try AppointmentLifecycle.cancel(AppointmentID(99), reason: "x", by: .patient, now: now, snapshot: world.snapshot)
        }
        world.state.apply(try AppointmentLifecycle.cancel(AppointmentID(10), reason: "x", by: .patient, now: now, snapshot: world.snapshot))
        let r = assertRejected(.refused, field: "appointment") {
            try AppointmentLifecycle.cancel(AppointmentID(10), reason: "x", by: .patient, now: now, snapshot: world.snapshot)
        }
        XCTAssertEqual(r?.reason, "AP10 is cancelled and cannot be cancelled")
    }

    func testNoShowOnlyOnceTheAppointmentHasStarted() throws {
        var world = try bookedWorld()
        let start = try PracticeWorld.chicago("2026-12-01 09:00")
        assertRejected(.refused, field: "appointment") {
            try AppointmentLifecycle.noShow(AppointmentID(10), now: start.adding(minutes: -1), snapshot: world.snapshot)
        }
        XCTAssertEqual(try AppointmentLifecycle.noShow(AppointmentID(10), now: start, snapshot: world.snapshot).appointment, AppointmentID(10))
        world.state.apply(PatientCheckedIn(appointment: AppointmentID(10), copayDue: .zero, coverage: nil))
        assertRejected(.refused, field: "appointment") {
            try AppointmentLifecycle.noShow(AppointmentID(10), now: start.adding(minutes: 60), snapshot: world.snapshot)
        }
    }

    func testNoShowFreesTheSlotForAWalkIn() throws {
        var world = try bookedWorld()
        world.state.apply(AppointmentNoShow(appointment: AppointmentID(10)))
        XCTAssertNoThrow(try world.book(world.request(patient: 2, at: "2026-12-01 09:15"), firstID: 11))
    }

    func testCheckInNeedsActiveCoverageAndReportsItsCopay() throws {
        var world = try bookedWorld()
        let span = try DateSpan(from: LocalDate.parse("2026-01-01"), to: LocalDate.parse("2026-12-31"))
        let primary = CoverageAdded(coverage: CoverageID(1), patient: PatientID(1), payer: PayerID(1), memberID: "M1",
                                    rank: .primary, span: span, copay: Money(cents: 2500))
        let secondary = CoverageAdded(coverage: CoverageID(2), patient: PatientID(1), payer: PayerID(1), memberID: "M2",
                                      rank: .secondary, span: span, copay: Money(cents: 999))
        let e = try AppointmentLifecycle.checkIn(AppointmentID(10), coverages: [secondary, primary], snapshot: world.snapshot)
        XCTAssertEqual(e.copayDue, Money(cents: 2500))
        XCTAssertEqual(e.coverage, CoverageID(1))

        let expired = CoverageAdded(coverage: CoverageID(3), patient: PatientID(1), payer: PayerID(1), memberID: "M3", rank: .primary,
                                    span: try DateSpan(from: LocalDate.parse("2025-01-01"), to: LocalDate.parse("2026-11-30")))
        let r = assertRejected(.refused, field: "appointment") {
            try AppointmentLifecycle.checkIn(AppointmentID(10), coverages: [expired], snapshot: world.snapshot)
        }
        XCTAssertEqual(r?.reason, "PT1 has no coverage active on 2026-12-01")
        let selfPay = try AppointmentLifecycle.checkIn(AppointmentID(10), coverages: [expired], selfPay: true, snapshot: world.snapshot)
        XCTAssertEqual(selfPay.copayDue, .zero)
        XCTAssertNil(selfPay.coverage)

        world.state.apply(e)
        assertRejected(.refused, field: "appointment") {
            try AppointmentLifecycle.checkIn(AppointmentID(10), coverages: [primary], snapshot: world.snapshot)
        }
    }

    func testCheckInUsesTheLocalDateOfService() throws {
        var world = try PracticeWorld()
        // 18:30 in Chicago on Dec 31 is already Jan 1 in UTC.
        try world.book(world.request(at: "2026-12-31 18:30", force: "late clinic"), firstID: 10)
        let coverage = CoverageAdded(coverage: CoverageID(1), patient: PatientID(1), payer: PayerID(1), memberID: "M", rank: .primary,
                                     span: try DateSpan(from: LocalDate.parse("2026-01-01"), to: LocalDate.parse("2026-12-31")))
        XCTAssertNoThrow(try AppointmentLifecycle.checkIn(AppointmentID(10), coverages: [coverage], snapshot: world.snapshot))
    }

    func testCheckOutOpensAVisitOnlyAfterCheckIn() throws {
        var world = try bookedWorld()
        assertRejected(.refused, field: "appointment") {
            try AppointmentLifecycle.checkOut(AppointmentID(10), visit: VisitID(1), snapshot: world.snapshot)
        }
        world.state.apply(PatientCheckedIn(appointment: AppointmentID(10), copayDue: .zero, coverage: nil))
        let e = try AppointmentLifecycle.checkOut(AppointmentID(10), visit: VisitID(1), snapshot: world.snapshot)
        world.state.apply(e)
        XCTAssertEqual(world.state.appointments[AppointmentID(10)]?.status, .checkedOut)
        XCTAssertEqual(world.state.appointments[AppointmentID(10)]?.visit, VisitID(1))
        assertRejected(.refused, field: "appointment") {
            try AppointmentLifecycle.checkOut(AppointmentID(10), visit: VisitID(2), snapshot: world.snapshot)
        }
    }
}
