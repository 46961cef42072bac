import Foundation
import XCTest

/// Insurance coverage through the real binary: dates that make sense and
/// ranks that never collide on the same days.
final class CoverageCommandTests: XCTestCase {
    private func coverage(_ patient: String, rank: String, from: String, to: String? = nil, extra: [String] = []) -> [String] {
        ["coverage", "add", "--patient", patient, "--payer", "PA1001", "--member-id", "XEH123456789", "--rank", rank, "--from", from]
            + (to.map { ["--to", $0] } ?? []) + extra
    }

    func testAddPrimaryAndSecondaryInTheChart() throws {
        let f = try PracticeFixture().withPayer()
        let id = try f.register("Maria", "Garcia", dob: "1980-04-02")
        let added = try f.ok(coverage(id, rank: "primary", from: "2026-01-01", to: "2026-12-31", extra: ["--copay", "25.00"]), as: "jo")
        XCTAssertEqual(added.stdout, "added primary coverage CV1001 for \(id) with PA1001 from 2026-01-01 to 2026-12-31, copay 25.00\n")
        let json = try JSONObject(try f.ok(coverage(id, rank: "secondary", from: "2026-03-01", extra: [
            "--relationship", "spouse", "--subscriber-first", "Luis", "--subscriber-last", "Garcia", "--subscriber-dob", "1978-09-09", "--json",
        ]), as: "bill").stdout)
        XCTAssertEqual(json["coverage"] as? String, "CV1002")
        XCTAssertTrue(json["to"] is NSNull)
        XCTAssertEqual((json["subscriber"] as? [String: Any])?["dateOfBirth"] as? String, "1978-09-09")
        // Coverage lives in the patient's stream; adjacent (non-overlapping) primaries are fine.
        try f.ok(coverage(id, rank: "primary", from: "2027-01-01"), as: "jo")
        let stream = try CLI.run(["log", "show", "--stream", "patient-\(id)", "--store", f.store, "--as", "admin"]).stdout
        XCTAssertEqual(stream.components(separatedBy: "CoverageAdded").count - 1, 3, stream)
        let chart = try JSONObject(try f.ok(["patient", "show", id, "--json"]).stdout)
        XCTAssertEqual((chart["coverages"] as? [[String: Any]])?.compactMap { $0["coverage"] as? String }, ["CV1001", "CV1003", "CV1002"])
    }

    func testCoverageRefusals() throws {
        let f = try PracticeFixture().withPayer()
        let id = try f.register("Maria", "Garcia", dob: "1980-04-02")
        try f.ok(coverage(id, rank: "primary", from: "2026-01-01", to: "2026-12-31"), as: "jo")

        try assertRefusedAndNothingAppended(f, coverage(id, rank: "secondary", from: "2026-06-01", to: "2026-05-31"), as: "jo",
                                            status: 2, mentioning: "--to: invalid date range \"2026-06-01 to 2026-05-31\": ends before it starts")
        try assertRefusedAndNothingAppended(f, coverage(id, rank: "primary", from: "2026-12-31", to: "2027-06-30"), as: "jo",
                                            status: 1, mentioning: "--rank: \(id) already has primary coverage CV1001")
        try assertRefusedAndNothingAppended(f, coverage(id, rank: "primary", from: "2025-06-01"), as: "jo",
                                            status: 1, mentioning: "already has primary coverage")
        try assertRefusedAndNothingAppended(f, coverage(id, rank: "first", from: "2026-01-01"), as: "jo", status: 2, mentioning: "--rank")
        try assertRefusedAndNothingAppended(f, coverage(id, rank: "secondary", from: "2026-02-30"), as: "jo", status: 2, mentioning: "--from")
        try assertRefusedAndNothingAppended(f, coverage("PT4242", rank: "secondary", from: "2026-01-01"), as: "jo",
                                            status: 1, mentioning: "--patient: unknown patient PT4242")
        let unknownPayer = coverage(id, rank: "secondary", from: "2026-01-01").map { $0 == "PA1001" ? "PA2000" : $0 }
        try assertRefusedAndNothingAppended(f, unknownPayer, as: "jo", status: 1, mentioning: "--payer: unknown payer PA2000")
        try assertRefusedAndNothingAppended(f, coverage(id, rank: "secondary", from: "2026-01-01", extra: ["--copay", "-1.00"]), as: "jo",
                                            status: 2, mentioning: "--copay")
        try assertRefusedAndNothingAppended(f, coverage(id, rank: "secondary", from: "2026-01-01", extra: ["--relationship", "child"]),
                                            as: "jo", status: 2, mentioning: "--subscriber-first: required")
        try assertRefusedAndNothingAppended(f, coverage(id, rank: "secondary", from: "2026-01-01", extra: ["--subscriber-first", "Luis"]),
                                            as: "jo", status: 2, mentioning: "--subscriber-first: the patient is the subscriber")
        try assertRefusedAndNothingAppended(f, coverage(id, rank: "secondary", from: "2026-01-01"), as: "sam",
                                            status: 1, mentioning: "sam is auditor")
    }
}
