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

/// Free text under the one input rule (`FreeText`): every name, address, note,
/// reason and reference a person types is read through these, so the rule and
/// each field's length limit live in one place.
extension ParsedCommand {
    /// A required free-text option, trimmed and checked; the message names the option.
    func text(_ option: String, _ field: FreeText.Field, kind: String? = nil) throws -> String {
        try value(option) { try FreeText.validate($0, as: field, kind: kind ?? option) }
    }

    /// An optional free-text option, trimmed and checked; `nil` when absent.
    func optionalText(_ option: String, _ field: FreeText.Field, kind: String? = nil) throws -> String? {
        try optionalValue(option) { try FreeText.validate($0, as: field, kind: kind ?? option) }
    }

    /// A required name shown in lists (payer, provider, location, room, type, practice).
    func displayName(_ option: String, kind: String) throws -> DisplayName {
        try value(option) { try DisplayName(try FreeText.validate($0, as: .name, kind: kind), kind: kind) }
    }

    /// A one-line address.
    func address(_ option: String) throws -> String? {
        try optionalText(option, .address, kind: "address")
    }
}

/// Validates one part of a person's name on its own, so `--first` and `--last`
/// are blamed separately and `patient update --last` can keep the stored first name.
enum NamePart {
    /// A stand-in for the other parts; it always passes `PersonName`'s checks.
    private static let filler = "A"

    static func first(_ text: String) throws -> String {
        try PersonName(first: try FreeText.validate(text, as: .name, kind: "first name"), last: filler).first
    }

    static func middle(_ text: String) throws -> String? {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try PersonName(first: filler, middle: try FreeText.validate(text, as: .name, kind: "middle name"), last: filler).middle
    }

    static func last(_ text: String) throws -> String {
        try PersonName(first: filler, last: try FreeText.validate(text, as: .name, kind: "last name")).last
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
