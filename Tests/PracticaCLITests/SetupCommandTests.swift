import Foundation
import XCTest

/// Practice setup through the real binary: providers, locations, rooms,
/// appointment types, payers, fees, settings, and their listings.
final class SetupCommandTests: XCTestCase {
    func testProviderAddIsBothRolesByDefaultAndListsThreeWays() throws {
        let f = try PracticeFixture()
        let added = try f.ok(["provider", "add", "--name", "Ana Ruiz MD", "--npi", "1234567893", "--taxonomy", "207Q00000X"])
        XCTAssertTrue(added.stdout.contains("added provider PR1001 Ana Ruiz MD"), added.stdout)
        XCTAssertTrue(added.stdout.contains("billing+rendering"), added.stdout)
        let group = try JSONObject(try f.ok(["provider", "add", "--name", "Lakeside Group", "--npi", "1245319599",
                                             "--taxonomy", "261QP2300X", "--billing", "--json"]).stdout)
        XCTAssertEqual(group["provider"] as? String, "PR1002")
        XCTAssertEqual(group["billing"] as? Bool, true)
        XCTAssertEqual(group["rendering"] as? Bool, false)

        let table = try f.ok(["provider", "list"], as: "sam").stdout
        XCTAssertTrue(table.contains("PR1001  Ana Ruiz MD"), table)
        XCTAssertEqual(try JSONArray(try f.ok(["providers", "list", "--json"]).stdout).count, 2)
        let csv = try f.ok(["providers", "list", "--csv"]).stdout
        XCTAssertTrue(csv.hasPrefix("id,name,npi,taxonomy,roles\r\nPR1001,Ana Ruiz MD,1234567893,207Q00000X,billing+rendering\r\n"), csv)
        XCTAssertEqual(try CLI.run(["log", "show", "--stream", "provider-PR1001", "--store", f.store, "--as", "admin"]).status, 0)
    }

    func testProviderRefusals() throws {
        let f = try PracticeFixture()
        let add = ["provider", "add", "--name", "Ana Ruiz MD", "--taxonomy", "207Q00000X", "--npi"]
        try assertRefusedAndNothingAppended(f, add + ["1234567890"], status: 2, mentioning: "--npi: invalid NPI \"1234567890\"")
        try assertRefusedAndNothingAppended(f, ["provider", "add", "--name", "A", "--npi", "1234567893", "--taxonomy", "207Q"],
                                            status: 2, mentioning: "--taxonomy")
        try assertRefusedAndNothingAppended(f, ["provider", "add", "--npi", "1234567893", "--taxonomy", "207Q00000X"],
                                            status: 2, mentioning: "--name")
        try f.ok(add + ["1234567893"])
        try assertRefusedAndNothingAppended(f, add + ["1234567893"], status: 1, mentioning: "already belongs to PR1001")
        try assertRefusedAndNothingAppended(f, add + ["1245319599"], as: "jo", status: 1, mentioning: "jo is front-desk and may not")
    }

    func testLocationRoomAndAppointmentType() throws {
        let f = try PracticeFixture()
        let location = try f.ok(["location", "add", "--name", "Lakeside", "--address", "12 Shore Rd, Chicago IL"])
        XCTAssertTrue(location.stdout.contains("added location LO1001 Lakeside (America/Chicago)"), location.stdout)
        try f.ok(["location", "add", "--name", "Uptown", "--address", "1 Main St", "--pos", "22", "--timezone", "America/New_York"])
        try f.ok(["room", "add", "--location", "LO1001", "--name", "Exam 1"])
        let locations = try JSONArray(try f.ok(["locations", "list", "--json"]).stdout)
        XCTAssertEqual(locations.map { $0["timeZone"] as? String }, ["America/Chicago", "America/New_York"])
        XCTAssertEqual((locations.first?["rooms"] as? [Any])?.count, 1)
        XCTAssertTrue(try f.ok(["location", "list"]).stdout.contains("RO1001 Exam 1"))

        try assertRefusedAndNothingAppended(f, ["location", "add", "--name", "X", "--address", "Y", "--timezone", "Mars/Olympus"],
                                            status: 2, mentioning: "--timezone")
        try assertRefusedAndNothingAppended(f, ["location", "add", "--name", "X", "--address", "Y", "--pos", "7"],
                                            status: 2, mentioning: "--pos")
        try assertRefusedAndNothingAppended(f, ["location", "add", "--name", "lakeside", "--address", "Y"],
                                            status: 1, mentioning: "already called Lakeside")
        try assertRefusedAndNothingAppended(f, ["room", "add", "--location", "LO1009", "--name", "Exam 1"],
                                            status: 1, mentioning: "unknown location LO1009")
        try assertRefusedAndNothingAppended(f, ["room", "add", "--location", "Lakeside", "--name", "Exam 1"],
                                            status: 2, mentioning: "--location: invalid location id")
        try assertRefusedAndNothingAppended(f, ["room", "add", "--location", "LO1001", "--name", "exam 1"],
                                            status: 1, mentioning: "already has a room")

        let type = try f.ok(["appointment-type", "add", "--name", "New patient", "--minutes", "45"])
        XCTAssertTrue(type.stdout.contains("added appointment type AT1001 New patient (45 min)"), type.stdout)
        try assertRefusedAndNothingAppended(f, ["appointment-type", "add", "--name", "Zero", "--minutes", "0"],
                                            status: 2, mentioning: "--minutes: must be greater than zero")
        try assertRefusedAndNothingAppended(f, ["appointment-type", "add", "--name", "Long", "--minutes", "ten"],
                                            status: 2, mentioning: "--minutes")
    }

    func testPayerAddByAdminButNotByFrontDesk() throws {
        let f = try PracticeFixture()
        let payer = try JSONObject(try f.ok(["payer", "add", "--name", "Aetna", "--payer-id", "60054", "--json"]).stdout)
        XCTAssertEqual(payer["payer"] as? String, "PA1001")
        XCTAssertEqual(payer["timelyFilingDays"] as? Int, 90)
        XCTAssertTrue(try f.ok(["payer", "list"]).stdout.contains("PA1001  Aetna  60054"))
        XCTAssertEqual(try CLI.run(["log", "show", "--stream", "payer-PA1001", "--store", f.store, "--as", "admin"]).status, 0)

        try assertRefusedAndNothingAppended(f, ["payer", "add", "--name", "Cigna", "--payer-id", "62308"], as: "jo",
                                            status: 1, mentioning: "--as: jo is front-desk and may not set-up-practice")
        try assertRefusedAndNothingAppended(f, ["payer", "add", "--name", "Cigna", "--payer-id", "62308"], as: "sam",
                                            status: 1, mentioning: "sam is auditor")
        try assertRefusedAndNothingAppended(f, ["payer", "add", "--name", "Cigna", "--payer-id", "62308", "--timely-filing-days", "0"],
                                            status: 2, mentioning: "--timely-filing-days")
        try assertRefusedAndNothingAppended(f, ["payer", "add", "--name", "Again", "--payer-id", "60054"],
                                            status: 1, mentioning: "already belongs to PA1001")
        try assertRefusedAndNothingAppended(f, ["payer", "add", "--name", "Bad", "--payer-id", "60 054"],
                                            status: 2, mentioning: "--payer-id")
    }

    func testFeeScheduleWithAndWithoutModifier() throws {
        let f = try PracticeFixture()
        XCTAssertTrue(try f.ok(["fee", "set", "--code", "99213", "--amount", "125.00"]).stdout.contains("fee for 99213 set to 125.00"))
        try f.ok(["fee", "set", "--code", "99213", "--modifier", "25", "--amount", "140"])
        try f.ok(["fee", "set", "--code", "99213", "--amount", "130.50"])
        let csv = try f.ok(["fees", "list", "--csv"]).stdout
        XCTAssertEqual(csv, "code,modifier,amount\r\n99213,,130.50\r\n99213,25,140.00\r\n")
        XCTAssertEqual(try JSONArray(try f.ok(["fee", "list", "--json"]).stdout).count, 2)

        try assertRefusedAndNothingAppended(f, ["fee", "set", "--code", "99213", "--amount", "1.234"], status: 2, mentioning: "--amount")
        try assertRefusedAndNothingAppended(f, ["fee", "set", "--code", "9921", "--amount", "1"], status: 2, mentioning: "--code")
        try assertRefusedAndNothingAppended(f, ["fee", "set", "--code", "99213", "--modifier", "255", "--amount", "1"],
                                            status: 2, mentioning: "--modifier")
        try assertRefusedAndNothingAppended(f, ["fee", "set", "--code", "99213", "--amount", "-5.00"],
                                            status: 2, mentioning: "--amount: a fee cannot be negative")
        try assertRefusedAndNothingAppended(f, ["fee", "set", "--code", "99214", "--amount", "5.00"], as: "bill",
                                            status: 1, mentioning: "bill is biller")
    }

    func testSettingSetAndList() throws {
        let f = try PracticeFixture()
        XCTAssertTrue(try f.ok(["setting", "set", "late-cancel-hours", "12"]).stdout.contains("late-cancel-hours is now 12"))
        let settings = try JSONArray(try f.ok(["setting", "list", "--json"], as: "sam").stdout)
        XCTAssertEqual(settings.first { $0["key"] as? String == "late-cancel-hours" }?["value"] as? Int, 12)
        try assertRefusedAndNothingAppended(f, ["setting", "set", "late-cancel-hours", "abc"], status: 2, mentioning: "<value>")
        try assertRefusedAndNothingAppended(f, ["setting", "set", "bedtime", "22"], status: 2, mentioning: "<key>: invalid setting")
        try assertRefusedAndNothingAppended(f, ["setting", "set", "late-cancel-hours", "6"], as: "jo", status: 1, mentioning: "jo is front-desk")
    }

    func testListingsAreEmptyButFineOnAFreshPractice() throws {
        let f = try PracticeFixture()
        XCTAssertEqual(try f.ok(["payers", "list", "--json"]).stdout, "[]\n")
        XCTAssertTrue(try f.ok(["providers", "list"]).stdout.contains("no providers yet"))
        XCTAssertEqual(try f.ok(["fee", "list", "--csv"]).stdout, "code,modifier,amount\r\n")
    }
}
