import Foundation
import XCTest

/// `payment post`, `refund`, `adjust`, `payment-plan` and `statement run` through
/// the real binary, on two self-pay visits of PT1001 (160.50 each, the older first).
final class PatientMoneyTests: XCTestCase {
    struct Desk {
        let f: ClaimsFixture
        let older: String, newer: String
    }

    func desk(_ name: String = #function) throws -> Desk {
        let f = try ClaimsFixture(name)
        let newer = try f.visit(daysLater: 1, selfPay: true)
        let older = try f.visit(hour: 10, selfPay: true)
        for v in [older, newer] {
            try f.ok(["charge", "add", v, "--code", "99213", "--dx", "E11.9"])
            try f.ok(["charge", "add", v, "--code", "87880", "--dx", "J02.0"])
        }
        return Desk(f: f, older: older, newer: newer)
    }

    func owed(_ d: Desk, _ arguments: [String]) throws -> Int64? {
        cents(try d.f.json(["balance", "show"] + arguments, as: "sam")["patientBalance"])
    }

    func testPaymentGoesToTheOldestBalanceFirstOrToTheChosenVisit() throws {
        let d = try desk()
        let paid = try d.f.json(["payment", "post", "--patient", "PT1001", "--amount", "200.00", "--method", "cash"])
        let apps = paid["applications"] as? [[String: Any]] ?? []
        XCTAssertEqual(apps.compactMap { $0["visit"] as? String }, [d.older, d.newer])
        XCTAssertEqual(apps.map { cents($0["amount"]) }, [16_050, 3_950])
        XCTAssertEqual(try owed(d, ["--visit", d.older]), 0)
        XCTAssertEqual(try owed(d, ["--visit", d.newer]), 12_100)
        try d.f.ok(["payment", "post", "--patient", "PT1001", "--amount", "21.00", "--method", "check", "--reference", "1042", "--visit", d.newer])
        XCTAssertEqual(try owed(d, ["--visit", d.newer]), 10_000)
        XCTAssertEqual(try owed(d, ["PT1001"]), 10_000)
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "post", "--patient", "PT1002", "--amount", "5.00", "--method", "cash",
                                                           "--visit", d.older], as: "bill", status: 1, mentioning: "not PT1002's")
        try assertLedgerReadModelMatchesTheFold(d.f)
    }

    func testCardIsChargedThroughTheGatewayAndItsNumberIsNeverKept() throws {
        let d = try desk()
        let out = try d.f.ok(["payment", "post", "--patient", "PT1001", "--amount", "60.00", "--method", "card",
                              "--card-number", "4242424242424242", "--exp", "12/39"]).stdout
        XCTAssertTrue(out.contains("60.00 card from PT1001 (card ending 4242)"), out)
        XCTAssertEqual(try owed(d, ["--visit", d.older]), 10_050)

        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "post", "--patient", "PT1001", "--amount", "60.00", "--method", "card",
                                                           "--card-number", "4000000000000002", "--exp", "12/39"],
                                            as: "bill", status: 1, mentioning: "card ending 0002 was declined")
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "post", "--patient", "PT1001", "--amount", "60.00", "--method", "card",
                                                           "--card-number", "4242424242424241", "--exp", "12/39"],
                                            as: "bill", status: 2, mentioning: "check digit")
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "post", "--patient", "PT1001", "--amount", "60.00", "--method", "card",
                                                           "--card-number", "4242424242424242", "--exp", "01/20"],
                                            as: "bill", status: 1, mentioning: "expired")
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "post", "--patient", "PT1001", "--amount", "60.00", "--method", "cash",
                                                           "--card-number", "4242424242424242", "--exp", "12/39"],
                                            as: "bill", status: 2, mentioning: "only card payments")

        let tail = try d.f.ok(["log", "tail", "-n", "1000", "--json"], as: "sam").stdout
        XCTAssertTrue(tail.contains("\"cardLast4\":\"4242\"") || tail.contains("4242"), "the last four are kept")
        for number in ["4242424242424242", "4000000000000002", "4242424242424241"] {
            XCTAssertFalse(tail.contains(number), "log tail shows a card number")
            XCTAssertFalse(try storeBytesContain(d.f.store, number), "a data file holds a card number")
        }
    }

    /// Reads every file of the store (log, views, tables) looking for `text`'s bytes.
    func storeBytesContain(_ store: String, _ text: String) throws -> Bool {
        let needle = Data(text.utf8)
        let files = FileManager.default.enumerator(atPath: store)?.compactMap { $0 as? String } ?? []
        XCTAssertFalse(files.isEmpty)
        return try files.contains { name in
            var isDirectory: ObjCBool = false
            let path = store + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return false }
            return try Data(contentsOf: URL(fileURLWithPath: path)).range(of: needle) != nil
        }
    }

    func testRefundsAdjustmentsAndBadAmounts() throws {
        let d = try desk()
        let payment = try d.f.json(["payment", "post", "--patient", "PT1001", "--amount", "50.00", "--method", "cash"])["payment"] as? String ?? "?"
        try assertRefusedAndNothingAppended(d.f.practice, ["refund", payment, "--amount", "50.01", "--reason", "oops"], as: "bill", status: 1,
                                            mentioning: "at most 50.00")
        try d.f.ok(["refund", payment, "--amount", "20.00", "--reason", "overpaid"])
        try assertRefusedAndNothingAppended(d.f.practice, ["refund", payment, "--amount", "30.01", "--reason", "again"], as: "bill", status: 1,
                                            mentioning: "at most 30.00")
        XCTAssertEqual(try owed(d, ["PT1001"]), 32_100 - 3_000)

        for bad in ["--amount=-5.00", "--amount=5.001", "--amount=0.00", "--amount=abc"] {
            try assertRefusedAndNothingAppended(d.f.practice, ["payment", "post", "--patient", "PT1001", bad, "--method", "cash"], as: "bill",
                                                status: 2, mentioning: "--amount")
        }
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "post", "--patient", "PT9999", "--amount", "5.00", "--method", "cash"],
                                            as: "bill", status: 1, mentioning: "PT9999")
        // Front desk may take a copay on today's visit only (issue 15); any other payment is a biller's.
        try assertRefusedAndNothingAppended(d.f.practice, ["payment", "post", "--patient", "PT1001", "--amount", "5.00", "--method", "cash"],
                                            as: "jo", status: 1, mentioning: "only as a copay")
        try assertRefusedAndNothingAppended(d.f.practice, ["adjust", "--patient", "PT1001", "--amount", "500.00", "--reason", "courtesy"],
                                            as: "bill", status: 1, mentioning: "more than the open patient balance")
        try d.f.ok(["adjust", "--patient", "PT1001", "--amount", "1.00", "--reason", "small-balance", "--visit", d.newer])
        XCTAssertEqual(try owed(d, ["PT1001"]), 29_000)
        try assertLedgerReadModelMatchesTheFold(d.f)
    }

    func testPaymentPlansAboveTheBalanceAreRefusedAndMissedInstallmentsShow() throws {
        let d = try desk()
        let today = try d.f.json(["balance", "show", "PT1001"], as: "sam")
        XCTAssertEqual(cents(today["patientBalance"]), 32_100)
        let start = d.f.dateOfService.adding(days: 10).description
        try assertRefusedAndNothingAppended(d.f.practice, ["payment-plan", "create", "--patient", "PT1001", "--amount", "321.01",
                                                           "--installments", "3", "--start", start], as: "bill", status: 1, mentioning: "open balance")
        let plan = try d.f.json(["payment-plan", "create", "--patient", "PT1001", "--amount", "300.00", "--installments", "3", "--start", start])
        XCTAssertEqual((plan["installments"] as? [[String: Any]])?.map { cents($0["amount"]) }, [10_000, 10_000, 10_000])
        try d.f.ok(["payment", "post", "--patient", "PT1001", "--amount", "100.00", "--method", "cash"])
        // A month and a few days after the start two installments were due, and one was paid.
        let later = d.f.dateOfService.adding(days: 45).description
        let shown = try JSONArray(try d.f.ok(["payment-plan", "show", "PT1001", "--as-of", later, "--json"], as: "sam").stdout)
        XCTAssertEqual((shown.first?["missed"] as? [String])?.count, 1)
        let table = try d.f.ok(["payment-plan", "show", "PT1001", "--as-of", later], as: "sam").stdout
        XCTAssertTrue(table.contains("1 missed") && table.contains("MISSED"), table)
        try assertRefused(try d.f.run(["payment-plan", "create", "--patient", "PT1001", "--amount", "10.00", "--installments", "2",
                                       "--start", start, "--every", "week"]), status: 2, mentioning: "--every")
    }

    func testStatementRunWritesOneHTMLAndOneTextFilePerPatientOwing() throws {
        let d = try desk()
        try d.f.ok(["payment", "post", "--patient", "PT1001", "--amount", "21.00", "--method", "cash", "--visit", d.newer])
        let small = try d.f.visit(patient: "PT1002", selfPay: true)
        try d.f.ok(["charge", "add", small, "--code", "36415", "--dx", "E11.9", "--amount", "3.00", "--reason", "lab fee"])
        let folder = try d.f.folder().appendingPathComponent("statements")
        let asOf = d.f.dateOfService.adding(days: 40).description
        // A statement may not be dated after today (issue 15 #13): the run happens on its as-of day.
        let onTheDay = ["PRACTICA_CLOCK": "\(asOf)T23:00:00Z"]
        func statementRun(_ extra: [String]) throws -> CLIResult {
            try CLI.run(["statement", "run", "--as-of", asOf] + extra + ["--store", d.f.practice.store, "--as", "bill"], environment: onTheDay)
        }
        try assertRefused(try d.f.run(["statement", "run", "--as-of", asOf, "--out", folder.path]), status: 2, mentioning: "--as-of: \(asOf) is in the future")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
        let runResult = try statementRun(["--out", folder.path, "--json"])
        XCTAssertEqual(runResult.status, 0, runResult.stderr)
        let run = try JSONObject(runResult.stdout)
        let issued = run["statements"] as? [[String: Any]] ?? []
        XCTAssertEqual(issued.compactMap { $0["patient"] as? String }, ["PT1001"], "PT1002 owes 3.00, below the 5.00 minimum")
        XCTAssertEqual(cents(issued.first?["balance"]), 30_000)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // Statements carry names, addresses and balances: owner only, like the store.
        let modeOf = { (path: String) in ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? -1) & 0o777 }
        XCTAssertEqual(modeOf(folder.path), 0o700)
        for name in files { XCTAssertEqual(modeOf(folder.appendingPathComponent(name).path), 0o600, name) }
        let statement = issued.first?["statement"] as? String ?? "?"
        XCTAssertEqual(files, ["PT1001-\(statement).html", "PT1001-\(statement).txt"])
        let text = try String(contentsOf: folder.appendingPathComponent(files[1]), encoding: .utf8)
        XCTAssertTrue(text.contains("AMOUNT DUE: 300.00"), text)
        XCTAssertTrue(text.contains("31-60 days 300.00"), "both visits are 40-odd days old as of \(asOf):\n\(text)")
        let html = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>") && html.contains("Amount due: <b>300.00</b>"), html)

        let before = try d.f.eventCount()
        try assertRefused(try statementRun(["--out", folder.path]), status: 1, mentioning: "not empty")
        XCTAssertEqual(try d.f.eventCount(), before)
        let none = try statementRun(["--min-balance", "1000.00", "--out", folder.path + "-none"]).stdout
        XCTAssertTrue(none.contains("nothing was written"), none)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "-none"))
        XCTAssertEqual(try d.f.eventCount(), before)
    }
}
