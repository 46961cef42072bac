import Foundation
import XCTest

/// Reports under the input rule and the JSON convention (issue 15 #14 and review):
/// ranges are capped, the running month of days in A/R ends today and says so,
/// and every `--json` output writes money, days and percentages the one way the README names.
final class ReportRulesTests: XCTestCase {
    static let demo = DemoStore.make(months: 2, patients: 120, seed: 5)
    /// The demo ends on 2026-11-20; "now" for the commands is that afternoon in Chicago.
    static let clock = ["PRACTICA_CLOCK": "2026-11-20T22:00:00Z"]

    func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments + ["--store", Self.demo.path, "--as", "maria"], environment: Self.clock)
    }

    func testReportRangesAreCappedWithAClearMessage() throws {
        XCTAssertEqual(Self.demo.status, 0, Self.demo.output)
        for report in ["kpi", "days-in-ar", "activity"] {
            assertRefused(try run(["report", report, "--from", "0001-01-01", "--to", "9999-12-31"]), status: 2,
                          mentioning: "--from: invalid date \"0001-01-01\": must be between 1900-01-01 and 2199-12-31")
            let long = try run(["report", report, "--from", "1990-01-01", "--to", "2026-12-31"])
            assertRefused(long, status: 2, mentioning: "longer than 20 years")
            XCTAssertTrue(long.stderr.contains("at most 20 years"), long.stderr)
        }
        assertRefused(try run(["report", "ar-aging", "--as-of", "1899-12-31"]), status: 2, mentioning: "--as-of")
        assertRefused(try run(["report", "dashboard", "--out", NSTemporaryDirectory() + "x", "--to", "9999-12-31"]), status: 2, mentioning: "--to")
        XCTAssertEqual(try run(["report", "kpi", "--from", "2006-12-01", "--to", "2026-11-30"]).status, 0, "twenty years is allowed")
    }

    func testDaysInARsRunningMonthEndsTodayAndIsLabelled() throws {
        let table = try run(["report", "days-in-ar", "--from", "2026-09-01", "--to", "2026-12-31", "--ascii"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("2026-10-31 "), table.stdout)
        XCTAssertTrue(table.stdout.contains("2026-11-20 (month to date)"), table.stdout)
        XCTAssertFalse(table.stdout.contains("2026-11-30"), "the running month does not end in the future: \(table.stdout)")
        XCTAssertFalse(table.stdout.contains("2026-12-31"), "a month that has not begun is left out: \(table.stdout)")
        let json = try JSONArray(try run(["report", "days-in-ar", "--from", "2026-10-01", "--to", "2026-11-30", "--json"]).stdout)
        XCTAssertEqual(json.map { $0["monthEnd"] as? String }, ["2026-10-31", "2026-11-20"])
        XCTAssertEqual(json.map { $0["monthToDate"] as? Bool }, [false, true])
        // The month-end close says the same of the running month.
        let activity = try run(["report", "activity", "--from", "2026-10-01", "--to", "2026-12-31"])
        XCTAssertEqual(activity.status, 0, activity.stderr)
        XCTAssertTrue(activity.stdout.contains("2026-11 (month to date)"), activity.stdout)
        XCTAssertFalse(activity.stdout.contains("2026-12"), activity.stdout)
        XCTAssertTrue(activity.stdout.contains("to the cent"), activity.stdout)
    }

    /// Every listing and report with `--json`: money keys hold numbers with exactly two
    /// decimals, days one decimal, and no scaled integers or unit keys anywhere.
    func testEveryJSONOutputFollowsOneConventionForMoneyDaysAndPercentages() throws {
        let outputs: [[String]] = [
            ["report", "ar-aging"], ["report", "ar-aging", "--by", "payer"], ["report", "kpi", "--from", "2026-10-01", "--to", "2026-11-20"],
            ["report", "days-in-ar", "--from", "2026-10-01", "--to", "2026-11-20"], ["report", "activity", "--from", "2026-10-01", "--to", "2026-11-20"],
            ["claims", "list"], ["queue", "show", "denials"], ["queue", "show", "holds"], ["queue", "show", "suspense"],
            ["fee", "list"], ["payer", "list"], ["appointments", "list", "--from", "2026-11-01", "--to", "2026-11-20"],
            ["audit", "account", "PT1001"], ["balance", "show", "PT1001"], ["patient", "show", "PT1001"], ["claim", "show", "CL1001"],
        ]
        let moneyKeys: Set<String> = ["amount", "total", "balance", "charges", "payments", "payerPayments", "patientPayments", "adjustments",
                                      "opening", "closing", "receivables", "revenue90", "copay", "insurance", "patient", "paid", "charge",
                                      "insuranceBalance", "patientBalance", "openBalance", "allowed", "fee"]
        let moneyNumber = try NSRegularExpression(pattern: "\"(\\w+)\":(-?[0-9][0-9.]*)")
        for arguments in outputs {
            let r = try run(arguments + ["--json"])
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)), "\(arguments) prints JSON")
            for banned in ["\"cents\"", "tenthsOfDays", "basisPoints", "Unit\":", "Cents\":"] {
                XCTAssertFalse(r.stdout.contains(banned), "\(arguments) uses \(banned): \(r.stdout.prefix(400))")
            }
            let text = r.stdout as NSString
            for match in moneyNumber.matches(in: r.stdout, range: NSRange(location: 0, length: text.length)) {
                let key = text.substring(with: match.range(at: 1)), number = text.substring(with: match.range(at: 2))
                if moneyKeys.contains(key) {
                    XCTAssertNotNil(number.range(of: "^-?[0-9]+\\.[0-9]{2}$", options: .regularExpression),
                                    "\(arguments): money \(key) is \(number), not a two-decimal amount")
                }
                if key == "days" {
                    XCTAssertNotNil(number.range(of: "^-?[0-9]+\\.[0-9]$", options: .regularExpression), "\(arguments): days \(number)")
                }
            }
        }
        let kpi = try JSONArray(try run(["report", "kpi", "--from", "2026-10-01", "--to", "2026-11-20", "--json"]).stdout)
        let collection = kpi.first { ($0["kpi"] as? String)?.hasPrefix("gross collection") == true }
        XCTAssertEqual(collection?["unit"] as? String, "percent", "\(String(describing: collection))")
        XCTAssertEqual(collection?["of"] as? String, "money")
    }
}
