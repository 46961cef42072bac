import Foundation
import XCTest

/// Patient charts through the real binary: registration with duplicate
/// checks, search, corrections, merging and the chart view.
final class PatientCommandTests: XCTestCase {
    func testRegisterPrintsTheNewIDAndJSON() throws {
        let f = try PracticeFixture()
        let r = try f.ok(["patient", "register", "--first", "Maria", "--last", "Garcia", "--dob", "1980-04-02", "--sex", "F",
                          "--phone", "(312) 555-0100", "--email", "maria@example.com", "--address", "12 Shore Rd"], as: "jo")
        XCTAssertEqual(r.stdout, "registered PT1001 Maria Garcia (1980-04-02)\n")
        let json = try JSONObject(try f.ok(["patient", "register", "--first", "José", "--last", "Núñez", "--dob", "1975-01-31",
                                            "--sex", "m", "--json"], as: "jo").stdout)
        XCTAssertEqual(json["patient"] as? String, "PT1002")
        XCTAssertEqual(json["sex"] as? String, "M")
        let stream = try CLI.run(["log", "show", "--stream", "patient-PT1001", "--store", f.store, "--as", "admin", "--json"])
        XCTAssertTrue(stream.stdout.contains("\"actor\":\"jo\""), stream.stdout)
    }

    func testRegistrationRefusals() throws {
        let f = try PracticeFixture()
        let base = ["patient", "register", "--first", "Maria", "--last", "Garcia", "--sex", "F"]
        try assertRefusedAndNothingAppended(f, base + ["--dob", "2026-02-30"], as: "jo", status: 2,
                                            mentioning: "--dob: invalid date \"2026-02-30\": February 2026 has 28 days")
        try assertRefusedAndNothingAppended(f, base + ["--dob", "04/02/1980"], as: "jo", status: 2, mentioning: "--dob")
        // Issue 15 #13: typed dates lie in 1900–2199; a date of birth is also not in the future.
        try assertRefusedAndNothingAppended(f, base + ["--dob", "2999-01-01"], as: "jo", status: 2, mentioning: "--dob: invalid date \"2999-01-01\": must be between 1900-01-01 and 2199-12-31")
        try assertRefusedAndNothingAppended(f, base + ["--dob", "1899-12-31"], as: "jo", status: 2, mentioning: "must be between 1900-01-01")
        try assertRefusedAndNothingAppended(f, base + ["--dob", "2150-01-01"], as: "jo", status: 2, mentioning: "--dob: 2150-01-01 is in the future")
        try assertRefusedAndNothingAppended(f, base + ["--dob", "1980-04-02", "--phone", "555"], as: "jo", status: 2, mentioning: "--phone")
        try assertRefusedAndNothingAppended(f, base + ["--dob", "1980-04-02", "--email", "maria"], as: "jo", status: 2, mentioning: "--email")
        try assertRefusedAndNothingAppended(f, ["patient", "register", "--first", " ", "--last", "Garcia", "--sex", "F", "--dob", "1980-04-02"],
                                            as: "jo", status: 2, mentioning: "--first: invalid first name")
        try assertRefusedAndNothingAppended(f, base + ["--dob", "1980-04-02", "--sex", "X"], as: "jo", status: 2, mentioning: "--sex")
    }

    func testLikelyDuplicateNamesThePatientsAndNeedsConfirmNew() throws {
        let f = try PracticeFixture()
        _ = try f.register("María", "García", dob: "1980-04-02", extra: ["--phone", "312-555-0100"])
        _ = try f.register("Ann", "Lee", dob: "1990-01-01")
        let sameNameAndBirth = ["patient", "register", "--first", "Mario", "--last", "GARCIA", "--dob", "1980-04-02", "--sex", "M"]
        try assertRefusedAndNothingAppended(f, sameNameAndBirth, as: "jo", status: 1,
                                            mentioning: "likely duplicate of PT1001 María García (born 1980-04-02, phone (312) 555-0100)")
        let refused = try f.run(sameNameAndBirth, as: "jo")
        XCTAssertTrue(refused.stderr.contains("--confirm-new"), refused.stderr)
        try assertRefusedAndNothingAppended(f, ["patient", "register", "--first", "Zoe", "--last", "Ng", "--dob", "2001-01-01", "--sex", "F",
                                                "--phone", "+1 312 555 0100"], as: "jo", status: 1, mentioning: "PT1001")
        let confirmed = try f.ok(sameNameAndBirth + ["--confirm-new"], as: "jo")
        XCTAssertTrue(confirmed.stdout.contains("registered PT1003 Mario GARCIA (1980-04-02); confirmed not a duplicate of PT1001"),
                      confirmed.stdout)
    }

    func testFindIgnoresCaseAndAccentsAndMatchesBirthDateAndPhone() throws {
        let f = try PracticeFixture()
        _ = try f.register("José", "Núñez", dob: "1975-01-31", extra: ["--phone", "(773) 555-0142"])
        _ = try f.register("Maria", "Garcia", dob: "1980-04-02")
        _ = try f.register("Mario", "Garcia", dob: "1980-04-02", extra: ["--confirm-new"])
        func ids(_ text: [String]) throws -> [String] {
            try JSONArray(try f.ok(["patient", "find"] + text + ["--json"], as: "sam").stdout).compactMap { $0["patient"] as? String }
        }
        XCTAssertEqual(try ids(["jose"]), ["PT1001"])
        XCTAssertEqual(try ids(["NUNEZ"]), ["PT1001"])
        XCTAssertEqual(try ids(["jo", "nu"]), ["PT1001"])
        XCTAssertEqual(try ids(["garc"]), ["PT1002", "PT1003"])
        XCTAssertEqual(try ids(["garcia", "mario"]), ["PT1003"])
        XCTAssertEqual(try ids(["1980-04-02"]), ["PT1002", "PT1003"])
        XCTAssertEqual(try ids(["555-0142"]), ["PT1001"])
        XCTAssertEqual(try ids(["7735550142"]), ["PT1001"])
        XCTAssertEqual(try ids(["zzz"]), [])
        XCTAssertTrue(try f.ok(["patient", "find", "zzz"]).stdout.contains("no patients match 'zzz'"))
        let csv = try f.ok(["patient", "find", "núñez", "--csv"]).stdout
        XCTAssertEqual(csv, "id,name,born,sex,phone\r\nPT1001,\"Núñez, José\",1975-01-31,F,(773) 555-0142\r\n")
    }

    func testUpdateChangesOnlyTheGivenFields() throws {
        let f = try PracticeFixture()
        let id = try f.register("Maria", "Garcia", dob: "1980-04-02", extra: ["--phone", "312-555-0100", "--email", "m@example.com"])
        let updated = try f.ok(["patient", "update", id, "--last", "Garcia-Lopez", "--clear", "email", "--phone", "312-555-0199"], as: "jo")
        XCTAssertEqual(updated.stdout, "updated \(id): name, phone, email\n")
        let chart = try JSONObject(try f.ok(["patient", "show", id, "--json"]).stdout)
        XCTAssertEqual((chart["name"] as? [String: Any])?["last"] as? String, "Garcia-Lopez")
        XCTAssertEqual((chart["name"] as? [String: Any])?["first"] as? String, "Maria")
        XCTAssertEqual(chart["phone"] as? String, "3125550199")
        XCTAssertTrue(chart["email"] is NSNull)

        try assertRefusedAndNothingAppended(f, ["patient", "update", id, "--phone", "312-555-0199"], as: "jo", status: 2, mentioning: "nothing to change")
        try assertRefusedAndNothingAppended(f, ["patient", "update", "PT4242", "--sex", "M"], as: "jo", status: 1, mentioning: "unknown patient PT4242")
        try assertRefusedAndNothingAppended(f, ["patient", "update", "42", "--sex", "M"], as: "jo", status: 2, mentioning: "<patient>: invalid patient id")
        try assertRefusedAndNothingAppended(f, ["patient", "update", id, "--dob", "1980-02-30"], as: "jo", status: 2, mentioning: "--dob")
        try assertRefusedAndNothingAppended(f, ["patient", "update", id, "--clear", "dob"], as: "jo", status: 2, mentioning: "--clear")
        try assertRefusedAndNothingAppended(f, ["patient", "update", id, "--phone", "312-555-0100", "--clear", "phone"], as: "jo",
                                            status: 2, mentioning: "contradict")
        try assertRefusedAndNothingAppended(f, ["patient", "update", id, "--sex", "M"], as: "bill", status: 1, mentioning: "bill is biller")
    }

    func testMergeKeepsBothHistoriesAndRefusesSecondUse() throws {
        let f = try PracticeFixture().withPayer()
        let keep = try f.register("Maria", "Garcia", dob: "1980-04-02")
        let drop = try f.register("Maria", "Garcia", dob: "1980-04-02", extra: ["--confirm-new", "--phone", "312-555-0100"])
        try f.ok(["coverage", "add", "--patient", drop, "--payer", "PA1001", "--member-id", "XEH1", "--rank", "primary", "--from", "2026-01-01"], as: "jo")
        let merged = try f.ok(["patient", "merge", keep, drop], as: "jo")
        XCTAssertTrue(merged.stdout.contains("merged \(drop) into \(keep)"), merged.stdout)

        let chart = try JSONObject(try f.ok(["patient", "show", keep, "--json"], as: "sam").stdout)
        XCTAssertEqual(chart["mergedFrom"] as? [String], [drop])
        XCTAssertEqual((chart["coverages"] as? [Any])?.count, 1, "the dropped chart's coverage follows the person")
        let types = (chart["history"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
        XCTAssertEqual(types, ["PatientRegistered", "PatientRegistered", "CoverageAdded", "PatientsMerged"])
        let dropped = try f.ok(["patient", "show", drop]).stdout
        XCTAssertTrue(dropped.contains("merged into \(keep)"), dropped)
        XCTAssertEqual(try JSONArray(try f.ok(["patient", "find", "garcia", "--json"]).stdout).count, 1, "merged charts are not found")

        try assertRefusedAndNothingAppended(f, ["patient", "merge", keep, drop], as: "jo", status: 1, mentioning: "<drop>: \(drop) was merged into \(keep)")  // a positional argument is named <drop> (issue 15)
        try assertRefusedAndNothingAppended(f, ["patient", "merge", keep, keep], as: "jo", status: 2, mentioning: "into itself")
        try assertRefusedAndNothingAppended(f, ["patient", "merge", keep, "PT9999"], as: "jo", status: 1, mentioning: "unknown patient PT9999")
        try assertRefusedAndNothingAppended(f, ["patient", "update", drop, "--sex", "M"], as: "jo", status: 1, mentioning: "merged into")
    }

    func testShowListsDemographicsCoveragesAndHistory() throws {
        let f = try PracticeFixture().withPayer()
        let id = try f.register("Maria", "Garcia", dob: "1980-04-02", extra: ["--phone", "312-555-0100"])
        try f.ok(["coverage", "add", "--patient", id, "--payer", "PA1001", "--member-id", "XEH1", "--group", "0042",
                  "--rank", "primary", "--from", "2020-01-01", "--copay", "25.00"], as: "jo")
        let text = try f.ok(["patient", "show", id], as: "sam").stdout
        for fragment in ["\(id)  Maria Garcia", "born     1980-04-02", "phone    (312) 555-0100", "coverages",
                         "PA1001 Aetna", "XEH1", "0042", "25.00", "active", "history", "PatientRegistered", "CoverageAdded"] {
            XCTAssertTrue(text.contains(fragment), "'\(fragment)' missing in:\n\(text)")
        }
        assertRefused(try f.run(["patient", "show", "PT9999"]), status: 1, mentioning: "unknown patient PT9999")
        assertRefused(try f.run(["patient", "show", "AP1001"]), status: 2, mentioning: "<patient>")
    }
}
