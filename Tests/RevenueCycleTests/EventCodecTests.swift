import XCTest
import BinaryCodec
@testable import RevenueCycle

final class EventCodecTests: XCTestCase {
    /// Encodes, decodes directly and through the registry, and checks the JSON keys.
    private func assertRoundTrip<E: EventPayload & Equatable>(_ event: E, keys: [String],
                                                              file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = event.encoded()
        XCTAssertEqual(try E.decode(bytes, schemaVersion: E.schemaVersion), event, file: file, line: line)
        let viaRegistry = try EventRegistry.decode(typeName: E.typeName, schemaVersion: E.schemaVersion, bytes: bytes)
        XCTAssertEqual(viaRegistry as? E, event, file: file, line: line)
        guard case .object(let pairs) = event.json else { return XCTFail("json is not an object", file: file, line: line) }
        XCTAssertEqual(pairs.map(\.0), keys, file: file, line: line)
        // Every strict prefix of a record is refused, never trapped on.
        for cut in 0..<bytes.count {
            XCTAssertThrowsError(try E.decode(Array(bytes[..<cut]), schemaVersion: E.schemaVersion), file: file, line: line)
        }
        XCTAssertThrowsError(try E.decode(bytes + [0], schemaVersion: E.schemaVersion), "trailing byte", file: file, line: line)
    }

    func testSetupEventsRoundTrip() throws {
        try assertRoundTrip(EventFixtures.practiceInitialized(), keys: ["practiceName", "admin", "timeZone"])
        try assertRoundTrip(EventFixtures.userAdded(), keys: ["user", "role", "fullName"])
        try assertRoundTrip(EventFixtures.settingChanged(), keys: ["key", "value"])
        try assertRoundTrip(EventFixtures.providerAdded(), keys: ["provider", "name", "npi", "taxonomy", "billing", "rendering"])
        try assertRoundTrip(EventFixtures.locationAdded(), keys: ["location", "name", "address", "placeOfService", "timeZone"])
        try assertRoundTrip(EventFixtures.roomAdded(), keys: ["room", "location", "name"])
        try assertRoundTrip(EventFixtures.typeAdded(), keys: ["appointmentType", "name", "minutes"])
        try assertRoundTrip(EventFixtures.payerAdded(), keys: ["payer", "name", "payerId", "timelyFilingDays"])
        try assertRoundTrip(EventFixtures.feeSet(), keys: ["code", "modifier", "amount"])
    }

    func testPatientEventsRoundTrip() throws {
        try assertRoundTrip(EventFixtures.patientRegistered(),
                            keys: ["patient", "name", "dateOfBirth", "sex", "phone", "email", "address", "confirmedNotDuplicateOf"])
        try assertRoundTrip(EventFixtures.patientUpdated(), keys: ["patient", "name", "sex", "phone", "email"])
        try assertRoundTrip(EventFixtures.patientsMerged(), keys: ["kept", "dropped"])
        try assertRoundTrip(EventFixtures.coverageAdded(),
                            keys: ["coverage", "patient", "payer", "memberId", "group", "relationship", "subscriber", "rank", "from", "to", "copay"])
        let minimal = PatientRegistered(patient: PatientID(1), name: try PersonName(first: "A", last: "B"),
                                        dateOfBirth: try LocalDate.parse("2000-01-01"), sex: .unknown)
        try assertRoundTrip(minimal, keys: ["patient", "name", "dateOfBirth", "sex", "phone", "email", "address", "confirmedNotDuplicateOf"])
    }

    func testSchedulingEventsRoundTrip() throws {
        try assertRoundTrip(EventFixtures.availabilitySet(), keys: ["provider", "location", "effectiveFrom", "blocks"])
        try assertRoundTrip(EventFixtures.exceptionAdded(), keys: ["provider", "start", "end", "reason", "note"])
        try assertRoundTrip(EventFixtures.appointmentBooked(),
                            keys: ["appointment", "patient", "provider", "location", "room", "appointmentType", "start",
                                   "localStart", "minutes", "zone", "forcedReason", "recurrenceGroup"])
        try assertRoundTrip(EventFixtures.appointmentRescheduled(),
                            keys: ["appointment", "start", "localStart", "minutes", "zone", "forcedReason"])
        try assertRoundTrip(EventFixtures.appointmentCancelled(), keys: ["appointment", "reason", "by", "late"])
        try assertRoundTrip(EventFixtures.noShow(), keys: ["appointment"])
        try assertRoundTrip(EventFixtures.checkedIn(), keys: ["appointment", "copayDue", "coverage"])
        try assertRoundTrip(EventFixtures.checkedOut(), keys: ["appointment", "visit"])
        try assertRoundTrip(EventFixtures.waitlistAdded(), keys: ["entry", "patient", "provider", "appointmentType", "earliest", "note"])
        try assertRoundTrip(EventFixtures.waitlistRemoved(), keys: ["entry", "bookedAs", "reason"])  // v2 added the reason
    }

    func testJSONRendersPeopleReadableValues() throws {
        let booked = try EventFixtures.appointmentBooked()
        XCTAssertEqual(booked.json["start"], .string("2026-12-01T15:00:00Z"))
        XCTAssertEqual(booked.json["localStart"], .string("2026-12-01 09:00"))
        XCTAssertEqual(booked.json["patient"], .string("PT1042"))
        XCTAssertEqual(try EventFixtures.feeSet().json["amount"], .number("125.00"))
        XCTAssertEqual(try EventFixtures.patientUpdated().json["email"], .null)
        XCTAssertEqual(try EventFixtures.providerAdded().json.rendered,
                       #"{"provider":"PR1","name":"Dr. Ann Lee","npi":"1234567893","taxonomy":"207Q00000X","billing":true,"rendering":true}"#)
    }

    func testCoverageVersion1RecordIsUpcastWithNoCopay() throws {
        let current = try EventFixtures.coverageAdded()
        var v1 = ByteWriter()
        current.encodeVersion1Fields(to: &v1)
        let upcast = try CoverageAdded.decode(v1.bytes, schemaVersion: 1)
        XCTAssertNil(upcast.copay)
        XCTAssertEqual(upcast.memberID, current.memberID)
        XCTAssertEqual(upcast.span, current.span)
        XCTAssertEqual(upcast.subscriber, current.subscriber)
        // A v2 reader fed v1 bytes as v2 finds the copay byte missing.
        XCTAssertThrowsError(try CoverageAdded.decode(v1.bytes, schemaVersion: 2))
        XCTAssertEqual(CoverageAdded.schemaVersion, 2)
    }

    func testUnknownSchemaVersionAndTypeAreNamedErrors() throws {
        let bytes = EventFixtures.noShow().encoded()
        XCTAssertThrowsError(try AppointmentNoShow.decode(bytes, schemaVersion: 9)) { error in
            XCTAssertEqual(error as? DecodingError, .unknownSchemaVersion(type: "AppointmentNoShow", version: 9))
        }
        XCTAssertThrowsError(try EventRegistry.decode(typeName: "ClaimTeleported", schemaVersion: 1, bytes: bytes)) { error in
            XCTAssertEqual(error as? DecodingError, .unknownEventType("ClaimTeleported"))
        }
    }

    func testInvalidValuesInsideARecordAreRefused() throws {
        var w = ByteWriter()
        w.writeVarUInt(1)                     // provider id
        w.writeString("Dr. X")
        w.writeString("1234567890")           // bad check digit
        w.writeString("207Q00000X")
        w.writeBool(true)
        w.writeBool(true)
        XCTAssertThrowsError(try ProviderAdded.decode(w.bytes, schemaVersion: 1)) { error in
            guard case .invalid(_, let reason)? = error as? DecodingError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("check digit"))
        }
        var bad = ByteWriter()
        bad.writeVarUInt(1)
        bad.writeString("x")
        bad.writeByte(7)                      // no such cancelled-by tag
        bad.writeBool(false)
        XCTAssertThrowsError(try AppointmentCancelled.decode(bad.bytes, schemaVersion: 1))
    }

    func testRegistryListsEveryTypeOnceWithItsVersion() {
        let names = EventRegistry.allTypes.map { $0.typeName }
        XCTAssertEqual(Set(names).count, names.count)
        // 49, issue 15's staff changes (3), overpayment flag and financial-class change (2), corrections, and issue 14's sign-in events.
        XCTAssertEqual(names.count, 54 + EventRegistry.correctionTypes.count + EventRegistry.staffAccessTypes.count)
        XCTAssertEqual(EventRegistry.schemaVersion(of: "WaitlistEntryRemoved"), 2)
        XCTAssertEqual(EventRegistry.schemaVersion(of: "ClaimCreated"), 2)
        XCTAssertEqual(EventRegistry.schemaVersion(of: "CoverageAdded"), 2)
        XCTAssertEqual(EventRegistry.schemaVersion(of: "AppointmentBooked"), 1)
        XCTAssertEqual(EventRegistry.schemaVersion(of: "PracticeInitialized"), 2)
        XCTAssertNil(EventRegistry.schemaVersion(of: "Nope"))
    }

    /// Stores made before `init --synthetic` existed hold v1: they are practices' stores.
    func testPracticeInitializedV1IsAPracticeStoreAndV2KeepsTheSyntheticFlag() throws {
        var w = ByteWriter()
        w.writeString("Lakeside")
        w.writeString("admin")
        w.writeString("America/Chicago")
        XCTAssertFalse(try PracticeInitialized.decode(w.bytes, schemaVersion: 1).isSynthetic)
        let synthetic = PracticeInitialized(practiceName: try DisplayName("Bench"), admin: try UserID("admin"),
                                            timeZone: try TimeZoneID("UTC"), isSynthetic: true)
        XCTAssertEqual(try PracticeInitialized.decode(synthetic.encoded(), schemaVersion: 2), synthetic)
    }
}
