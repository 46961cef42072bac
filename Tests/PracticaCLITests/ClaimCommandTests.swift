import Foundation
import XCTest

/// `claim create|scrub|override|show|replace|void` through the real binary.
final class ClaimCommandTests: XCTestCase {
    func testCreateScrubAndShowWithItsHistory() throws {
        let f = try ClaimsFixture()
        let v = try f.visit()
        try f.ok(["charge", "add", v, "--code", "99213", "--dx", "E11.9,I10"])
        let created = try f.json(["claim", "create", v])
        let claim = try XCTUnwrap(created["claim"] as? String)
        XCTAssertEqual(created["payer"] as? String, "PA1001")
        XCTAssertEqual(created["billingProvider"] as? String, "PR1002")
        XCTAssertEqual(created["renderingProvider"] as? String, "PR1001")
        XCTAssertEqual(cents(created["total"]), 12_500)
        let scrub = try f.ok(["claim", "scrub", claim])
        XCTAssertEqual(scrub.stdout, "\(claim) clean\n")
        let show = try f.json(["claim", "show", claim], as: "sam")
        XCTAssertEqual(show["status"] as? String, "scrubbed-clean")
        let history = try XCTUnwrap(show["history"] as? [[String: Any]])
        XCTAssertEqual(history.map { $0["type"] as? String }, ["ClaimCreated", "ClaimScrubbed"])
        XCTAssertEqual(history.map { $0["actor"] as? String }, ["bill", "bill"])
        let text = try f.ok(["claim", "show", claim], as: "sam").stdout
        XCTAssertTrue(text.contains("99213") && text.contains("history:") && text.contains("ClaimScrubbed"), text)
    }

    func testClaimRefusalsAppendNothing() throws {
        let f = try ClaimsFixture()
        let v = try f.visit()
        try assertRefusedAndNothingAppended(f.practice, ["claim", "create", "V9999"], as: "bill", status: 1, mentioning: "unknown visit V9999")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "create", v], as: "bill", status: 1, mentioning: "no charges waiting")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "scrub", "CL9999"], as: "bill", status: 1, mentioning: "unknown claim CL9999")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "scrub", "--all"], as: "bill", status: 1, mentioning: "no claim is waiting")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "scrub"], as: "bill", status: 2, mentioning: "--all")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "scrub", "PT1001"], as: "bill", status: 2, mentioning: "<claim>")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "override", "CL9999", "--rule", "DUP-LINE", "--reason", "x"], as: "bill",
                                            status: 1, mentioning: "unknown claim CL9999")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "replace", "CL9999", "--reason", "x"], as: "bill", status: 1,
                                            mentioning: "unknown claim CL9999")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "void", "CL9999", "--reason", "x"], as: "bill", status: 1,
                                            mentioning: "unknown claim CL9999")
        assertRefused(try f.run(["claim", "show", "CL9999"], as: "sam"), status: 1, mentioning: "unknown claim CL9999")
        try f.ok(["charge", "add", v, "--code", "99213", "--dx", "E11.9"])
        try assertRefusedAndNothingAppended(f.practice, ["claim", "create", v], as: "jo", status: 1, mentioning: "jo")
    }

    func testHeldClaimCannotBeSubmittedUntilItsFindingIsOverridden() throws {
        let f = try ClaimsFixture()
        let v = try f.visit()
        try f.ok(["charge", "add", v, "--code", "99213", "--dx", "L82.1"])
        try f.ok(["charge", "add", v, "--code", "17110", "--dx", "B07.8"])
        let claim = try f.json(["claim", "create", v])["claim"] as? String ?? "?"
        let scrub = try f.ok(["claim", "scrub", "--all"]).stdout
        XCTAssertTrue(scrub.hasPrefix("\(claim) held\n  MOD25-MISSING error line 1:"), scrub)
        let out = try f.folder().appendingPathComponent("held.837").path
        try assertRefusedAndNothingAppended(f.practice, ["claim", "submit", claim, "--out", out], as: "bill", status: 1,
                                            mentioning: "\(claim) is held")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "submit", "--all-clean", "--out", out], as: "bill", status: 1,
                                            mentioning: "no claim is scrubbed clean")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a refused submission writes no file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: try f.folder().path), [], "no staged file is left behind")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "override", claim, "--rule", "NCCI-PAIR", "--reason", "x"], as: "bill",
                                            status: 1, mentioning: "has no NCCI-PAIR finding")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "override", claim, "--rule", "MOD25-MISSING", "--reason", "x"], as: "jo",
                                            status: 1, mentioning: "jo")
        let overridden = try f.ok(["claim", "override", claim, "--rule", "mod25-missing", "--reason", "separate problem, documented"])
        XCTAssertEqual(overridden.stdout, "overrode MOD25-MISSING on \(claim); the claim is now scrubbed-clean\n")
        try f.ok(["claim", "submit", "--all-clean", "--out", out])
        let show = try f.json(["claim", "show", claim], as: "sam")
        XCTAssertEqual(show["status"] as? String, "submitted")
        let overrides = try XCTUnwrap(show["overrides"] as? [[String: Any]])
        XCTAssertEqual(overrides.first?["reason"] as? String, "separate problem, documented")
    }

    func testConfiguredPairTableHoldsTheClaim() throws {
        let f = try ClaimsFixture()
        let tables = URL(fileURLWithPath: f.store).appendingPathComponent("tables")
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        try Data("# column1,column2,modifier-allowed\n99213,87880,0\n".utf8).write(to: tables.appendingPathComponent("ncci.csv"))
        let v = try f.visit()
        try f.ok(["charge", "add", v, "--code", "99213", "--dx", "J02.0"])
        try f.ok(["charge", "add", v, "--code", "87880", "--dx", "J02.0"])
        let claim = try f.json(["claim", "create", v])["claim"] as? String ?? "?"
        let scrub = try f.ok(["claim", "scrub", claim]).stdout
        XCTAssertTrue(scrub.contains("NCCI-PAIR error line 2: 87880 with 99213"), scrub)
        try Data("99213,87880,maybe\n".utf8).write(to: tables.appendingPathComponent("ncci.csv"))
        try assertRefusedAndNothingAppended(f.practice, ["claim", "scrub", claim], as: "bill", status: 1, mentioning: "ncci.csv")
    }

    func testVoidBeforeSendingClosesTheClaimAndFreesItsCharges() throws {
        let f = try ClaimsFixture()
        let claim = try f.cleanClaim()
        let void = try f.ok(["claim", "void", claim, "--reason", "wrong payer"]).stdout
        XCTAssertEqual(void, "voided \(claim); the payer never had it\n")
        XCTAssertEqual(try f.json(["claim", "show", claim], as: "sam")["status"] as? String, "voided")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "void", claim, "--reason", "again"], as: "bill", status: 1,
                                            mentioning: "cannot be voided")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "replace", claim, "--reason", "x"], as: "bill", status: 1,
                                            mentioning: "only a claim the payer has")
    }

    func testReplaceAndVoidOfASentClaimMakeFrequency7And8Claims() throws {
        let f = try ClaimsFixture()
        let claim = try f.cleanClaim()
        let folder = try f.folder()
        try f.ok(["claim", "submit", "--all-clean", "--out", folder.appendingPathComponent("one.837").path])
        let replaced = try JSONArray(try f.ok(["claim", "replace", claim, "--reason", "wrong units", "--json"]).stdout)
        let replacement = try XCTUnwrap(replaced.first?["claim"] as? String)
        XCTAssertEqual(replaced.first?["frequency"] as? String, "7")
        XCTAssertEqual(replaced.first?["originalClaim"] as? String, claim)
        XCTAssertEqual(try f.json(["claim", "show", claim], as: "sam")["supersededBy"] as? String, replacement)
        // Not accepted by the payer yet, so there is no payer claim number to quote: the scrubber holds it.
        let scrub = try f.ok(["claim", "scrub", replacement]).stdout
        XCTAssertTrue(scrub.contains("ORIGINAL-REF"), scrub)
        let other = try f.cleanClaim(patient: f.patient2, hour: 10)
        try f.ok(["claim", "submit", other, "--out", folder.appendingPathComponent("two.837").path])
        let voided = try f.ok(["claim", "void", other, "--reason", "duplicate visit"]).stdout
        XCTAssertTrue(voided.hasPrefix("voided \(other); send void claim CL"), voided)
        let history = try f.json(["claim", "show", other], as: "sam")["history"] as? [[String: Any]] ?? []
        XCTAssertEqual(history.map { $0["type"] as? String }, ["ClaimCreated", "ClaimScrubbed", "ClaimSubmitted", "ClaimVoided"])
    }
}
