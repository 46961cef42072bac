import Foundation
import XCTest

/// `coverage end|update` and `patient merge --confirm` through the real binary.
final class CoverageCorrectionTests: XCTestCase {
    private func coverage(_ patient: String, rank: String, from: String, to: String? = nil, extra: [String] = []) -> [String] {
        ["coverage", "add", "--patient", patient, "--payer", "PA1001", "--member-id", "XEH123456789", "--rank", rank, "--from", from]
            + (to.map { ["--to", $0] } ?? []) + extra
    }

    private func coverages(_ f: PracticeFixture, _ patient: String) throws -> [[String: Any]] {
        (try JSONObject(try f.ok(["patient", "show", patient, "--json"]).stdout)["coverages"] as? [[String: Any]]) ?? []
    }

    /// The open-ended primary blocked every later primary; ending it makes room, and the chart shows the end.
    func testEndingAnOpenEndedPrimaryLetsTheNextPrimaryBeAdded() throws {
        let f = try PracticeFixture().withPayer()
        let id = try f.register("Maria", "Garcia", dob: "1980-04-02")
        try f.ok(coverage(id, rank: "primary", from: "2026-01-01"), as: "jo")
        try assertRefusedAndNothingAppended(f, coverage(id, rank: "primary", from: "2027-01-01"), as: "jo",
                                            status: 1, mentioning: "already has primary coverage CV1001")

        let ended = try f.ok(["coverage", "end", "CV1001", "--on", "2026-12-31", "--reason", "new employer"], as: "jo")
        XCTAssertEqual(ended.stdout, "ended coverage CV1001 of \(id): last covered day 2026-12-31\n")
        try f.ok(coverage(id, rank: "primary", from: "2027-01-01"), as: "jo")
        let shown = try coverages(f, id)
        XCTAssertEqual(shown.compactMap { $0["coverage"] as? String }, ["CV1001", "CV1002"])
        XCTAssertEqual(shown.first?["to"] as? String, "2026-12-31")
        XCTAssertTrue(shown.last?["to"] is NSNull)

        let stream = try f.ok(["log", "show", "--stream", "patient-\(id)"], as: "sam").stdout
        XCTAssertTrue(stream.contains("CoverageEnded"), stream)
        XCTAssertTrue(stream.contains("new employer"), stream)
        // The decision state agrees with the read model after a fresh fold: a third primary overlapping 2027 is refused.
        try assertRefusedAndNothingAppended(f, coverage(id, rank: "primary", from: "2027-06-01"), as: "jo",
                                            status: 1, mentioning: "already has primary coverage CV1002")
    }

    /// Claims already billed to the coverage for later service are not rewritten: the biller is told which.
    func testEndingNamesClaimsBilledForServiceAfterTheNewEnd() throws {
        let f = try ClaimsFixture()
        let claim = try f.cleanClaim(coverage: "CV1001")
        let dayBefore = f.dateOfService.adding(days: -1).description
        let ended = try f.ok(["coverage", "end", "CV1001", "--on", dayBefore])
        XCTAssertTrue(ended.stderr.contains("note: \(claim) (\(f.dateOfService)) bill CV1001 for service after \(dayBefore); replace or void them"),
                      ended.stderr)
        XCTAssertEqual(try f.ok(["coverage", "end", "CV1002", "--on", dayBefore]).stderr, "", "no claim billed to CV1002")
    }

    func testEndRefusals() throws {
        let f = try PracticeFixture().withPayer()
        let id = try f.register("Maria", "Garcia", dob: "1980-04-02")
        try f.ok(coverage(id, rank: "primary", from: "2026-01-01", to: "2026-06-30"), as: "jo")
        try f.ok(coverage(id, rank: "primary", from: "2026-07-01"), as: "jo")
        try assertRefusedAndNothingAppended(f, ["coverage", "end", "CV1001", "--on", "2025-12-31"], as: "jo",
                                            status: 1, mentioning: "--on: CV1001 starts on 2026-01-01; it cannot end before that")
        try assertRefusedAndNothingAppended(f, ["coverage", "end", "CV1001", "--on", "2026-06-30"], as: "jo",
                                            status: 1, mentioning: "--on: CV1001 already ends on 2026-06-30")
        // Moving the end later would make two primaries on the same days.
        try assertRefusedAndNothingAppended(f, ["coverage", "end", "CV1001", "--on", "2026-08-31"], as: "jo",
                                            status: 1, mentioning: "--on: \(id) would have two primary coverages on the same days")
        try assertRefusedAndNothingAppended(f, ["coverage", "end", "CV9999", "--on", "2026-08-31"], as: "jo",
                                            status: 1, mentioning: "<coverage>: unknown coverage CV9999")
        try assertRefusedAndNothingAppended(f, ["coverage", "end", "CV1001", "--on", "2026-02-30"], as: "jo", status: 2, mentioning: "--on")
        try assertRefusedAndNothingAppended(f, ["coverage", "end", "CV1001"], as: "jo", status: 2, mentioning: "--on")
        try assertRefusedAndNothingAppended(f, ["coverage", "end", "PT1001", "--on", "2026-08-31"], as: "jo", status: 2, mentioning: "<coverage>")
        try assertRefusedAndNothingAppended(f, ["coverage", "end", "CV1002", "--on", "2026-08-31"], as: "sam", status: 1, mentioning: "sam is auditor")
        // Ending earlier is fine.
        try f.ok(["coverage", "end", "CV1001", "--on", "2026-03-31"], as: "bill")
    }

    func testUpdateChangesOnlyTheFieldsGiven() throws {
        let f = try PracticeFixture().withPayer()
        let id = try f.register("Maria", "Garcia", dob: "1980-04-02")
        try f.ok(coverage(id, rank: "primary", from: "2026-01-01", extra: ["--group", "0042", "--copay", "25.00"]), as: "jo")
        try f.ok(coverage(id, rank: "secondary", from: "2026-01-01"), as: "jo")
        let out = try f.ok(["coverage", "update", "CV1001", "--member-id", "XEH999", "--copay", "30.00"], as: "jo").stdout
        XCTAssertEqual(out, "updated CV1001: memberId, copay\n")
        let first = try coverages(f, id).first ?? [:]
        XCTAssertEqual(first["memberId"] as? String, "XEH999")
        XCTAssertEqual(cents(first["copay"]), 3_000)
        XCTAssertEqual(first["group"] as? String, "0042", "a field not given stays")
        XCTAssertEqual(first["rank"] as? String, "primary")

        try assertRefusedAndNothingAppended(f, ["coverage", "update", "CV1001", "--rank", "secondary"], as: "jo",
                                            status: 1, mentioning: "--rank: \(id) already has secondary coverage CV1002")
        try assertRefusedAndNothingAppended(f, ["coverage", "update", "CV1001", "--member-id", "XEH999"], as: "jo",
                                            status: 2, mentioning: "<coverage>: nothing to change for CV1001")
        try assertRefusedAndNothingAppended(f, ["coverage", "update", "CV1001", "--copay", "-1.00"], as: "jo", status: 2, mentioning: "--copay")
        try assertRefusedAndNothingAppended(f, ["coverage", "update", "CV1001", "--member-id", " "], as: "jo", status: 2, mentioning: "--member-id")
        try assertRefusedAndNothingAppended(f, ["coverage", "update", "CV1001", "--rank", "first"], as: "jo", status: 2, mentioning: "--rank")
        try assertRefusedAndNothingAppended(f, ["coverage", "update", "CV1001", "--group", " "], as: "jo", status: 2, mentioning: "--group")
        try assertRefusedAndNothingAppended(f, ["coverage", "update", "CV4242", "--copay", "1.00"], as: "jo",
                                            status: 1, mentioning: "<coverage>: unknown coverage CV4242")
        // Swapping ranks takes an end or a free rank first: tertiary is free.
        try f.ok(["coverage", "update", "CV1002", "--rank", "tertiary"], as: "bill")
        try f.ok(["coverage", "update", "CV1001", "--rank", "secondary"], as: "bill")
        XCTAssertEqual(try coverages(f, id).compactMap { $0["rank"] as? String }, ["secondary", "tertiary"])
    }

    func testMergeOfChartsWithDifferentBirthDatesOrSexNeedsConfirm() throws {
        let f = try PracticeFixture()
        let a = try f.register("Maria", "Garcia", dob: "1980-04-02")
        let b = try f.register("Maria", "Garcia", dob: "1980-04-03", extra: ["--phone", "312-555-0100"])
        let c = try f.ok(["patient", "register", "--first", "Mario", "--last", "Garcia", "--dob", "1980-04-02", "--sex", "M", "--confirm-new", "--json"],
                         as: "jo").stdout
        let male = (try JSONObject(c))["patient"] as? String ?? "?"
        try assertRefusedAndNothingAppended(f, ["patient", "merge", a, b], as: "jo",
                                            status: 1, mentioning: "--dob: \(a) was born 1980-04-02 and \(b) 1980-04-03")
        try assertRefusedAndNothingAppended(f, ["patient", "merge", a, male], as: "jo", status: 1, mentioning: "--sex: \(a) is")
        let merged = try f.ok(["patient", "merge", a, b, "--confirm"], as: "jo").stdout
        XCTAssertTrue(merged.contains("merged \(b) into \(a)"), merged)
        let help = try f.ok(["patient", "merge", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(help.contains("A merge is final: there is no unmerge."), help)
        XCTAssertTrue(help.contains("--confirm"), help)
    }
}
