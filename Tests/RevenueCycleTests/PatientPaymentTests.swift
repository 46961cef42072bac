import XCTest
import BinaryCodec
@testable import RevenueCycle

/// Payments at the desk, refunds, adjustments, plans, the card gateway and statements.
final class PatientPaymentTests: XCTestCase {
    static let day = ClaimWorld.day

    /// PT1 owes 40.00 on V100 (CL5521 paid by the payer) and 25.00 on V102 (CL5523, seen 2026-12-02, copay only).
    func world() throws -> RemittanceWorld {
        var w = try RemittanceWorld()
        try w.post(Remit835.file(bpr: "100", claims: [Remit835.paidCL5521()]))
        let v = try w.claims.visit(patient: 1, at: "2026-12-02 09:00", appointment: 12, visit: 102)
        try w.claims.charge(v, "99213", id: 55231)
        try w.claims.claim(v, id: 5523)
        try w.claims.scrub(5523, today: Self.day("2026-12-03"))
        try SubmissionFixtures.submit(&w.claims, [5523], isa: 2, gs: 2, st: 2)
        let block = ["CLP*CL5523*1*125*75*25*12*PCN3", "SVC*HC:99213*125*75**1", "CAS*CO*45*25", "CAS*PR*3*25", "REF*6R*CL5523-1"]
        try w.post(Remit835.file(bpr: "75", trace: "EFT0003", claims: [block]))
        XCTAssertEqual(PatientPayments.openBalances(of: PatientID(1), state: w.state).map(\.balance), [Money(cents: 4_000), Money(cents: 2_500)])
        return w
    }

    func request(_ amount: String, visit: VisitID? = nil, method: PatientPaymentMethod = .cash, card: CardAuthorization? = nil,
                 patient: UInt64 = 1) -> PatientPaymentRequest {
        PatientPaymentRequest(patient: PatientID(patient), amount: amount, method: method, reference: " R-1 ", visit: visit, card: card,
                              receivedOn: Self.day("2026-12-20"))
    }

    func testPaymentAppliesToOldestBalanceFirstAndKeepsTheRestAsCredit() throws {
        var w = try world()
        let p = try PatientPayments.post(request("50.00"), id: PaymentID(1), state: w.state)
        XCTAssertEqual(p.applications, [PaymentApplication(visit: VisitID(100), amount: Money(cents: 4_000)),
                                        PaymentApplication(visit: VisitID(102), amount: Money(cents: 1_000))])
        XCTAssertEqual(p.reference, "R-1")
        w.apply([p])
        let big = try PatientPayments.post(request("100"), id: PaymentID(2), state: w.state)
        XCTAssertEqual(big.applications, [PaymentApplication(visit: VisitID(102), amount: Money(cents: 1_500))])
        XCTAssertEqual(big.unapplied, Money(cents: 8_500))
        w.apply([big])
        XCTAssertEqual(w.state.account(ofPatient: PatientID(1)).patientBalance, Money(cents: -8_500), "a credit")
        XCTAssertEqual(w.ledger.claims[ClaimID(5521)]?.patientPayments, Money(cents: 4_000), "the claim's share")
        XCTAssertTrue(w.ledger.isBalanced, w.ledger.firstUnbalanced ?? "")
    }

    func testPaymentToAChosenVisitGoesThereEvenBeforeThePayerAnswers() throws {
        var w = try world()
        let p = try PatientPayments.post(request("15.00", visit: VisitID(101), patient: 3), id: PaymentID(1), state: w.state)
        XCTAssertEqual(p.applications, [PaymentApplication(visit: VisitID(101), amount: Money(cents: 1_500))])
        w.apply([p])
        XCTAssertEqual(w.ledger.visits[VisitID(101)]?.patientBalance, Money(cents: -1_500))
    }

    func testPaymentRefusals() throws {
        let w = try world()
        assertRejected(.usage, field: "amount") { try PatientPayments.post(request("-5.00"), id: PaymentID(1), state: w.state) }
        assertRejected(.usage, field: "amount") { try PatientPayments.post(request("0"), id: PaymentID(1), state: w.state) }
        let precise = assertRejected(.usage, field: "amount") { try PatientPayments.post(request("10.005"), id: PaymentID(1), state: w.state) }
        XCTAssertTrue(precise?.reason.contains("more than two decimals") ?? false)
        assertRejected(.refused, field: "patient") { try PatientPayments.post(request("5", patient: 99), id: PaymentID(1), state: w.state) }
        assertRejected(.refused, field: "visit") { try PatientPayments.post(request("5", visit: VisitID(101)), id: PaymentID(1), state: w.state) }
        assertRejected(.refused, field: "visit") { try PatientPayments.post(request("5", visit: VisitID(777)), id: PaymentID(1), state: w.state) }
        assertRejected(.usage, field: "method") { try PatientPayments.post(request("5", method: .card), id: PaymentID(1), state: w.state) }
    }

    func testRefundsComeFromCreditThenVisitsAndNeverExceedThePayment() throws {
        var w = try world()
        w.apply([try PatientPayments.post(request("50.00"), id: PaymentID(1), state: w.state)])
        let over = assertRejected(.refused, field: "amount") {
            try PatientPayments.refund(PaymentID(1), amount: "50.01", reason: "overpaid", on: Self.day("2026-12-21"), state: w.state)
        }
        XCTAssertTrue(over?.reason.contains("at most 50.00") ?? false, over?.reason ?? "")
        let r = try PatientPayments.refund(PaymentID(1), amount: "20", reason: "overpaid", on: Self.day("2026-12-21"), state: w.state)
        XCTAssertEqual(r.applications, [PaymentApplication(visit: VisitID(102), amount: Money(cents: 1_000)),
                                        PaymentApplication(visit: VisitID(100), amount: Money(cents: 1_000))])
        w.apply([r])
        XCTAssertEqual(w.state.account(ofPatient: PatientID(1)).patientBalance, Money(cents: 3_500))
        assertRejected(.refused, field: "amount") {
            try PatientPayments.refund(PaymentID(1), amount: "30.01", reason: "again", on: Self.day("2026-12-22"), state: w.state)
        }
        assertRejected(.refused, field: "payment") { try PatientPayments.refund(PaymentID(9), amount: "1", reason: "x", on: Self.day("2026-12-22"), state: w.state) }
        assertRejected(.usage, field: "reason") { try PatientPayments.refund(PaymentID(1), amount: "1", reason: " ", on: Self.day("2026-12-22"), state: w.state) }
        XCTAssertTrue(w.ledger.isBalanced)
    }

    func testAdjustmentsReduceTheBalanceButNeverBelowZero() throws {
        var w = try world()
        assertRejected(.refused, field: "amount") {
            try PatientPayments.adjust(patient: PatientID(1), amount: "40.01", reason: .courtesy, visit: VisitID(100), id: AdjustmentID(1),
                                       on: Self.day("2026-12-20"), state: w.state)
        }
        assertRejected(.refused, field: "amount") {
            try PatientPayments.adjust(patient: PatientID(1), amount: "65.01", reason: .writeOff, visit: nil, id: AdjustmentID(1),
                                       on: Self.day("2026-12-20"), state: w.state)
        }
        let a = try PatientPayments.adjust(patient: PatientID(1), amount: "0.50", reason: try .parse("small-balance"), visit: VisitID(102),
                                           note: "rounding", id: AdjustmentID(1), on: Self.day("2026-12-20"), state: w.state)
        w.apply([a])
        XCTAssertEqual(w.ledger.visits[VisitID(102)]?.patientBalance, Money(cents: 2_450))
        XCTAssertEqual(w.ledger.visits[VisitID(102)]?.adjustments, Money(cents: 2_550))
        XCTAssertThrowsError(try PatientAdjustmentReason.parse("goodwill"))
    }

    func testPaymentPlanSplitsTheBalanceAndShowsMissedInstallments() throws {
        var w = try world()
        assertRejected(.refused, field: "amount") {
            try PaymentPlans.create(patient: PatientID(1), amount: "65.01", installments: 3, start: Self.day("2027-01-31"), id: PaymentPlanID(1),
                                    on: Self.day("2026-12-20"), state: w.state)
        }
        assertRejected(.usage, field: "installments") {
            try PaymentPlans.create(patient: PatientID(1), amount: "60", installments: 0, start: Self.day("2027-01-31"), id: PaymentPlanID(1),
                                    on: Self.day("2026-12-20"), state: w.state)
        }
        assertRejected(.usage, field: "start") {
            try PaymentPlans.create(patient: PatientID(1), amount: "60", installments: 3, start: Self.day("2026-12-01"), id: PaymentPlanID(1),
                                    on: Self.day("2026-12-20"), state: w.state)
        }
        let plan = try PaymentPlans.create(patient: PatientID(1), amount: "65.00", installments: 3, start: Self.day("2027-01-31"),
                                           id: PaymentPlanID(1), on: Self.day("2026-12-20"), state: w.state)
        XCTAssertEqual(plan.installments.map(\.due.description), ["2027-01-31", "2027-02-28", "2027-03-31"])
        XCTAssertEqual(plan.installments.map(\.amount.cents), [2_167, 2_167, 2_166])
        w.apply([plan])
        XCTAssertEqual(try PaymentPlans.missed(PaymentPlanID(1), asOf: Self.day("2027-01-31"), state: w.state), [], "due that day is not missed yet")
        XCTAssertEqual(try PaymentPlans.missed(PaymentPlanID(1), asOf: Self.day("2027-02-01"), state: w.state).count, 1)
        w.apply([try PatientPayments.post(PatientPaymentRequest(patient: PatientID(1), amount: "21.67", method: .check, reference: "1001",
                                                                receivedOn: Self.day("2027-02-03")), id: PaymentID(1), state: w.state)])
        XCTAssertEqual(try PaymentPlans.missed(PaymentPlanID(1), asOf: Self.day("2027-02-05"), state: w.state), [])
        XCTAssertEqual(try PaymentPlans.missed(PaymentPlanID(1), asOf: Self.day("2027-04-01"), state: w.state).map(\.due.description),
                       ["2027-02-28", "2027-03-31"])
        assertRejected(.refused, field: "plan") { try PaymentPlans.missed(PaymentPlanID(7), asOf: Self.day("2027-04-01"), state: w.state) }
    }

    func testCardGatewayNeverExposesTheCardNumber() throws {
        var w = try world()
        let pan = "4242424242424242"
        let card = try CardNumber("4242 4242 4242 4242")
        XCTAssertEqual("\(card)", "card ending 4242")
        XCTAssertFalse(String(reflecting: card).contains("42424242"))
        var dumped = ""
        dump(card, to: &dumped)
        XCTAssertFalse(dumped.contains("42424242"), dumped)
        let bad = assertValueError { try CardNumber("4242424242424241") }
        XCTAssertFalse(bad?.description.contains("424242") ?? true)
        guard case .declined(let why) = LocalTestGateway().charge(try CardNumber("4000000000000002"), amount: Money(cents: 2_500), reference: "PY1") else {
            return XCTFail("the decline test number was approved")
        }
        XCTAssertEqual(why, "card declined")
        guard case .approved(let auth) = LocalTestGateway().charge(card, amount: Money(cents: 2_500), reference: "PY1") else {
            return XCTFail("4242… should be approved")
        }
        XCTAssertEqual(auth.last4, "4242")
        XCTAssertTrue(auth.token.hasPrefix("tok_test_"))
        XCTAssertFalse(auth.token.contains("424242"))
        assertRejected(.refused, field: "amount") {
            try PatientPayments.post(request("30.00", method: .card, card: auth), id: PaymentID(1), state: w.state)
        }
        let payment = try PatientPayments.post(request("25.00", method: .card, card: auth), id: PaymentID(1), state: w.state)
        XCTAssertEqual(payment.cardLast4, "4242")
        let bytes = payment.encoded()
        XCTAssertNil(String(decoding: bytes, as: UTF8.self).range(of: pan))
        XCTAssertFalse(payment.json.rendered.contains("42424242"), payment.json.rendered)
        XCTAssertEqual(try PatientPaymentPosted.decode(bytes, schemaVersion: 1), payment)
        w.apply([payment])
        XCTAssertThrowsError(try CardAuthorization(token: "tok_\(pan)", last4: "4242", amount: Money(cents: 1)))
        XCTAssertTrue(LocalTestGateway().refund(token: auth.token, amount: Money(cents: 500)))
    }

    func testStatementShowsVisitsInsuranceWhatIsOwedAgingAndStub() throws {
        var w = try world()
        w.apply([try PatientPayments.post(request("10.00", visit: VisitID(100)), id: PaymentID(1), state: w.state)])
        assertRejected(.refused, field: "patient") {
            try Statements.issue(patient: PatientID(1), asOf: Self.day("2027-02-15"), id: StatementID(1), minBalance: Money(cents: 10_000), state: w.state)
        }
        let s = try Statements.issue(patient: PatientID(1), asOf: Self.day("2027-02-15"), id: StatementID(1), minBalance: Money(cents: 500), state: w.state)
        XCTAssertEqual(s.issued.balance, Money(cents: 5_500))
        XCTAssertEqual(s.issued.aging.days61to90, Money(cents: 5_500), "seen 2026-12-01/02, 75 days before")
        XCTAssertEqual(s.issued.aging.total, w.state.account(ofPatient: PatientID(1)).patientBalance, "aging reconciles to the ledger")
        XCTAssertEqual(s.visits.map(\.visit), [VisitID(100), VisitID(102)])
        XCTAssertEqual(s.visits[0].account.payerPayments, Money(cents: 10_000))
        let text = s.text
        for needle in ["STATEMENT ST1", "Visit V100 on 2026-12-01", "99213", "Insurance paid", "You owe for this visit", "61-90 days 55.00",
                       "AMOUNT DUE: 55.00", "Amount enclosed", "Account: PT1"] {
            XCTAssertTrue(text.contains(needle), "text lacks \(needle):\n\(text)")
        }
        let html = s.html
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("Amount due: <b>55.00</b>"), html)
        XCTAssertTrue(html.contains("José Núñez"))
        XCTAssertEqual(StatementRenderer.escape("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;")
        // As of the day before the payer's remittance, nothing was the patient's yet.
        let early = try Statements.issue(patient: PatientID(1), asOf: Self.day("2026-12-05"), id: StatementID(2), state: w.state)
        XCTAssertEqual(early.issued.balance, .zero)
        XCTAssertEqual(early.visits.first?.account.insuranceBalance, Money(cents: 16_050))
        w.apply([s.issued])
        XCTAssertEqual(w.state.receivables.statements[StatementID(1)], s.issued)
    }
}

func assertValueError<T>(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T) -> ValueError? {
    do {
        _ = try body()
        XCTFail("expected a ValueError", file: file, line: line)
    } catch let e as ValueError {
        return e
    } catch {
        XCTFail("unexpected \(error)", file: file, line: line)
    }
    return nil
}
