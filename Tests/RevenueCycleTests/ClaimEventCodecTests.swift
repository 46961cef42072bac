import XCTest
import BinaryCodec
@testable import RevenueCycle

/// One fully populated sample of every charge and claim event, round-tripped
/// through its binary layout and the registry, with its JSON keys pinned.
final class ClaimEventCodecTests: XCTestCase {
    static func d(_ s: String) throws -> LocalDate { try LocalDate.parse(s) }

    static func chargeEntered() throws -> ChargeEntered {
        ChargeEntered(charge: ChargeID(812), visit: VisitID(9), patient: PatientID(1042), provider: ProviderID(1),
                      dateOfService: try d("2026-12-01"), procedure: try ProcedureCode("99213"),
                      modifiers: [try Modifier("25"), try Modifier("GT")], units: 2,
                      diagnoses: [try DiagnosisCode("E11.9"), try DiagnosisCode("I10")], pointers: [2, 1],
                      amount: Money(cents: 20_000), feeScheduleAmount: Money(cents: 25_000), overrideReason: "hardship discount",
                      enteredOn: try d("2026-12-02"))
    }

    static func claimCreated() throws -> ClaimCreated {
        let line = ClaimLine(charge: ChargeID(812), procedure: try ProcedureCode("99213"), modifiers: [try Modifier("25")],
                             units: 1, amount: Money(cents: 12_500), pointers: [1, 2], dateOfService: try d("2026-12-01"))
        return ClaimCreated(claim: ClaimID(5522), visit: VisitID(9), patient: PatientID(1042), coverage: CoverageID(1),
                            payer: PayerID(1), billingProvider: ProviderID(3), renderingProvider: ProviderID(1),
                            placeOfService: try PlaceOfService("11"), frequency: .replacement, originalClaim: ClaimID(5521),
                            lines: [line], diagnoses: [try DiagnosisCode("E11.9"), try DiagnosisCode("I10")],
                            total: Money(cents: 12_500), createdOn: try d("2026-12-03"))
    }

    static let statuses = [
        PayerClaimStatus(category: "A7", code: "562", entity: "85", text: "A7 rejected — 562 NPI (billing provider)"),
        PayerClaimStatus(category: "A3", code: "21", text: "A3 returned"),
    ]

    private func assertRoundTrip<E: EventPayload & Equatable>(_ event: E, keys: [String],
                                                              file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = event.encoded()
        let version = E.schemaVersion
        XCTAssertEqual(try E.decode(bytes, schemaVersion: version), event, file: file, line: line)
        let viaRegistry = try EventRegistry.decode(typeName: E.typeName, schemaVersion: version, bytes: bytes)
        XCTAssertEqual(viaRegistry as? E, event, file: file, line: line)
        guard case .object(let pairs) = event.json else { return XCTFail("json is not an object", file: file, line: line) }
        XCTAssertEqual(pairs.map(\.0), keys, file: file, line: line)
        for cut in 0..<bytes.count {
            XCTAssertThrowsError(try E.decode(Array(bytes[..<cut]), schemaVersion: version), "prefix \(cut)", file: file, line: line)
        }
        XCTAssertThrowsError(try E.decode(bytes + [0], schemaVersion: version), "trailing byte", file: file, line: line)
        XCTAssertThrowsError(try E.decode(bytes, schemaVersion: version + 1), "unknown version", file: file, line: line)
    }

    func testChargeEventsRoundTrip() throws {
        try assertRoundTrip(Self.chargeEntered(), keys: ["charge", "visit", "patient", "provider", "dateOfService", "code", "modifiers",
                                                         "units", "diagnoses", "pointers", "amount", "feeScheduleAmount",
                                                         "overrideReason", "enteredOn"])
        let plain = ChargeEntered(charge: ChargeID(1), visit: VisitID(1), patient: PatientID(1), provider: ProviderID(1),
                                  dateOfService: try Self.d("2026-01-05"), procedure: try ProcedureCode("J1885"),
                                  diagnoses: [try DiagnosisCode("S72.001A")], pointers: [1], amount: Money(cents: 0),
                                  enteredOn: try Self.d("2026-01-05"))
        try assertRoundTrip(plain, keys: ["charge", "visit", "patient", "provider", "dateOfService", "code", "modifiers",
                                          "units", "diagnoses", "pointers", "amount", "feeScheduleAmount", "overrideReason", "enteredOn"])
        try assertRoundTrip(ChargeVoided(charge: ChargeID(812), reason: "wrong patient"), keys: ["charge", "reason"])
    }

    func testClaimBuildingEventsRoundTrip() throws {
        try assertRoundTrip(Self.claimCreated(), keys: ["claim", "visit", "patient", "coverage", "payer", "billingProvider",
                                                        "renderingProvider", "placeOfService", "frequency", "originalClaim",
                                                        "lines", "diagnoses", "total", "createdOn", "priorAdjudication"])
        let findings = [ScrubFinding(rule: "MOD25-MISSING", message: "add 25", line: 1),
                        ScrubFinding(rule: "MOD25-NOT-EM", severity: .warning, message: "25 is for E/M")]
        try assertRoundTrip(ClaimScrubbed(claim: ClaimID(5522), findings: findings, scrubbedOn: try Self.d("2026-12-03")),
                            keys: ["claim", "findings", "scrubbedOn"])
        try assertRoundTrip(ClaimFindingOverridden(claim: ClaimID(5522), rule: "DUP-CLAIM", reason: "second visit that day",
                                                   by: try UserID("bill")), keys: ["claim", "rule", "reason", "by"])
        try assertRoundTrip(ClaimSubmitted(claim: ClaimID(5522), fileName: "claims-2026-12-03.837", interchangeControlNumber: 1207,
                                           groupControlNumber: 41, transactionSetControlNumber: 2, submittedOn: try Self.d("2026-12-03")),
                            keys: ["claim", "file", "interchangeControlNumber", "groupControlNumber",
                                   "transactionSetControlNumber", "submittedOn"])
    }

    func testClaimAnswerEventsRoundTrip() throws {
        let day = try Self.d("2026-12-04")
        try assertRoundTrip(ClaimAcknowledged(claim: ClaimID(5522), accepted: false, reasons: ["segment NM1 missing"], receivedOn: day),
                            keys: ["claim", "accepted", "reasons", "receivedOn"])
        try assertRoundTrip(ClaimAcceptedByPayer(claim: ClaimID(5522), statuses: Self.statuses, payerClaimNumber: "1107000000014420",
                                                 receivedOn: day), keys: ["claim", "statuses", "payerClaimNumber", "receivedOn"])
        try assertRoundTrip(ClaimRejectedByPayer(claim: ClaimID(5522), statuses: Self.statuses, receivedOn: day),
                            keys: ["claim", "statuses", "receivedOn"])
        try assertRoundTrip(ClaimReplaced(claim: ClaimID(5521), replacement: ClaimID(5522), reason: "wrong units"),
                            keys: ["claim", "replacement", "reason"])
        try assertRoundTrip(ClaimVoided(claim: ClaimID(5521), voidingClaim: ClaimID(5523), reason: "wrong payer"),
                            keys: ["claim", "voidingClaim", "reason"])
        try assertRoundTrip(ClaimVoided(claim: ClaimID(5521), voidingClaim: nil, reason: "never sent"),
                            keys: ["claim", "voidingClaim", "reason"])
    }

    func testClaimJSONReadsLikeTheClaim() throws {
        let json = try Self.claimCreated().json
        XCTAssertEqual(json["claim"], .string("CL5522"))
        XCTAssertEqual(json["frequency"], .string("7"))
        XCTAssertEqual(json["diagnoses"], .array([.string("E11.9"), .string("I10")]))
        XCTAssertEqual(json["total"], .number("125.00"))
        XCTAssertEqual(try Self.chargeEntered().json["feeScheduleAmount"], .number("250.00"))
        XCTAssertEqual(ChargeID(812).description, "CH812")
        XCTAssertEqual(try ClaimID.parse("cl5521"), ClaimID(5521))
        XCTAssertThrowsError(try ClaimID.parse("CH5521"))
    }

    func testDamagedValuesInsideAClaimRecordAreRefused() throws {
        var bytes = try Self.chargeEntered().encoded()
        // Corrupt the procedure code "99213" into "9921!" (it sits after five ids/dates).
        if let at = bytes.firstIndex(of: UInt8(ascii: "3")) { bytes[at] = UInt8(ascii: "!") }
        XCTAssertThrowsError(try ChargeEntered.decode(bytes, schemaVersion: 1)) { error in
            guard case .invalid(_, let reason)? = error as? DecodingError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("procedure code"), reason)
        }
        var badTag = ByteWriter()
        badTag.write(ClaimID(1))
        badTag.writeArray([0]) { w, _ in
            w.writeString("X")
            w.writeByte(9)   // no such severity
            w.writeString("m")
            w.writeByte(0)
        }
        badTag.write(try Self.d("2026-01-01"))
        XCTAssertThrowsError(try ClaimScrubbed.decode(badTag.bytes, schemaVersion: 1))
    }
}
