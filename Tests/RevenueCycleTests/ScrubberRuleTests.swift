import XCTest
@testable import RevenueCycle

/// Each scrubber rule with a claim that trips it and one that does not.
/// The untouched fixture claim trips nothing, so each test's "does not" case
/// is the fixture and its "does" case changes exactly one thing.
final class ScrubberRuleTests: XCTestCase {
    func testFixtureClaimIsClean() throws {
        XCTAssertEqual(try ScrubberFixture().findings(), [])
        XCTAssertEqual(ClaimScrubber.rules.count, 21)
        XCTAssertEqual(Set(ClaimScrubber.rules.map(\.id)).count, 21)
    }

    func testBillingNPIMissingOrInvalid() throws {
        var f = try ScrubberFixture()
        f.context.billingNPI = "1234567890"
        XCTAssertEqual(f.findings().first?.message,
                       "billing provider PR3 NPI 1234567890 is invalid (check digit should be 3, not 0); correct it in the provider directory")
        f.context.billingNPI = nil
        XCTAssertEqual(f.rules(), ["NPI-BILLING"])
        f.context.billingNPI = "1234567893"
        XCTAssertEqual(f.rules(), [])
    }

    func testRenderingNPIMissingOrInvalid() throws {
        var f = try ScrubberFixture()
        f.context.renderingNPI = "12345"
        XCTAssertEqual(f.rules(), ["NPI-RENDERING"])
        // Through the state: a provider missing from the directory has no NPI.
        var w = f.world
        w.state.directory.providers[ProviderID(1)] = nil
        let record = try XCTUnwrap(w.state.claims[ClaimID(5521)])
        let context = ScrubContext(claim: record, state: w.state, today: ClaimWorld.today)
        XCTAssertNil(context.renderingNPI)
        XCTAssertEqual(ClaimScrubber.findings(for: record, context: context).map(\.rule), ["NPI-RENDERING"])
    }

    func testMissingSubscriberMemberID() throws {
        var f = try ScrubberFixture()
        f.context.coverage = try f.coverage(memberID: "  ")
        XCTAssertEqual(f.rules(), ["MEMBER-ID"])
        f.context.coverage = try f.coverage(memberID: "XYZ1")
        XCTAssertEqual(f.rules(), [])
    }

    func testDateOfBirthAfterDateOfService() throws {
        var f = try ScrubberFixture()
        f.context.patient?.dateOfBirth = ClaimWorld.day("2026-12-02")
        XCTAssertEqual(f.rules(), ["DOB-AFTER-DOS"])
        f.context.patient?.dateOfBirth = ClaimWorld.dos
        XCTAssertEqual(f.rules(), [], "born on the day of service is possible (newborn care)")
    }

    func testDateOfServiceInTheFuture() throws {
        var f = try ScrubberFixture()
        f.context.today = ClaimWorld.day("2026-11-30")
        XCTAssertEqual(f.findings().map(\.line), [1, 2])
        XCTAssertEqual(f.rules(), ["DOS-FUTURE", "DOS-FUTURE"])
        f.context.today = ClaimWorld.dos
        XCTAssertEqual(f.rules(), [])
    }

    func testDiagnosisPointerToNothing() throws {
        var f = try ScrubberFixture()
        f.change(lines: [try f.line("99213", pointers: [1, 3]), try f.line("87880", pointers: [])])
        XCTAssertEqual(f.findings().map(\.rule), ["DX-POINTER", "DX-POINTER"])
        XCTAssertEqual(f.findings().map(\.line), [1, 2])
        XCTAssertEqual(f.findings().first?.message, "99213 points at diagnosis 3 but the claim has 2; fix the charge's pointers")
        f.change(lines: [try f.line("99213", pointers: [2, 1]), try f.line("87880", pointers: [2])])
        XCTAssertEqual(f.rules(), [])
    }

    func testDiagnosisNotOnTheCodeList() throws {
        var f = try ScrubberFixture()
        f.context.tables.diagnosisCodes = DiagnosisCodeList.parse("J020 Streptococcal pharyngitis\nR50 Fever (category)\n")
        XCTAssertEqual(f.findings().map(\.message), ["R50.9 is not a billable ICD-10-CM code on the code list; code to the highest specificity"])
        f.context.tables.diagnosisCodes = DiagnosisCodeList.parse("J020\nR509\n")
        XCTAssertEqual(f.rules(), [])
    }

    func testProcedureNotOnTheCodeList() throws {
        var f = try ScrubberFixture()
        f.context.tables.procedureCodes = ["99213"]
        XCTAssertEqual(f.rules(), ["CPT-CODE"])
        XCTAssertEqual(f.findings().first?.line, 2)
        f.context.tables.procedureCodes = ["99213", "87880"]
        XCTAssertEqual(f.rules(), [])
    }

    func testModifier25NeededOnEMBilledWithAProcedure() throws {
        var f = try ScrubberFixture()
        f.change(lines: [try f.line("99213"), try f.line("17110", charge: 91)])
        XCTAssertEqual(f.rules(), ["MOD25-MISSING"])
        f.change(lines: [try f.line("99213", modifiers: ["25"]), try f.line("17110", charge: 91)])
        XCTAssertEqual(f.rules(), [])
        // A procedure on another day is not "with" this E/M.
        f.change(lines: [try f.line("99213"), try f.line("17110", on: ClaimWorld.day("2026-11-30"), charge: 91)])
        XCTAssertEqual(f.rules(), [])
    }

    func testModifier25OnANonEMCodeIsAWarning() throws {
        var f = try ScrubberFixture()
        f.change(lines: [try f.line("99213"), try f.line("87880", modifiers: ["25"], charge: 91)])
        XCTAssertEqual(f.findings().map(\.severity), [.warning])
        XCTAssertEqual(f.rules(), ["MOD25-NOT-EM"])
    }

    func testDuplicateLine() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        try w.charge(v, "99213", id: 1)
        try w.charge(v, "87880", id: 2)
        try w.charge(v, "87880", id: 3)
        try w.charge(v, "87880", modifiers: ["91"], id: 4)
        try w.claim(v, id: 1)
        let findings = try w.scrub(1).findings
        XCTAssertEqual(findings.map(\.rule), ["DUP-LINE"])
        XCTAssertEqual(findings.first?.line, 3)
        XCTAssertEqual(findings.first?.message,
                       "87880 on 2026-12-01 repeats line 2; bill it once with more units, or add a distinguishing modifier")
    }
}
