import EventLog
import Foundation
import RevenueCycle
import XCTest

/// The visit's financial class through the binary (issue 15, item 8): `check-in --self-pay`
/// wins over active coverage and says so; the ledger, `claim create` and `statement run`
/// follow the class; `visit financial-class` is the one recorded way to change it.
final class FinancialClassCommandTests: XCTestCase {
    private func balance(_ f: ClaimsFixture) throws -> [String: Any] { try f.json(["balance", "show", f.patient], as: "sam") }

    private func statements(_ f: ClaimsFixture, _ name: String) throws -> [[String: Any]] {
        let folder = try f.folder().appendingPathComponent(name)
        let run = try f.json(["statement", "run", "--as-of", f.dateOfService.adding(days: 1).description, "--out", folder.path])
        return run["statements"] as? [[String: Any]] ?? []
    }

    func testSelfPayAtCheckInWithActiveCoverageBillsThePatientUntilTheClassIsChanged() throws {
        let f = try ClaimsFixture()
        let appointment = try f.bookedAppointment()
        let checkIn = try f.ok(["check-in", appointment, "--self-pay"], as: "jo").stdout
        XCTAssertTrue(checkIn.contains("copay due 0.00 (self-pay)"), checkIn)
        XCTAssertTrue(checkIn.contains("coverage CV1001 is active but not used"), checkIn)
        let visit = try XCTUnwrap(try f.json(["check-out", appointment], as: "jo")["visit"] as? String)
        try f.ok(["charge", "add", visit, "--code", "99213", "--dx", "E11.9"])

        try assertRefusedAndNothingAppended(f.practice, ["claim", "create", visit], as: "bill", status: 1,
                                            mentioning: "\(visit) is self-pay (its financial class)")
        let refused = try f.run(["claim", "create", visit])
        XCTAssertTrue(refused.stderr.contains("practica visit financial-class \(visit) --insurance --reason"), refused.stderr)
        XCTAssertEqual(cents(try balance(f)["patientBalance"]), 12_500, "the ledger bills the patient")
        XCTAssertEqual(cents(try balance(f)["insuranceBalance"]), 0)
        let billed = try statements(f, "before")
        XCTAssertEqual(billed.compactMap { $0["patient"] as? String }, [f.patient])
        XCTAssertEqual(cents(billed.first?["balance"]), 12_500, "the statement bills the patient the full charge")

        let changed = try f.ok(["visit", "financial-class", visit, "--insurance", "--reason", "card found after the visit"]).stdout
        XCTAssertTrue(changed.contains("\(visit) is now insurance (coverage CV1001, payer PA1001)"), changed)
        XCTAssertEqual(cents(try balance(f)["patientBalance"]), 0)
        XCTAssertEqual(cents(try balance(f)["insuranceBalance"]), 12_500, "the ledger now bills the payer")
        XCTAssertEqual(try statements(f, "after").count, 0, "no statement while insurance has the charge")
        let claim = try XCTUnwrap(try f.json(["claim", "create", visit])["claim"] as? String)
        try assertRefusedAndNothingAppended(f.practice, ["visit", "financial-class", visit, "--self-pay", "--reason", "x"], as: "bill",
                                            status: 1, mentioning: "has claim \(claim)")
        try assertLedgerReadModelMatchesTheFold(f)
    }

    func testInsuredVisitChangedToSelfPayCannotBeClaimedAndIsOnTheStatement() throws {
        let f = try ClaimsFixture()
        let visit = try f.visit()   // checked in with CV1001
        try f.ok(["charge", "add", visit, "--code", "99213", "--dx", "E11.9"])
        XCTAssertEqual(cents(try balance(f)["insuranceBalance"]), 12_500)
        XCTAssertEqual(try statements(f, "insured").count, 0)
        try f.ok(["visit", "financial-class", visit, "--self-pay", "--reason", "patient declined to use insurance"])
        XCTAssertEqual(cents(try balance(f)["patientBalance"]), 12_500)
        try assertRefusedAndNothingAppended(f.practice, ["claim", "create", visit], as: "bill", status: 1, mentioning: "is self-pay")
        XCTAssertEqual(cents(try statements(f, "self-pay").first?["balance"]), 12_500)
        var recorded: [VisitFinancialClassChanged] = []
        try EventStore.open(at: f.store).scan(from: 1) { e in
            if e.typeName == VisitFinancialClassChanged.typeName {
                recorded.append(try VisitFinancialClassChanged.decode(e.payload, schemaVersion: e.schemaVersion))
                XCTAssertEqual(e.actor, "bill")
                XCTAssertEqual(e.stream, "visit-\(visit)")
            }
            return true
        }
        XCTAssertEqual(recorded.map(\.reason), ["patient declined to use insurance"])
        XCTAssertEqual(recorded.first?.coverage, nil)
        try assertLedgerReadModelMatchesTheFold(f)
    }

    func testAChangeIsRefusedForUsageAndPermissionMistakes() throws {
        let f = try ClaimsFixture()
        let visit = try f.visit()
        try assertRefusedAndNothingAppended(f.practice, ["visit", "financial-class", visit, "--reason", "x"], as: "bill", status: 2,
                                            mentioning: "exactly one of --self-pay or --insurance")
        try assertRefusedAndNothingAppended(f.practice, ["visit", "financial-class", visit, "--self-pay", "--insurance", "--reason", "x"],
                                            as: "bill", status: 2, mentioning: "exactly one")
        try assertRefusedAndNothingAppended(f.practice, ["visit", "financial-class", visit, "--self-pay"], as: "bill", status: 2,
                                            mentioning: "--reason")
        try assertRefusedAndNothingAppended(f.practice, ["visit", "financial-class", visit, "--insurance", "--reason", "x"], as: "bill",
                                            status: 1, mentioning: "already insurance")
        try assertRefusedAndNothingAppended(f.practice, ["visit", "financial-class", "V9999", "--self-pay", "--reason", "x"], as: "bill",
                                            status: 1, mentioning: "unknown visit V9999")
        try assertRefusedAndNothingAppended(f.practice, ["visit", "financial-class", visit, "--self-pay", "--reason", "x"], as: "jo",
                                            status: 1, mentioning: "jo")
    }
}
