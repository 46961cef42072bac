import XCTest
@testable import CLIKit

final class ParsingTests: XCTestCase {
    func testFindsDeepestSubcommandAndPositional() throws {
        let command = try parseRun("claim submit C-17 --patient P-1")
        XCTAssertEqual(command.path, ["claim", "submit"])
        XCTAssertEqual(command.displayName, "practica claim submit")
        XCTAssertEqual(command.positionals, ["C-17"])
        XCTAssertEqual(command.argument("claim-id"), "C-17")
        XCTAssertEqual(try command.requiredArgument("claim-id"), "C-17")
    }

    func testLongOptionWithSeparateValue() throws {
        let command = try parseRun("claim submit C-1 --patient P-1 --out c1.837")
        XCTAssertEqual(command.string("out"), "c1.837")
    }

    func testLongOptionWithEqualsValueKeepsLaterEquals() throws {
        let command = try parseRun("claim submit C-1 --patient=P-1 --out=a=b.837")
        XCTAssertEqual(command.string("patient"), "P-1")
        XCTAssertEqual(command.string("out"), "a=b.837")
    }

    func testEmptyValueAfterEqualsIsAValue() throws {
        let command = try parseRun("claim submit C-1 --patient P-1 --out=")
        XCTAssertEqual(command.string("out"), "")
    }

    func testShortOptionWithSeparateAndAttachedValue() throws {
        XCTAssertEqual(try parseRun("log tail -n 5").int("n"), 5)
        XCTAssertEqual(try parseRun("log tail -n7").int("n"), 7)
        XCTAssertEqual(try parseRun("log tail -n=9").int("n"), 9)
    }

    func testClusteredShortFlagsThenValue() throws {
        let command = try parseRun("log tail -fn 3")
        XCTAssertTrue(command.flag("follow"))
        XCTAssertEqual(try command.int("n"), 3)
    }

    func testDefaultIsUsedWhenOptionAbsentButIsNotSet() throws {
        let command = try parseRun("log tail")
        XCTAssertEqual(try command.int("n"), 20)
        XCTAssertFalse(command.isSet("n"))
        XCTAssertEqual(command.string("store"), "./practica-data")
        XCTAssertNil(command.string("as"))
        XCTAssertFalse(command.flag("follow"))
    }

    func testRepeatedOptionsAreCollectedInOrder() throws {
        let command = try parseRun("claim submit C-1 --patient P-1 --dx J45 --dx=E11.9 --dx I10")
        XCTAssertEqual(command.strings("dx"), ["J45", "E11.9", "I10"])
        XCTAssertEqual(command.string("dx"), "I10")
        XCTAssertEqual(command.strings("out"), [])
    }

    func testDoubleDashEndsOptions() throws {
        let command = try parseRun("claim note C-1 -- --not-an-option")
        XCTAssertEqual(command.argument("text"), "--not-an-option")
        XCTAssertEqual(command.positionals, ["C-1", "--not-an-option"])
    }

    func testHelpAfterDoubleDashIsAnArgument() throws {
        let command = try parseRun("claim note C-1 -- --help")
        XCTAssertEqual(command.argument("text"), "--help")
    }

    func testNegativeNumberIsAValueNotAnOption() throws {
        XCTAssertEqual(try parseRun("log tail -n -3").int("n"), -3)
    }

    func testLoneDashIsAValue() throws {
        XCTAssertEqual(try parseRun("claim submit C-1 --patient P-1 --out -").string("out"), "-")
    }

    func testGlobalOptionsAreAcceptedAnywhere() throws {
        let lines = [
            "--store /tmp/s --as ana --json log tail",
            "log --store /tmp/s --as=ana tail --json",
            "log tail --json --store=/tmp/s --as ana",
        ]
        for line in lines {
            let command = try parseRun(line)
            XCTAssertEqual(command.path, ["log", "tail"], line)
            XCTAssertEqual(command.string("store"), "/tmp/s", line)
            XCTAssertEqual(command.string("as"), "ana", line)
            XCTAssertTrue(command.flag("json"), line)
        }
    }

    func testRepeatingArgumentTakesTheRest() throws {
        let command = try parseRun("era import a.835 b.835 c.835")
        XCTAssertEqual(command.argumentList("files"), ["a.835", "b.835", "c.835"])
    }

    func testOptionalArgumentMayBeLeftOut() throws {
        let command = try parseRun("claim note C-1")
        XCTAssertNil(command.argument("text"))
        XCTAssertThrowsError(try command.requiredArgument("text")) { error in
            XCTAssertEqual((error as? UsageError)?.message, "missing argument <text> for 'practica claim note'")
        }
    }

    func testQuotedArgumentWithSpaces() throws {
        XCTAssertEqual(try parseRun("claim note C-1 'called the payer'").argument("text"), "called the payer")
    }

    func testFlagRepeatedIsStillOn() throws {
        XCTAssertTrue(try parseRun("log tail --json --json").flag("json"))
    }

    func testHelpAnywhereIsAHelpRequestForTheDeepestCommand() throws {
        for line in ["claim submit --help", "claim --help submit", "--help claim submit", "claim submit -h C-1"] {
            let request = try parseHelp(line)
            XCTAssertEqual(request.path, ["claim", "submit"], line)
            XCTAssertEqual(request.reason, .requested, line)
        }
    }

    func testHelpWinsOverAnErrorLaterOnTheLine() throws {
        let request = try parseHelp("claim submit --bogus --help")
        XCTAssertEqual(request.path, ["claim", "submit"])
        let typo = try parseHelp("clam submit --help")
        XCTAssertEqual(typo.path, [])
    }

    func testBareNounGivesItsHelp() throws {
        let request = try parseHelp("store")
        XCTAssertEqual(request.path, ["store"])
        XCTAssertEqual(request.reason, .missingSubcommand)
        XCTAssertEqual(request.command.subcommands.map(\.name), ["init", "verify"])
        XCTAssertTrue(request.render().contains("SUBCOMMANDS:"))
    }

    func testNoArgumentsGivesRootHelp() throws {
        let request = try parseHelp("")
        XCTAssertEqual(request.path, [])
        XCTAssertEqual(request.reason, .missingSubcommand)
    }

    func testGlobalOptionsBeforeABareNounStillGiveHelp() throws {
        XCTAssertEqual(try parseHelp("--json store").path, ["store"])
    }
}
