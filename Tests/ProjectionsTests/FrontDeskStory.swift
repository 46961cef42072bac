import BinaryCodec
import EventLog
import Foundation
@testable import Projections
import RevenueCycle
import XCTest

/// A small practice's life in four acts, with synthetic patients between
/// them, so the read models meet every event they handle: setup, accented
/// names, updates that move index keys, merges (one through an earlier merge),
/// coverages on merged charts, appointments that change status, a fee replaced
/// and a setting changed twice. Hand-written ids start at 900001 so they never
/// meet the synthetic workload's.
enum FrontDeskStory {
    static let josé = PatientID(900_001), maria = PatientID(900_002), mario = PatientID(900_003)
    static let joséAgain = PatientID(900_004), ann = PatientID(900_005), elder = PatientID(900_006)
    static let third = PatientID(900_007), eight = PatientID(900_008), nine = PatientID(900_009)

    static func acts() throws -> [[NewEvent]] {
        let chicago = try TimeZoneID("America/Chicago")
        func day(_ s: String) throws -> LocalDate { try LocalDate.parse(s) }
        func at(_ s: String) throws -> Instant { try chicago.instant(for: LocalDateTime.parse(s)) }
        func patient(_ id: PatientID, _ first: String, _ last: String, _ dob: String, middle: String? = nil,
                     phone: String? = nil) throws -> NewEvent {
            NewEvent(stream: "patient-\(id)", PatientRegistered(
                patient: id, name: try PersonName(first: first, middle: middle, last: last), dateOfBirth: try day(dob),
                sex: .female, phone: try phone.map(PhoneNumber.init)))
        }
        func coverage(_ id: UInt64, _ p: PatientID, _ payer: UInt64, _ rank: CoverageRank, _ from: String) throws -> NewEvent {
            NewEvent(stream: "patient-\(p)", CoverageAdded(coverage: CoverageID(id), patient: p, payer: PayerID(payer),
                                                           memberID: "M\(id)", rank: rank, span: try DateSpan(from: day(from), to: nil),
                                                           copay: Money(cents: 2_500)))
        }
        func booked(_ id: UInt64, _ p: PatientID, _ start: String) throws -> NewEvent {
            NewEvent(stream: "appointment-AP\(id)", AppointmentBooked(
                appointment: AppointmentID(id), patient: p, provider: ProviderID(1), location: LocationID(1), room: RoomID(1),
                appointmentType: AppointmentTypeID(1), start: try at(start), minutes: 30, zone: chicago))
        }
        func merged(_ kept: PatientID, _ dropped: PatientID) -> NewEvent {
            NewEvent(stream: "patient-\(kept)", PatientsMerged(kept: kept, dropped: dropped))
        }
        let setup: [NewEvent] = [
            NewEvent(stream: "practice", PracticeInitialized(practiceName: try DisplayName("Lakeside"), admin: try UserID("admin"), timeZone: chicago)),
            NewEvent(stream: "user-admin", UserAdded(user: try UserID("admin"), role: .admin)),
            NewEvent(stream: "user-jo", UserAdded(user: try UserID("jo"), role: .frontDesk, fullName: try DisplayName("Jo Park"))),
            NewEvent(stream: "user-joe", UserAdded(user: try UserID("joe"), role: .auditor)),
            NewEvent(stream: "provider-PR1", ProviderAdded(provider: ProviderID(1), name: try DisplayName("Ana Ruiz MD"), npi: try NPI("1234567893"),
                                                           taxonomy: try TaxonomyCode("207Q00000X"))),
            NewEvent(stream: "location-LO1", LocationAdded(location: LocationID(1), name: try DisplayName("Main"), address: "1 Main St",
                                                           placeOfService: try PlaceOfService("11"), timeZone: chicago)),
            NewEvent(stream: "location-LO2", LocationAdded(location: LocationID(2), name: try DisplayName("North"), address: "9 North Ave",
                                                           placeOfService: try PlaceOfService("11"), timeZone: chicago)),
            NewEvent(stream: "room-RO1", RoomAdded(room: RoomID(1), location: LocationID(1), name: try DisplayName("Exam 1"))),
            NewEvent(stream: "room-RO2", RoomAdded(room: RoomID(2), location: LocationID(2), name: try DisplayName("North 1"))),
            NewEvent(stream: "room-RO3", RoomAdded(room: RoomID(3), location: LocationID(1), name: try DisplayName("Exam 2"))),
            NewEvent(stream: "appointment-type-AT1", AppointmentTypeAdded(appointmentType: AppointmentTypeID(1), name: try DisplayName("Follow-up"), minutes: 30)),
            NewEvent(stream: "payer-PA1", PayerAdded(payer: PayerID(1), name: try DisplayName("Aetna"), electronicPayerID: "60054", timelyFilingDays: 90)),
            NewEvent(stream: "payer-PA2", PayerAdded(payer: PayerID(2), name: try DisplayName("Cigna"), electronicPayerID: "62308", timelyFilingDays: 180)),
            NewEvent(stream: "fees", FeeSet(code: try ProcedureCode("99213"), amount: try Money.parse("125.00"))),
            NewEvent(stream: "fees", FeeSet(code: try ProcedureCode("99213"), modifier: try Modifier("25"), amount: try Money.parse("140.00"))),
            NewEvent(stream: "fees", FeeSet(code: try ProcedureCode("99203"), amount: try Money.parse("200.00"))),
            NewEvent(stream: "settings", try PracticeSettingChanged(key: .lateCancelHours, value: "48")),
        ]
        let patients: [NewEvent] = [
            try patient(josé, "José", "Núñez", "1980-05-17", phone: "(312) 555-0100"),
            try patient(maria, "Maria", "Garcia", "1980-04-02", phone: "312-555-0199"),
            try patient(mario, "Mario", "Garcia", "1980-04-02", middle: "Ángel"),
            try patient(joséAgain, "Jose", "Nunez", "1980-05-17", phone: "773 555 0100"),
            try patient(ann, "Ann", "Lee", "1991-07-09"),
            try patient(elder, "Ruth", "Öberg", "1935-12-31", phone: "2175550123"),
            try coverage(900_001, josé, 1, .primary, "2026-01-01"),
            try coverage(900_002, joséAgain, 2, .secondary, "2026-01-01"),
            try coverage(900_003, maria, 1, .primary, "2025-01-01"),
            try booked(900_001, joséAgain, "2026-03-02 09:00"),
            try booked(900_002, josé, "2026-03-03 10:00"),
            try booked(900_003, maria, "2026-03-04 11:00"),
        ]
        let changes: [NewEvent] = [
            NewEvent(stream: "patient-\(ann)", PatientUpdated(patient: ann, name: try PersonName(first: "Ann", last: "Smith-Lee"),
                                                                phone: .set(try PhoneNumber("2175550777")))),
            NewEvent(stream: "patient-\(elder)", PatientUpdated(patient: elder, phone: .clear)),
            merged(josé, joséAgain),
            NewEvent(stream: "appointment-AP900001", PatientCheckedIn(appointment: AppointmentID(900_001), copayDue: Money(cents: 2_500), coverage: CoverageID(900_001))),
            NewEvent(stream: "appointment-AP900001", PatientCheckedOut(appointment: AppointmentID(900_001), visit: VisitID(900_001))),
            NewEvent(stream: "appointment-AP900002", AppointmentRescheduled(appointment: AppointmentID(900_002), start: try at("2026-03-05 14:00"),
                                                                            minutes: 45, zone: chicago)),
            NewEvent(stream: "appointment-AP900003", AppointmentNoShow(appointment: AppointmentID(900_003))),
            try patient(third, "José", "Nuñez", "1980-05-17"),
            try patient(eight, "Eve", "Hart", "2001-02-03"),
            try patient(nine, "Eva", "Hart", "2001-02-03"),
            try coverage(900_004, eight, 2, .tertiary, "2026-02-01"),
        ]
        let late: [NewEvent] = [
            merged(josé, third),
            merged(nine, eight),
            merged(josé, nine),   // nine had kept eight: josé now gathers both
            NewEvent(stream: "appointment-AP900002", AppointmentCancelled(appointment: AppointmentID(900_002), reason: "ill", by: .patient, isLate: false)),
            NewEvent(stream: "fees", FeeSet(code: try ProcedureCode("99213"), amount: try Money.parse("130.00"))),
            NewEvent(stream: "settings", try PracticeSettingChanged(key: .lateCancelHours, value: "12")),
            NewEvent(stream: "settings", try PracticeSettingChanged(key: .slotStepMinutes, value: "10")),
            NewEvent(stream: "user-amy", UserAdded(user: try UserID("amy"), role: .biller)),
        ]
        return [setup, patients, changes, late]
    }

    /// A new store; `views` is a second environment beside it.
    static func emptyStore() throws -> EventStore {
        try EventStore.create(at: NSTemporaryDirectory() + "practica-readmodels/\(UUID().uuidString)")
    }

    static func append(_ events: [NewEvent], to store: EventStore) throws {
        try store.append(events, metadata: AppendMetadata(actor: "test"))
    }

    static func appendSynthetic(_ workload: inout SyntheticWorkload, _ count: Int, to store: EventStore) throws {
        try append(workload.next(count).map { NewEvent(stream: $0.stream, typeName: $0.typeName, schemaVersion: $0.schemaVersion, payload: $0.payload) },
                   to: store)
    }

    /// The front-desk fold of the whole log: the independent answer the read models must agree with.
    static func fold(_ store: EventStore) throws -> PracticeState {
        var state = PracticeState()
        try store.scan(from: 1) { e in
            state.apply(try EventRegistry.decode(typeName: e.typeName, schemaVersion: e.schemaVersion, bytes: e.payload))
            return true
        }
        return state
    }

    /// Every entry of a read model's current table, to compare two builds byte for byte.
    static func dump(_ runner: ProjectionRunner, _ name: String) throws -> [[UInt8]: [UInt8]] {
        try runner.read(name) { table in
            var out: [[UInt8]: [UInt8]] = [:]
            try table.scan { k, v in
                out[k] = v
                return true
            }
            return out
        }
    }
}
