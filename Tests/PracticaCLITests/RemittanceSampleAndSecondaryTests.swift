import Foundation
import PracticaTestSupport
import XCTest

/// Every public 835 sample imported through the CLI into a practice that has the
/// sample's payer; and secondary claims, by hand and by the `auto-secondary`
/// setting, written to an 837P that pyx12 accepts.
final class RemittanceSampleAndSecondaryTests: XCTestCase {
    static let samples = URL(fileURLWithPath: "/work/shared/x12/835")
    /// The samples' payers as the practice adds them (REF*2U where the file has one, else its N1*PR name).
    static let payers: [(String, String)] = [
        ("NYSDOH", "NYSDOH01"), ("WSFG - Benefits", "31048"), ("Your Tax Dollars At Work", "TAXD01"), ("Rushmore Life", "RUSH01"),
    ]
    /// Samples that must be refused, with the reason. None: each one balances and names a known payer.
    static let expectedRefusals: [String: String] = [:]

    /// CLP segments in an interchange, using the delimiters its ISA declares.
    func claimPayments(in bytes: [UInt8]) -> Int {
        guard bytes.count > 106 else { return 0 }
        let element = bytes[3], terminator = bytes[105]
        return bytes.split(separator: terminator).filter { segment in
            let trimmed = segment.drop { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }
            return Array(trimmed.prefix(4)) == Array("CLP".utf8) + [element]
        }.count
    }

    func testEveryPublicSampleImportsWithItsClaimsInSuspense() throws {
        let f = try ClaimsFixture()
        for (name, id) in Self.payers { try f.ok(["payer", "add", "--name", name, "--payer-id", id], as: "admin") }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).sorted()
        XCTAssertEqual(names.count, 4, "\(names)")
        var expectedSuspense = 0
        for name in names {
            let path = Self.samples.appendingPathComponent(name).path
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let result = try f.run(["era", "import", path, "--json"])
            if let reason = Self.expectedRefusals[name] {
                assertRefused(result, status: 1, mentioning: reason)
                continue
            }
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            let posted = (try JSONObject(result.stdout))["posted"] as? [[String: Any]] ?? []
            XCTAssertFalse(posted.isEmpty, name)
            let suspended = posted.compactMap { $0["suspenseItems"] as? Int }.reduce(0, +)
            XCTAssertEqual(suspended, claimPayments(in: bytes), "\(name): every claim payment is kept in suspense")
            XCTAssertEqual(posted.compactMap { $0["claimsPosted"] as? Int }.reduce(0, +), 0, name)
            for set in posted {
                XCTAssertEqual((cents(set["suspensePaid"]) ?? 0) - (cents(set["providerAdjustments"]) ?? 0), cents(set["totalPaid"]),
                               "\(name): suspense and PLB account for BPR02")
            }
            expectedSuspense += suspended
            // The same file again posts nothing.
            let again = try JSONObject(try f.ok(["era", "import", path, "--json"]).stdout)
            XCTAssertEqual((again["posted"] as? [Any])?.count, 0, name)
            XCTAssertEqual((again["alreadyImported"] as? [Any])?.count, posted.count, name)
        }
        let queue = try JSONArray(try f.ok(["queue", "show", "suspense", "--json"], as: "sam").stdout)
        XCTAssertEqual(queue.count, expectedSuspense)
        XCTAssertEqual(expectedSuspense, 3 + 6 + 1 + 2, "emedny 3, sample_835 2 + 4, COB 1, managed care 2")
    }

    /// A second payer and secondary coverage for PT1001; returns the payer id.
    func addSecondaryCoverage(_ f: RemittanceFixture) throws {
        try f.claims.ok(["payer", "add", "--name", "Beacon Mutual", "--payer-id", "77777"], as: "admin")
        try f.claims.ok(["coverage", "add", "--patient", f.claims.patient, "--payer", "PA1002", "--member-id", "BM5551212",
                         "--rank", "secondary", "--from", "2026-01-01"])
    }

    func testSecondaryClaimCarriesThePrimaryAdjudicationInto837PThatPyX12Accepts() throws {
        let f = try RemittanceFixture()
        try addSecondaryCoverage(f)
        try assertRefusedAndNothingAppended(f.claims.practice, ["claim", "create-secondary", f.claim], as: "bill", status: 1,
                                            mentioning: "has not adjudicated")
        try f.importing(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)]), "paid.835")
        let created = try f.claims.json(["claim", "create-secondary", f.claim])
        let secondary = try XCTUnwrap(created["claim"] as? String)
        XCTAssertEqual(created["payer"] as? String, "PA1002")
        XCTAssertEqual(cents(try f.balance([f.claims.patient])["patientBalance"]), 0, "the PR is billed to the secondary")
        XCTAssertEqual(cents(try f.balance([f.claims.patient])["insuranceBalance"]), 4_000)
        try assertRefusedAndNothingAppended(f.claims.practice, ["claim", "create-secondary", f.claim], as: "bill", status: 1,
                                            mentioning: "already bills")

        let scrub = try f.claims.ok(["claim", "scrub", secondary]).stdout
        XCTAssertTrue(scrub.hasPrefix("\(secondary) clean"), scrub)
        let out = try f.claims.folder().appendingPathComponent("secondary.837")
        try f.claims.ok(["claim", "submit", secondary, "--out", out.path])
        let text = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(text.contains("SBR*S*") && text.contains("SBR*P*"), "2000B secondary and 2320 primary payer:\n\(text)")
        XCTAssertTrue(text.contains("AMT*D*100~"), "2320 AMT*D: what the primary paid\n\(text)")
        XCTAssertTrue(text.contains("SVD*60054*80*HC:99213"), "2430 line adjudication\n\(text)")
        let (ok, report) = try PyX12Validator.validate(text, name: "secondary.837")
        XCTAssertTrue(ok, "pyx12 rejects the secondary claim:\n\(report)\n\(text)")
        try assertLedgerReadModelMatchesTheFold(f.claims)
    }

    func testAutoSecondaryCreatesTheSecondaryClaimInTheSameImport() throws {
        let f = try RemittanceFixture()
        try addSecondaryCoverage(f)
        try f.claims.ok(["setting", "set", "auto-secondary", "on"], as: "admin")
        XCTAssertTrue(try f.claims.ok(["setting", "list"], as: "sam").stdout.contains("auto-secondary"))
        let out = try f.importing(Remit835.file(bpr: "100", claims: [Remit835.paid(f.claim, dos: f.dos)]), "paid.835").stdout
        XCTAssertTrue(out.contains("created secondary claim CL1002 to PA1002 for \(f.claim)"), out)
        XCTAssertEqual(try f.status("CL1002"), "draft")
        try assertRefused(try f.claims.run(["setting", "set", "auto-secondary", "maybe"], as: "admin"), status: 2, mentioning: "on or off")
    }
}
