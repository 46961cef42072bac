import Foundation
import XCTest

/// `claim ack` with 999s and 277CAs written from what was actually submitted,
/// and malformed files that must be refused whole, naming the segment.
final class ClaimAckTests: XCTestCase {
    /// Two clean claims sent in one file; returns them and the file's control numbers.
    func submitted(_ f: ClaimsFixture) throws -> (first: String, second: String, sent: AckFiles.SentNumbers) {
        let first = try f.cleanClaim()
        let second = try f.cleanClaim(patient: f.patient2, hour: 10)
        let out = try f.folder().appendingPathComponent("sent.837")
        try f.ok(["claim", "submit", "--all-clean", "--out", out.path])
        return (first, second, AckFiles.SentNumbers(try String(contentsOf: out, encoding: .utf8)))
    }

    func write(_ text: String, _ name: String, in f: ClaimsFixture) throws -> String {
        let url = try f.folder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func status(_ claim: String, _ f: ClaimsFixture) throws -> String? {
        try f.json(["claim", "show", claim], as: "sam")["status"] as? String
    }

    func testAccepting999AcknowledgesEveryClaimInTheSet() throws {
        let f = try ClaimsFixture()
        let (first, second, sent) = try submitted(f)
        let path = try write(AckFiles.ack999(group: sent.group, sets: sent.sets.map { ($0, "A") }), "accept.999", in: f)
        let out = try f.ok(["claim", "ack", path]).stdout
        XCTAssertTrue(out.hasPrefix("applied 999 \(path): 2 claim(s)"), out)
        XCTAssertEqual([try status(first, f), try status(second, f)], ["acknowledged", "acknowledged"])
        // Applying it again changes nothing and is refused.
        try assertRefusedAndNothingAppended(f.practice, ["claim", "ack", path], as: "bill", status: 1, mentioning: "already applied")
    }

    func testRejecting999SendsTheClaimsToTheRejectionsQueue() throws {
        let f = try ClaimsFixture()
        let (first, second, sent) = try submitted(f)
        let path = try write(AckFiles.ack999(group: sent.group, sets: sent.sets.map { ($0, "R") }), "reject.999", in: f)
        try f.ok(["claim", "ack", path])
        XCTAssertEqual([try status(first, f), try status(second, f)], ["ack-rejected", "ack-rejected"])
        let queue = try JSONArray(try f.ok(["queue", "show", "rejections", "--json"], as: "sam").stdout)
        XCTAssertEqual(queue.compactMap { $0["claim"] as? String }, [first, second])
        let reasons = queue.first?["reasons"] as? [String] ?? []
        XCTAssertTrue(reasons.contains { $0.contains("segment NM1 at position 17 in loop 2010BA") }, "\(reasons)")
    }

    func test277CARejectingOneClaimPutsItInTheRejectionsQueueWithThePayersReason() throws {
        let f = try ClaimsFixture()
        let (first, second, _) = try submitted(f)
        let path = try write(AckFiles.ack277(accepted: [first], rejected: [second]), "payer.277", in: f)
        let out = try f.ok(["claim", "ack", path]).stdout
        XCTAssertTrue(out.contains("\(first) accepted by the payer as PAYER\(first)"), out)
        XCTAssertTrue(out.contains("\(second) rejected by the payer: A7"), out)
        XCTAssertEqual([try status(first, f), try status(second, f)], ["accepted", "rejected"])
        let table = try f.ok(["queue", "show", "rejections"], as: "sam").stdout
        XCTAssertTrue(table.contains(second) && !table.contains(first), table)
        XCTAssertTrue(table.contains("562 entity's National Provider Identifier (NPI) (billing provider)"), table)
        let csv = try f.ok(["queue", "show", "rejections", "--csv"], as: "sam").stdout
        XCTAssertTrue(csv.hasPrefix("claim,status,since,payer,patient,total,reason\r\n\(second),rejected,"), csv)
        XCTAssertEqual(try f.ok(["queue", "show", "holds"], as: "sam").stdout, "no claims in holds\n")
    }

    func testMalformedAcknowledgementsAreRefusedWholeNamingTheSegment() throws {
        let f = try ClaimsFixture()
        let (first, second, sent) = try submitted(f)
        let good = AckFiles.ack999(group: sent.group, sets: sent.sets.map { ($0, "A") })
        let segments = good.components(separatedBy: "\n")
        let seIndex = try XCTUnwrap(segments.firstIndex { $0.hasPrefix("SE*") })
        let declared = try XCTUnwrap(Int(segments[seIndex].split(separator: "*")[1]))
        var wrongCount = segments
        wrongCount[seIndex] = "SE*\(declared + 1)*0001~"
        let cases: [(name: String, text: String, fragment: String)] = [
            ("wrong-se.999", wrongCount.joined(separator: "\n"), "segment \(seIndex + 1) (SE): SE01 says \(declared + 1) segments"),
            ("truncated.999", segments.prefix(seIndex).joined(separator: "\n"), "segment \(seIndex) (AK9): the file ends here"),
            ("unknown-group.999", AckFiles.ack999(group: "777", sets: [("0777", "A")]),
             "segment 5 (AK2): group 777 set 0777 was never sent"),
            ("unknown-claim.277", AckFiles.ack277(accepted: [first, "CL9999"]), "segment 22 (HL): CL9999"),
            ("bad-delimiters.999", good.replacingOccurrences(of: "AK1*HC*", with: "AK1|HC|"), "segment 4"),
            ("remittance.835", good.replacingOccurrences(of: "ST*999*", with: "ST*835*"), "expected 999 or 277"),
        ]
        for c in cases {
            let path = try write(c.text, c.name, in: f)
            try assertRefusedAndNothingAppended(f.practice, ["claim", "ack", path], as: "bill", status: 1, mentioning: c.fragment)
        }
        XCTAssertEqual([try status(first, f), try status(second, f)], ["submitted", "submitted"], "nothing may be half-applied")
        try assertRefusedAndNothingAppended(f.practice, ["claim", "ack", "/nonexistent.999"], as: "bill", status: 1, mentioning: "cannot be read")
    }
}
