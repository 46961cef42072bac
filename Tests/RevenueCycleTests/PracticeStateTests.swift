import XCTest
import BinaryCodec
@testable import RevenueCycle

final class PracticeStateTests: XCTestCase {
    func testFoldingTracksAppointmentLifecycleAndSettings() throws {
        var world = try PracticeWorld()
        XCTAssertEqual(world.directory.users.count, 3)
        XCTAssertEqual(world.directory.settings.lateCancelHours, 24)
        world.state.apply(try PracticeSettingChanged(key: .lateCancelHours, value: "12"))
        XCTAssertEqual(world.snapshot.settings.lateCancelHours, 12)
        try world.book(world.request(at: "2026-12-01 09:00"), firstID: 10)
        XCTAssertEqual(world.state.appointments[AppointmentID(10)]?.status, .booked)
        let moved = try PracticeWorld.chicago("2026-12-01 10:00")
        world.state.apply(AppointmentRescheduled(appointment: AppointmentID(10), start: moved, minutes: 45,
                                                 zone: try TimeZoneID("America/Chicago")))
        XCTAssertEqual(world.state.appointments[AppointmentID(10)]?.start, moved)
        XCTAssertEqual(world.state.appointments[AppointmentID(10)]?.minutes, 45)
        world.state.apply(FeeSet(code: try ProcedureCode("99213"), amount: Money(cents: 100)))
        world.state.apply(FeeSet(code: try ProcedureCode("99213"), amount: Money(cents: 200)))
        XCTAssertEqual(world.directory.fees[FeeKey(code: try ProcedureCode("99213"), modifier: nil)], Money(cents: 200))
    }

    func testFoldingDecodedEventsGivesTheSameState() throws {
        var world = try PracticeWorld()
        try world.book(world.request(at: "2026-12-01 09:00"), firstID: 10)
        let events: [any EventPayload] = [try EventFixtures.patientRegistered(), try EventFixtures.coverageAdded()]
        let decoded = try events.map { e in
            try EventRegistry.decode(typeName: type(of: e).typeName, schemaVersion: type(of: e).schemaVersion, bytes: e.encoded())
        }
        let direct = PracticeState(events)
        let replayed = PracticeState(decoded)
        XCTAssertEqual(direct.patients, replayed.patients)
        XCTAssertEqual(direct.coverages, replayed.coverages)
        XCTAssertEqual(replayed.coverages(of: PatientID(1042)).map(\.coverage), [CoverageID(1)])
    }
}
