import XCTest
@testable import CLIKit

final class HelpRenderingTests: XCTestCase {
    private func help(_ path: [String], width: Int = 80) -> String {
        HelpRenderer(root: Fixture.root, width: width).render(path: path)
    }

    func testLeafHelpHasSectionsInOrder() {
        let text = help(["claim", "submit"])
        let headings = ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "GLOBAL OPTIONS:", "EXAMPLES:"]
        let positions = headings.map { heading in text.range(of: heading).map { text.distance(from: text.startIndex, to: $0.lowerBound) } }
        XCTAssertFalse(positions.contains(nil), text)
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted(), text)
        XCTAssertFalse(text.contains("SUBCOMMANDS:"))
    }

    func testLeafHelpExactLayout() {
        XCTAssertEqual(help(["log", "tail"]), """
            OVERVIEW: Show the newest events.

            USAGE: practica log tail [--n <count>] [--follow]

            OPTIONS:
              -n, --n <count>         How many events to show. (default: 20)
              -f, --follow            Keep printing new events.
              -h, --help              Show help information.

            GLOBAL OPTIONS:
              --store <path>          The store directory. (default: ./practica-data)
              --as <user>             Who is acting.
              --json                  Print JSON instead of tables.

            EXAMPLES:
              Show the last five events.
                $ practica log tail -n 5

            """)
    }

    func testDiscussionArgumentsAndAllExamplesAppear() {
        let text = help(["claim", "submit"])
        XCTAssertTrue(text.contains("The claim is scrubbed first;"))
        XCTAssertTrue(text.contains("  <claim-id>              The claim to submit.\n"))
        XCTAssertTrue(text.contains("USAGE: practica claim submit <claim-id> [--out <path>] [--dx <code> ...]"))
        XCTAssertTrue(text.contains("    $ practica claim submit C-17 --patient P-1 --out c17.837\n"))
        XCTAssertTrue(text.contains("    $ practica claim submit C-17 --patient P-1 --dry-run\n"))
        XCTAssertTrue(text.contains("(can be repeated)"))
    }

    func testNounHelpListsVerbsAndBorrowsTheirExamples() {
        let text = help(["store"])
        XCTAssertTrue(text.contains("USAGE: practica store <subcommand>\n"))
        XCTAssertTrue(text.contains("SUBCOMMANDS:\n  init                    Create an empty store.\n  verify                  Check every event's checksum.\n"))
        XCTAssertTrue(text.contains("See 'practica store <subcommand> --help' for detailed help."))
        XCTAssertTrue(text.contains("EXAMPLES:"))
        XCTAssertTrue(text.contains("$ practica store init --store ./data"))
        XCTAssertTrue(text.contains("$ practica store verify"))
    }

    func testRootHelpHasAnExampleToo() {
        XCTAssertTrue(help([]).contains("$ practica log tail -n 5"))
    }

    func testEveryLineFitsTheWidth() {
        for width in [80, 50] {
            Fixture.root.visit(path: []) { path, _ in
                for line in help(path, width: width).split(separator: "\n") where !line.contains("$ ") {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), width, "\(path): \(line)")
                }
            }
        }
    }

    func testLongHelpWrapsUnderTheHelpColumn() {
        let text = help(["claim", "submit"], width: 60)
        XCTAssertTrue(text.contains("  --dry-run               Check and print the 837 without\n                          recording the submission.\n"), text)
    }

    func testLongLabelPutsHelpOnNextLine() {
        let root = CommandSpec(
            name: "p", abstract: "x",
            options: [.value("a-very-long-option-name", valueName: "value", help: "Long.")],
            examples: [Example("p", "Run.")])
        let text = HelpRenderer(root: root).render(path: [])
        XCTAssertTrue(text.contains("  --a-very-long-option-name <value>\n                          Long.\n"), text)
    }

    func testUsageLineWrapsWithIndent() {
        let text = help(["claim", "submit"], width: 50)
        let usage = text.components(separatedBy: "\n\n")[2]
        XCTAssertTrue(usage.hasPrefix("USAGE: practica claim submit"), usage)
        XCTAssertGreaterThan(usage.split(separator: "\n").count, 1, usage)
        for continuation in usage.split(separator: "\n").dropFirst() {
            XCTAssertTrue(continuation.hasPrefix("         "), usage)
        }
    }

    func testHelpRequestRendersSameText() throws {
        let request = try parseHelp("log tail --help")
        XCTAssertEqual(request.render(), help(["log", "tail"]))
        XCTAssertEqual(request.command.name, "tail")
    }

    /// Declared groups replace the flat SUBCOMMANDS list, in their order; every child must be in one.
    func testSubcommandGroupsRenderUnderTheirHeadingsAndAreValidated() {
        var root = Fixture.root
        let names = root.subcommands.map(\.name)
        root.subcommandGroups = [SubcommandGroup("FIRST", Array(names.prefix(1))), SubcommandGroup("REST", Array(names.dropFirst()))]
        XCTAssertEqual(root.validationProblems(), [])
        let text = HelpRenderer(root: root).render(path: [])
        XCTAssertFalse(text.contains("SUBCOMMANDS:"), text)
        guard let first = text.range(of: "FIRST:\n  \(names[0])"), let rest = text.range(of: "REST:\n") else { return XCTFail(text) }
        XCTAssertLessThan(first.lowerBound, rest.lowerBound)

        root.subcommandGroups = [SubcommandGroup("FIRST", Array(names.prefix(1)) + ["ghost"])]
        let problems = root.validationProblems()
        XCTAssertTrue(problems.contains { $0.contains("'ghost', which is no subcommand") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("'\(names[1])' in no group") }, "\(problems)")
    }
}
