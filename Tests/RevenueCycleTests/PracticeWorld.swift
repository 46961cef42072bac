import XCTest
import BinaryCodec
@testable import RevenueCycle

/// A small practice in Chicago, built by folding real events, for decision tests.
///
/// PR1 (Dr. Lee) works Mon-Fri 09:00-12:00 and 13:00-17:00 at LO1 from 2026-01-01.
/// PR2 has no hours. RO1 and RO2 are at LO1. AT1 is 30 minutes. PA1 is a payer.
/// PT1 Núñez (1980-05-17, 3125550100) and PT2 Smith are registered.
struct PracticeWorld {
    var state = PracticeState()

    init() throws {
        let chicago = try TimeZoneID("America/Chicago")
        let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        let blocks = try weekdays.flatMap { d in
            [try AvailabilityBlock(weekday: d, start: .parse("09:00"), end: .parse("12:00")),
             try AvailabilityBlock(weekday: d, start: .parse("13:00"), end: .parse("17:00"))]
        }
        let events: [any EventPayload] = [
            PracticeInitialized(practiceName: try DisplayName("Lakeside"), admin: try UserID("admin"), timeZone: chicago),
            UserAdded(user: try UserID("admin"), role: .admin),
            UserAdded(user: try UserID("maria"), role: .frontDesk),
            UserAdded(user: try UserID("audrey"), role: .auditor),
            ProviderAdded(provider: ProviderID(1), name: try DisplayName("Dr. Lee"), npi: try NPI("1234567893"),
                          taxonomy: try TaxonomyCode("207Q00000X")),
            ProviderAdded(provider: ProviderID(2), name: try DisplayName("Dr. Roe"), npi: try NPI("1245319599"),
                          taxonomy: try TaxonomyCode("207Q00000X")),
            LocationAdded(location: LocationID(1), name: try DisplayName("Main"), address: "1 Main St",
                          placeOfService: try PlaceOfService("11"), timeZone: chicago),
            LocationAdded(location: LocationID(2), name: try DisplayName("North"), address: "9 North Ave",
                          placeOfService: try PlaceOfService("11"), timeZone: chicago),
            RoomAdded(room: RoomID(1), location: LocationID(1), name: try DisplayName("Exam 1")),
            RoomAdded(room: RoomID(2), location: LocationID(1), name: try DisplayName("Exam 2")),
            RoomAdded(room: RoomID(3), location: LocationID(2), name: try DisplayName("North 1")),
            AppointmentTypeAdded(appointmentType: AppointmentTypeID(1), name: try DisplayName("Follow-up"), minutes: 30),
            AppointmentTypeAdded(appointmentType: AppointmentTypeID(2), name: try DisplayName("New patient"), minutes: 60),
            PayerAdded(payer: PayerID(1), name: try DisplayName("Acme"), electronicPayerID: "60054", timelyFilingDays: 90),
            AvailabilitySet(provider: ProviderID(1), location: LocationID(1), effectiveFrom: try LocalDate.parse("2026-01-01"), blocks: blocks),
            PatientRegistered(patient: PatientID(1), name: try PersonName(first: "José", last: "Núñez"),
                              dateOfBirth: try LocalDate.parse("1980-05-17"), sex: .male, phone: try PhoneNumber("3125550100")),
            PatientRegistered(patient: PatientID(2), name: try PersonName(first: "Ann", last: "Smith"),
                              dateOfBirth: try LocalDate.parse("1975-03-02"), sex: .female),
        ]
        for e in events { state.apply(e) }
    }

    var snapshot: ScheduleSnapshot { state.scheduleSnapshot() }
    var directory: PracticeDirectory { state.directory }

    static func at(_ s: String) throws -> LocalDateTime { try LocalDateTime.parse(s) }
    static func chicago(_ s: String) throws -> Instant { try TimeZoneID("America/Chicago").instant(for: LocalDateTime.parse(s)) }

    func request(patient: UInt64 = 1, provider: UInt64 = 1, room: UInt64? = 1, type: UInt64 = 1, at: String,
                 minutes: Int? = nil, force: String? = nil, recurrence: Recurrence? = nil) throws -> BookingRequest {
        BookingRequest(patient: PatientID(patient), provider: ProviderID(provider), location: LocationID(1),
                       room: room.map(RoomID.init), appointmentType: AppointmentTypeID(type), at: try Self.at(at),
                       minutes: minutes, forceReason: force, recurrence: recurrence)
    }

    /// Books and folds the result in, returning the events.
    @discardableResult
    mutating func book(_ request: BookingRequest, firstID: UInt64) throws -> [AppointmentBooked] {
        let ids = (0..<UInt64(request.occurrenceCount)).map { AppointmentID(firstID + $0) }
        let events = try Scheduling.book(request, ids: ids, snapshot: snapshot)
        for e in events { state.apply(e) }
        return events
    }
}

/// Asserts that `body` throws a `Rejection` of `kind` on `field`, and returns it.
/// (`body` may also throw while building its input; that fails the test.)
@discardableResult
func assertRejected<T>(_ kind: Rejection.Kind, field: String, file: StaticString = #filePath, line: UInt = #line,
                       _ body: () throws -> T) -> Rejection? {
    do {
        let value = try body()
        XCTFail("expected a rejection, got \(value)", file: file, line: line)
        return nil
    } catch let rejection as Rejection {
        XCTAssertEqual(rejection.kind, kind, "\(rejection)", file: file, line: line)
        XCTAssertEqual(rejection.field, field, "\(rejection)", file: file, line: line)
        return rejection
    } catch {
        XCTFail("expected a rejection, got \(error)", file: file, line: line)
        return nil
    }
}
