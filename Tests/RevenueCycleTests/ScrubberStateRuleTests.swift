import XCTest
@testable import RevenueCycle

/// Scrubber rules that look beyond the claim: other claims, the payer, the
/// coverage, the patient's address, the original claim, the pair table.
final class ScrubberStateRuleTests: XCTestCase {
    func testDuplicateClaimForSamePatientDateAndCode() throws {
        var w = try ClaimWorld()
        _ = try w.cleanClaim()
        let second = try w.visit(at: "2026-12-01 11:00", appointment: 11, visit: 101)
        try w.charge(second, "99213", id: 9)
        try w.claim(second, id: 6000)
        let findings = try w.scrub(6000).findings
        XCTAssertEqual(findings.map(\.rule), ["DUP-CLAIM"])
        XCTAssertEqual(findings.first?.message,
                       "claim CL5521 (scrubbed-clean) already bills 99213 for 2026-12-01; void one of them or replace the other claim")
        // Once the first claim is voided, the second is no duplicate.
        w.apply(try ClaimCreation.void(ClaimID(5521), voidingID: nil, reason: "duplicate", today: ClaimWorld.today, state: w.state))
        XCTAssertEqual(try w.scrub(6000).findings, [])
    }

    func testDuplicateClaimIgnoresOtherDatesAndCodes() throws {
        var w = try ClaimWorld()
        _ = try w.cleanClaim()
        let other = try w.visit(at: "2026-12-01 11:00", appointment: 11, visit: 101)
        try w.charge(other, "36415", id: 9)
        try w.claim(other, id: 6000)
        XCTAssertEqual(try w.scrub(6000).findings, [])
    }

    func testTimelyFilingLimitPassed() throws {
        var f = try ScrubberFixture()
        f.context.today = ClaimWorld.dos.adding(days: 91)
        XCTAssertEqual(f.findings().map(\.message),
                       ["Acme accepts claims up to 90 days after service; the limit was 2027-03-01. Send proof of timely filing or write it off"])
        f.context.today = ClaimWorld.dos.adding(days: 90)
        XCTAssertEqual(f.rules(), [])
    }

    func testCoverageNotActiveOnTheDateOfService() throws {
        var f = try ScrubberFixture()
        f.context.coverage = try f.coverage(span: DateSpan(from: ClaimWorld.day("2026-01-01"), to: ClaimWorld.day("2026-11-30")))
        XCTAssertEqual(f.rules(), ["COVERAGE-INACTIVE"])
        f.context.coverage = nil
        XCTAssertEqual(f.rules(), ["COVERAGE-INACTIVE"])
        f.context.coverage = try ScrubberFixture().context.coverage
        f.context.coverage = try f.coverage(span: DateSpan(from: ClaimWorld.dos, to: ClaimWorld.dos))
        XCTAssertEqual(f.rules(), [])
    }

    func testZeroCharge() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        try w.charge(v, "99213", id: 1)
        w.state.apply(try ChargeDecisions.enter(
            ChargeRequest(visit: v, code: "3074F", diagnoses: ["E11.9"], amount: .zero, overrideReason: "tracking code"),
            id: ChargeID(2), today: ClaimWorld.today, state: w.state))
        try w.claim(v, id: 1)
        let findings = try w.scrub(1).findings
        XCTAssertEqual(findings.map(\.rule), ["ZERO-CHARGE"])
        XCTAssertEqual(findings.first?.line, 2)
        var f = try ScrubberFixture()
        f.change(lines: [try f.line("99213", amount: 1)])
        XCTAssertEqual(f.rules(), [], "one cent is a charge")
    }

    func testProcedurePairTable() throws {
        let table = try ProcedurePairTable.parse("column1,column2,modifier-allowed\n# strep test bundled for this payer\n99213,87880,1\r\n17110,11055,0\n")
        XCTAssertEqual(table.edits.count, 2)
        var f = try ScrubberFixture()
        f.context.tables.procedurePairs = table
        XCTAssertEqual(f.rules(), ["NCCI-PAIR"])
        XCTAssertEqual(f.findings().first?.line, 2)
        XCTAssertEqual(f.findings().first?.message,
                       "87880 with 99213 on 2026-12-01: add 59 or an X modifier if it was a distinct service, or remove it")
        f.change(lines: [try f.line("99213"), try f.line("87880", modifiers: ["59"], charge: 91)])
        XCTAssertEqual(f.rules(), [], "the edit allows a distinct-service modifier")
        f.change(lines: [try f.line("17110"), try f.line("11055", modifiers: ["59"], charge: 91)])
        XCTAssertEqual(f.rules(), ["NCCI-PAIR"], "modifier-allowed 0 is never bypassed")
        f.change(lines: [try f.line("11055", charge: 91)])
        XCTAssertEqual(f.rules(), [], "the component alone is fine")
    }

    func testProcedurePairTableRefusesBadRowsNamingTheLine() {
        XCTAssertThrowsError(try ProcedurePairTable.parse("99213,87880,1\n99213,87880\n")) { error in
            XCTAssertEqual((error as? ValueError)?.kind, "procedure pair table line 2")
        }
        XCTAssertThrowsError(try ProcedurePairTable.parse("99213,8788,1\n"))
        XCTAssertThrowsError(try ProcedurePairTable.parse("99213,87880,9\n"))
        XCTAssertEqual(try ProcedurePairTable.parse("\n# nothing\n").edits, [])
    }

    func testPatientAddressMustBeUsableOnThe837() throws {
        var f = try ScrubberFixture()
        f.context.patient?.address = "12 Elm Road Springfield"
        XCTAssertEqual(f.rules(), ["PATIENT-ADDRESS"])
        f.context.patient?.address = nil
        XCTAssertEqual(f.rules(), ["PATIENT-ADDRESS"])
        f.context.patient?.address = "12 Elm Road, Springfield IL 62704-1234"
        XCTAssertEqual(f.rules(), [])
    }

    func testPostalAddressShapes() {
        let a = PostalAddress.parse("12 Elm Road, Apt 4, Springfield, il 62704")
        XCTAssertEqual(a?.line1, "12 Elm Road")
        XCTAssertEqual(a?.line2, "Apt 4")
        XCTAssertEqual(a?.city, "Springfield")
        XCTAssertEqual(a?.state, "IL")
        XCTAssertEqual(a?.postalCode, "62704")
        XCTAssertEqual(PostalAddress.parse("1 Main St, Chicago IL 60601-1234")?.postalCode, "606011234")
        XCTAssertEqual(PostalAddress.parse("1 Main St, New York NY 10001")?.city, "New York")
        XCTAssertNil(PostalAddress.parse("1 Main St, Chicago, Illinois 60601"))
        XCTAssertNil(PostalAddress.parse("Chicago, IL 60601"))
        XCTAssertNil(PostalAddress.parse("1 Main St, Chicago, IL 6060"))
    }

    func testReplacementNeedsThePayersClaimNumberOfTheOriginal() throws {
        var f = try ScrubberFixture()
        f.change(frequency: .replacement, originalClaim: ClaimID(1))
        var original = ClaimRecord(try ScrubberFixture().claim)
        f.context.original = original
        XCTAssertEqual(f.rules(), ["ORIGINAL-REF"])
        original.apply(ClaimAcceptedByPayer(claim: original.id, statuses: [], payerClaimNumber: "PAYER123", receivedOn: ClaimWorld.today))
        f.context.original = original
        XCTAssertEqual(f.rules(), [])
        f.context.original = nil
        XCTAssertEqual(f.rules(), ["ORIGINAL-REF"], "a replacement naming no known claim")
    }
}
