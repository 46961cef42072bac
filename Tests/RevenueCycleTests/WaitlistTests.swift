import XCTest
@testable import RevenueCycle

final class WaitlistTests: XCTestCase {
    func testAddAndRemoveEntries() throws {
        var world = try PracticeWorld()
        let e = try WaitlistDecisions.add(id: WaitlistEntryID(1), patient: PatientID(2), provider: ProviderID(1),
                                          appointmentType: AppointmentTypeID(1), snapshot: world.snapshot, openEntries: [])
        world.state.apply(e)
        let open = Array(world.state.waitlist.values)
        assertRejected(.refused, field: "patient") {
            try WaitlistDecisions.add(id: WaitlistEntryID(2), patient: PatientID(2), provider: ProviderID(1), snapshot: world.snapshot, openEntries: open)
        }
        assertRejected(.refused, field: "patient") {
            try WaitlistDecisions.add(id: WaitlistEntryID(2), patient: PatientID(9), provider: ProviderID(1), snapshot: world.snapshot, openEntries: open)
        }
        assertRejected(.refused, field: "type") {
            try WaitlistDecisions.add(id: WaitlistEntryID(2), patient: PatientID(1), provider: ProviderID(1),
                                      appointmentType: AppointmentTypeID(9), snapshot: world.snapshot, openEntries: open)
        }
        let removed = try WaitlistDecisions.remove(WaitlistEntryID(1), bookedAs: AppointmentID(4), openEntries: open)
        world.state.apply(removed)
        XCTAssertTrue(world.state.waitlist.isEmpty)
        assertRejected(.refused, field: "entry") { try WaitlistDecisions.remove(WaitlistEntryID(1), openEntries: []) }
    }

    func testCancelledSlotMatchesFittingEntriesOldestFirst() throws {
        var world = try PracticeWorld()
        try world.book(world.request(at: "2026-12-01 09:00"), firstID: 10)
        let freed = try XCTUnwrap(world.state.appointments[AppointmentID(10)])
        let entries = [
            WaitlistEntryAdded(entry: WaitlistEntryID(5), patient: PatientID(2), provider: ProviderID(1)),
            WaitlistEntryAdded(entry: WaitlistEntryID(3), patient: PatientID(3), provider: ProviderID(1), appointmentType: AppointmentTypeID(1),
                               earliest: try LocalDate.parse("2026-11-30")),
            WaitlistEntryAdded(entry: WaitlistEntryID(4), patient: PatientID(4), provider: ProviderID(1), appointmentType: AppointmentTypeID(2)),
            WaitlistEntryAdded(entry: WaitlistEntryID(6), patient: PatientID(5), provider: ProviderID(1), earliest: try LocalDate.parse("2026-12-02")),
            WaitlistEntryAdded(entry: WaitlistEntryID(7), patient: PatientID(6), provider: ProviderID(2)),
            WaitlistEntryAdded(entry: WaitlistEntryID(8), patient: PatientID(1), provider: ProviderID(1)),
        ]
        let matches = WaitlistDecisions.matches(for: freed, openEntries: entries, snapshot: world.snapshot)
        // 4 wants 60 minutes, 6 only from tomorrow, 7 another provider, 8 is the patient who cancelled.
        XCTAssertEqual(matches.map(\.entry), [WaitlistEntryID(3), WaitlistEntryID(5)])
    }
}
