import Foundation
import XCTest

/// Payments no careful biller posts silently (issue 15, item 9): a second full payment
/// on a claim already paid is posted and flagged into `queue show overpayments`; a
/// negative payment that is not a reversal (CLP02 22) goes to suspense with the reason.
final class OverpaymentTests: XCTestCase {
    /// A status-1 claim payment without lines: CLP04 `paid` on the fixture's 160.50, balanced by one CO-45.
    static func lineless(_ claim: String, dos: String, paid: String, adjustment: String, pcn: String) -> [String] {
        ["CLP*\(claim)*1*160.5*\(paid)**12*\(pcn)", "NM1*QC*1*GARCIA*MARIA****MI*XEH123456789", "DTM*232*\(dos)",
         "CAS*CO*45*\(adjustment)"]
    }

    func testASecondFullPaymentIsPostedAndFlaggedIntoTheOverpaymentsQueue() throws {
        let f = try RemittanceFixture()
        try f.importing(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)]), "paid.835")
        XCTAssertEqual(try f.claims.ok(["queue", "show", "overpayments"], as: "sam").stdout, "no overpaid claims\n",
                       "a payment within the insurance balance is not flagged")

        let again = Self.lineless(f.claim, dos: f.dos, paid: "500", adjustment: "-339.5", pcn: "PCN2")
        let out = try f.importing(Remit835.file(bpr: "500", trace: "EFT0002", claims: [again]), "again.835").stdout
        XCTAssertTrue(out.contains("overpayment flagged: payer paid 500.00 on \(f.claim) with 0.00 open with insurance"), out)
        XCTAssertTrue(out.contains("queue show overpayments"), out)
        let queue = try JSONArray(try f.claims.ok(["queue", "show", "overpayments", "--json"], as: "sam").stdout)
        XCTAssertEqual(queue.count, 1)
        XCTAssertEqual(queue.first?["claim"] as? String, f.claim)
        XCTAssertEqual(cents(queue.first?["paid"]), 50_000)
        XCTAssertEqual(cents(queue.first?["insuranceBalance"]), -16_050, "the credit owed back to the payer")
        XCTAssertTrue((queue.first?["reason"] as? String ?? "").contains("more than the claim's insurance balance"))
        let table = try f.claims.ok(["queue", "show", "overpayments"], as: "sam").stdout
        XCTAssertTrue(table.contains(f.claim) && table.contains("-160.50"), table)
        XCTAssertEqual(cents(try f.balance(["--claim", f.claim])["insuranceBalance"]), -16_050, "posted: the money arrived")
        try assertLedgerReadModelMatchesTheFold(f.claims)
    }

    func testANegativePaymentThatIsNotAReversalGoesToSuspenseWithTheReason() throws {
        let f = try RemittanceFixture()
        try f.importing(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)]), "paid.835")
        let negative = Self.lineless(f.claim, dos: f.dos, paid: "-80", adjustment: "240.5", pcn: "PCN3")
        let out = try f.importing(Remit835.file(bpr: "-80", trace: "EFT0003", claims: [negative]), "negative.835").stdout
        XCTAssertTrue(out.contains("claims posted 0") && out.contains("suspense items 1 (-80.00)"), out)
        XCTAssertTrue(out.contains("negative payment -80.00 for \(f.claim) with CLP02 1, not a reversal (22)"), out)
        let items = try JSONArray(try f.claims.ok(["queue", "show", "suspense", "--json"], as: "sam").stdout)
        XCTAssertEqual(items.count, 1)
        XCTAssertTrue((items.first?["reason"] as? String ?? "").contains("not a reversal"))
        let claim = try f.balance(["--claim", f.claim])
        XCTAssertEqual(cents(claim["insuranceBalance"]), 0, "nothing was taken off the claim")
        XCTAssertEqual(cents(claim["payerPayments"]), 10_000)

        // Settled onto the claim by a person, it is posted, and the overpayment it makes is flagged.
        let resolved = try f.claims.ok(["suspense", "resolve", "RM1002#0", "--claim", f.claim]).stdout
        XCTAssertTrue(resolved.contains("overpayment flagged"), resolved)
        try assertLedgerReadModelMatchesTheFold(f.claims)
    }

    func testAReversalIsNeitherSuspendedNorFlaggedAndClearsTheQueue() throws {
        let f = try RemittanceFixture()
        try f.importing(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)]), "paid.835")
        let again = Self.lineless(f.claim, dos: f.dos, paid: "500", adjustment: "-339.5", pcn: "PCN2")
        try f.importing(Remit835.file(bpr: "500", trace: "EFT0002", claims: [again]), "again.835")
        // The payer reverses its second adjudication (CLP02 22, everything negated).
        let reversal = ["CLP*\(f.claim)*22*-160.5*-500**12*PCN2", "NM1*QC*1*GARCIA*MARIA****MI*XEH123456789", "DTM*232*\(f.dos)",
                        "CAS*CO*45*339.5"]
        let out = try f.importing(Remit835.file(bpr: "-500", trace: "EFT0004", claims: [reversal]), "reversal.835").stdout
        XCTAssertTrue(out.contains("claims posted 1") && out.contains("suspense items 0"), out)
        XCTAssertFalse(out.contains("overpayment flagged"), out)
        XCTAssertEqual(cents(try f.balance(["--claim", f.claim])["insuranceBalance"]), 0)
        XCTAssertEqual(try f.claims.ok(["queue", "show", "overpayments"], as: "sam").stdout, "no overpaid claims\n",
                       "the claim leaves the queue once its insurance balance is back to zero")
        try assertLedgerReadModelMatchesTheFold(f.claims)
    }
}

extension OverpaymentTests {
    func testAReversalOfMoreThanWasPaidGoesToSuspenseWithTheReason() throws {
        let f = try RemittanceFixture()
        try f.importing(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)]), "paid.835")
        // 100.00 was paid; a "reversal" of 500.00 takes back money that was never paid.
        let reversal = ["CLP*\(f.claim)*22*-160.5*-500**12*PCN777", "NM1*QC*1*GARCIA*MARIA****MI*XEH123456789", "DTM*232*\(f.dos)",
                        "CAS*CO*45*339.5"]
        let out = try f.importing(Remit835.file(bpr: "-500", trace: "EFT0009", claims: [reversal]), "reversal.835").stdout
        XCTAssertTrue(out.contains("claims posted 0") && out.contains("suspense items 1 (-500.00)"), out)
        XCTAssertTrue(out.contains("reversal takes back 500.00 on \(f.claim) but only 100.00 was paid on it"), out)
        XCTAssertEqual(cents(try f.balance(["--claim", f.claim])["payerPayments"]), 10_000, "the claim is untouched")
        // The true reversal of the 100.00 posts.
        let exact = Remit835.paid(f.claim, dos: f.dos, sign: "-", status: "22")
        XCTAssertTrue(try f.importing(Remit835.file(bpr: "-100", trace: "EFT0010", claims: [exact]), "exact.835").stdout.contains("claims posted 1"))
        XCTAssertEqual(cents(try f.balance(["--claim", f.claim])["payerPayments"]), 0)
        try assertLedgerReadModelMatchesTheFold(f.claims)
    }
}
