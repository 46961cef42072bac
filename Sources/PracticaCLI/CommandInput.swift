import BinaryCodec
import CLIKit
import Foundation
import Projections
import RevenueCycle

/// Turns option and argument text into domain values before any work is done,
/// so a bad value is a usage error (exit 2) naming the option and never reaches
/// the store. Each accessor reuses `DomainInput.parse` for the message shape
/// "--npi: invalid NPI \"1234567890\": check digit should be 3, not 0".
extension ParsedCommand {
    /// The value of a required (or defaulted) option, parsed.
    func value<T>(_ option: String, _ make: (String) throws -> T) throws -> T {
        try DomainInput.parse("--\(option)", try required(option), make)
    }

    /// The value of an optional option, parsed; `nil` when absent.
    func optionalValue<T>(_ option: String, _ make: (String) throws -> T) throws -> T? {
        guard let text = string(option) else { return nil }
        return try DomainInput.parse("--\(option)", text, make)
    }

    /// A positional argument, parsed; the message names it as `<name>`.
    func argumentValue<T>(_ name: String, _ make: (String) throws -> T) throws -> T {
        try DomainInput.parse("<\(name)>", try requiredArgument(name), make)
    }
}

/// File and folder paths typed by a person. An empty path is never meant: the
/// system resolves it to the current folder or, for some calls, to `/`, and a
/// store or a copy of patients' data would land there.
enum PathInput {
    static func nonEmpty(_ text: String, _ name: String, hint: String = "give a folder or file path") throws -> String {
        guard !text.isEmpty else { throw UsageError(.invalidValue, "\(name): the path is empty", hint: hint) }
        return text
    }
}

extension ParsedCommand {
    /// A required option naming a path; empty is a usage error.
    func requiredPath(_ option: String) throws -> String {
        try PathInput.nonEmpty(try required(option), "--\(option)")
    }

    /// A positional argument naming a path; empty is a usage error naming it as `<name>`.
    func requiredPathArgument(_ name: String) throws -> String {
        try PathInput.nonEmpty(try requiredArgument(name), "<\(name)>")
    }
}

/// Validates one part of a person's name on its own, so `--first` and `--last`
/// are blamed separately and `patient update --last` can keep the stored first name.
enum NamePart {
    /// A stand-in for the other parts; it always passes `PersonName`'s checks.
    private static let filler = "A"

    static func first(_ text: String) throws -> String {
        try PersonName(first: text, last: filler).first
    }

    static func middle(_ text: String) throws -> String? {
        try PersonName(first: filler, middle: text, last: filler).middle
    }

    static func last(_ text: String) throws -> String {
        try PersonName(first: filler, last: text).last
    }
}

/// Today's date where the practice is, for "not in the future" checks and
/// for marking which coverages are in effect.
enum PracticeCalendar {
    static func today(in state: PracticeState) -> LocalDate {
        today(practice: state.directory.practice)
    }

    static func today(practice: PracticeInitialized?) -> LocalDate {
        let zone = practice?.timeZone ?? (try? TimeZoneID("UTC"))
        let now = Instant(Date())
        guard let zone else { return LocalDateTime(secondsAsIfUTC: now.secondsSinceEpoch).date }
        return zone.localDateTime(at: now).date
    }
}

extension CommandContext {
    /// The session for a listing or `show`, once the acting user is known to
    /// be allowed to read: auditors and every other role may, strangers may not.
    func readingSession() throws -> FrontDeskSession {
        let session = try frontDesk()
        _ = try session.authorize(.read)
        return session
    }

    /// The read models for a listing, `show`, audit or replay, caught up with the
    /// log, once the acting user is known to hold `permission` (reading, unless
    /// said). The role comes from the directory read model, so a command that only
    /// reads never folds the whole log.
    func readingModels(for permission: Permission = .read) throws -> ProjectionRunner {
        let runner = try readModels()
        _ = try FrontDeskSession.authorize(actor, for: permission) { user in
            try runner.read(DirectoryProjection.name) { try DirectoryView($0).authorizationDirectory(for: user) }
        }
        return runner
    }

    /// Prints what a command did: one line for people, or its JSON object with `--json`.
    func report(_ line: String, json: JSONValue) {
        if self.json { printJSON(json) } else { print(line) }
    }
}
