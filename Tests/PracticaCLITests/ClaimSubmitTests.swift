import Foundation
import PracticaTestSupport
import XCTest

/// `claim submit`: one 005010X222A1 interchange that pyx12 accepts, control
/// numbers never reused, and no file without events (or events without a file).
final class ClaimSubmitTests: XCTestCase {
    func testSubmittedFilePassesPyX12AndRecordsItsControlNumbers() throws {
        let f = try ClaimsFixture()
        let first = try f.cleanClaim()
        let second = try f.cleanClaim(patient: f.patient2, hour: 10)
        let out = try f.folder().appendingPathComponent("claims.837")
        let result = try f.json(["claim", "submit", "--all-clean", "--out", out.path])
        XCTAssertEqual(result["interchangeControlNumber"] as? Int, 1)
        XCTAssertEqual((result["claims"] as? [[String: Any]])?.compactMap { $0["claim"] as? String }, [first, second])
        let text = try String(contentsOf: out, encoding: .utf8)
        let sent = AckFiles.SentNumbers(text)
        XCTAssertEqual([sent.interchange, sent.group, sent.sets.first], ["000000001", "1", "0001"])
        XCTAssertTrue(text.contains("CLM*\(first)*") && text.contains("CLM*\(second)*"), text)
        XCTAssertTrue(text.contains("REF*EI*371234567~") && text.contains("NM1*40*2*ACME CLEARINGHOUSE*****46*ACMECH~"), text)
        let (ok, report) = try PyX12Validator.validate(text, name: "submitted.837")
        XCTAssertTrue(ok, "pyx12 rejects the submitted file:\n\(report)\n\(text)")
        let claims = try JSONArray(try f.ok(["claims", "list", "--status", "submitted", "--json"], as: "sam").stdout)
        XCTAssertEqual(claims.compactMap { $0["claim"] as? String }, [first, second])
    }

    func testSubmittingAgainUsesNewControlNumbers() throws {
        let f = try ClaimsFixture()
        let folder = try f.folder()
        let first = try f.cleanClaim()
        try f.ok(["claim", "submit", "--all-clean", "--out", folder.appendingPathComponent("1.837").path])
        try assertRefusedAndNothingAppended(f.practice, ["claim", "submit", "--all-clean", "--out", folder.appendingPathComponent("x.837").path],
                                            as: "bill", status: 1, mentioning: "no claim is scrubbed clean")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "submit", first, "--out", folder.appendingPathComponent("x.837").path],
                                            as: "bill", status: 1, mentioning: "\(first) is submitted")
        _ = try f.cleanClaim(patient: f.patient2, hour: 10)
        try f.ok(["claim", "submit", "--all-clean", "--out", folder.appendingPathComponent("2.837").path])
        // The first claim bounces (999 rejected), is fixed and sent again: still new numbers.
        let one = AckFiles.SentNumbers(try String(contentsOf: folder.appendingPathComponent("1.837"), encoding: .utf8))
        let ack = folder.appendingPathComponent("first.999")
        try Data(AckFiles.ack999(group: one.group, sets: [(one.sets[0], "R")]).utf8).write(to: ack)
        try f.ok(["claim", "ack", ack.path])
        try f.ok(["claim", "scrub", first])
        try f.ok(["claim", "submit", "--all-clean", "--out", folder.appendingPathComponent("3.837").path])
        let numbers = try ["1.837", "2.837", "3.837"].map { AckFiles.SentNumbers(try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
        XCTAssertEqual(numbers.map(\.interchange), ["000000001", "000000002", "000000003"])
        XCTAssertEqual(numbers.map(\.group), ["1", "2", "3"])
        XCTAssertEqual(numbers.map { $0.sets.first }, ["0001", "0002", "0003"])
        let submissions = try f.json(["claim", "show", first], as: "sam")["submissions"] as? [[String: Any]] ?? []
        XCTAssertEqual(submissions.compactMap { $0["interchangeControlNumber"] as? Int }, [1, 3])
    }

    func testAnExistingOutFileIsNeverOverwrittenAndNothingIsRecorded() throws {
        let f = try ClaimsFixture()
        _ = try f.cleanClaim()
        let out = try f.folder().appendingPathComponent("taken.837")
        try Data("not sent yet".utf8).write(to: out)
        try assertRefusedAndNothingAppended(f.practice, ["claim", "submit", "--all-clean", "--out", out.path], as: "bill", status: 1,
                                            mentioning: "already exists")
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "not sent yet")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "submit", "--all-clean", "--out", "/nonexistent-folder/claims.837"],
                                            as: "bill", status: 1, mentioning: "cannot create a file in /nonexistent-folder")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "submit", "--out", out.path + "2"], as: "bill", status: 2,
                                            mentioning: "--all-clean")
    }

    func testSubmitNeedsABillingProfile() throws {
        let f = try ClaimsFixture(profile: false)
        _ = try f.cleanClaim()
        let out = try f.folder().appendingPathComponent("claims.837")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "submit", "--all-clean", "--out", out.path], as: "bill", status: 1,
                                            mentioning: "no billing profile")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        try assertRefusedAndNothingAppended(f.practice, ClaimsFixture.profileArguments, as: "bill", status: 1, mentioning: "bill")
        try assertRefusedAndNothingAppended(f.practice, ClaimsFixture.profileArguments.map { $0 == "37-1234567" ? "12345" : $0 },
                                            as: "admin", status: 2, mentioning: "--ein")
        try f.ok(ClaimsFixture.profileArguments, as: "admin")
        let profile = try f.json(["billing-profile", "show"], as: "sam")
        XCTAssertEqual(profile["ein"] as? String, "371234567")
        try f.ok(["claim", "submit", "--all-clean", "--out", out.path])
    }
}
