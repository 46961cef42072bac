import PracticaTestSupport
import XCTest
import BinaryCodec
import X12
@testable import RevenueCycle

/// Billing the secondary payer after the primary's remittance, through to an 837P pyx12 accepts.
final class SecondaryClaimTests: XCTestCase {
    /// PT1 gains secondary coverage CV3 with PA2 Golden Rule; CL5521 is paid by the primary (100.00, 40.00 to the patient).
    func world() throws -> RemittanceWorld {
        var w = try RemittanceWorld()
        w.apply([
            PayerAdded(payer: PayerID(2), name: try DisplayName("Golden Rule"), electronicPayerID: "GRI77", timelyFilingDays: 90),
            CoverageAdded(coverage: CoverageID(3), patient: PatientID(1), payer: PayerID(2), memberID: "GR998877", rank: .secondary,
                          span: try DateSpan(from: ClaimWorld.day("2026-01-01"), to: nil)),
        ])
        try w.post(Remit835.file(bpr: "100", claims: [Remit835.paidCL5521()]))
        return w
    }

    func testSecondaryClaimCarriesThePrimarysAdjudicationAndPassesPyX12() throws {
        var w = try world()
        let created = try SecondaryClaim.create(primaryClaim: ClaimID(5521), id: ClaimID(5600), today: ClaimWorld.day("2026-12-16"), state: w.state)
        XCTAssertEqual(created.payer, PayerID(2))
        XCTAssertEqual(created.coverage, CoverageID(3))
        XCTAssertEqual(created.total, Money(cents: 16_050))
        let prior = try XCTUnwrap(created.priorAdjudication)
        XCTAssertEqual(prior.claim, ClaimID(5521))
        XCTAssertEqual(prior.paid, Money(cents: 10_000))
        XCTAssertEqual(prior.patientResponsibility, Money(cents: 4_000))
        XCTAssertEqual(prior.payerClaimControlNumber, "PCN777")
        XCTAssertEqual(prior.lines.map(\.paid), [Money(cents: 8_000), Money(cents: 2_000)])
        XCTAssertEqual(prior.lines[0].adjustments.map(\.description), ["CO-45 15.00", "PR-1 10.00", "PR-2 20.00"])
        w.apply([created])

        // The patient's 40.00 is with the secondary payer now; the claims split the visit's charges.
        XCTAssertEqual(w.ledger.visits[VisitID(100)]?.insuranceBalance, Money(cents: 4_000))
        XCTAssertEqual(w.ledger.visits[VisitID(100)]?.patientBalance, .zero)
        XCTAssertEqual(w.ledger.claims[ClaimID(5600)], LedgerAccount(charges: Money(cents: 4_000), insuranceBalance: Money(cents: 4_000)))
        XCTAssertEqual(w.ledger.claims[ClaimID(5521)]?.charges, Money(cents: 12_050))
        XCTAssertEqual(w.state.charges[ChargeID(55211)]?.claim, ClaimID(5521), "the primary keeps its charges")

        XCTAssertEqual(try w.claims.scrub(5600).findings, [], "not a duplicate of its primary")
        let file = try SubmissionFixtures.submit(&w.claims, [5600], isa: 2, gs: 2, st: 2)
        let text = file.text
        XCTAssertTrue(text.contains("SBR*S*18**"), text)
        XCTAssertTrue(text.contains("NM1*PR*2*GOLDEN RULE*****PI*GRI77~"), text)
        XCTAssertTrue(text.contains("SBR*P*18*GRP5544******CI~"), text)
        XCTAssertTrue(text.contains("AMT*D*100~"), text)
        XCTAssertTrue(text.contains("NM1*PR*2*ACME*****PI*60054~"), text)
        XCTAssertTrue(text.contains("SVD*60054*80*HC:99213**1~"), text)
        XCTAssertTrue(text.contains("CAS*PR*1*10**2*20~"), text)
        XCTAssertTrue(text.contains("DTP*573*D8*20261210~"), text)
        let (ok, report) = try PyX12Validator.validate(text, name: "secondary.837")
        XCTAssertTrue(ok, "pyx12 rejects the secondary claim:\n\(report)\n\(text)")

        // The secondary pays 30.00; OA-23 is the primary's share and moves nothing.
        let block = ["CLP*CL5600*2*160.5*30*10*12*GR555", "NM1*QC*1*NUNEZ*JOSE****MI*GR998877", "CAS*OA*23*120.5", "CAS*PR*2*10"]
        try w.post(Remit835.file(bpr: "30", trace: "GR1", payerName: "GOLDEN RULE", payerID: "GRI77", claims: [block]))
        let visit = try XCTUnwrap(w.ledger.visits[VisitID(100)])
        XCTAssertEqual(visit, LedgerAccount(charges: Money(cents: 16_050), payerPayments: Money(cents: 13_000), adjustments: Money(cents: 2_050),
                                            insuranceBalance: .zero, patientBalance: Money(cents: 1_000)))
        XCTAssertEqual(w.claim(5600)?.status, .paid)
        XCTAssertEqual(w.state.claims[ClaimID(5600)]?.postings.first?.priorPayerImpact, Money(cents: 12_050))
        XCTAssertTrue(w.ledger.isBalanced, w.ledger.firstUnbalanced ?? "")
    }

    func testRefusals() throws {
        var w = try world()
        assertRejected(.refused, field: "claim") {
            try SecondaryClaim.create(primaryClaim: ClaimID(5522), id: ClaimID(5601), today: ClaimWorld.today, state: w.state)
        }
        assertRejected(.refused, field: "claim") {
            try SecondaryClaim.create(primaryClaim: ClaimID(9), id: ClaimID(5601), today: ClaimWorld.today, state: w.state)
        }
        try w.post(Remit835.file(bpr: "100", trace: "EFT0009", claims: [Remit835.partlyDeniedCL5522]))
        let noSecondary = assertRejected(.refused, field: "claim") {
            try SecondaryClaim.create(primaryClaim: ClaimID(5522), id: ClaimID(5601), today: ClaimWorld.today, state: w.state)
        }
        XCTAssertTrue(noSecondary?.reason.contains("no secondary coverage") ?? false, noSecondary?.reason ?? "")
        w.apply([try SecondaryClaim.create(primaryClaim: ClaimID(5521), id: ClaimID(5600), today: ClaimWorld.today, state: w.state)])
        assertRejected(.refused, field: "claim") {
            try SecondaryClaim.create(primaryClaim: ClaimID(5521), id: ClaimID(5601), today: ClaimWorld.today, state: w.state)
        }
        assertRejected(.refused, field: "claim") {
            try SecondaryClaim.create(primaryClaim: ClaimID(5600), id: ClaimID(5601), today: ClaimWorld.today, state: w.state)
        }
    }
}
