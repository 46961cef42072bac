import Foundation
import XCTest

/// Users and roles: who may act with --as, and what each role is refused.
final class UserCommandTests: XCTestCase {
    func testAdminAddsUsersAndEveryoneKnownMayList() throws {
        let f = try PracticeFixture()
        let added = try f.ok(["user", "add", "lee", "--role", "biller", "--full-name", "Lee Chan"])
        XCTAssertTrue(added.stdout.contains("added user lee as biller"), added.stdout)
        let users = try JSONArray(try f.ok(["users", "list", "--json"], as: "sam").stdout)
        XCTAssertEqual(users.map { $0["user"] as? String }, ["admin", "bill", "jo", "lee", "sam"])
        XCTAssertEqual(users.first { $0["user"] as? String == "lee" }?["fullName"] as? String, "Lee Chan")
        let table = try f.ok(["user", "list"], as: "jo").stdout
        XCTAssertTrue(table.contains("jo     front-desk  active  Jo Park"), table)
        XCTAssertEqual(try CLI.run(["log", "show", "--stream", "user-lee", "--store", f.store, "--as", "admin"]).status, 0)
    }

    func testUserRefusals() throws {
        let f = try PracticeFixture()
        try assertRefusedAndNothingAppended(f, ["user", "add", "jo", "--role", "biller"], status: 1, mentioning: "user jo already exists")
        try assertRefusedAndNothingAppended(f, ["user", "add", "Kim", "--role", "biller"], status: 2, mentioning: "<name>: invalid user name")
        try assertRefusedAndNothingAppended(f, ["user", "add", "kim", "--role", "boss"], status: 2, mentioning: "--role: invalid role")
        try assertRefusedAndNothingAppended(f, ["user", "add", "kim", "--role", "admin"], as: "jo", status: 1, mentioning: "may not manage-users")
    }

    func testUnknownActingUserIsRefusedForWritesAndReads() throws {
        let f = try PracticeFixture()
        try assertRefusedAndNothingAppended(f, ["payer", "add", "--name", "Aetna", "--payer-id", "60054"], as: "mallory",
                                            status: 1, mentioning: "--as: unknown user mallory")
        try assertRefusedAndNothingAppended(f, ["patient", "register", "--first", "A", "--last", "B", "--dob", "1990-01-01", "--sex", "F"],
                                            as: "mallory", status: 1, mentioning: "unknown user mallory")
        assertRefused(try f.run(["payer", "list"], as: "mallory"), status: 1, mentioning: "unknown user mallory")
        assertRefused(try f.run(["payer", "list"], as: "Not A Name"), status: 2, mentioning: "--as")  // a malformed name is usage (issue 15)
    }

    func testAuditorOnlyReads() throws {
        let f = try PracticeFixture()
        try assertRefusedAndNothingAppended(f, ["patient", "register", "--first", "Ann", "--last", "Lee", "--dob", "1990-01-01", "--sex", "F"],
                                            as: "sam", status: 1, mentioning: "sam is auditor and may not register-patients")
        try assertRefusedAndNothingAppended(f, ["provider", "add", "--name", "A", "--npi", "1234567893", "--taxonomy", "207Q00000X"],
                                            as: "sam", status: 1, mentioning: "sam is auditor")
        XCTAssertEqual(try f.run(["patient", "find", "lee"], as: "sam").status, 0)
    }
}
