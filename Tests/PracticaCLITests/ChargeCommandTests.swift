import Foundation
import XCTest

/// `charge add` and `charge void` through the real binary.
final class ChargeCommandTests: XCTestCase {
    func testChargeIsPricedFromTheFeeScheduleAndKeptOnTheVisitStream() throws {
        let f = try ClaimsFixture()
        let v = try f.visit()
        let charge = try f.json(["charge", "add", v, "--code", "99213", "--modifier", "25", "--dx", "E11.9, I10", "--pointers", "1,2"])
        XCTAssertEqual(cents(charge["amount"]), 12_500)
        XCTAssertEqual(charge["modifiers"] as? [String], ["25"])
        XCTAssertEqual(charge["diagnoses"] as? [String], ["E11.9", "I10"])
        XCTAssertEqual(charge["pointers"] as? [Int], [1, 2])
        XCTAssertEqual(charge["dateOfService"] as? String, f.dateOfService.description)
        let units = try f.ok(["charge", "add", v, "--code", "36415", "--units", "2", "--dx", "E11.9"])
        XCTAssertTrue(units.stdout.contains("36415 ×2 20.00"), units.stdout)
        let history = try f.ok(["log", "show", "--stream", "visit-\(v)"], as: "sam").stdout
        XCTAssertEqual(history.components(separatedBy: "ChargeEntered").count - 1, 2, history)
    }

    func testAnOverriddenAmountNeedsAReasonAndKeepsTheScheduledOne() throws {
        let f = try ClaimsFixture()
        let v = try f.visit()
        try assertRefusedAndNothingAppended(f.practice, ["charge", "add", v, "--code", "99213", "--dx", "J02.0", "--amount", "95.00"],
                                            as: "bill", status: 2, mentioning: "--reason")
        let charge = try f.json(["charge", "add", v, "--code", "99213", "--dx", "J02.0", "--amount", "95.00", "--reason", "hardship"])
        XCTAssertEqual(cents(charge["amount"]), 9_500)
        XCTAssertEqual(cents(charge["feeScheduleAmount"]), 12_500)
        XCTAssertEqual(charge["overrideReason"] as? String, "hardship")
        try assertRefusedAndNothingAppended(f.practice, ["charge", "add", v, "--code", "99213", "--dx", "J02.0", "--amount", "9.999",
                                                        "--reason", "x"], as: "bill", status: 2, mentioning: "--amount")
    }

    func testBadChargesAreRefusedAndAppendNothing() throws {
        let f = try ClaimsFixture()
        let v = try f.visit()
        let add = ["charge", "add", v]
        try assertRefusedAndNothingAppended(f.practice, ["charge", "add", "V9999", "--code", "99213", "--dx", "E11.9"], as: "bill",
                                            status: 1, mentioning: "unknown visit V9999")
        try assertRefusedAndNothingAppended(f.practice, ["charge", "add", "X12", "--code", "99213", "--dx", "E11.9"], as: "bill",
                                            status: 2, mentioning: "<visit>")
        try assertRefusedAndNothingAppended(f.practice, add + ["--code", "9921", "--dx", "E11.9"], as: "bill", status: 2, mentioning: "--code")
        try assertRefusedAndNothingAppended(f.practice, add + ["--code", "99213", "--dx", "E11.9,1234"], as: "bill", status: 2, mentioning: "--dx")
        try assertRefusedAndNothingAppended(f.practice, add + ["--code", "99213", "--modifier", "2", "--dx", "E11.9"], as: "bill",
                                            status: 2, mentioning: "--modifier")
        try assertRefusedAndNothingAppended(f.practice, add + ["--code", "99213", "--dx", "E11.9,I10,J02.0,R50.9,E78.5",
                                                               "--pointers", "1,2,3,4,5"], as: "bill", status: 2, mentioning: "--pointers")
        try assertRefusedAndNothingAppended(f.practice, add + ["--code", "99213", "--dx", "E11.9", "--pointers", "2"], as: "bill",
                                            status: 2, mentioning: "pointer 2 points at no diagnosis")
        try assertRefusedAndNothingAppended(f.practice, add + ["--code", "99213", "--dx", "E11.9", "--pointers", "one"], as: "bill",
                                            status: 2, mentioning: "--pointers")
        try assertRefusedAndNothingAppended(f.practice, add + ["--code", "99214", "--dx", "E11.9"], as: "bill", status: 1,
                                            mentioning: "no fee for 99214")
        try assertRefusedAndNothingAppended(f.practice, add + ["--code", "99213", "--dx", "E11.9"], as: "jo", status: 1, mentioning: "jo")
    }

    func testConfiguredCodeListRefusesDiagnosesNotOnIt() throws {
        let f = try ClaimsFixture()
        let v = try f.visit()
        let tables = URL(fileURLWithPath: f.store).appendingPathComponent("tables")
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        try Data("E119    Type 2 diabetes mellitus without complications\nI10     Essential (primary) hypertension\n".utf8)
            .write(to: tables.appendingPathComponent("icd10cm.txt"))
        try assertRefusedAndNothingAppended(f.practice, ["charge", "add", v, "--code", "99213", "--dx", "E11"], as: "bill",
                                            status: 2, mentioning: "E11 is not on the ICD-10-CM code list")
        try f.ok(["charge", "add", v, "--code", "99213", "--dx", "E11.9,I10"])
    }

    func testVoidKeepsTheChargeInTheHistoryAndRefusesWhatCannotBeVoided() throws {
        let f = try ClaimsFixture()
        let v = try f.visit()
        let charge = try f.json(["charge", "add", v, "--code", "99213", "--dx", "E11.9"])["charge"] as? String ?? "?"
        try assertRefusedAndNothingAppended(f.practice, ["charge", "void", charge], as: "bill", status: 2, mentioning: "--reason")
        try assertRefusedAndNothingAppended(f.practice, ["charge", "void", "CH9999", "--reason", "typo"], as: "bill", status: 1,
                                            mentioning: "unknown charge CH9999")
        let voided = try f.json(["charge", "void", charge, "--reason", "wrong visit"])
        XCTAssertEqual(voided["charge"] as? String, charge)
        try assertRefusedAndNothingAppended(f.practice, ["charge", "void", charge, "--reason", "again"], as: "bill", status: 1,
                                            mentioning: "already voided")
        // A charge on a claim not yet sent is voided by voiding the claim.
        let other = try f.json(["charge", "add", v, "--code", "87880", "--dx", "J02.0"])["charge"] as? String ?? "?"
        let claim = try f.json(["claim", "create", v])["claim"] as? String ?? "?"
        try assertRefusedAndNothingAppended(f.practice, ["charge", "void", other, "--reason", "x"], as: "bill", status: 1,
                                            mentioning: "void claim \(claim) first")
        let history = try f.ok(["log", "show", "--stream", "visit-\(v)"], as: "sam").stdout
        XCTAssertTrue(history.contains("ChargeVoided"), history)
    }
}
