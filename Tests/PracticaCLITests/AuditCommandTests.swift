import Foundation
import XCTest

final class AuditCommandTests: XCTestCase {
    func testPatientAuditFollowsTheChartIntoVisitsAndClaimsWithRunningBalance() throws {
        let f = try ClaimsFixture()
        let claim = try f.cleanClaim()
        let audit = try f.json(["audit", "patient", f.patient, "--json"], as: "sam")
        let rows = try XCTUnwrap(audit["rows"] as? [[String: Any]])
        let types = rows.compactMap { $0["type"] as? String }
        for expected in ["PatientRegistered", "CoverageAdded", "PatientCheckedOut", "ChargeEntered", "ClaimCreated", "ClaimScrubbed"] {
            XCTAssertTrue(types.contains(expected), "\(expected) missing from \(types)")
        }
        // The other patient's history is not in this one.
        XCTAssertFalse(rows.contains { ($0["stream"] as? String) == "patient-\(f.patient2)" })
        // Log order, and the balance after the charge equals the charges so far.
        let positions = rows.compactMap { $0["position"] as? Int }
        XCTAssertEqual(positions, positions.sorted())
        let charged = rows.filter { ($0["type"] as? String) == "ChargeEntered" }.compactMap { cents($0["charges"]) }.reduce(0, +)
        XCTAssertGreaterThan(charged, 0)
        XCTAssertEqual(cents(rows.last?["balance"]), charged)

        let claimAudit = try f.json(["audit", "claim", claim, "--json"], as: "sam")
        let claimTypes = (claimAudit["rows"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
        XCTAssertEqual(claimTypes.first, "ClaimCreated")
        XCTAssertFalse(claimTypes.contains("PatientRegistered"), "a claim audit stays on the claim: \(claimTypes)")

        let account = try f.json(["audit", "account", f.patient, "--json"], as: "sam")
        let accountTypes = (account["rows"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
        XCTAssertEqual(Set(accountTypes), ["ChargeEntered"], "an account audit lists money only")
    }

    func testAsOfCutsByRecordedTimeAndRefusalsAreOneLine() throws {
        let f = try ClaimsFixture()
        _ = try f.cleanClaim()
        let before = try f.json(["audit", "patient", f.patient, "--as-of", "2000-01-01", "--json"], as: "sam")
        XCTAssertEqual((before["rows"] as? [Any])?.count, 0)
        XCTAssertEqual(before["throughPosition"] as? Int, 0)
        assertRefused(try f.run(["audit", "patient", "PT9999"], as: "sam"), status: 1, mentioning: "unknown patient PT9999")
        assertRefused(try f.run(["audit", "claim", "PT1001"], as: "sam"), status: 2, mentioning: "<claim>")
        assertRefused(try f.run(["audit", "patient", f.patient, "--as-of", "2026-13-01"], as: "sam"), status: 2, mentioning: "--as-of")
    }
}
