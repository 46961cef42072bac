import XCTest
@testable import RevenueCycle

final class BookingTests: XCTestCase {
    func testBooksInsideAvailabilityStoringInstantAndZone() throws {
        var world = try PracticeWorld()
        let events = try world.book(world.request(at: "2026-12-01 09:00"), firstID: 10)
        XCTAssertEqual(events.count, 1)
        let e = try XCTUnwrap(events.first)
        XCTAssertEqual(e.appointment, AppointmentID(10))
        XCTAssertEqual(e.minutes, 30, "the appointment type's length")
        XCTAssertEqual(e.start.description, "2026-12-01T15:00:00Z")
        XCTAssertEqual(e.zone.identifier, "America/Chicago")
        XCTAssertNil(e.forcedReason)
        XCTAssertNil(e.recurrenceGroup)
    }

    func testProviderRoomAndPatientAreNeverDoubleBooked() throws {
        var world = try PracticeWorld()
        try world.book(world.request(patient: 1, room: 1, at: "2026-12-01 09:00"), firstID: 10)
        // Same provider, other patient and room.
        var r = assertRejected(.refused, field: "at") {
            try Scheduling.book(world.request(patient: 2, room: 2, at: "2026-12-01 09:15"), ids: [AppointmentID(11)], snapshot: world.snapshot)
        }
        XCTAssertEqual(r?.conflicts.map(\.kind), [.providerBusy(AppointmentID(10))])
        // Same room, other provider (forced past PR2's empty availability).
        r = assertRejected(.refused, field: "at") {
            try Scheduling.book(world.request(patient: 2, provider: 2, room: 1, at: "2026-12-01 09:15", force: "cover"),
                                ids: [AppointmentID(11)], snapshot: world.snapshot)
        }
        XCTAssertEqual(r?.conflicts.map(\.kind), [.roomBusy(AppointmentID(10))])
        // Same patient with another provider.
        r = assertRejected(.refused, field: "at") {
            try Scheduling.book(world.request(patient: 1, provider: 2, room: nil, at: "2026-12-01 09:29", force: "cover"),
                                ids: [AppointmentID(11)], snapshot: world.snapshot)
        }
        XCTAssertEqual(r?.conflicts.map(\.kind), [.patientBusy(AppointmentID(10))])
        XCTAssertEqual(r?.reason, "2026-12-01 09:29: the patient is already booked (AP10)")
        XCTAssertEqual(r?.hint, "pick another time; `practica slots find` lists free slots")
    }

    func testBackToBackIsNotAnOverlapAndCancelledSlotsAreFree() throws {
        var world = try PracticeWorld()
        try world.book(world.request(at: "2026-12-01 09:00"), firstID: 10)
        XCTAssertNoThrow(try world.book(world.request(patient: 2, room: 1, at: "2026-12-01 09:30"), firstID: 11))
        world.state.apply(AppointmentCancelled(appointment: AppointmentID(10), reason: "x", by: .patient, isLate: false))
        XCTAssertNoThrow(try world.book(world.request(patient: 2, room: 2, at: "2026-12-01 09:00"), firstID: 12))
    }

    func testOutsideAvailabilityNeedsForceWithReason() throws {
        var world = try PracticeWorld()
        let r = assertRejected(.refused, field: "at") {
            try Scheduling.book(world.request(at: "2026-12-01 12:00"), ids: [AppointmentID(10)], snapshot: world.snapshot)
        }
        XCTAssertEqual(r?.conflicts.map(\.kind), [.outsideAvailability])
        XCTAssertEqual(r?.hint?.contains("--force"), true)
        // Half inside a block is still outside.
        assertRejected(.refused, field: "at") {
            try Scheduling.book(world.request(at: "2026-12-01 11:45"), ids: [AppointmentID(10)], snapshot: world.snapshot)
        }
        assertRejected(.usage, field: "reason") {
            try Scheduling.book(world.request(at: "2026-12-01 12:00", force: "  "), ids: [AppointmentID(10)], snapshot: world.snapshot)
        }
        let forced = try world.book(world.request(at: "2026-12-01 12:00", force: "urgent"), firstID: 10)
        XCTAssertEqual(forced.first?.forcedReason, "urgent")
    }

    func testExceptionsBlockBookings() throws {
        var world = try PracticeWorld()
        world.state.apply(AvailabilityExceptionAdded(provider: ProviderID(1), start: try PracticeWorld.at("2026-12-01 00:00"),
                                                     end: try PracticeWorld.at("2026-12-02 00:00"), reason: .vacation))
        let r = assertRejected(.refused, field: "at") {
            try Scheduling.book(world.request(at: "2026-12-01 09:00"), ids: [AppointmentID(10)], snapshot: world.snapshot)
        }
        XCTAssertEqual(r?.conflicts.map(\.kind), [.providerAway(.vacation)])
        XCTAssertNoThrow(try world.book(world.request(at: "2026-12-02 09:00"), firstID: 10))
    }

    func testBadInputIsRefusedBeforeAnythingElse() throws {
        let world = try PracticeWorld()
        let s = world.snapshot
        let one = [AppointmentID(10)]
        assertRejected(.usage, field: "minutes") { try Scheduling.book(world.request(at: "2026-12-01 09:00", minutes: 0), ids: one, snapshot: s) }
        assertRejected(.usage, field: "minutes") { try Scheduling.book(world.request(at: "2026-12-01 09:00", minutes: -15), ids: one, snapshot: s) }
        assertRejected(.refused, field: "patient") { try Scheduling.book(world.request(patient: 99, at: "2026-12-01 09:00"), ids: one, snapshot: s) }
        assertRejected(.refused, field: "provider") { try Scheduling.book(world.request(provider: 99, at: "2026-12-01 09:00"), ids: one, snapshot: s) }
        assertRejected(.refused, field: "room") { try Scheduling.book(world.request(room: 99, at: "2026-12-01 09:00"), ids: one, snapshot: s) }
        assertRejected(.refused, field: "room") { try Scheduling.book(world.request(room: 3, at: "2026-12-01 09:00"), ids: one, snapshot: s) }
        assertRejected(.refused, field: "type") { try Scheduling.book(world.request(type: 99, at: "2026-12-01 09:00"), ids: one, snapshot: s) }
        assertRejected(.usage, field: "count") {
            try Scheduling.book(world.request(at: "2026-12-01 09:00", recurrence: Recurrence(unit: .week, count: 0)), ids: [], snapshot: s)
        }
        assertRejected(.usage, field: "ids") {
            try Scheduling.book(world.request(at: "2026-12-01 09:00", recurrence: Recurrence(unit: .week, count: 2)), ids: one, snapshot: s)
        }
    }

    func testSpringForwardNonexistentTimeIsRefusedAndTheHourAfterIsFine() throws {
        var world = try PracticeWorld()
        // 2026-03-08 is a Sunday: force past the weekday template.
        let r = assertRejected(.usage, field: "at") {
            try Scheduling.book(world.request(at: "2026-03-08 02:30", force: "on call"), ids: [AppointmentID(10)], snapshot: world.snapshot)
        }
        XCTAssertEqual(r?.reason.contains("does not exist in America/Chicago"), true)
        let ok = try world.book(world.request(at: "2026-03-08 03:30", force: "on call"), firstID: 10)
        XCTAssertEqual(ok.first?.start.description, "2026-03-08T08:30:00Z")
    }

    func testAppointmentAcrossFallBackKeepsRealDurationAndClashesCorrectly() throws {
        var world = try PracticeWorld()
        // 00:30 CDT for 120 real minutes ends at 01:30 CST (07:30Z).
        let e = try world.book(world.request(room: nil, at: "2026-11-01 00:30", minutes: 120, force: "overnight study"), firstID: 10)
        XCTAssertEqual(e.first?.start.description, "2026-11-01T05:30:00Z")
        XCTAssertEqual(e.first?.slot.end.description, "2026-11-01T07:30:00Z")
        XCTAssertEqual(e.first?.slot.localEnd.description, "2026-11-01 01:30")
        // 01:30 happens twice: without an offset it is refused, naming both (issue 15 #13).
        let bare = assertRejected(.usage, field: "at") {
            try Scheduling.book(world.request(patient: 2, room: nil, at: "2026-11-01 01:30", force: "x"),
                                ids: [AppointmentID(11)], snapshot: world.snapshot)
        }
        XCTAssertEqual(bare?.reason.contains("2026-11-01 01:30-05:00 (first) or 2026-11-01 01:30-06:00 (second)"), true, bare?.reason ?? "")
        // The first 01:30 (CDT, 06:30Z) is inside the study.
        var first = try world.request(patient: 2, room: nil, at: "2026-11-01 01:30", force: "x")
        first.offsetSeconds = -5 * 3600
        assertRejected(.refused, field: "at") { try Scheduling.book(first, ids: [AppointmentID(11)], snapshot: world.snapshot) }
        // The second 01:30 (CST, 07:30Z) starts as the study ends: free.
        var second = first
        second.offsetSeconds = -6 * 3600
        let booked = try world.book(second, firstID: 11)
        XCTAssertEqual(booked.first?.start.description, "2026-11-01T07:30:00Z")
    }

    func testRecurringBookingIsAllOrNoneAndListsEveryConflict() throws {
        var world = try PracticeWorld()
        try world.book(world.request(patient: 2, room: 2, at: "2026-12-08 09:00"), firstID: 1)
        try world.book(world.request(patient: 2, room: 2, at: "2026-12-22 09:15"), firstID: 2)
        let weekly = Recurrence(unit: .week, count: 6)
        let ids = (10..<16).map { AppointmentID(UInt64($0)) }
        let r = assertRejected(.refused, field: "at") {
            try Scheduling.book(world.request(at: "2026-12-01 09:00", recurrence: weekly), ids: ids, snapshot: world.snapshot)
        }
        XCTAssertEqual(r?.conflicts.map(\.occurrence), [1, 3])
        XCTAssertEqual(r?.conflicts.map(\.start.description), ["2026-12-08 09:00", "2026-12-22 09:00"])
        XCTAssertEqual(r?.reason, "2 of 6 occurrences conflict; nothing was booked")
        let ok = try world.book(world.request(at: "2026-12-01 10:00", recurrence: weekly), firstID: 10)
        XCTAssertEqual(ok.count, 6)
        XCTAssertEqual(Set(ok.map(\.recurrenceGroup)), [AppointmentID(10)])
        XCTAssertEqual(ok.last?.slot.localStart.description, "2027-01-05 10:00")
    }

    func testDailySeriesRefusesWeekendsOutsideAvailability() throws {
        let world = try PracticeWorld()
        let ids = (10..<17).map { AppointmentID(UInt64($0)) }
        let r = assertRejected(.refused, field: "at") {
            try Scheduling.book(world.request(at: "2026-12-01 09:00", recurrence: Recurrence(unit: .day, count: 7)), ids: ids, snapshot: world.snapshot)
        }
        // Sat 12-05 and Sun 12-06 are outside the weekday template.
        XCTAssertEqual(r?.conflicts.map(\.occurrence), [4, 5])
        XCTAssertTrue(r?.conflicts.allSatisfy { $0.kind == .outsideAvailability } ?? false)
    }

    func testWeeklySeriesKeepsWallClockAcrossDaylightSaving() throws {
        var world = try PracticeWorld()
        // Mondays 2026-10-26 and 2026-11-02 straddle the fall-back change.
        let e = try world.book(world.request(at: "2026-10-26 09:00", recurrence: Recurrence(unit: .week, count: 2)), firstID: 10)
        XCTAssertEqual(e.map(\.start.description), ["2026-10-26T14:00:00Z", "2026-11-02T15:00:00Z"])
        XCTAssertEqual(e.map { $0.slot.localStart.description }, ["2026-10-26 09:00", "2026-11-02 09:00"])
    }

    func testRescheduleMovesABookedAppointment() throws {
        var world = try PracticeWorld()
        try world.book(world.request(at: "2026-12-01 09:00"), firstID: 10)
        try world.book(world.request(patient: 2, room: 2, at: "2026-12-01 10:00"), firstID: 11)
        let moved = try Scheduling.reschedule(AppointmentID(10), to: PracticeWorld.at("2026-12-01 09:15"), snapshot: world.snapshot)
        XCTAssertEqual(moved.start, try PracticeWorld.chicago("2026-12-01 09:15"))
        XCTAssertEqual(moved.minutes, 30)
        let clash = try PracticeWorld.at("2026-12-01 10:15"), closed = try PracticeWorld.at("2026-12-01 18:00")
        let r = assertRejected(.refused, field: "at") {
            try Scheduling.reschedule(AppointmentID(10), to: clash, snapshot: world.snapshot)
        }
        XCTAssertEqual(r?.conflicts.map(\.kind), [.providerBusy(AppointmentID(11))])
        assertRejected(.refused, field: "at") {
            try Scheduling.reschedule(AppointmentID(10), to: closed, snapshot: world.snapshot)
        }
        XCTAssertNoThrow(try Scheduling.reschedule(AppointmentID(10), to: closed, forceReason: "late clinic", snapshot: world.snapshot))
        let same = try PracticeWorld.at("2026-12-01 09:00")
        assertRejected(.usage, field: "at") { try Scheduling.reschedule(AppointmentID(10), to: same, snapshot: world.snapshot) }
        world.state.apply(AppointmentNoShow(appointment: AppointmentID(10)))
        assertRejected(.refused, field: "appointment") {
            try Scheduling.reschedule(AppointmentID(10), to: clash, snapshot: world.snapshot)
        }
        assertRejected(.refused, field: "appointment") {
            try Scheduling.reschedule(AppointmentID(99), to: clash, snapshot: world.snapshot)
        }
    }
}
