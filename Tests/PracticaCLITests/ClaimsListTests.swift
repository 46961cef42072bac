import Foundation
import XCTest

/// `claims list` filters and formats, and `queue show holds`, from the claims read model.
final class ClaimsListTests: XCTestCase {
    func testListFiltersByStatusPayerAndAgeInEveryFormat() throws {
        let f = try ClaimsFixture()
        let clean = try f.cleanClaim()
        let v = try f.visit(patient: f.patient2, hour: 11)
        try f.ok(["charge", "add", v, "--code", "99213", "--dx", "E11.9"])
        let draft = try f.json(["claim", "create", v])["claim"] as? String ?? "?"

        let all = try JSONArray(try f.ok(["claims", "list", "--json"], as: "sam").stdout)
        XCTAssertEqual(all.compactMap { $0["claim"] as? String }, [clean, draft])
        XCTAssertEqual(all.compactMap { $0["status"] as? String }, ["scrubbed-clean", "draft"])
        XCTAssertEqual(all.first?["ageDays"] as? Int, 3)
        XCTAssertEqual(cents(all.first?["total"]), 16_050)
        let drafts = try JSONArray(try f.ok(["claims", "list", "--status", "draft", "--json"], as: "sam").stdout)
        XCTAssertEqual(drafts.compactMap { $0["claim"] as? String }, [draft])
        XCTAssertEqual(try JSONArray(try f.ok(["claims", "list", "--payer", "PA1001", "--json"], as: "sam").stdout).count, 2)
        XCTAssertEqual(try f.ok(["claims", "list", "--payer", "PA1002"], as: "sam").stdout, "no claims match\n")
        XCTAssertEqual(try JSONArray(try f.ok(["claims", "list", "--older-than", "2", "--json"], as: "sam").stdout).count, 2)
        XCTAssertEqual(try JSONArray(try f.ok(["claims", "list", "--older-than", "3", "--json"], as: "sam").stdout).count, 0)

        let table = try f.ok(["claims", "list"], as: "sam").stdout
        XCTAssertTrue(table.hasPrefix("claim "), table)
        XCTAssertTrue(table.contains("\(clean)  scrubbed-clean  PA1001"), table)
        let csv = try f.ok(["claims", "list", "--csv", "--status", "scrubbed-clean"], as: "sam").stdout
        XCTAssertEqual(csv, "claim,status,payer,patient,service,age,total,sent,reason\r\n"
                       + "\(clean),scrubbed-clean,PA1001,PT1001,\(f.dateOfService),3,160.50,,\r\n")
        assertRefused(try f.run(["claims", "list", "--status", "lost"], as: "sam"), status: 2, mentioning: "--status")
        assertRefused(try f.run(["claims", "list", "--older-than", "-1"], as: "sam"), status: 2, mentioning: "--older-than")
        // denials and suspense are queues now (issue 6); an unknown name is still a usage error.
        assertRefused(try f.run(["queue", "show", "appeals"], as: "sam"), status: 2, mentioning: "<queue>")
    }

    func testHoldsQueueShowsTheFindingsAndEmptiesWhenFixed() throws {
        let f = try ClaimsFixture()
        let v = try f.visit()
        try f.ok(["charge", "add", v, "--code", "99213", "--dx", "E11.9"])
        try f.ok(["charge", "add", v, "--code", "99213", "--dx", "E11.9"])
        let claim = try f.json(["claim", "create", v])["claim"] as? String ?? "?"
        try f.ok(["claim", "scrub", claim])
        let held = try JSONArray(try f.ok(["queue", "show", "holds", "--json"], as: "sam").stdout)
        XCTAssertEqual(held.compactMap { $0["claim"] as? String }, [claim])
        let reasons = held.first?["reasons"] as? [String] ?? []
        XCTAssertTrue(reasons.first?.hasPrefix("DUP-LINE: 99213 on \(f.dateOfService) repeats line 1") == true, "\(reasons)")
        try f.ok(["claim", "override", claim, "--rule", "DUP-LINE", "--reason", "two separate visits the same day"])
        XCTAssertEqual(try f.ok(["queue", "show", "holds"], as: "sam").stdout, "no claims in holds\n")
        XCTAssertEqual(try JSONArray(try f.ok(["claims", "list", "--status", "held", "--json"], as: "sam").stdout).count, 0)
    }
}
