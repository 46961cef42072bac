import PracticaTestSupport
import XCTest
import X12
@testable import RevenueCycle

/// 837P files built from a small PracticeState, checked by our own reader
/// and by pyx12.
final class ClaimSubmissionTests: XCTestCase {
    /// PT1 (the subscriber) and PT3 (Jane Doe's child) each with a clean claim.
    func world() throws -> ClaimWorld {
        var w = try ClaimWorld()
        _ = try w.cleanClaim()
        _ = try w.cleanClaim(patient: 3, appointment: 11, visit: 101, id: 5522, at: "2026-12-01 10:00")
        return w
    }

    func testPrimaryAndDependentClaimsFromStatePassPyX12() throws {
        var w = try world()
        let file = try SubmissionFixtures.submit(&w, isa: 1207, gs: 41, st: 3)
        XCTAssertEqual(file.events.map(\.claim), [ClaimID(5521), ClaimID(5522)])
        XCTAssertTrue(file.events.allSatisfy { $0.transactionSetControlNumber == 3 && $0.groupControlNumber == 41 })
        let (ok, report) = try PyX12Validator.validate(file.text, name: "from-state.837")
        XCTAssertTrue(ok, "pyx12 rejects the file built from state:\n\(report)\n\(file.text)")

        let text = file.text
        XCTAssertTrue(text.contains("*000001207*0*T*:~"), "ISA13 padded to 9 digits")
        XCTAssertTrue(text.contains("GS*HC*LAKE0001*ACMECH*20261202*0930*41*X*005010X222A1~"))
        XCTAssertTrue(text.contains("ST*837*0003*005010X222A1~"))
        XCTAssertTrue(text.contains("NM1*85*2*LAKESIDE FAMILY MEDICINE*****XX*1987654328~"))
        XCTAssertTrue(text.contains("NM1*IL*1*NUNEZ*JOSE****MI*XYZ123456789~"), "accents folded for the basic character set")
        XCTAssertTrue(text.contains("CLM*CL5521*160.5***11:B:1*Y*A*Y*Y~"), text)
        XCTAssertTrue(text.contains("HI*ABK:J020*ABF:R509~"))
        XCTAssertTrue(text.contains("NM1*82*1*LEE*****XX*1234567893~"), "\"Dr. Lee\" loses the title: \(text)")
        XCTAssertTrue(text.contains("SV1*HC:87880*35.5*UN*1***1~"), "pointers renumbered into the claim's diagnoses")
        XCTAssertTrue(text.contains("NM1*IL*1*DOE*JANE****MI*JD998877~"), "the dependent's claim names the subscriber")
        XCTAssertTrue(text.contains("PAT*19~"))
        XCTAssertTrue(text.contains("NM1*QC*1*DOE*TIMMY~"))
        XCTAssertTrue(text.contains("N3*12 ELM ROAD*APT 4~"), text)
        XCTAssertTrue(text.contains("N4*SPRINGFIELD*IL*62704~"), text)

        // Our own reader agrees on the envelope.
        let interchange = try X12Reader.read(Array(text.utf8))
        XCTAssertEqual(interchange.transactionSets.map(\.controlNumber), ["0003"])
    }

    /// Without this, a harness that never saw "Failure" would pass the tests above vacuously.
    func testValidatorReportsFailureForABrokenFile() throws {
        var w = try world()
        let file = try SubmissionFixtures.submit(&w)
        let broken = file.text.replacingOccurrences(of: "HI*ABK:J020", with: "HI*ZZZ:J020")
        XCTAssertNotEqual(broken, file.text)
        XCTAssertFalse(try PyX12Validator.validate(broken, name: "broken.837").ok)
    }

    func testEachBillingProviderGetsItsOwnTransactionSet() throws {
        var w = try world()
        w.state.apply(ProviderAdded(provider: ProviderID(4), name: try DisplayName("North Clinic"), npi: try NPI("1555555550"),
                                    taxonomy: try TaxonomyCode("207Q00000X"), isBilling: true, isRendering: false))
        w = try ClaimWorld.withNorthClaim(w)
        let file = try SubmissionFixtures.submit(&w, isa: 7, gs: 7, st: 10)
        XCTAssertEqual(Set(file.events.map(\.transactionSetControlNumber)), [10, 11])
        XCTAssertEqual(file.events.first { $0.claim == ClaimID(8000) }?.transactionSetControlNumber, 11)
        let (ok, report) = try PyX12Validator.validate(file.text, name: "two-billing-providers.837")
        XCTAssertTrue(ok, "pyx12 rejects:\n\(report)\n\(file.text)")
        XCTAssertEqual(try X12Reader.read(Array(file.text.utf8)).transactionSets.map(\.controlNumber), ["0010", "0011"])
    }

    func testReplacementClaimCarriesThePayersClaimNumberAndPassesPyX12() throws {
        var w = try ClaimWorld()
        let original = try w.cleanClaim()
        try SubmissionFixtures.submit(&w, isa: 1, gs: 1, st: 1)
        w.apply(try AcknowledgmentDecisions.apply277(try ClaimAcknowledgment277Reader.read(try X12Samples.accepted(claimID: "CL5521")),
                                                     receivedOn: ClaimWorld.today, state: w.state))
        w.apply(try ClaimCreation.replace(original, id: ClaimID(6000), reason: "units", today: ClaimWorld.today, state: w.state))
        try w.scrub(6000)
        let file = try SubmissionFixtures.submit(&w, isa: 2, gs: 2, st: 2)
        XCTAssertTrue(file.text.contains("CLM*CL6000*160.5***11:B:7*Y*A*Y*Y~"), file.text)
        XCTAssertTrue(file.text.contains("REF*F8*1107000000014420~"))
        let (ok, report) = try PyX12Validator.validate(file.text, name: "replacement.837")
        XCTAssertTrue(ok, "pyx12 rejects:\n\(report)\n\(file.text)")
    }
}

extension ClaimWorld {
    /// Adds PT2's clean claim CL8000 billed by PR4 (coverage CV9, primary) on visit V102.
    static func withNorthClaim(_ world: ClaimWorld) throws -> ClaimWorld {
        var w = world
        w.state.apply(PatientUpdated(patient: PatientID(2), address: .set("9 North Ave, Chicago, IL 60614")))
        w.state.apply(CoverageAdded(coverage: CoverageID(9), patient: PatientID(2), payer: PayerID(1), memberID: "SM55",
                                    rank: .primary, span: try DateSpan(from: ClaimWorld.day("2026-01-01"), to: nil)))
        try w.visit(patient: 2, at: "2026-12-01 13:00", appointment: 12, visit: 102)
        try w.charge(VisitID(102), "99213", dx: ["I10"], id: 80001)
        w.state.apply(try ClaimCreation.create(visit: VisitID(102), id: ClaimID(8000), today: ClaimWorld.today, state: w.state,
                                               billingProvider: ProviderID(4)))
        XCTAssertEqual(try w.scrub(8000).findings, [])
        return w
    }
}
