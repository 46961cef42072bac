import Foundation
import RevenueCycle
import XCTest

/// Credits apart from debts (issue 15, item 10): one patient's credit never nets against
/// another's debt in an aging bucket; `report ar-aging` shows a credit-balance line and
/// `report credits` lists who is owed, while debts − credits still reconcile to the ledger.
final class CreditBalanceTests: XCTestCase {
    /// PT1001 owes 125.00 on a self-pay visit and pays 200.00 (75.00 credit); PT1002 owes 35.50.
    private func practice() throws -> ClaimsFixture {
        let f = try ClaimsFixture()
        let own = try f.visit(selfPay: true)
        try f.ok(["charge", "add", own, "--code", "99213", "--dx", "E11.9"])
        let other = try f.visit(patient: f.patient2, hour: 10, selfPay: true)
        try f.ok(["charge", "add", other, "--code", "87880", "--dx", "J02.0"])
        try f.ok(["payment", "post", "--patient", f.patient, "--amount", "200.00", "--method", "cash", "--visit", own])
        return f
    }

    func testTheAgingKeepsAPatientsCreditOutOfOtherPatientsBucketsAndStillReconciles() throws {
        let f = try practice()
        let aging = try f.json(["report", "ar-aging", "--json"], as: "sam")
        let patient = try XCTUnwrap(aging["patient"] as? [String: Any])
        XCTAssertEqual(cents(patient["0-30"]), 3_550, "only PT1002's debt; it was -39.50 when PT1001's credit netted in")
        let credits = try XCTUnwrap(aging["credits"] as? [String: Any])
        XCTAssertEqual(cents(credits["patient"]), 7_500)
        XCTAssertEqual(credits["patients"] as? Int, 1)
        XCTAssertEqual(cents(aging["debts"]), 3_550)
        XCTAssertEqual(cents(aging["total"]), -3_950, "debts − credits")
        XCTAssertEqual(aging["reconciled"] as? Bool, true)
        let owed = try [f.patient, f.patient2].map { cents(try f.json(["balance", "show", $0], as: "sam")["patientBalance"]) ?? 0 }
        XCTAssertEqual(owed, [-7_500, 3_550], "the ledger's patient balances")
        try assertLedgerReadModelMatchesTheFold(f) { ledger in
            XCTAssertEqual(ledger.practice.openBalance, Money(cents: -3_950), "the ledger's open balance")
        }

        let table = try f.ok(["report", "ar-aging", "--by", "patient"], as: "sam").stdout
        XCTAssertTrue(table.contains("credit balances (owed back, not in the buckets): patients 75.00 (1 patients"), table)
        XCTAssertTrue(table.contains("debts 35.50 − credits 75.00 = -39.50"), table)
        XCTAssertTrue(table.contains("to the cent"), table)
        let creditRow = table.split(separator: "\n").first { $0.contains("PT1001") && $0.contains("patient credit") }
        XCTAssertTrue(creditRow?.contains("-75.00") == true, table)
        XCTAssertFalse(table.split(separator: "\n").contains { $0.hasPrefix("total") && $0.contains(" -") && $0.contains("patient ") && !$0.contains("credits") },
                       "no debt bucket of the total is negative:\n\(table)")
    }

    func testReportCreditsListsPatientsOwedMoneyAsTableJSONAndCSV() throws {
        let f = try practice()
        let listed = try JSONArray(try f.ok(["report", "credits", "--json"], as: "sam").stdout)
        XCTAssertEqual(listed.count, 1)
        XCTAssertEqual(listed.first?["patient"] as? String, f.patient)
        XCTAssertEqual(listed.first?["name"] as? String, "Garcia, Maria")
        XCTAssertEqual(cents(listed.first?["credit"]), 7_500)
        let csv = try f.ok(["report", "credits", "--csv"], as: "sam").stdout
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }, ["patient,name,credit", "PT1001,\"Garcia, Maria\",75.00"])
        let table = try f.ok(["report", "credits"], as: "sam").stdout
        XCTAssertTrue(table.contains("total 75.00 owed to 1 patient as of"), table)
        // Before the payment there was no credit.
        let before = try f.ok(["report", "credits", "--as-of", f.dateOfService.adding(days: -1).description], as: "sam").stdout
        XCTAssertTrue(before.hasPrefix("no patient has a credit balance as of"), before)
        assertRefused(try f.run(["report", "credits", "--as-of", "2026-02-30"], as: "sam"), status: 2, mentioning: "--as-of")
    }
}

/// The same mistake in one patient's views: an unapplied payment was a negative 0–30 beside an older debt.
final class PatientAgingCreditTests: XCTestCase {
    func testAPatientsUnappliedPaymentPaysTheirOldestBalanceInBalanceShowAndStatements() throws {
        let f = try ClaimsFixture()
        let old = try f.visit(daysLater: -40, selfPay: true)   // 43 days before today
        try f.ok(["charge", "add", old, "--code", "99213", "--dx", "E11.9"])
        try f.ok(["payment", "post", "--patient", f.patient, "--amount", "30.00", "--method", "cash"])   // not applied to a visit
        let aging = try XCTUnwrap(try f.json(["balance", "show", f.patient], as: "sam")["aging"] as? [String: Any])
        XCTAssertEqual(cents(aging["0-30"]), 0, "was -30.00")
        XCTAssertEqual(cents(aging["31-60"]), 9_500, "125.00 less the 30.00 credit")
        let folder = try f.folder().appendingPathComponent("statements")
        let run = try f.json(["statement", "run", "--as-of", f.dateOfService.adding(days: 3).description, "--out", folder.path])
        let issued = try XCTUnwrap((run["statements"] as? [[String: Any]])?.first)
        XCTAssertEqual(cents(issued["balance"]), 9_500)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        let text = try String(contentsOf: folder.appendingPathComponent(try XCTUnwrap(files.first)), encoding: .utf8)
        XCTAssertTrue(text.contains("31-60 days 95.00"), text)
        XCTAssertFalse(text.contains("-30.00"), text)
    }
}
