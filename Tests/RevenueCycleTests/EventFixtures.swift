@testable import RevenueCycle

/// One fully populated sample of every event, shared by the codec tests.
enum EventFixtures {
    static func date(_ s: String) throws -> LocalDate { try LocalDate.parse(s) }
    static func local(_ s: String) throws -> LocalDateTime { try LocalDateTime.parse(s) }
    static func chicago() throws -> TimeZoneID { try TimeZoneID("America/Chicago") }

    static func practiceInitialized() throws -> PracticeInitialized {
        PracticeInitialized(practiceName: try DisplayName("Lakeside Family Medicine"), admin: try UserID("admin"), timeZone: try chicago())
    }
    static func userAdded() throws -> UserAdded { UserAdded(user: try UserID("maria"), role: .frontDesk, fullName: try DisplayName("Maria Ortiz")) }
    static func settingChanged() throws -> PracticeSettingChanged { try PracticeSettingChanged(key: .lateCancelHours, value: "48") }
    static func providerAdded() throws -> ProviderAdded {
        ProviderAdded(provider: ProviderID(1), name: try DisplayName("Dr. Ann Lee"), npi: try NPI("1234567893"),
                      taxonomy: try TaxonomyCode("207Q00000X"), isBilling: true, isRendering: true)
    }
    static func locationAdded() throws -> LocationAdded {
        LocationAdded(location: LocationID(1), name: try DisplayName("Main St"), address: "1 Main St, Springfield IL",
                      placeOfService: try PlaceOfService("11"), timeZone: try chicago())
    }
    static func roomAdded() throws -> RoomAdded { RoomAdded(room: RoomID(1), location: LocationID(1), name: try DisplayName("Exam 1")) }
    static func typeAdded() throws -> AppointmentTypeAdded {
        AppointmentTypeAdded(appointmentType: AppointmentTypeID(1), name: try DisplayName("Follow-up"), minutes: 20)
    }
    static func payerAdded() throws -> PayerAdded {
        PayerAdded(payer: PayerID(1), name: try DisplayName("Acme Health"), electronicPayerID: "60054", timelyFilingDays: 90)
    }
    static func feeSet() throws -> FeeSet { FeeSet(code: try ProcedureCode("99213"), modifier: try Modifier("25"), amount: Money(cents: 12_500)) }
    static func patientRegistered() throws -> PatientRegistered {
        PatientRegistered(patient: PatientID(1042), name: try PersonName(first: "José", middle: "A", last: "Núñez"),
                          dateOfBirth: try date("1980-05-17"), sex: .male, phone: try PhoneNumber("312-555-0100"),
                          email: try EmailAddress("jose@example.com"), address: "5 Elm St", confirmedNotDuplicateOf: [PatientID(7)])
    }
    static func patientUpdated() throws -> PatientUpdated {
        PatientUpdated(patient: PatientID(1042), name: try PersonName(first: "Jose", last: "Nunez"), dateOfBirth: nil, sex: .male,
                       phone: .set(try PhoneNumber("3125550199")), email: .clear, address: nil)
    }
    static func patientsMerged() -> PatientsMerged { PatientsMerged(kept: PatientID(1), dropped: PatientID(2)) }
    static func coverageAdded() throws -> CoverageAdded {
        CoverageAdded(coverage: CoverageID(1), patient: PatientID(1042), payer: PayerID(1), memberID: "XYZ123", groupNumber: "G1",
                      relationship: .child, subscriber: Subscriber(name: try PersonName(first: "Ana", last: "Núñez"), dateOfBirth: try date("1955-01-02")),
                      rank: .primary, span: try DateSpan(from: date("2026-01-01"), to: date("2026-12-31")), copay: Money(cents: 2_500))
    }
    static func availabilitySet() throws -> AvailabilitySet {
        AvailabilitySet(provider: ProviderID(1), location: LocationID(1), effectiveFrom: try date("2026-01-05"),
                        blocks: [try AvailabilityBlock.parse("mon 09:00-12:00"), try AvailabilityBlock.parse("tue 13:00-17:00")])
    }
    static func exceptionAdded() throws -> AvailabilityExceptionAdded {
        AvailabilityExceptionAdded(provider: ProviderID(1), start: try local("2026-07-01 00:00"), end: try local("2026-07-08 00:00"),
                                   reason: .vacation, note: "summer")
    }
    static func appointmentBooked() throws -> AppointmentBooked {
        AppointmentBooked(appointment: AppointmentID(20931), patient: PatientID(1042), provider: ProviderID(1), location: LocationID(1),
                          room: RoomID(1), appointmentType: AppointmentTypeID(1),
                          start: try chicago().instant(for: local("2026-12-01 09:00")), minutes: 20, zone: try chicago(),
                          forcedReason: "squeeze in", recurrenceGroup: AppointmentID(20931))
    }
    static func appointmentRescheduled() throws -> AppointmentRescheduled {
        AppointmentRescheduled(appointment: AppointmentID(20931), start: try chicago().instant(for: local("2026-12-02 10:00")),
                               minutes: 30, zone: try chicago(), forcedReason: nil)
    }
    static func appointmentCancelled() -> AppointmentCancelled {
        AppointmentCancelled(appointment: AppointmentID(20931), reason: "sick", by: .patient, isLate: true)
    }
    static func noShow() -> AppointmentNoShow { AppointmentNoShow(appointment: AppointmentID(20931)) }
    static func checkedIn() -> PatientCheckedIn { PatientCheckedIn(appointment: AppointmentID(20931), copayDue: Money(cents: 2_500), coverage: CoverageID(1)) }
    static func checkedOut() -> PatientCheckedOut { PatientCheckedOut(appointment: AppointmentID(20931), visit: VisitID(9)) }
    static func waitlistAdded() throws -> WaitlistEntryAdded {
        WaitlistEntryAdded(entry: WaitlistEntryID(1), patient: PatientID(1042), provider: ProviderID(1),
                           appointmentType: AppointmentTypeID(1), earliest: try date("2026-11-20"), note: "mornings")
    }
    static func waitlistRemoved() -> WaitlistEntryRemoved { WaitlistEntryRemoved(entry: WaitlistEntryID(1), bookedAs: AppointmentID(5)) }
}
