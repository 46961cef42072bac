import XCTest
@testable import CLIKit

final class SpecValidationTests: XCTestCase {
    private let example = [Example("p go", "Go.")]

    func testFixtureTreeIsValid() {
        XCTAssertEqual(Fixture.root.validationProblems(), [])
    }

    func testLeafWithoutExampleIsRejectedByTheParser() {
        let root = CommandSpec(name: "p", abstract: "x", subcommands: [CommandSpec(name: "go", abstract: "Go.")])
        XCTAssertThrowsError(try CommandLineParser(root: root)) { error in
            XCTAssertEqual((error as? SpecError)?.problems, ["'p go' has no example"])
        }
    }

    func testDuplicateAndReservedNamesAreReported() {
        let root = CommandSpec(
            name: "p", abstract: "x",
            subcommands: [
                CommandSpec(name: "go", abstract: "Go.",
                            options: [.flag("json", help: "clash with global"), .flag("help", help: "reserved"),
                                      .flag("x", short: "h", help: "reserved short")],
                            examples: example),
                CommandSpec(name: "go", abstract: "Again.", examples: example),
            ],
            globalOptions: [.flag("json", help: "JSON.")])
        let problems = root.validationProblems()
        XCTAssertTrue(problems.contains("'p' declares subcommand 'go' twice"), "\(problems)")
        XCTAssertTrue(problems.contains("'p go': option --json is reserved or declared twice"), "\(problems)")
        XCTAssertTrue(problems.contains("'p go': option --help is reserved or declared twice"), "\(problems)")
        XCTAssertTrue(problems.contains("'p go': option -h is reserved or declared twice"), "\(problems)")
    }

    func testOptionalOrRepeatingArgumentMustBeLast() {
        let leaf = CommandSpec(
            name: "go", abstract: "Go.",
            arguments: [ArgumentSpec("a", help: "", isRepeating: true), ArgumentSpec("b", help: "", isOptional: true),
                        ArgumentSpec("c", help: "")],
            examples: example)
        let problems = CommandSpec(name: "p", abstract: "x", subcommands: [leaf]).validationProblems()
        XCTAssertEqual(problems, ["'p go': repeating argument <a> must be last", "'p go': optional argument <b> must be last"])
    }

    func testNounWithArgumentsIsRejected() {
        let root = CommandSpec(name: "p", abstract: "x", arguments: [ArgumentSpec("a", help: "")],
                               subcommands: [CommandSpec(name: "go", abstract: "Go.", examples: example)])
        XCTAssertEqual(root.validationProblems(), ["'p' has both subcommands and positional arguments"])
    }

    func testExamplesMustParseAndRunTheirOwnCommand() {
        let root = CommandSpec(name: "p", abstract: "x", subcommands: [
            CommandSpec(name: "go", abstract: "Go.", examples: [Example("p go --fast", "Fast.")]),
            CommandSpec(name: "stop", abstract: "Stop.", examples: [Example("p go", "Wrong place."), Example("q stop", "Wrong program.")]),
        ])
        XCTAssertEqual(root.validationProblems(), [
            "example 'p go --fast' does not parse: unknown option --fast for 'p go'",
            "example 'p go' is listed under 'p stop' but runs 'p go'",
            "example 'q stop' does not start with 'p'",
        ])
    }

    func testSpecErrorDescriptionListsProblems() {
        let error = SpecError(problems: ["a", "b"])
        XCTAssertEqual(error.description, "invalid command tree:\n  - a\n  - b")
    }
}
