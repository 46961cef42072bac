import EventLog
import Foundation
import RevenueCycle
import XCTest

/// A small practice in Chicago for scheduling tests.
///
/// The store is created with `practica init` (the default test user "tester"
/// becomes admin); the setup the front desk would get from `provider add`,
/// `patient register` and friends (another branch) is appended straight to
/// the log, with ids allocated from the store's own counters so that ids the
/// commands allocate later never collide.
///
/// - PR1001 works Mon–Fri 09:00–12:00 and 13:00–17:00 at LO1001 from 2026-01-01; PR1002 has no hours.
/// - LO1001 (America/Chicago) has rooms RO1001 and RO1002; LO1002 is in America/New_York.
/// - AT1001 is a 30-minute follow-up, AT1002 a 60-minute new-patient visit.
/// - PT1001, PT1002, PT1003 are registered; PT1001 has coverage CV1001 (copay 25.00) from 2026-01-01.
/// - Users: tester (admin), maria (front desk), audrey (auditor).
struct SchedulingFixture {
    let store: String
    let provider = "PR1001", otherProvider = "PR1002"
    let location = "LO1001", newYork = "LO1002"
    let room = "RO1001", otherRoom = "RO1002"
    let followUp = "AT1001", newPatient = "AT1002"
    let patient = "PT1001", patient2 = "PT1002", patient3 = "PT1003"
    /// The moment the commands take as now (`$PRACTICA_CLOCK`): Monday 2026-11-30, 06:00 in
    /// Chicago, before the December days the tests book. Tests that need time to pass move it.
    var clock = "2026-11-30T12:00:00Z"

    init(_ name: String = #function) throws {
        store = temporaryStore(name)
        let created = try CLI.run(["init", "--store", store, "--practice", "Lakeside Family Medicine"])
        guard created.status == 0 else { throw FixtureError("init failed: \(created.stderr)") }
        let log = try EventStore.open(at: store)
        try log.append(AppendMetadata(actor: "tester", causation: "test fixture")) { context in
            try Self.setupEvents { try 1_000 + context.nextNumber($0) }
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private static func setupEvents(_ next: (String) throws -> UInt64) throws -> [NewEvent] {
        let chicago = try TimeZoneID("America/Chicago")
        let provider = ProviderID(try next(ProviderID.prefix))
        let provider2 = ProviderID(try next(ProviderID.prefix))
        let location = LocationID(try next(LocationID.prefix))
        let newYork = LocationID(try next(LocationID.prefix))
        let rooms = [RoomID(try next(RoomID.prefix)), RoomID(try next(RoomID.prefix))]
        let followUp = AppointmentTypeID(try next(AppointmentTypeID.prefix))
        let newPatient = AppointmentTypeID(try next(AppointmentTypeID.prefix))
        let payer = PayerID(try next(PayerID.prefix))
        let patients = try (0..<3).map { _ in PatientID(try next(PatientID.prefix)) }
        let coverage = CoverageID(try next(CoverageID.prefix))
        let blocks = try [Weekday.monday, .tuesday, .wednesday, .thursday, .friday].flatMap { d in
            [try AvailabilityBlock(weekday: d, start: .parse("09:00"), end: .parse("12:00")),
             try AvailabilityBlock(weekday: d, start: .parse("13:00"), end: .parse("17:00"))]
        }
        let names = [("José", "Núñez", "1980-05-17"), ("Ann", "Smith", "1975-03-02"), ("Wei", "Chen", "1990-10-10")]
        var events: [NewEvent] = [
            NewEvent(stream: "user-maria", UserAdded(user: try UserID("maria"), role: .frontDesk)),
            NewEvent(stream: "user-audrey", UserAdded(user: try UserID("audrey"), role: .auditor)),
            NewEvent(stream: "provider-\(provider)", ProviderAdded(provider: provider, name: try DisplayName("Dr. Lee"),
                                                                   npi: try NPI("1234567893"), taxonomy: try TaxonomyCode("207Q00000X"))),
            NewEvent(stream: "provider-\(provider2)", ProviderAdded(provider: provider2, name: try DisplayName("Dr. Roe"),
                                                                    npi: try NPI("1245319599"), taxonomy: try TaxonomyCode("207Q00000X"))),
            NewEvent(stream: "location-\(location)", LocationAdded(location: location, name: try DisplayName("Main"), address: "1 Main St",
                                                                   placeOfService: try PlaceOfService("11"), timeZone: chicago)),
            NewEvent(stream: "location-\(newYork)", LocationAdded(location: newYork, name: try DisplayName("East"), address: "5 Broadway",
                                                                 placeOfService: try PlaceOfService("11"), timeZone: try TimeZoneID("America/New_York"))),
            NewEvent(stream: "appointment-type-\(followUp)", AppointmentTypeAdded(appointmentType: followUp, name: try DisplayName("Follow-up"), minutes: 30)),
            NewEvent(stream: "appointment-type-\(newPatient)", AppointmentTypeAdded(appointmentType: newPatient, name: try DisplayName("New patient"), minutes: 60)),
            NewEvent(stream: "payer-\(payer)", PayerAdded(payer: payer, name: try DisplayName("Acme Health"), electronicPayerID: "60054", timelyFilingDays: 90)),
            NewEvent(stream: "availability-\(provider)", AvailabilitySet(provider: provider, location: location,
                                                                         effectiveFrom: try LocalDate.parse("2026-01-01"), blocks: blocks)),
        ]
        for (i, room) in rooms.enumerated() {
            events.append(NewEvent(stream: "room-\(room)", RoomAdded(room: room, location: location, name: try DisplayName("Exam \(i + 1)"))))
        }
        for (id, (first, last, dob)) in zip(patients, names) {
            events.append(NewEvent(stream: "patient-\(id)", PatientRegistered(patient: id, name: try PersonName(first: first, last: last),
                                                                              dateOfBirth: try LocalDate.parse(dob), sex: .female)))
        }
        events.append(NewEvent(stream: "patient-\(patients[0])",
                               CoverageAdded(coverage: coverage, patient: patients[0], payer: payer, memberID: "XEH123456789",
                                             rank: .primary, span: try DateSpan(from: LocalDate.parse("2026-01-01"), to: nil),
                                             copay: try Money.parse("25.00"))))
        return events
    }

    /// Runs `practica` on this store, as `user` when given.
    @discardableResult
    func run(_ arguments: [String], as user: String? = nil) throws -> CLIResult {
        try CLI.run(arguments + ["--store", store] + (user.map { ["--as", $0] } ?? []), environment: ["PRACTICA_CLOCK": clock])
    }

    /// `practica book` for PT1001 with PR1001 at LO1001, follow-up type, plus `extra`.
    @discardableResult
    func book(at: String, patient: String? = nil, provider: String? = nil, extra: [String] = []) throws -> CLIResult {
        try run(["book", "--patient", patient ?? self.patient, "--provider", provider ?? self.provider,
                 "--location", location, "--type", followUp, "--at", at] + extra)
    }

    /// The number of events in the log, from `store stats --json`.
    func eventCount() throws -> Int {
        let json = try run(["store", "stats", "--json"]).stdout
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let events = object["events"] as? Int else { throw FixtureError("no event count in: \(json)") }
        return events
    }

    /// `appointments list --json` (with `filters`) as dictionaries.
    func appointments(_ filters: [String] = []) throws -> [[String: Any]] {
        let result = try run(["appointments", "list", "--json"] + filters)
        guard result.status == 0 else { throw FixtureError("appointments list failed: \(result.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }
}

extension XCTestCase {
    /// Runs `body` (a command expected to be refused) and asserts it appended nothing.
    func assertAppendsNothing(_ fixture: SchedulingFixture, file: StaticString = #filePath, line: UInt = #line,
                              _ body: () throws -> Void) throws {
        let before = try fixture.eventCount()
        try body()
        XCTAssertEqual(try fixture.eventCount(), before, "a refused command must append nothing", file: file, line: line)
    }

    /// The first appointment id printed by `book` ("AP1001").
    func appointmentID(in output: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let words = output.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard let id = words.first(where: { $0.hasPrefix("AP") && $0.dropFirst(2).allSatisfy(\.isNumber) }) else {
            XCTFail("no appointment id in: \(output)", file: file, line: line)
            return ""
        }
        return String(id)
    }
}
