import CLIKit
import Foundation
@testable import PracticaCLI
import XCTest

/// Who may do what (issue 15, items 5–7 and 17): every command checks the acting
/// user, reads and maintenance included, through the one access table.
final class AccessTests: XCTestCase {
    /// Every leaf of the command tree with its path, e.g. ["claim", "submit"].
    static func leaves(_ spec: CommandSpec = CommandTree.root, path: [String] = []) -> [(path: [String], spec: CommandSpec)] {
        spec.subcommands.flatMap { child -> [(path: [String], spec: CommandSpec)] in
            child.isLeaf ? [(path + [child.name], child)] : leaves(child, path: path + [child.name])
        }
    }

    /// The smallest line that parses: a stand-in for each required argument and option.
    static func minimalLine(_ path: [String], _ spec: CommandSpec) -> [String] {
        var line = path
        for argument in spec.arguments where !argument.isOptional { line.append("X1") }
        for option in spec.options where option.isRequired { line += ["--\(option.long)", "X1"] }
        return line
    }

    func testEveryCommandRefusesAnUnknownUserAndAppendsNothing() throws {
        let practice = try PracticeFixture()
        let before = try practice.eventCount()
        let leaves = Self.leaves()
        XCTAssertGreaterThan(leaves.count, 80)
        for (path, spec) in leaves {
            let name = path.joined(separator: " ")
            let result = try practice.run(Self.minimalLine(path, spec), as: "nobody")
            if CommandAccess.rules[name] == .createsStore {
                // init and demo make a new store with the acting user as its admin; on an existing one they refuse.
                XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains("already"), "\(name): \(result.stderr)")
                continue
            }
            if CommandAccess.rules[name] == .atTheDesk {
                // login and logout talk to a server, which checks who signs in; without one they are usage errors.
                assertRefused(result, status: 2, mentioning: "--server")
                continue
            }
            assertRefused(result, status: 1, mentioning: "--as: unknown user nobody")
        }
        XCTAssertEqual(try practice.eventCount(), before, "no refusal appended anything")
        XCTAssertEqual(Set(CommandAccess.rules.keys), Set(leaves.map { $0.path.joined(separator: " ") }),
                       "the access table names exactly the commands of the tree")
    }

    func testMalformedUserNamesAreUsageErrors() throws {
        let practice = try PracticeFixture()
        for user in ["Maria", "a b", ""] {
            assertRefused(try practice.run(["log", "tail"], as: user), status: 2, mentioning: "--as")
            assertRefused(try practice.run(["patient", "find", "garcia"], as: user), status: 2, mentioning: "--as")
        }
        assertRefused(try practice.run(["user", "add", "a b", "--role", "biller"]), status: 2, mentioning: "<name>")
        assertRefused(try practice.run(["user", "add", "Maria", "--role", "biller"]), status: 2, mentioning: "<name>")
    }

    func testTheRawLogAndStoreMaintenanceNeedTheirRoles() throws {
        let practice = try PracticeFixture()
        let backup = temporaryStore("backup")
        for user in ["jo", "bill"] {
            assertRefused(try practice.run(["log", "tail"], as: user), status: 1, mentioning: "may not audit")
            assertRefused(try practice.run(["log", "show", "1"], as: user), status: 1, mentioning: "may not audit")
        }
        for user in ["jo", "bill", "sam"] {
            assertRefused(try practice.run(["store", "backup", backup], as: user), status: 1, mentioning: "may not maintain-store")
            assertRefused(try practice.run(["store", "train"], as: user), status: 1, mentioning: "may not maintain-store")
            assertRefused(try practice.run(["projections", "rebuild"], as: user), status: 1, mentioning: "may not maintain-store")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: backup))
        try practice.ok(["log", "tail"], as: "sam")
        try practice.ok(["log", "show", "1"], as: "admin")
        try practice.ok(["store", "verify"], as: "sam")
        try practice.ok(["store", "backup", backup], as: "admin")
        // Help says who may run a command, from the same table.
        let help = try practice.run(["log", "tail", "--help"])
        XCTAssertTrue(help.stdout.contains("Who may run it: auditor, admin."), help.stdout)
        XCTAssertTrue(try practice.run(["store", "backup", "--help"]).stdout.contains("Who may run it: admin."))
        XCTAssertTrue(try practice.run(["payment", "post", "--help"]).stdout.contains("Who may run it: front-desk, biller, admin."))
    }

    /// `audit` and `replay` ask the same permission: front desk and billers may do neither.
    func testAuditIsOneRuleForAuditAndReplay() throws {
        let practice = try PracticeFixture()
        let patient = try practice.register("Ana", "Diaz", dob: "1980-01-02")
        for user in ["jo", "bill"] {
            assertRefused(try practice.run(["audit", "patient", patient], as: user), status: 1, mentioning: "may not audit")
            assertRefused(try practice.run(["audit", "account", patient], as: user), status: 1, mentioning: "may not audit")
            assertRefused(try practice.run(["replay", "--until", "2", "--into", temporaryStore("replay")], as: user),
                          status: 1, mentioning: "may not audit")
        }
        try practice.ok(["audit", "patient", patient], as: "sam")
        try practice.ok(["audit", "patient", patient], as: "admin")
    }

    func testSynthRunsOnlyOnAStoreMadeForIt() throws {
        let practice = try PracticeFixture()
        let before = try practice.eventCount()
        try assertRefusedAndNothingAppended(practice, ["store", "synth", "--events", "20"], status: 1, mentioning: "not one made for synthetic events")
        assertRefused(try practice.run(["store", "synth", "--events", "20"], as: "nobody"), status: 1, mentioning: "--as")
        XCTAssertEqual(try practice.eventCount(), before)

        let synthetic = temporaryStore("synthetic")
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", synthetic, "--as", "admin"]).status, 0)
        XCTAssertEqual(try CLI.run(["user", "add", "jo", "--role", "front-desk", "--store", synthetic, "--as", "admin"]).status, 0)
        assertRefused(try CLI.run(["store", "synth", "--events", "20", "--store", synthetic, "--as", "jo"]), status: 1, mentioning: "may not maintain-store")
        let synth = try CLI.run(["store", "synth", "--events", "20", "--store", synthetic, "--as", "admin"])
        XCTAssertEqual(synth.status, 0, synth.stderr)
        XCTAssertTrue(synth.stdout.contains("appended 20 events"), synth.stdout)
    }

    func testStaffLeaveDisablesAUserWhoseEventsKeepTheirName() throws {
        let practice = try PracticeFixture()
        let patient = try practice.register("Ana", "Diaz", dob: "1980-01-02")
        try practice.ok(["user", "disable", "jo", "--reason", "left the practice"])
        for line in [["patient", "find", "diaz"], ["patient", "register", "--first", "Al", "--last", "Bo", "--dob", "1990-01-01", "--sex", "M"],
                     ["user", "list"]] {
            try assertRefusedAndNothingAppended(practice, line, as: "jo", status: 1, mentioning: "jo is disabled")
        }
        // Past events keep their name.
        let history = try practice.ok(["log", "show", "--stream", "patient-\(patient)", "--json"], as: "sam").stdout
        XCTAssertTrue(history.contains("\"actor\":\"jo\""), history)
        let users = try JSONArray(try practice.ok(["user", "list", "--json"]).stdout)
        XCTAssertEqual(users.first { $0["user"] as? String == "jo" }?["status"] as? String, "disabled")
        try assertRefusedAndNothingAppended(practice, ["user", "disable", "jo"], status: 1, mentioning: "already disabled")
        try assertRefusedAndNothingAppended(practice, ["user", "disable", "jo"], as: "bill", status: 1, mentioning: "may not manage-users")

        try practice.ok(["user", "enable", "jo"])
        try practice.ok(["patient", "find", "diaz"], as: "jo")
        try practice.ok(["user", "role", "jo", "--role", "biller"])
        try assertRefusedAndNothingAppended(practice, ["patient", "register", "--first", "Al", "--last", "Bo", "--dob", "1990-01-01", "--sex", "M"],
                                            as: "jo", status: 1, mentioning: "jo is biller and may not register-patients")
        let roles = try JSONArray(try practice.ok(["user", "list", "--json"]).stdout)
        XCTAssertEqual(roles.first { $0["user"] as? String == "jo" }?["role"] as? String, "biller")
        XCTAssertEqual(roles.first { $0["user"] as? String == "jo" }?["status"] as? String, "active")
        let stream = try practice.ok(["log", "show", "--stream", "user-jo"], as: "sam").stdout
        for type in ["UserAdded", "UserDisabled", "UserEnabled", "UserRoleChanged"] { XCTAssertTrue(stream.contains(type), stream) }
    }

    func testThePracticeAlwaysKeepsAnAdminWhoCanAct() throws {
        let practice = try PracticeFixture()
        try assertRefusedAndNothingAppended(practice, ["user", "disable", "admin"], status: 1, mentioning: "you are the last admin")
        try assertRefusedAndNothingAppended(practice, ["user", "role", "admin", "--role", "biller"], status: 1, mentioning: "last admin")
        try practice.ok(["user", "add", "kim", "--role", "admin"])
        try practice.ok(["user", "disable", "kim"])
        // kim is disabled, so admin is still the last admin who can act.
        try assertRefusedAndNothingAppended(practice, ["user", "disable", "admin"], status: 1, mentioning: "last admin")
        try practice.ok(["user", "enable", "kim"])
        try practice.ok(["user", "role", "admin", "--role", "biller"], as: "kim")
        assertRefused(try practice.run(["user", "add", "zed", "--role", "biller"], as: "admin"), status: 1, mentioning: "may not manage-users")
    }

    /// Front desk takes the copay it is shown at check-in; other payments, refunds and adjustments stay billers'.
    func testFrontDeskCollectsCopaysOnTodaysVisitsOnly() throws {
        let f = try ClaimsFixture()
        let old = try f.visit()
        let today = try f.visit(hour: 11, daysLater: 3)
        let appointment = "AP1002"
        let copay = ["payment", "post", "--patient", f.patient, "--amount", "25.00", "--method", "cash"]
        try f.ok(copay + ["--visit", today], as: "jo")
        try f.ok(copay + ["--appointment", appointment], as: "jo")
        try f.ok(["payment", "post", "--patient", f.patient, "--amount", "25.00", "--method", "card", "--card-number", "4242424242424242",
                  "--exp", "12/39", "--visit", today], as: "jo")
        try assertRefusedAndNothingAppended(f.practice, copay + ["--visit", old], as: "jo", status: 1, mentioning: "only on an appointment of today")
        try assertRefusedAndNothingAppended(f.practice, copay, as: "jo", status: 1, mentioning: "only as a copay at check-in or check-out")
        try assertRefusedAndNothingAppended(f.practice, ["payment", "post", "--patient", f.patient2, "--amount", "25.00", "--method", "cash",
                                                         "--visit", today], as: "jo", status: 1, mentioning: "not PT1002's")
        try assertRefusedAndNothingAppended(f.practice, ["refund", "PY1001", "--amount", "5.00", "--reason", "oops"], as: "jo",
                                            status: 1, mentioning: "may not post-payments")
        try assertRefusedAndNothingAppended(f.practice, ["adjust", "--patient", f.patient, "--amount", "5.00", "--reason", "courtesy"], as: "jo",
                                            status: 1, mentioning: "may not post-payments")
        // The auditor may not collect anything.
        try assertRefusedAndNothingAppended(f.practice, copay + ["--visit", today], as: "sam", status: 1, mentioning: "may not")
        try f.ok(copay + ["--visit", old], as: "bill")
    }
}
