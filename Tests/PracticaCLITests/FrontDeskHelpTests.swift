import Foundation
import XCTest

/// Every front-desk command explains itself with at least one worked example.
final class FrontDeskHelpTests: XCTestCase {
    static let commands: [[String]] = [
        ["provider", "add"], ["provider", "list"], ["providers", "list"],
        ["location", "add"], ["location", "list"], ["locations", "list"], ["room", "add"],
        ["appointment-type", "add"], ["appointment-type", "list"],
        ["payer", "add"], ["payer", "list"], ["payers", "list"], ["fee", "set"], ["fee", "list"], ["fees", "list"],
        ["user", "add"], ["user", "list"], ["users", "list"], ["setting", "set"], ["setting", "list"],
        ["patient", "register"], ["patient", "update"], ["patient", "show"], ["patient", "find"], ["patient", "merge"],
        ["coverage", "add"],
    ]

    func testEveryNewCommandHasHelpWithAnExample() throws {
        for path in Self.commands {
            let help = try CLI.run(path + ["--help"])
            let name = path.joined(separator: " ")
            XCTAssertEqual(help.status, 0, name)
            XCTAssertTrue(help.stdout.contains("EXAMPLES:"), "\(name):\n\(help.stdout)")
            XCTAssertTrue(help.stdout.contains("$ practica \(name)"), "\(name):\n\(help.stdout)")
        }
        let top = try CLI.run(["--help"]).stdout
        for noun in ["provider", "location", "room", "appointment-type", "payer", "fee", "user", "setting", "patient", "coverage"] {
            XCTAssertTrue(top.contains(noun), "practica --help should list \(noun)")
        }
    }
}
