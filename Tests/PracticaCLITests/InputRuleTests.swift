import EventLog
import Foundation
import RevenueCycle
import XCTest

/// "One rule for every input": hostile text in every kind of free-text field
/// is refused with exit 2, names its option, echoes the input escaped and
/// short, and appends nothing.
final class InputRuleTests: XCTestCase {
    /// Text that looks harmless on screen but is not: each must be refused wherever it is typed.
    static let hostile: [(label: String, text: String)] = [
        ("zero-width space", "Gar\u{200B}cia"),
        ("zero-width joiner", "Gar\u{200D}cia"),
        ("zero-width non-joiner", "Gar\u{200C}cia"),
        ("left-to-right mark", "Garcia\u{200E}"),
        ("right-to-left mark", "\u{200F}Garcia"),
        ("arabic letter mark", "Gar\u{061C}cia"),
        ("right-to-left override", "Gar\u{202E}aicr"),
        ("left-to-right embedding", "\u{202A}Garcia"),
        ("first strong isolate", "Gar\u{2068}cia\u{2069}"),
        ("byte order mark", "\u{FEFF}Garcia"),
        ("word joiner", "Gar\u{2060}cia"),
        ("newline", "Gar\ncia"),
        ("tab", "Gar\tcia"),
        ("escape", "Gar\u{1B}[31mcia"),
        ("C1 control", "Gar\u{85}cia"),
        ("line separator", "Gar\u{2028}cia"),
    ]

    /// Commands with a free-text field, the field's option, and how to build the line around a value.
    static func commands(_ f: SchedulingFixture) -> [(option: String, line: (String) -> [String])] {
        [
            ("--last", { ["patient", "register", "--first", "Maria", "--last", $0, "--dob", "1980-04-02", "--sex", "F"] }),
            ("--first", { ["patient", "register", "--first", $0, "--last", "Garcia", "--dob", "1980-04-02", "--sex", "F"] }),
            ("--name", { ["payer", "add", "--name", $0, "--payer-id", "60054", "--timely-filing-days", "90"] }),
            ("--name", { ["provider", "add", "--name", $0, "--npi", "1234567893", "--taxonomy", "207Q00000X"] }),
            ("--note", { ["waitlist", "add", "--patient", f.patient2, "--provider", f.provider, "--note", $0] }),
            ("--note", { ["availability", "exception", "add", "--provider", f.provider, "--start", "2026-12-24 00:00",
                          "--end", "2026-12-25 00:00", "--reason", "vacation", "--note", $0] }),
            ("--reason", { ["cancel", "AP1001", "--reason", $0] }),
            ("--reason", { ["book", "--patient", f.patient2, "--provider", f.provider, "--location", f.location, "--type", f.followUp,
                            "--at", "2026-12-02 07:00", "--force", "--reason", $0] }),
            ("--reference", { ["payment", "post", "--patient", f.patient, "--amount", "5.00", "--method", "check", "--reference", $0] }),
            ("--address", { ["location", "add", "--name", "North", "--address", $0, "--pos", "11", "--timezone", "America/Chicago"] }),
            ("--submitter-name", { ["billing-profile", "set", "--ein", "37-1234567", "--address", "1 Main St, Chicago, IL 60601",
                                    "--submitter-id", "LAKE0001", "--submitter-name", $0, "--receiver-id", "ACMECH",
                                    "--receiver-name", "Acme Clearinghouse", "--phone", "312-555-0100", "--test"] }),
        ]
    }

    func testHostileTextIsRefusedInEveryFreeTextField() throws {
        let f = try SchedulingFixture()
        XCTAssertEqual(try f.book(at: "2026-12-01 09:00").status, 0)
        try assertAppendsNothing(f) {
            for (option, line) in Self.commands(f) {
                for (label, text) in Self.hostile {
                    let r = try f.run(line(text))
                    assertRefused(r, status: 2, mentioning: option)
                    XCTAssertTrue(r.stderr.contains("\\u{") || r.stderr.contains("\\n") || r.stderr.contains("\\t"),
                                  "\(label) in \(option) is shown escaped: \(r.stderr)")
                    let hidden = r.stderr.unicodeScalars.filter {
                        $0 != "\n" && [.control, .format, .lineSeparator].contains($0.properties.generalCategory)
                    }
                    XCTAssertTrue(hidden.isEmpty, "\(label) in \(option) reached the error output raw: \(r.stderr.debugDescription)")
                }
            }
        }
    }

    func testEachFieldKindHasItsLengthLimitAndLongInputIsNotEchoedWhole() throws {
        let f = try SchedulingFixture()
        XCTAssertEqual(try f.book(at: "2026-12-01 09:00").status, 0)
        let limits: [(option: String, limit: Int, line: ([String]) -> [String], value: (String) -> [String])] = [
            ("--last", 60, { $0 }, { ["patient", "register", "--first", "Maria", "--last", $0, "--dob", "1980-04-02", "--sex", "F"] }),
            ("--name", 60, { $0 }, { ["payer", "add", "--name", $0, "--payer-id", "60054", "--timely-filing-days", "90"] }),
            ("--note", 500, { $0 }, { ["waitlist", "add", "--patient", f.patient2, "--provider", f.provider, "--note", $0] }),
            ("--reason", 500, { $0 }, { ["cancel", "AP1001", "--reason", $0] }),
            ("--reference", 50, { $0 }, { ["payment", "post", "--patient", f.patient, "--amount", "5.00", "--method", "check", "--reference", $0] }),
            ("--address", 120, { $0 }, { ["location", "add", "--name", "North", "--address", $0, "--pos", "11", "--timezone", "America/Chicago"] }),
        ]
        for (option, limit, _, value) in limits {
            let tooLong = String(repeating: "é", count: limit + 1)
            try assertAppendsNothing(f) {
                let r = try f.run(value(tooLong))
                assertRefused(r, status: 2, mentioning: "at most \(limit) characters")
                XCTAssertTrue(r.stderr.contains(option), r.stderr)
                let errorLine = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
                XCTAssertLessThan(errorLine.count, 160, "the error does not echo \(limit + 1) characters: \(errorLine)")
                if limit + 1 > 60 { XCTAssertTrue(errorLine.contains("…"), "shortened input ends in …: \(errorLine)") }
            }
            // One letter under a pile of combining marks is not "one character".
            let zalgo = "a" + String(repeating: "\u{0301}", count: limit * 4)
            try assertAppendsNothing(f) { assertRefused(try f.run(value(zalgo)), status: 2, mentioning: option) }
        }
        // At the limit, accepted.
        let r = try f.run(["waitlist", "add", "--patient", f.patient2, "--provider", f.provider, "--note", String(repeating: "n", count: 500)])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// Text stored before the rule (or appended by other means) still can't reorder or split a listing's row.
    func testStoredInvisibleCharactersAreShownEscapedInTables() throws {
        let f = try SchedulingFixture()
        let log = try EventStore.open(at: f.store)
        try log.append(AppendMetadata(actor: "tester", causation: "test: a chart from before the rule")) { context in
            let id = PatientID(1_000 + (try context.nextNumber(PatientID.prefix)))
            return [NewEvent(stream: "patient-\(id)", PatientRegistered(patient: id, name: try PersonName(first: "Eve", last: "Gar\u{202E}aicr"),
                                                                        dateOfBirth: try LocalDate.parse("1970-01-01"), sex: .female))]
        }
        let found = try f.run(["patient", "find", "gar"])
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertFalse(found.stdout.unicodeScalars.contains("\u{202E}"), found.stdout.debugDescription)
        XCTAssertTrue(found.stdout.contains("Gar\\u{202E}aicr"), found.stdout)
    }

    func testIdsDatesAndCodesAreHeldToTheSameCharacterRule() throws {
        let f = try SchedulingFixture()
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["patient", "show", "PT1001\u{200B}"]), status: 2, mentioning: "<patient>")
            assertRefused(try f.book(at: "2026-12-01\u{202E} 09:00"), status: 2, mentioning: "--at")
            assertRefused(try f.run(["patient", "find", "gar\u{202E}"]), status: 2, mentioning: "U+202E")
        }
    }
}
