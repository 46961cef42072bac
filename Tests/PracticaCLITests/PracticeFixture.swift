import Foundation
import XCTest

/// A fresh store with a practice, its admin and one user per role, so each
/// front-desk test starts from the same small practice and runs the real binary.
struct PracticeFixture {
    let store: String

    init(_ name: String = #function, file: StaticString = #filePath, line: UInt = #line) throws {
        store = temporaryStore(name)
        try ok(["init", "--practice", "Lakeside Family Medicine"], as: "admin", file: file, line: line)
        try ok(["user", "add", "jo", "--role", "front-desk", "--full-name", "Jo Park"], file: file, line: line)
        try ok(["user", "add", "bill", "--role", "biller"], file: file, line: line)
        try ok(["user", "add", "sam", "--role", "auditor"], file: file, line: line)
    }

    /// Runs `practica` on this store as `user`.
    func run(_ arguments: [String], as user: String = "admin") throws -> CLIResult {
        try CLI.run(arguments + ["--store", store, "--as", user])
    }

    /// Runs and asserts success.
    @discardableResult
    func ok(_ arguments: [String], as user: String = "admin", file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let result = try run(arguments, as: user)
        XCTAssertEqual(result.status, 0, "\(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        return result
    }

    /// Events in the log, from `store stats --json`.
    func eventCount() throws -> Int {
        let json = try CLI.run(["store", "stats", "--json", "--store", store, "--as", "admin"]).stdout
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let events = object["events"] as? Int else { return -1 }
        return events
    }

    /// Adds the payer coverage tests need (PA1001, Aetna).
    func withPayer(file: StaticString = #filePath, line: UInt = #line) throws -> PracticeFixture {
        try ok(["payer", "add", "--name", "Aetna", "--payer-id", "60054"], file: file, line: line)
        return self
    }

    /// Registers a patient and returns its id from the JSON output.
    func register(_ first: String, _ last: String, dob: String, extra: [String] = [],
                  file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try ok(["patient", "register", "--first", first, "--last", last, "--dob", dob, "--sex", "F", "--json"] + extra,
                       as: "jo", file: file, line: line)
        return (try JSONObject(r.stdout))["patient"] as? String ?? "?"
    }
}

/// Parses one JSON object printed by a command.
func JSONObject(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
}

/// Parses one JSON array printed by a listing.
func JSONArray(_ text: String) throws -> [[String: Any]] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
}

extension XCTestCase {
    /// Runs a refused command and asserts it failed as `assertRefused` demands and appended nothing.
    func assertRefusedAndNothingAppended(_ fixture: PracticeFixture, _ arguments: [String], as user: String = "admin",
                                         status: Int32, mentioning fragment: String,
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try fixture.eventCount()
        assertRefused(try fixture.run(arguments, as: user), status: status, mentioning: fragment, file: file, line: line)
        XCTAssertEqual(try fixture.eventCount(), before, "a refused command must append nothing", file: file, line: line)
    }
}
