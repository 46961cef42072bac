import Foundation
import XCTest

/// Usage mistakes are exit 2 and name what the user typed (issue 15, item 15), and
/// `practica --help` groups its commands by who uses them.
final class UsageRuleTests: XCTestCase {
    func testVersionPrintsAndExitsZero() throws {
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertTrue(version.stdout.hasPrefix("practica "), version.stdout)
        XCTAssertEqual(version.stdout.split(separator: "\n").count, 1)
    }

    func testJSONAndCSVTogetherIsAUsageError() throws {
        let practice = try PracticeFixture()
        for line in [["claims", "list"], ["user", "list"], ["appointments", "list"]] {
            try assertRefusedAndNothingAppended(practice, line + ["--json", "--csv"], status: 2, mentioning: "--json and --csv")
        }
    }

    func testEmptyListItemsAreUsageErrors() throws {
        let f = try ClaimsFixture()
        let visit = try f.visit()
        try assertRefusedAndNothingAppended(f.practice, ["charge", "add", visit, "--code", "99213", "--dx", "E11.9,,I10"], as: "bill",
                                            status: 2, mentioning: "--dx: item 2 of the list is empty")
        try assertRefusedAndNothingAppended(f.practice, ["charge", "add", visit, "--code", "99213", "--dx", "E11.9,"], as: "bill",
                                            status: 2, mentioning: "--dx: item 2 of the list is empty")
        try assertRefusedAndNothingAppended(f.practice, ["charge", "add", visit, "--code", "99213", "--dx", "E11.9,I10", "--pointers", "1,,2"],
                                            as: "bill", status: 2, mentioning: "--pointers: item 2")
        try f.ok(["charge", "add", visit, "--code", "99213", "--dx", "E11.9, I10"])
    }

    func testPositionalArgumentsAreNamedAsSuch() throws {
        let f = try ClaimsFixture()
        let cases: [([String], String, String)] = [
            (["charge", "add", "V9999", "--code", "99213", "--dx", "E11.9"], "bill", "<visit>: unknown visit V9999"),
            (["claim", "scrub", "CL9999"], "bill", "<claim>: unknown claim CL9999"),
            (["claim", "submit", "CL9999", "--out", "/tmp/never.837"], "bill", "<claims>: unknown claim CL9999"),
            (["refund", "PY9999", "--amount", "1.00", "--reason", "x"], "bill", "<payment>: unknown payment PY9999"),
            (["check-in", "AP9999", "--self-pay"], "jo", "<appointment>: unknown appointment AP9999"),
            (["cancel", "AP9999", "--reason", "sick"], "jo", "<appointment>: unknown appointment AP9999"),
        ]
        for (line, user, fragment) in cases {
            try assertRefusedAndNothingAppended(f.practice, line, as: user, status: 1, mentioning: fragment)
        }
        // `payment post --visit` is an option, and stays one.
        try assertRefusedAndNothingAppended(f.practice, ["payment", "post", "--patient", "PT1001", "--amount", "1.00", "--method", "cash",
                                                         "--visit", "V9999"], as: "bill", status: 1, mentioning: "--visit")
        assertRefused(try f.practice.run(["log", "tail", "-n", "x"], as: "sam"), status: 2, mentioning: "for -n: not a whole number")
    }

    func testAZoneWithoutDaylightRulesAsksForTheRegionName() throws {
        let practice = try PracticeFixture()
        for zone in ["EST", "PST8PDT", "Etc/GMT+5"] {
            try assertRefusedAndNothingAppended(practice, ["location", "add", "--name", "East", "--address", "1 Main St",
                                                           "--timezone", zone], status: 2, mentioning: "e.g. America/New_York")
            assertRefused(try CLI.run(["init", "--store", temporaryStore("zone"), "--timezone", zone, "--as", "admin"]),
                          status: 2, mentioning: "--timezone")
        }
        try practice.ok(["location", "add", "--name", "East", "--address", "1 Main St", "--timezone", "America/New_York"])
    }

    func testHelpMentionsOnlyRealCommands() throws {
        for path in [[], ["patient"]] {
            let help = try CLI.run(path + ["--help"]).stdout
            XCTAssertFalse(help.contains("patient correct"), help)
            XCTAssertFalse(help.lowercased().contains("register, correct,"), help)
        }
    }

    /// `practica --help` lists its commands under who uses them, each exactly once.
    func testRootHelpGroupsCommandsByWhoUsesThem() throws {
        let help = try CLI.run(["--help"])
        XCTAssertEqual(help.status, 0)
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headings = ["SETUP (admin):", "FRONT DESK:", "BILLING:", "REPORTS AND AUDIT:", "STORE:"]
        let at = headings.map { heading in lines.firstIndex(of: heading) }
        XCTAssertFalse(at.contains(nil), help.stdout)
        XCTAssertEqual(at.compactMap { $0 }, at.compactMap { $0 }.sorted(), "groups in order")
        XCTAssertFalse(help.stdout.contains("SUBCOMMANDS:"), "no flat list")
        func section(_ heading: String) -> [String] {
            guard let start = lines.firstIndex(of: heading) else { return [] }
            return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { $0.hasPrefix("  ") && !$0.hasPrefix("   ") ? $0.split(separator: " ").first.map(String.init) : nil }
        }
        XCTAssertTrue(section("FRONT DESK:").contains("book"))
        XCTAssertTrue(section("FRONT DESK:").contains("check-in"))
        XCTAssertTrue(section("BILLING:").contains("claim"))
        XCTAssertTrue(section("BILLING:").contains("era"))
        XCTAssertTrue(section("REPORTS AND AUDIT:").contains("audit"))
        XCTAssertTrue(section("STORE:").contains("store"))
        XCTAssertTrue(section("SETUP (admin):").contains("init"))
        let listed = headings.flatMap(section)
        XCTAssertEqual(listed.count, Set(listed).count, "each command once: \(listed)")
        XCTAssertGreaterThan(listed.count, 45)
    }
}
