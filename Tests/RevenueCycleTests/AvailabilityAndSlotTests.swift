import XCTest
@testable import RevenueCycle

final class AvailabilityAndSlotTests: XCTestCase {
    private func blocks(_ texts: [String]) throws -> [AvailabilityBlock] { try texts.map(AvailabilityBlock.parse) }

    func testSetsATemplateSortedByDayAndTime() throws {
        let world = try PracticeWorld()
        let e = try AvailabilityDecisions.setTemplate(provider: ProviderID(2), location: LocationID(1),
                                                      effectiveFrom: LocalDate.parse("2026-01-01"),
                                                      blocks: blocks(["tue 09:00-12:00", "mon 13:00-17:00"]),
                                                      directory: world.directory, templates: world.state.templates)
        XCTAssertEqual(e.blocks.map(\.description), ["mon 13:00-17:00", "tue 09:00-12:00"])
    }

    func testOverlappingTemplatesAreRefused() throws {
        let world = try PracticeWorld()
        let from = try LocalDate.parse("2026-06-01")
        let selfOverlap = try blocks(["mon 09:00-12:00", "mon 11:00-13:00"])
        let r = assertRejected(.usage, field: "block") {
            try AvailabilityDecisions.setTemplate(provider: ProviderID(2), location: LocationID(1), effectiveFrom: from,
                                                  blocks: selfOverlap, directory: world.directory, templates: world.state.templates)
        }
        XCTAssertEqual(r?.reason, "mon 09:00-12:00 overlaps mon 11:00-13:00")
        // PR1 already works Monday mornings at LO1; LO2 at the same time is refused, Saturday is fine.
        let monday = try blocks(["mon 10:00-11:00"])
        assertRejected(.refused, field: "block") {
            try AvailabilityDecisions.setTemplate(provider: ProviderID(1), location: LocationID(2), effectiveFrom: from,
                                                  blocks: monday, directory: world.directory, templates: world.state.templates)
        }
        XCTAssertNoThrow(try AvailabilityDecisions.setTemplate(provider: ProviderID(1), location: LocationID(2), effectiveFrom: from,
                                                               blocks: blocks(["sat 09:00-12:00"]), directory: world.directory,
                                                               templates: world.state.templates))
        assertRejected(.refused, field: "provider") {
            try AvailabilityDecisions.setTemplate(provider: ProviderID(9), location: LocationID(1), effectiveFrom: from,
                                                  blocks: monday, directory: world.directory, templates: [])
        }
        assertRejected(.refused, field: "location") {
            try AvailabilityDecisions.setTemplate(provider: ProviderID(1), location: LocationID(9), effectiveFrom: from,
                                                  blocks: monday, directory: world.directory, templates: [])
        }
    }

    func testLaterTemplateReplacesTheEarlierOne() throws {
        var world = try PracticeWorld()
        world.state.apply(AvailabilitySet(provider: ProviderID(1), location: LocationID(1), effectiveFrom: try LocalDate.parse("2027-01-01"),
                                          blocks: try blocks(["mon 07:00-08:00"])))
        XCTAssertNoThrow(try world.book(world.request(at: "2026-12-28 09:00"), firstID: 10))
        assertRejected(.refused, field: "at") {
            try Scheduling.book(world.request(at: "2027-01-04 09:00"), ids: [AppointmentID(11)], snapshot: world.snapshot)
        }
        XCTAssertNoThrow(try world.book(world.request(at: "2027-01-04 07:00"), firstID: 11))
    }

    func testExceptionsNeedAnEndAfterTheStart() throws {
        let world = try PracticeWorld()
        let a = try PracticeWorld.at("2026-07-01 09:00"), b = try PracticeWorld.at("2026-07-01 08:00")
        XCTAssertEqual(try AvailabilityDecisions.addException(provider: ProviderID(1), start: b, end: a, reason: .blocked, note: " ",
                                                              directory: world.directory).note, nil)
        assertRejected(.usage, field: "to") {
            try AvailabilityDecisions.addException(provider: ProviderID(1), start: a, end: b, reason: .blocked, directory: world.directory)
        }
        assertRejected(.refused, field: "provider") {
            try AvailabilityDecisions.addException(provider: ProviderID(9), start: b, end: a, reason: .blocked, directory: world.directory)
        }
    }

    func testFindsTheEarliestFreeSlotsSkippingBookingsAndExceptions() throws {
        var world = try PracticeWorld()
        try world.book(world.request(at: "2026-12-01 09:00"), firstID: 10)
        world.state.apply(AvailabilityExceptionAdded(provider: ProviderID(1), start: try PracticeWorld.at("2026-12-01 09:30"),
                                                     end: try PracticeWorld.at("2026-12-01 11:30"), reason: .blocked))
        let slots = SlotFinder.earliest(provider: ProviderID(1), minutes: 30, from: try LocalDate.parse("2026-12-01"), count: 3,
                                        snapshot: world.snapshot)
        XCTAssertEqual(slots.map { $0.slot.localStart.description }, ["2026-12-01 11:30", "2026-12-01 13:00", "2026-12-01 13:15"])
        XCTAssertEqual(slots.first?.location, LocationID(1))
        // Weekend start rolls to Monday; `notBefore` skips the morning.
        let monday = SlotFinder.earliest(provider: ProviderID(1), minutes: 60, from: try LocalDate.parse("2026-12-05"), count: 1,
                                         notBefore: try PracticeWorld.chicago("2026-12-07 10:10"), stepMinutes: 30, snapshot: world.snapshot)
        XCTAssertEqual(monday.map { $0.slot.localStart.description }, ["2026-12-07 10:30"])
        XCTAssertEqual(SlotFinder.earliest(provider: ProviderID(2), minutes: 30, from: try LocalDate.parse("2026-12-01"), count: 3,
                                           snapshot: world.snapshot), [])
        XCTAssertEqual(SlotFinder.earliest(provider: ProviderID(1), minutes: 0, from: try LocalDate.parse("2026-12-01"), count: 3,
                                           snapshot: world.snapshot), [])
    }

    func testSlotsFoundCanBeBooked() throws {
        var world = try PracticeWorld()
        let from = try LocalDate.parse("2026-12-01")
        for n in 0..<5 {
            let slot = try XCTUnwrap(SlotFinder.earliest(provider: ProviderID(1), minutes: 30, from: from, count: 1, snapshot: world.snapshot).first)
            let request = BookingRequest(patient: PatientID(UInt64(n % 2 + 1)), provider: ProviderID(1), location: slot.location,
                                         appointmentType: AppointmentTypeID(1), at: slot.slot.localStart)
            try world.book(request, firstID: UInt64(10 + n))
        }
        XCTAssertEqual(world.state.appointments.count, 5)
    }
}
