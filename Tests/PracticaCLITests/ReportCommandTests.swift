import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

final class ReportCommandTests: XCTestCase {
    private func billedStore() throws -> String {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store, "--practice", "Lakeside", "--as", "tester"]).status, 0)
        let synth = try CLI.run(["store", "synth", "--billing", "--store", store, "--events", "4000", "--batch", "500"])
        XCTAssertEqual(synth.status, 0, synth.stderr)
        return store
    }

    func testEveryReportRunsAndTheAgingReconcilesToTheLedger() throws {
        let store = try billedStore()
        let json = try CLI.run(["report", "ar-aging", "--store", store, "--as-of", "2026-02-15", "--by", "payer", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertTrue(json.stdout.contains("\"reconciled\":true"), json.stdout)
        let table = try CLI.run(["report", "ar-aging", "--store", store, "--as-of", "2026-03-31"])
        XCTAssertTrue(table.stdout.contains("= ledger open balance"), table.stdout)
        XCTAssertTrue(table.stdout.contains("to the cent"), table.stdout)
        let csv = try CLI.run(["report", "ar-aging", "--store", store, "--by", "provider", "--csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.hasPrefix("provider,name,responsibility,0-30,31-60,61-90,91-120,120+,total"), csv.stdout)
        XCTAssertTrue(csv.stderr.contains("reconciliation"), "the CSV stays parseable; the line goes to stderr")

        let days = try CLI.run(["report", "days-in-ar", "--store", store, "--from", "2026-01-01", "--to", "2026-03-31", "--ascii"])
        XCTAssertEqual(days.status, 0, days.stderr)
        XCTAssertTrue(days.stdout.contains("2026-01-31"), days.stdout)
        XCTAssertTrue(days.stdout.contains("| Target 40.0 days"), days.stdout)

        let kpi = try CLI.run(["report", "kpi", "--store", store, "--from", "2026-01-01", "--to", "2026-03-31", "--by", "month", "--csv"])
        XCTAssertEqual(kpi.status, 0, kpi.stderr)
        XCTAssertTrue(kpi.stdout.contains("2026-02,denial rate,"), kpi.stdout)
        XCTAssertTrue(kpi.stdout.contains("days to pay PA1"), kpi.stdout)

        let activity = try CLI.run(["report", "activity", "--store", store, "--from", "2026-01-01", "--to", "2026-03-31"])
        XCTAssertEqual(activity.status, 0, activity.stderr)
        XCTAssertTrue(activity.stdout.contains("2026-02 "), activity.stdout)
        XCTAssertTrue(activity.stdout.contains("\ntotal "), "three months end with a total row:\n\(activity.stdout)")
        XCTAssertTrue(activity.stdout.contains("to the cent"), activity.stdout)
        let activityCSV = try CLI.run(["report", "activity", "--store", store, "--from", "2026-01-01", "--to", "2026-01-31", "--csv"])
        XCTAssertTrue(activityCSV.stdout.hasPrefix("month,opening A/R,charges,payer payments,patient payments,adjustments,closing A/R"),
                      activityCSV.stdout)
        XCTAssertFalse(activityCSV.stdout.contains("total"), "one month has no total row")
        XCTAssertTrue(activityCSV.stderr.contains("roll-forward"), "the CSV stays parseable; the check goes to stderr")
    }

    func testTheDashboardIsWellFormedAndSelfContained() throws {
        let store = try billedStore()
        let out = store + "-dashboard"
        let result = try CLI.run(["report", "dashboard", "--store", store, "--out", out, "--to", "2026-03-31"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        // XML parsers don't take the HTML5 doctype: parse from the root element.
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        let lower = html.lowercased()
        for forbidden in ["http:", "https:", "<script", "src=", "@import", "url("] {
            XCTAssertFalse(lower.contains(forbidden), "the page refers to \(forbidden)")
        }
        for part in ["Charges and collections", "Month-end close", "Closing A/R", "Days in A/R", "A/R aging", "Denials by reason",
                     "Payer performance", "no-shows", "<svg"] {
            XCTAssertTrue(html.contains(part), "missing \(part)")
        }
    }

    func testReportsRefuseBadUsageWithOneLineAndExitTwo() throws {
        let store = try billedStore()
        let cases: [([String], String)] = [
            (["report", "ar-aging", "--as-of", "2026-02-30"], "--as-of"),
            (["report", "ar-aging", "--by", "room"], "--by: expected one of payer, patient, provider, location"),
            (["report", "kpi", "--from", "2026-03-01", "--to", "2026-01-31"], "is after --to"),
            (["report", "kpi", "--from", "2026-01-01"], "--to"),
            (["report", "kpi", "--from", "2026-01-01", "--to", "2026-02-01", "--by", "week"], "--by: expected month"),
            (["report", "kpi", "--from", "2026-01-01", "--to", "2026-02-01", "--denials", "euros"], "--denials"),
            (["report", "days-in-ar", "--from", "01/01/2026", "--to", "2026-02-01"], "--from"),
            (["report", "days-in-ar", "--from", "2026-05-01", "--to", "2026-02-01"], "is after --to"),
            (["report", "days-in-ar", "--from", "2026-01-01", "--to", "2026-02-01", "--variant", "hfma"], "--variant"),
            (["report", "activity", "--from", "2026-01-01"], "--to"),
            (["report", "activity", "--from", "2026-04-01", "--to", "2026-02-01"], "is after --to"),
            (["report", "activity", "--from", "2026-01-01", "--to", "2026-13-01"], "--to"),
            (["report", "dashboard"], "--out"),
            (["report", "dashboard", "--out", store + "-d", "--to", "yesterday"], "--to"),
        ]
        for (arguments, fragment) in cases {
            assertRefused(try CLI.run(arguments + ["--store", store]), status: 2, mentioning: fragment)
        }
    }

    func testHelpStatesTheDefinitionsAndVariants() throws {
        let kpi = try CLI.run(["report", "kpi", "--help"])
        XCTAssertEqual(kpi.status, 0)
        for text in ["contractual adjustments", "rolling 12 months", "first submission date", "EXAMPLES"] {
            XCTAssertTrue(kpi.stdout.contains(text), "kpi --help lacks \(text)")
        }
        let days = try CLI.run(["report", "days-in-ar", "--help"])
        XCTAssertTrue(days.stdout.contains("practice variant"), days.stdout)
        let aging = try CLI.run(["report", "ar-aging", "--help"])
        XCTAssertTrue(aging.stdout.contains("date of service"), aging.stdout)
        let activity = try CLI.run(["report", "activity", "--help"])
        for text in ["opening A/R", "net of PLB", "suspense"] {
            XCTAssertTrue(activity.stdout.contains(text), "activity --help lacks \(text)")
        }
    }
}
