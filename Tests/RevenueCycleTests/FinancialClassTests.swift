import XCTest
import BinaryCodec
@testable import RevenueCycle

/// One rule for whom a visit is billed (issue 15, item 8): the financial class decided at
/// check-in (--self-pay wins over active coverage), changed only by a recorded
/// `VisitFinancialClassChanged`, drives the ledger, claim creation and the scrubber alike.
final class FinancialClassTests: XCTestCase {
    let card = "card found after the visit"

    func change(_ w: ClaimWorld, _ v: VisitID, toInsurance: Bool, reason: String = "card found") throws -> VisitFinancialClassChanged {
        try VisitFinancialClass.change(v, toInsurance: toInsurance, reason: reason, today: ClaimWorld.today, state: w.state)
    }

    func testSelfPayAtCheckInWinsOverActiveCoverageAndTheLedgerBillsThePatient() throws {
        var w = try ClaimWorld()
        let v = try w.visit(selfPay: true)   // PT1 has CV1 active
        let checkIn = try XCTUnwrap(w.state.appointments[AppointmentID(10)])
        XCTAssertEqual(checkIn.status, .checkedOut)
        XCTAssertFalse(w.state.receivables.ledger.isInsured(v), "recorded as self-pay")
        try w.charge(v, "99213", id: 1)
        let visit = try XCTUnwrap(w.state.receivables.ledger.visits[v])
        XCTAssertEqual(visit.patientBalance, Money(cents: 12_500))
        XCTAssertEqual(visit.insuranceBalance, .zero)
        let r = assertRejected(.refused, field: "visit") {
            try ClaimCreation.create(visit: v, id: ClaimID(1), today: ClaimWorld.today, state: w.state)
        }
        XCTAssertEqual(r?.reason, "V100 is self-pay (its financial class): the patient is billed, not a payer")
        XCTAssertTrue(r?.hint?.contains("practica visit financial-class V100 --insurance --reason") == true, r?.hint ?? "")
    }

    func testCheckInWithCoverageIsInsuranceAndWithoutCoverageNeedsSelfPay() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        XCTAssertTrue(w.state.receivables.ledger.isInsured(v))
        try w.charge(v, "99213", id: 1)
        XCTAssertEqual(w.state.receivables.ledger.visits[v]?.insuranceBalance, Money(cents: 12_500))
        XCTAssertEqual(try w.claim(v, id: 7).payer, PayerID(1))
    }

    func testSelfPayChangedToInsuranceMovesTheChargesAndCanBeClaimed() throws {
        var w = try ClaimWorld()
        let v = try w.visit(selfPay: true)
        try w.charge(v, "99213", id: 1)
        w.apply([PatientPaymentPosted(payment: PaymentID(1), patient: PatientID(1), amount: Money(cents: 5_000), method: .cash,
                                      applications: [PaymentApplication(visit: v, amount: Money(cents: 5_000))], receivedOn: ClaimWorld.dos)])
        let changed = try change(w, v, toInsurance: true)
        XCTAssertEqual(changed.coverage, CoverageID(1))
        XCTAssertEqual(changed.payer, PayerID(1))
        w.apply([changed])
        XCTAssertTrue(w.state.receivables.ledger.isInsured(v))
        let visit = try XCTUnwrap(w.state.receivables.ledger.visits[v])
        XCTAssertEqual(visit.insuranceBalance, Money(cents: 12_500), "the payer is billed the whole charge")
        XCTAssertEqual(visit.patientBalance, Money(cents: -5_000), "what the patient paid stands as a credit")
        XCTAssertTrue(w.state.receivables.ledger.isBalanced, w.state.receivables.ledger.firstUnbalanced ?? "")
        XCTAssertEqual(try w.claim(v, id: 7).total, Money(cents: 12_500))
        XCTAssertEqual(try w.scrub(7).findings, [])
    }

    func testInsuranceChangedToSelfPayBillsThePatientAndCannotBeClaimed() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        try w.charge(v, "99213", id: 1)
        w.apply([try change(w, v, toInsurance: false, reason: "patient declined to use insurance")])
        let visit = try XCTUnwrap(w.state.receivables.ledger.visits[v])
        XCTAssertEqual(visit.insuranceBalance, .zero)
        XCTAssertEqual(visit.patientBalance, Money(cents: 12_500))
        assertRejected(.refused, field: "visit") { try ClaimCreation.create(visit: v, id: ClaimID(1), today: ClaimWorld.today, state: w.state) }
        // A charge voided after the change comes out of the patient's balance, where the class has it now.
        let void = try ChargeDecisions.void(ChargeID(1), reason: "wrong code", state: w.state)
        w.apply([void])
        XCTAssertEqual(w.state.receivables.ledger.visits[v], LedgerAccount())
        XCTAssertTrue(w.state.receivables.ledger.isBalanced)
    }

    func testTheClassCannotChangeWhileAClaimIsLiveUntilItIsVoided() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        try w.charge(v, "99213", id: 1)
        try w.claim(v, id: 7)
        let draft = assertRejected(.refused, field: "visit") { try self.change(w, v, toInsurance: false) }
        XCTAssertTrue(draft?.reason.contains("has claim CL7") == true, draft?.reason ?? "")
        XCTAssertTrue(draft?.hint?.contains("practica claim void CL7") == true)
        w.apply([ClaimSubmitted(claim: ClaimID(7), fileName: "c.837", interchangeControlNumber: 1, groupControlNumber: 1,
                                transactionSetControlNumber: 1, submittedOn: ClaimWorld.today)])
        let sent = assertRejected(.refused, field: "visit") { try self.change(w, v, toInsurance: false) }
        XCTAssertTrue(sent?.reason.contains("was submitted to PA1") == true, sent?.reason ?? "")
        w.apply(try ClaimCreation.void(ClaimID(7), voidingID: ClaimID(8), reason: "wrong payer", today: ClaimWorld.today, state: w.state))
        w.apply([try change(w, v, toInsurance: false)])
        XCTAssertEqual(w.state.receivables.ledger.visits[v]?.patientBalance, Money(cents: 12_500))
        XCTAssertTrue(w.state.receivables.ledger.isBalanced, w.state.receivables.ledger.firstUnbalanced ?? "")
    }

    func testAChangeNeedsAReasonANewClassAndForInsuranceAPrimaryCoverage() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        assertRejected(.usage, field: "reason") { try self.change(w, v, toInsurance: false, reason: "  ") }
        let same = assertRejected(.refused, field: "visit") { try self.change(w, v, toInsurance: true) }
        XCTAssertEqual(same?.reason, "V100 is already insurance")
        assertRejected(.refused, field: "visit") {
            try VisitFinancialClass.change(VisitID(999), toInsurance: true, reason: "x", today: ClaimWorld.today, state: w.state)
        }
        // PT2 has no coverage: checked in self-pay, it cannot be moved to insurance.
        let uninsured = try w.visit(patient: 2, at: "2026-12-01 10:00", appointment: 11, visit: 101, selfPay: true)
        let r = assertRejected(.refused, field: "visit") { try self.change(w, uninsured, toInsurance: true) }
        XCTAssertEqual(r?.reason, "PT2 has no primary coverage active on 2026-12-01")
    }

    func testTheScrubberHoldsAClaimWhoseVisitIsSelfPay() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        try w.charge(v, "99213", id: 1)
        let claim = try w.claim(v, id: 7)
        // A claim made before the class was enforced, or a log where the class changed under it.
        w.apply([VisitFinancialClassChanged(visit: v, coverage: nil, payer: nil, reason: "legacy", changedOn: ClaimWorld.today)])
        let findings = try w.scrub(7).findings
        XCTAssertEqual(findings.map(\.rule), ["SELF-PAY"])
        XCTAssertTrue(findings.first?.message.contains("visit financial-class V100 --insurance") == true)
        XCTAssertEqual(claim.claim, ClaimID(7))
    }

    func testTheEventRoundTrips() throws {
        for e in [VisitFinancialClassChanged(visit: VisitID(5), coverage: CoverageID(2), payer: PayerID(3), reason: card, changedOn: ClaimWorld.today),
                  VisitFinancialClassChanged(visit: VisitID(5), coverage: nil, payer: nil, reason: "declined", changedOn: ClaimWorld.today)] {
            XCTAssertEqual(try VisitFinancialClassChanged.decode(e.encoded(), schemaVersion: 1), e)
            XCTAssertThrowsError(try VisitFinancialClassChanged.decode(Array(e.encoded().dropLast()), schemaVersion: 1))
        }
    }
}
