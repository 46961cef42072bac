import XCTest
@testable import CLIKit

final class UsageErrorTests: XCTestCase {
    func testUnknownOptionNamesOptionAndCommand() throws {
        let error = try parseError("log tail --foo")
        XCTAssertEqual(error.kind, .unknownOption)
        XCTAssertEqual(error.message, "unknown option --foo for 'practica log tail'")
        XCTAssertEqual(error.hint, "see 'practica log tail --help'")
        XCTAssertEqual(error.usage, "practica log tail [--n <count>] [--follow]")
        XCTAssertEqual(error.exitCode, .usage)
    }

    func testUnknownOptionSuggestsClosest() throws {
        let error = try parseError("log tail --jsno")
        XCTAssertEqual(error.message, "unknown option --jsno for 'practica log tail' — did you mean --json?")
    }

    func testUnknownShortOption() throws {
        let error = try parseError("log tail -x")
        XCTAssertEqual(error.message, "unknown option -x for 'practica log tail'")
    }

    func testOptionOfAnotherCommandIsUnknown() throws {
        let error = try parseError("log tail --out x")
        XCTAssertEqual(error.message, "unknown option --out for 'practica log tail'")
    }

    func testMissingValueAtEndOfLine() throws {
        let error = try parseError("log tail --store")
        XCTAssertEqual(error.kind, .missingValue)
        XCTAssertEqual(error.message, "missing value for --store")
        XCTAssertEqual(error.hint, "write --store <path> or --store=<path>")
    }

    func testMissingValueWhenNextWordIsAnOption() throws {
        let error = try parseError("log tail --store --json")
        XCTAssertEqual(error.message, "missing value for --store")
        let short = try parseError("log tail -n --json")
        XCTAssertEqual(short.message, "missing value for -n")
    }

    func testFlagWithValueIsRejected() throws {
        let error = try parseError("log tail --json=true")
        XCTAssertEqual(error.kind, .unexpectedValue)
        XCTAssertEqual(error.message, "option --json is a flag and takes no value (got 'true')")
        XCTAssertEqual(error.hint, "write --json alone to turn it on")
    }

    func testNonRepeatableOptionGivenTwice() throws {
        let error = try parseError("claim submit C-1 --patient P-1 --out a --out b")
        XCTAssertEqual(error.kind, .repeatedOption)
        XCTAssertEqual(error.message, "option --out given more than once")
    }

    func testUnknownCommandAtRootSuggestsByEditDistance() throws {
        let error = try parseError("lgo tail")
        XCTAssertEqual(error.kind, .unknownCommand)
        XCTAssertEqual(error.message, "unknown command 'lgo' — did you mean 'log'?")
        XCTAssertEqual(error.hint, "see 'practica --help'")
    }

    func testUnknownSubcommandNamesItsParent() throws {
        let error = try parseError("claim sbumit C-1")
        XCTAssertEqual(error.message, "unknown command 'sbumit' for 'practica claim' — did you mean 'submit'?")
        XCTAssertEqual(error.hint, "see 'practica claim --help'")
    }

    func testUnknownCommandWithoutCloseMatchHasNoSuggestion() throws {
        let error = try parseError("zzzzzz")
        XCTAssertEqual(error.message, "unknown command 'zzzzzz'")
    }

    func testMissingRequiredPositional() throws {
        let error = try parseError("claim submit --patient P-1")
        XCTAssertEqual(error.kind, .missingArgument)
        XCTAssertEqual(error.message, "missing argument <claim-id> for 'practica claim submit'")
        XCTAssertEqual(error.hint, "see 'practica claim submit --help'")
    }

    func testMissingRepeatingArgument() throws {
        let error = try parseError("era import")
        XCTAssertEqual(error.message, "missing argument <files> for 'practica era import'")
    }

    func testUnexpectedExtraPositional() throws {
        let error = try parseError("log tail extra")
        XCTAssertEqual(error.kind, .unexpectedArgument)
        XCTAssertEqual(error.message, "unexpected argument 'extra' for 'practica log tail'")
    }

    func testMissingRequiredOptionAtParseTime() throws {
        let error = try parseError("claim submit C-1")
        XCTAssertEqual(error.kind, .missingOption)
        XCTAssertEqual(error.message, "missing required option --patient for 'practica claim submit'")
    }

    func testIntAccessorNamesTheOption() throws {
        let command = try parseRun("log tail -n five")
        XCTAssertThrowsError(try command.int("n")) { error in
            let usage = error as? UsageError
            XCTAssertEqual(usage?.kind, .invalidValue)
            XCTAssertEqual(usage?.message, "invalid value 'five' for -n: not a whole number")
            XCTAssertEqual(usage?.hint, "give a whole number, e.g. -n 5")
        }
    }

    func testRequiredAccessorThrowsWhenMissing() throws {
        let command = try parseRun("log tail")
        XCTAssertThrowsError(try command.required("as")) { error in
            XCTAssertEqual((error as? UsageError)?.message, "missing required option --as for 'practica log tail'")
        }
        XCTAssertEqual(try command.required("store"), "./practica-data")
    }

    func testReportPrintsErrorUsageAndHintLines() throws {
        let error = try parseError("log tail --foo")
        XCTAssertEqual(UserErrorReport.render(error), """
            error: unknown option --foo for 'practica log tail'
            usage: practica log tail [--n <count>] [--follow]
            hint: see 'practica log tail --help'

            """)
    }

    func testCommandFailureCarriesExitCode() {
        let failure = CommandFailure("store at ./data is locked", hint: "wait for the other process", exitCode: .storeUnavailable)
        XCTAssertEqual(failure.exitCode.rawValue, 3)
        XCTAssertEqual(UserErrorReport.render(failure), "error: store at ./data is locked\nhint: wait for the other process\n")
        XCTAssertEqual(UserErrorReport.render(CommandFailure("claim C-1 is not clean")), "error: claim C-1 is not clean\n")
        XCTAssertEqual(CommandFailure("x").exitCode, .refused)
        XCTAssertEqual([ExitCode.success, .refused, .usage, .storeUnavailable].map(\.rawValue), [0, 1, 2, 3])
    }
}
