import BinaryCodec
import EventLog
import Foundation
import PracticaTestSupport
import RevenueCycle
import XCTest

/// Values that go into the 837P (issue 15, item 11): an X12 delimiter (* : ^ ~) or a character
/// outside the X12 set is refused where it is typed (the field named, exit 2), held per claim by
/// the scrubber (X12-CHARS) when it got on file before, and a submission holds that one claim
/// and sends the rest rather than failing the batch.
final class X12CharacterTests: XCTestCase {
    func testX12BoundFieldsAreRefusedAtEntryWithTheFieldNamed() throws {
        let f = try ClaimsFixture()
        let p = f.practice
        let coverage = ["coverage", "add", "--patient", f.patient2, "--payer", f.payer, "--rank", "secondary", "--from", "2026-01-01"]
        try assertRefusedAndNothingAppended(p, coverage + ["--member-id", "XEH*123"], as: "jo", status: 2, mentioning: "member-id")
        try assertRefusedAndNothingAppended(p, coverage + ["--member-id", "XEH~123"], as: "jo", status: 2, mentioning: "X12 delimiter")
        try assertRefusedAndNothingAppended(p, coverage + ["--member-id", "XEH123", "--group", "G:55"], as: "jo", status: 2, mentioning: "group")
        try assertRefusedAndNothingAppended(p, coverage + ["--member-id", "XEH\u{e9}12"], as: "jo", status: 2,
                                            mentioning: "outside the X12 character set")
        let register = ["patient", "register", "--dob", "1990-01-01", "--sex", "F", "--confirm-new"]
        try assertRefusedAndNothingAppended(p, register + ["--first", "Ana", "--last", "Gar^cia"], as: "jo", status: 2, mentioning: "last")
        try assertRefusedAndNothingAppended(p, register + ["--first", "Ana", "--last", "Lee", "--address", "1 Elm*St, Springfield, IL 62704"],
                                            as: "jo", status: 2, mentioning: "address")
        try assertRefusedAndNothingAppended(p, ["patient", "update", f.patient, "--first", "Ma*ria"], as: "jo", status: 2, mentioning: "first")
        try assertRefusedAndNothingAppended(p, ["payer", "add", "--name", "Acme~Health", "--payer-id", "77777"], as: "admin", status: 2,
                                            mentioning: "name")
        var profile = ClaimsFixture.profileArguments
        if let i = profile.firstIndex(of: "--submitter-name") { profile[i + 1] = "Lakeside*Family" }
        try assertRefusedAndNothingAppended(p, profile, as: "admin", status: 2, mentioning: "submitter-name")
        // Accents are written folded, so they are fine where names are.
        try f.ok(["patient", "register", "--first", "José", "--last", "Núñez", "--dob", "1990-01-01", "--sex", "M", "--confirm-new"], as: "jo")
    }

    /// A value that got on file before entry checked it (appended here straight to the log).
    private func corrupt(_ f: ClaimsFixture, _ event: any EventPayload, stream: String) throws {
        try EventStore.open(at: f.store).append(AppendMetadata(actor: "jo", causation: "before entry checks")) { _ in [NewEvent(stream: stream, event)] }
    }

    func testTheScrubberHoldsAClaimCarryingADelimiterAndNamesTheValue() throws {
        let f = try ClaimsFixture()
        try corrupt(f, PatientUpdated(patient: try PatientID.parse(f.patient), address: .set("12 Elm~Road, Springfield, IL 62704")),
                    stream: "patient-\(f.patient)")
        let visit = try f.visit()
        try f.ok(["charge", "add", visit, "--code", "99213", "--dx", "E11.9"])
        let claim = try XCTUnwrap(try f.json(["claim", "create", visit])["claim"] as? String)
        let scrub = try f.ok(["claim", "scrub", claim]).stdout
        XCTAssertTrue(scrub.contains("X12-CHARS") && scrub.contains("patient \(f.patient) address: character 7 '~' is an X12 delimiter"), scrub)
        XCTAssertEqual(try f.json(["claim", "show", claim], as: "sam")["status"] as? String, "held")
    }

    func testASubmissionHoldsTheClaimWhoseDataCannotBeWrittenAndSendsTheRest() throws {
        let f = try ClaimsFixture()
        let good = try f.cleanClaim()
        let bad = try f.cleanClaim(patient: f.patient2, hour: 10)
        // After the scrub, PT1002's name is changed on file to one X12 cannot carry.
        try corrupt(f, PatientUpdated(patient: try PatientID.parse(f.patient2), name: try PersonName(first: "Tom", last: "Ba*ker")),
                    stream: "patient-\(f.patient2)")
        let out = try f.folder().appendingPathComponent("claims.837")
        let sent = try f.ok(["claim", "submit", "--all-clean", "--out", out.path]).stdout
        XCTAssertTrue(sent.contains("wrote \(out.path): 1 claim(s)"), sent)
        XCTAssertTrue(sent.contains("held \(bad), not sent: X12-CHARS patient \(f.patient2) last name: character 3 '*'"), sent)
        let text = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(text.contains("CLM*\(good)*") && !text.contains("CLM*\(bad)*"), text)
        let (ok, report) = try PyX12Validator.validate(text, name: "partial.837")
        XCTAssertTrue(ok, report)
        XCTAssertEqual(try f.json(["claim", "show", good], as: "sam")["status"] as? String, "submitted")
        let holds = try JSONArray(try f.ok(["queue", "show", "holds", "--json"], as: "sam").stdout)
        XCTAssertEqual(holds.compactMap { $0["claim"] as? String }, [bad])

        // When every claim would be held, nothing is written or recorded, and each claim is named.
        let g = try ClaimsFixture()
        let only = try g.cleanClaim()
        try corrupt(g, PatientUpdated(patient: try PatientID.parse(g.patient), name: try PersonName(first: "Ma:ria", last: "Garcia")),
                    stream: "patient-\(g.patient)")
        let none = try g.folder().appendingPathComponent("none.837")
        try assertRefusedAndNothingAppended(g.practice, ["claim", "submit", "--all-clean", "--out", none.path], as: "bill", status: 1,
                                            mentioning: "no claim could be written; held: \(only) (patient \(g.patient) first name")
        XCTAssertFalse(FileManager.default.fileExists(atPath: none.path))
    }

    func testAClaimTheWriterRefusesIsHeldWithItsReasonAndTheOthersAreSent() throws {
        let f = try ClaimsFixture()
        let claim = try f.cleanClaim()
        let folder = try f.folder()
        try f.ok(["claim", "submit", "--all-clean", "--out", folder.appendingPathComponent("one.837").path])
        let replaced = try JSONArray(try f.ok(["claim", "replace", claim, "--reason", "wrong units", "--json"]).stdout)
        let replacement = try XCTUnwrap(replaced.first?["claim"] as? String)
        XCTAssertTrue(try f.ok(["claim", "scrub", replacement]).stdout.contains("ORIGINAL-REF"))
        // A biller overrides the finding, but the 837P still cannot be written without the payer's claim number.
        try f.ok(["claim", "override", replacement, "--rule", "ORIGINAL-REF", "--reason", "payer said to send it"])
        let other = try f.cleanClaim(patient: f.patient2, hour: 10)
        let sent = try f.ok(["claim", "submit", "--all-clean", "--out", folder.appendingPathComponent("two.837").path]).stdout
        XCTAssertTrue(sent.contains("  \(other) in set"), sent)
        XCTAssertTrue(sent.contains("held \(replacement), not sent: 837-INVALID") && sent.contains("REF*F8"), sent)
        XCTAssertEqual(try f.json(["claim", "show", replacement], as: "sam")["status"] as? String, "held")
    }
}
