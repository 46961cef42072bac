import XCTest
import BinaryCodec
@testable import RevenueCycle

/// The corrections of issue 15: every event round-trips and refuses damaged bytes,
/// the old waitlist layout is upcast, and the state folds each correction as the
/// decisions expect.
final class CorrectionEventTests: XCTestCase {
    static let d = ClaimWorld.day("2026-12-10")

    /// One fully populated sample of every correction event.
    static var samples: [any EventPayload] {
        get throws {
            [
                CoverageEnded(coverage: CoverageID(1001), patient: PatientID(1001), lastDay: d, reason: "new employer"),
                CoverageUpdated(coverage: CoverageID(1001), patient: PatientID(1001), memberID: "XEH9", groupNumber: "42",
                                copay: Money(cents: 3_000), rank: .secondary),
                AvailabilityExceptionRemoved(exception: AvailabilityExceptionID(1001), provider: ProviderID(1001), reason: "typo"),
                RoomRemoved(room: RoomID(1002), location: LocationID(1001), reason: "storage"),
                ProviderUpdated(provider: ProviderID(1001), name: try DisplayName("Dr. Lee-Park"), npi: try NPI("1245319599"),
                                taxonomy: try TaxonomyCode("207Q00000X")),
                PayerUpdated(payer: PayerID(1001), name: try DisplayName("Aetna"), electronicPayerID: "AET01", timelyFilingDays: 180),
                LocationUpdated(location: LocationID(1001), name: try DisplayName("Main"), address: "3 Main St",
                                placeOfService: try PlaceOfService("22"), timeZone: try TimeZoneID("America/Denver")),
                AppointmentTypeUpdated(appointmentType: AppointmentTypeID(1001), name: try DisplayName("Recheck"), minutes: 20),
                PatientPaymentVoided(payment: PaymentID(1001), patient: PatientID(1001), amount: Money(cents: 5_000),
                                     applications: [PaymentApplication(visit: VisitID(1001), amount: Money(cents: 4_000))],
                                     reason: "keyed twice", voidedOn: d),
            ]
        }
    }

    func testEveryCorrectionRoundTripsAndRefusesDamagedBytes() throws {
        let samples = try Self.samples
        XCTAssertEqual(Set(samples.map { type(of: $0).typeName }), Set(EventRegistry.correctionTypes.map { $0.typeName }))
        for event in samples {
            let type = type(of: event)
            let bytes = event.encoded()
            let decoded = try EventRegistry.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, bytes: bytes)
            XCTAssertEqual(decoded.encoded(), bytes, type.typeName)
            XCTAssertEqual(decoded.json, event.json, type.typeName)
            for cut in 0..<bytes.count {
                XCTAssertThrowsError(try EventRegistry.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, bytes: Array(bytes[..<cut])),
                                     "\(type.typeName) prefix \(cut)")
            }
            XCTAssertThrowsError(try EventRegistry.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, bytes: bytes + [0]))
        }
        // An update with nothing set is still a valid record (the decisions never write one).
        let empty = ProviderUpdated(provider: ProviderID(1))
        XCTAssertEqual(try ProviderUpdated.decode(empty.encoded(), schemaVersion: 1), empty)
    }

    func testAV1WaitlistRemovalIsUpcastWithoutAReason() throws {
        var v1 = ByteWriter()
        v1.write(WaitlistEntryID(1001))
        v1.writeOptional(AppointmentID(1005)) { $0.write($1) }
        let upcast = try WaitlistEntryRemoved.decode(v1.bytes, schemaVersion: 1)
        XCTAssertEqual(upcast, WaitlistEntryRemoved(entry: WaitlistEntryID(1001), bookedAs: AppointmentID(1005)))
        XCTAssertNil(upcast.reason)
        XCTAssertThrowsError(try WaitlistEntryRemoved.decode(v1.bytes, schemaVersion: 2), "v2 needs the reason's byte")
    }

    /// Exceptions are numbered by their place in the log, and a removal drops only the one named.
    func testExceptionsAreNumberedInLogOrderAndRemovedByID() throws {
        let start = try LocalDateTime.parse("2026-12-24 00:00"), end = try LocalDateTime.parse("2026-12-25 00:00")
        var state = PracticeState()
        for provider in [ProviderID(1001), ProviderID(1002), ProviderID(1001)] {
            state.apply(AvailabilityExceptionAdded(provider: provider, start: start, end: end, reason: .vacation))
        }
        XCTAssertEqual(state.numberedExceptions.map(\.id), [AvailabilityExceptionID(1001), AvailabilityExceptionID(1002), AvailabilityExceptionID(1003)])
        let removal = try ScheduleCorrections.removeException(AvailabilityExceptionID(1002), reason: nil, state: state)
        XCTAssertEqual(removal.provider, ProviderID(1002))
        state.apply(removal)
        XCTAssertEqual(state.exceptions.map(\.provider), [ProviderID(1001), ProviderID(1001)])
        XCTAssertThrowsError(try ScheduleCorrections.removeException(AvailabilityExceptionID(1002), reason: nil, state: state)) { error in
            XCTAssertEqual((error as? Rejection)?.description, "--exception: AX1002 was already removed")
        }
        XCTAssertThrowsError(try ScheduleCorrections.removeException(AvailabilityExceptionID(1004), reason: nil, state: state)) { error in
            XCTAssertEqual((error as? Rejection)?.description, "--exception: unknown exception AX1004")
        }
        // A later exception still gets the next number, not a reused one.
        state.apply(AvailabilityExceptionAdded(provider: ProviderID(1002), start: start, end: end, reason: .blocked))
        XCTAssertEqual(state.numberedExceptions.last?.id, AvailabilityExceptionID(1004))
        XCTAssertThrowsError(try ScheduleCorrections.removeException(AvailabilityExceptionID(1001), reason: nil, state: PracticeState())) { error in
            XCTAssertEqual((error as? Rejection)?.description, "--exception: unknown exception AX1001")
        }
    }
}
