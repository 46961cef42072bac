import XCTest
@testable import CLIKit

/// A small Practica-shaped tree used by the parser and help tests.
enum Fixture {
    static let tail = CommandSpec(
        name: "tail",
        abstract: "Show the newest events.",
        options: [
            .value("n", short: "n", valueName: "count", help: "How many events to show.", defaultValue: "20"),
            .flag("follow", short: "f", help: "Keep printing new events."),
        ],
        examples: [Example("practica log tail -n 5", "Show the last five events.")])

    static let submit = CommandSpec(
        name: "submit",
        abstract: "Submit a claim to the clearinghouse.",
        discussion: "The claim is scrubbed first; a claim that isn't clean is refused with exit code 1.",
        arguments: [ArgumentSpec("claim-id", help: "The claim to submit.")],
        options: [
            .value("out", short: "o", valueName: "path", help: "Where to write the 837 file."),
            .value("dx", valueName: "code", help: "Extra diagnosis code.", isRepeatable: true),
            .value("patient", valueName: "id", help: "Patient the claim must belong to.", isRequired: true),
            .flag("dry-run", help: "Check and print the 837 without recording the submission."),
        ],
        examples: [
            Example("practica claim submit C-17 --patient P-1 --out c17.837", "Submit claim C-17 and keep the 837 file."),
            Example("practica claim submit C-17 --patient P-1 --dry-run", "Check claim C-17 without submitting it."),
        ])

    static let importCmd = CommandSpec(
        name: "import",
        abstract: "Import 835 remittance files.",
        arguments: [ArgumentSpec("files", help: "835 files to import.", isRepeating: true)],
        examples: [Example("practica era import a.835 b.835", "Import two remittance files.")])

    static let note = CommandSpec(
        name: "note",
        abstract: "Add a note to a claim.",
        arguments: [ArgumentSpec("claim-id", help: "The claim."), ArgumentSpec("text", help: "The note.", isOptional: true)],
        examples: [Example("practica claim note C-17 'called payer'", "Note a call to the payer.")])

    static let root = CommandSpec(
        name: "practica",
        abstract: "Revenue cycle for medical practices.",
        subcommands: [
            CommandSpec(name: "log", abstract: "Read the event log.", subcommands: [tail]),
            CommandSpec(name: "claim", abstract: "Create, scrub and submit claims.", subcommands: [submit, note]),
            CommandSpec(name: "era", abstract: "Work with 835 remittances.", subcommands: [importCmd]),
            CommandSpec(name: "store", abstract: "Create and check the store.", subcommands: [
                CommandSpec(name: "init", abstract: "Create an empty store.",
                            examples: [Example("practica store init --store ./data", "Create a store in ./data.")]),
                CommandSpec(name: "verify", abstract: "Check every event's checksum.",
                            examples: [Example("practica store verify", "Verify the default store.")]),
            ]),
        ],
        globalOptions: [
            .value("store", valueName: "path", help: "The store directory.", defaultValue: "./practica-data"),
            .value("as", valueName: "user", help: "Who is acting."),
            .flag("json", help: "Print JSON instead of tables."),
        ])

    static func parser() throws -> CommandLineParser {
        try CommandLineParser(root: root)
    }
}

extension XCTestCase {
    /// Parses `line` (shell-split, without the program name) and expects a command to run.
    func parseRun(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) throws -> ParsedCommand {
        let outcome = try Fixture.parser().parse(ShellWords.split(line))
        guard case .run(let command) = outcome else {
            XCTFail("expected a command to run, got \(outcome)", file: file, line: lineNumber)
            throw CommandFailure("not a run")
        }
        return command
    }

    /// Parses `line` and expects help.
    func parseHelp(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) throws -> HelpRequest {
        let outcome = try Fixture.parser().parse(ShellWords.split(line))
        guard case .help(let request) = outcome else {
            XCTFail("expected help, got \(outcome)", file: file, line: lineNumber)
            throw CommandFailure("not help")
        }
        return request
    }

    /// Parses `line` and returns the usage error it must produce.
    func parseError(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) throws -> UsageError {
        do {
            let outcome = try Fixture.parser().parse(ShellWords.split(line))
            XCTFail("expected a usage error, got \(outcome)", file: file, line: lineNumber)
            throw CommandFailure("no error")
        } catch let error as UsageError {
            return error
        }
    }
}
