import EventLog
import Foundation
import RevenueCycle
import XCTest

/// `era import` through the real binary, with 835s written for the claim the
/// fixture submitted: payments and their splits, denials into the queue,
/// reversals, PLB, duplicates, and files refused whole.
final class EraImportTests: XCTestCase {
    func testPaymentPostsPaidContractualAndPatientResponsibilityToTheRightAccounts() throws {
        let f = try RemittanceFixture()
        let out = try f.importing(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)]), "paid.835").stdout
        XCTAssertTrue(out.contains("claims posted 1, paid 100.00, adjustments 20.50, patient responsibility 40.00"), out)
        XCTAssertTrue(out.contains("denials opened 0, suspense items 0 (0.00), PLB 0.00"), out)
        XCTAssertEqual(try f.status(), "paid")
        let listed = try JSONArray(try f.claims.ok(["claims", "list", "--status", "paid", "--json"], as: "sam").stdout)
        XCTAssertEqual(listed.compactMap { $0["claim"] as? String }, [f.claim], "the claims read model follows the posting")

        let claim = try f.balance(["--claim", f.claim])
        XCTAssertEqual(cents(claim["charges"]), 16_050)
        XCTAssertEqual(cents(claim["payerPayments"]), 10_000)
        XCTAssertEqual(cents(claim["adjustments"]), 2_050)
        XCTAssertEqual(cents(claim["insuranceBalance"]), 0)
        XCTAssertEqual(cents(claim["patientBalance"]), 4_000)
        let patient = try f.balance([f.claims.patient])
        XCTAssertEqual(cents(patient["patientBalance"]), 4_000, "PR moved to the patient")
        XCTAssertEqual(cents(patient["insuranceBalance"]), 0)
        XCTAssertEqual(cents((patient["aging"] as? [String: Any])?["0-30"]), 4_000)
        let table = try f.claims.ok(["balance", "show", f.claims.patient], as: "sam").stdout
        XCTAssertTrue(table.contains("patient balance 40.00"), table)
        try assertLedgerReadModelMatchesTheFold(f.claims)
    }

    func testDenialLandsInTheQueueWithReadableTextThenIsAppealedAndWrittenOff() throws {
        let f = try RemittanceFixture()
        let out = try f.importing(Remit835.file(bpr: "100", claims: [Remit835.partlyDenied(f.claim, dos: f.dos)]), "denied.835").stdout
        XCTAssertTrue(out.contains("denials opened 1"), out)
        XCTAssertEqual(try f.status(), "partly-paid")
        XCTAssertEqual(try JSONArray(try f.claims.ok(["claims", "list", "--status", "partly-paid", "--json"], as: "sam").stdout).count, 1)
        let queue = try JSONArray(try f.claims.ok(["queue", "show", "denials", "--json"], as: "sam").stdout)
        XCTAssertEqual(queue.count, 1)
        let denial = try XCTUnwrap(queue.first?["denial"] as? String)
        XCTAssertEqual(queue.first?["carc"] as? String, "50")
        XCTAssertEqual(cents(queue.first?["amount"]), 3_550)
        let text = queue.first?["text"] as? String ?? ""
        XCTAssertTrue(text.contains("CO-50: ") && text.lowercased().contains("medical"), text)
        XCTAssertTrue(text.contains("N130: "), text)
        let table = try f.claims.ok(["queue", "show", "denials"], as: "sam").stdout
        XCTAssertTrue(table.contains(denial) && table.contains("CO-50"), table)

        try f.claims.ok(["denial", "appeal", denial, "--reason", "records sent"])
        let appealed = try JSONArray(try f.claims.ok(["queue", "show", "denials", "--json"], as: "sam").stdout)
        XCTAssertEqual(appealed.first?["status"] as? String, "appealed")
        try assertRefusedAndNothingAppended(f.claims.practice, ["denial", "write-off", denial, "--reason", "x", "--amount", "10.00"],
                                            as: "bill", status: 1, mentioning: "whole denied amount")
        let before = cents(try f.balance(["--claim", f.claim])["insuranceBalance"])
        XCTAssertEqual(before, 3_550, "a denied amount stays open with insurance while it is worked")
        let off = try f.claims.ok(["denial", "write-off", denial, "--reason", "not covered"]).stdout
        XCTAssertTrue(off.contains("wrote off 35.50 of \(denial) on \(f.claim)"), off)
        XCTAssertEqual(try f.claims.ok(["queue", "show", "denials"], as: "sam").stdout, "no open denials\n")
        XCTAssertEqual(cents(try f.balance(["--claim", f.claim])["insuranceBalance"]), 0)
        XCTAssertEqual(try f.status(), "paid")
        try assertRefusedAndNothingAppended(f.claims.practice, ["denial", "appeal", denial, "--reason", "again"], as: "bill",
                                            status: 1, mentioning: "written-off")
        try assertLedgerReadModelMatchesTheFold(f.claims)
    }

    func testReversalUndoesThePostingAndAPLBIsPostedToThePractice() throws {
        let f = try RemittanceFixture()
        try f.importing(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)]), "paid.835")
        // The payer takes its payment back (CLP02 22, negated amounts) and pays 12.34 interest (PLB L6, negative = paid to us).
        let reversal = Remit835.file(bpr: "-87.66", trace: "EFT0002", claims: [Remit835.paid(f.claim, dos: f.dos, sign: "-", status: "22")],
                                     plb: ["PLB*1987654328*20261231*L6:INT1*-12.34"])
        let out = try f.importing(reversal, "reversal.835").stdout
        XCTAssertTrue(out.contains("paid -100.00, adjustments -20.50, patient responsibility -40.00"), out)
        XCTAssertTrue(out.contains("PLB -12.34"), out)
        let claim = try f.balance(["--claim", f.claim])
        XCTAssertEqual(cents(claim["payerPayments"]), 0)
        XCTAssertEqual(cents(claim["adjustments"]), 0)
        XCTAssertEqual(cents(claim["insuranceBalance"]), 16_050, "back open with insurance")
        XCTAssertEqual(cents(claim["patientBalance"]), 0)
        XCTAssertEqual(cents(try f.balance([f.claims.patient])["patientBalance"]), 0)
        try assertLedgerReadModelMatchesTheFold(f.claims) { ledger in
            XCTAssertEqual(ledger.practice.payerPayments, Money(cents: 1_234), "interest is payer money")
            XCTAssertEqual(ledger.practice.adjustments, Money(cents: -1_234), "interest is a negative adjustment")
        }
    }

    func testImportingTheSameFileTwicePostsNothingAndSaysSo() throws {
        let f = try RemittanceFixture()
        let path = try f.write(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)]), "paid.835")
        try f.claims.ok(["era", "import", path])
        let before = try f.claims.eventCount()
        let again = try f.claims.ok(["era", "import", path]).stdout
        XCTAssertTrue(again.contains("trace EFT0001 was already imported as RM1001; nothing posted"), again)
        XCTAssertFalse(again.contains("posted RM"), again)
        XCTAssertEqual(try f.claims.eventCount(), before)
    }

    func testUnbalancedFileIsRefusedWholeNamingTheSegmentAndTheDifference() throws {
        let f = try RemittanceFixture()
        let path = try f.write(Remit835.file(bpr: "110", claims: [Remit835.paid(f.claim, dos: f.dos)]), "unbalanced.835")
        try assertRefusedAndNothingAppended(f.claims.practice, ["era", "import", path], as: "bill", status: 1, mentioning: "(BPR): BPR02 says 110.00")
        let result = try f.claims.run(["era", "import", path])
        XCTAssertTrue(result.stderr.contains("segment 4 (BPR)") && result.stderr.contains("off by 10.00"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was posted"), result.stderr)
        XCTAssertEqual(try f.status(), "accepted")
    }

    func testMalformedFileIsRefusedWhole() throws {
        let f = try RemittanceFixture()
        let path = try f.write(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)], seCount: 7), "bad-se.835")
        try assertRefusedAndNothingAppended(f.claims.practice, ["era", "import", path], as: "bill", status: 1, mentioning: "(SE): SE01 says 7 segments")
    }

    func testAnEightThirtyFiveFromAnUnknownPayerIsRefused() throws {
        let f = try RemittanceFixture()
        let path = try f.write(Remit835.file(bpr: "100", payerName: "STRANGER MUTUAL", payerID: "99999",
                                             claims: [Remit835.paid(f.claim, dos: f.dos)]), "stranger.835")
        try assertRefusedAndNothingAppended(f.claims.practice, ["era", "import", path], as: "bill", status: 1,
                                            mentioning: "not one of the practice's payers")
    }

    func testAnUnmatchedClaimPaymentGoesToSuspenseAndIsResolvedToItsClaim() throws {
        let f = try RemittanceFixture()
        // CLP01 is garbled, and the patient control number does not match: suspense, never dropped.
        let garbled = Remit835.paid(f.claim, dos: f.dos).map { $0.replacingOccurrences(of: "CLP*\(f.claim)", with: "CLP*XX\(f.claim)") }
            .map { $0.replacingOccurrences(of: "GARCIA*MARIA****MI*XEH123456789", with: "GARCIA*M****MI*WRONG") }
        let out = try f.importing(Remit835.file(bpr: "150", claims: [garbled, Remit835.unknownClaim(dos: f.dos)]), "garbled.835").stdout
        XCTAssertTrue(out.contains("claims posted 0") && out.contains("suspense items 2 (150.00)"), out)
        let items = try JSONArray(try f.claims.ok(["queue", "show", "suspense", "--json"], as: "sam").stdout)
        XCTAssertEqual(items.compactMap { $0["item"] as? String }, ["RM1001#0", "RM1001#1"])
        XCTAssertEqual(items.first?["patientControlNumber"] as? String, "XX\(f.claim)")
        try assertRefused(try f.claims.run(["suspense", "resolve", "RM1001#0"]), status: 2, mentioning: "--claim")
        let resolved = try f.claims.ok(["suspense", "resolve", "RM1001#0", "--claim", f.claim]).stdout
        XCTAssertTrue(resolved.contains("resolved RM1001#0: posted 100.00 to \(f.claim)"), resolved)
        try f.claims.ok(["suspense", "resolve", "RM1001#1", "--note", "not our patient; returned to payer"])
        XCTAssertEqual(try f.claims.ok(["queue", "show", "suspense"], as: "sam").stdout, "nothing in suspense\n")
        XCTAssertEqual(try f.status(), "paid")
        XCTAssertEqual(cents(try f.balance([f.claims.patient])["patientBalance"]), 4_000)
        try assertLedgerReadModelMatchesTheFold(f.claims)
    }
}

extension XCTestCase {
    /// Folds RevenueCycle's `Ledger` over the store's raw events and compares every account
    /// with what `balance show` reads from the ledger read model.
    func assertLedgerReadModelMatchesTheFold(_ f: ClaimsFixture, file: StaticString = #filePath, line: UInt = #line,
                                             _ more: (Ledger) -> Void = { _ in }) throws {
        var ledger = Ledger()
        let store = try EventStore.open(at: f.store)
        try store.scan(from: 1) { e in
            ledger.apply(try EventRegistry.decode(typeName: e.typeName, schemaVersion: e.schemaVersion, bytes: e.payload))
            return true
        }
        XCTAssertTrue(ledger.isBalanced, ledger.firstUnbalanced ?? "", file: file, line: line)
        let fields: [(String, KeyPath<LedgerAccount, Money>)] = [
            ("charges", \.charges), ("payerPayments", \.payerPayments), ("adjustments", \.adjustments),
            ("patientPayments", \.patientPayments), ("insuranceBalance", \.insuranceBalance), ("patientBalance", \.patientBalance),
        ]
        func check(_ arguments: [String], _ account: LedgerAccount) throws {
            let shown = try f.json(["balance", "show"] + arguments, as: "sam", file: file, line: line)
            for (name, path) in fields {
                XCTAssertEqual(cents(shown[name]), account[keyPath: path].cents, "\(arguments) \(name)", file: file, line: line)
            }
        }
        for (id, account) in ledger.patients { try check([id.description], account) }
        for (id, account) in ledger.visits { try check(["--visit", id.description], account) }
        for (id, account) in ledger.claims { try check(["--claim", id.description], account) }
        more(ledger)
    }
}
