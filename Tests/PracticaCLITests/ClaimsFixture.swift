import EventLog
import Foundation
import RevenueCycle
import XCTest

/// A practice ready to bill, for the charge and claim CLI tests.
///
/// `PracticeFixture` makes the store and users (admin, jo front desk, bill
/// biller, sam auditor); the directory, patients and checked-out visits are
/// appended straight to the log, with ids from the store's own counters, as
/// `SchedulingFixture` does: booking in the past is not something the CLI
/// allows, and claims need visits that already happened. Everything about
/// charges and claims then goes through the real binary.
///
/// - PR1001 Dr. Ann Lee renders (NPI 1234567893); PR1002 "Lakeside Family Medicine" bills (NPI 1987654328).
/// - LO1001 Main, POS 11, America/Chicago; AT1001 follow-up, 30 minutes.
/// - PA1001 Acme Health (payer id 60054, 90 days to file).
/// - PT1001 Maria Garcia, PT1002 Tom Baker, both with an address and primary coverage (CV1001, CV1002) from 2026-01-01.
/// - Fees: 99213 125.00, 17110 150.00, 87880 35.50, 36415 10.00.
/// - The billing profile is set with `practica billing-profile set` (test usage).
struct ClaimsFixture {
    let practice: PracticeFixture
    var store: String { practice.store }
    let patient = "PT1001", patient2 = "PT1002", payer = "PA1001"
    /// The date of service of `visit()`: three days ago in Chicago, so no DOS-FUTURE and well within timely filing.
    let dateOfService: LocalDate

    init(_ name: String = #function, profile: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        practice = try PracticeFixture(name, file: file, line: line)
        let chicago = try TimeZoneID("America/Chicago")
        dateOfService = chicago.localDateTime(at: Instant(Date())).date.adding(days: -3)
        let log = try EventStore.open(at: practice.store)
        try log.append(AppendMetadata(actor: "admin", causation: "claims fixture")) { context in
            try Self.setupEvents(zone: chicago) { try 1_000 + context.nextNumber($0) }
        }
        if profile {
            try practice.ok(Self.profileArguments, file: file, line: line)
        }
    }

    static let profileArguments = [
        "billing-profile", "set", "--ein", "37-1234567", "--address", "1 Main St, Chicago, IL 60601",
        "--submitter-id", "LAKE0001", "--submitter-name", "Lakeside Family Medicine", "--receiver-id", "ACMECH",
        "--receiver-name", "Acme Clearinghouse", "--phone", "312-555-0100", "--test",
    ]

    private static func setupEvents(zone: TimeZoneID, _ next: (String) throws -> UInt64) throws -> [NewEvent] {
        let lee = ProviderID(try next(ProviderID.prefix)), group = ProviderID(try next(ProviderID.prefix))
        let location = LocationID(try next(LocationID.prefix))
        let type = AppointmentTypeID(try next(AppointmentTypeID.prefix))
        let payer = PayerID(try next(PayerID.prefix))
        let p1 = PatientID(try next(PatientID.prefix)), p2 = PatientID(try next(PatientID.prefix))
        let c1 = CoverageID(try next(CoverageID.prefix)), c2 = CoverageID(try next(CoverageID.prefix))
        let since = try DateSpan(from: LocalDate.parse("2026-01-01"), to: nil)
        var events = [
            NewEvent(stream: "provider-\(lee)", ProviderAdded(provider: lee, name: try DisplayName("Dr. Ann Lee"), npi: try NPI("1234567893"),
                                                              taxonomy: try TaxonomyCode("207Q00000X"))),
            NewEvent(stream: "provider-\(group)", ProviderAdded(provider: group, name: try DisplayName("Lakeside Family Medicine"),
                                                                npi: try NPI("1987654328"), taxonomy: try TaxonomyCode("207Q00000X"),
                                                                isBilling: true, isRendering: false)),
            NewEvent(stream: "location-\(location)", LocationAdded(location: location, name: try DisplayName("Main"), address: "1 Main St",
                                                                   placeOfService: try PlaceOfService("11"), timeZone: zone)),
            NewEvent(stream: "appointment-type-\(type)", AppointmentTypeAdded(appointmentType: type, name: try DisplayName("Follow-up"), minutes: 30)),
            NewEvent(stream: "payer-\(payer)", PayerAdded(payer: payer, name: try DisplayName("Acme Health"), electronicPayerID: "60054",
                                                          timelyFilingDays: 90)),
            NewEvent(stream: "patient-\(p1)", PatientRegistered(patient: p1, name: try PersonName(first: "Maria", last: "Garcia"),
                                                                dateOfBirth: try LocalDate.parse("1980-04-02"), sex: .female,
                                                                address: "12 Elm Road, Springfield, IL 62704")),
            NewEvent(stream: "patient-\(p2)", PatientRegistered(patient: p2, name: try PersonName(first: "Tom", last: "Baker"),
                                                                dateOfBirth: try LocalDate.parse("1975-03-02"), sex: .male,
                                                                address: "5 Oak St, Springfield, IL 62704")),
            NewEvent(stream: "patient-\(p1)", CoverageAdded(coverage: c1, patient: p1, payer: payer, memberID: "XEH123456789",
                                                            rank: .primary, span: since)),
            NewEvent(stream: "patient-\(p2)", CoverageAdded(coverage: c2, patient: p2, payer: payer, memberID: "TB55500011",
                                                            rank: .primary, span: since)),
        ]
        for (code, cents) in [("99213", 12_500), ("17110", 15_000), ("87880", 3_550), ("36415", 1_000)] {
            events.append(NewEvent(stream: "fees", FeeSet(code: try ProcedureCode(code), amount: Money(cents: Int64(cents)))))
        }
        return events
    }

    /// Books, checks in and checks out PT1001 (or `patient`) with PR1001 on `dateOfService` (plus `daysLater`); returns the visit id.
    /// The check-in records `coverage` (default: the patient's own), so the ledger opens the charges with insurance;
    /// with `selfPay` none, so the patient is billed and no claim can be made.
    func visit(patient: String? = nil, hour: Int = 9, daysLater: Int = 0, coverage: String? = nil, selfPay: Bool = false) throws -> String {
        let chicago = try TimeZoneID("America/Chicago")
        let patientID = try PatientID.parse(patient ?? self.patient)
        // A visit is claimed only when checked in with coverage: each patient's own (CV1001, CV1002) unless self-pay.
        let coverage = selfPay ? nil : coverage ?? (patientID.number == 1_001 ? "CV1001" : "CV1002")
        let start = try chicago.instant(for: LocalDateTime(date: dateOfService.adding(days: daysLater), time: LocalTime(hour: hour, minute: 0)))
        let log = try EventStore.open(at: store)
        var visit = VisitID(0)
        try log.append(AppendMetadata(actor: "jo", causation: "claims fixture visit")) { context in
            let appointment = AppointmentID(1_000 + (try context.nextNumber(AppointmentID.prefix)))
            visit = VisitID(1_000 + (try context.nextNumber(VisitID.prefix)))
            let stream = "appointment-\(appointment)"
            return [
                NewEvent(stream: stream, AppointmentBooked(appointment: appointment, patient: patientID, provider: ProviderID(1_001),
                                                           location: LocationID(1_001), appointmentType: AppointmentTypeID(1_001),
                                                           start: start, minutes: 30, zone: chicago)),
                NewEvent(stream: stream, PatientCheckedIn(appointment: appointment, copayDue: Money(cents: 0),
                                                          coverage: try coverage.map { try CoverageID.parse($0) })),
                NewEvent(stream: stream, PatientCheckedOut(appointment: appointment, visit: visit)),
            ]
        }
        return visit.description
    }

    /// Books PT1001 (or `patient`) with PR1001 on `dateOfService` and nothing more, so a test checks in through the CLI;
    /// returns the appointment id.
    func bookedAppointment(patient: String? = nil, hour: Int = 9) throws -> String {
        let chicago = try TimeZoneID("America/Chicago")
        let patientID = try PatientID.parse(patient ?? self.patient)
        let start = try chicago.instant(for: LocalDateTime(date: dateOfService, time: LocalTime(hour: hour, minute: 0)))
        var appointment = AppointmentID(0)
        try EventStore.open(at: store).append(AppendMetadata(actor: "jo", causation: "claims fixture booking")) { context in
            appointment = AppointmentID(1_000 + (try context.nextNumber(AppointmentID.prefix)))
            return [NewEvent(stream: "appointment-\(appointment)",
                             AppointmentBooked(appointment: appointment, patient: patientID, provider: ProviderID(1_001), location: LocationID(1_001),
                                               appointmentType: AppointmentTypeID(1_001), start: start, minutes: 30, zone: chicago))]
        }
        return appointment.description
    }

    @discardableResult
    func ok(_ arguments: [String], as user: String = "bill", file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        try practice.ok(arguments, as: user, file: file, line: line)
    }

    func run(_ arguments: [String], as user: String = "bill") throws -> CLIResult { try practice.run(arguments, as: user) }

    /// Runs a command with `--json` as the biller and returns its object.
    func json(_ arguments: [String], as user: String = "bill", file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        try JSONObject(try ok(arguments + ["--json"], as: user, file: file, line: line).stdout)
    }

    /// A visit with a 99213 (E11.9, I10) and an 87880 (J02.0), claimed and scrubbed clean; returns the claim id.
    func cleanClaim(patient: String? = nil, hour: Int = 9, daysLater: Int = 0, coverage: String? = nil,
                    file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let v = try visit(patient: patient, hour: hour, daysLater: daysLater, coverage: coverage)
        try ok(["charge", "add", v, "--code", "99213", "--dx", "E11.9,I10"], file: file, line: line)
        try ok(["charge", "add", v, "--code", "87880", "--dx", "J02.0"], file: file, line: line)
        let claim = try json(["claim", "create", v], file: file, line: line)["claim"] as? String ?? "?"
        let scrub = try ok(["claim", "scrub", claim], file: file, line: line)
        XCTAssertTrue(scrub.stdout.hasPrefix("\(claim) clean"), scrub.stdout, file: file, line: line)
        return claim
    }

    func eventCount() throws -> Int { try practice.eventCount() }

    /// A fresh folder for files the test writes (837Ps, acknowledgements).
    func folder(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = URL(fileURLWithPath: store + "-files")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Money as `--json` prints it (a JSON number such as 125.00), in cents, or nil when absent.
func cents(_ value: Any?) -> Int64? {
    guard let number = value as? NSNumber else { return nil }
    return Int64((number.doubleValue * 100).rounded())
}
