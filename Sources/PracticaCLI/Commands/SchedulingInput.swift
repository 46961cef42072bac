import CLIKit
import EventLog
import Foundation
import RevenueCycle

/// Parsing of scheduling options into domain values, before any work is done,
/// so a bad id or an impossible date is a usage error (exit 2) naming the option.
enum SchedulingInput {
    /// A required id option such as `--patient PT1001`.
    static func id<ID: PrefixedID>(_ command: ParsedCommand, _ option: String, as type: ID.Type = ID.self) throws -> ID {
        try DomainInput.parse("--\(option)", try command.required(option)) { try ID.parse($0) }
    }

    static func optionalID<ID: PrefixedID>(_ command: ParsedCommand, _ option: String, as type: ID.Type = ID.self) throws -> ID? {
        guard let text = command.string(option) else { return nil }
        return try DomainInput.parse("--\(option)", text) { try ID.parse($0) }
    }

    /// A positional id such as `reschedule AP1001`.
    static func argumentID<ID: PrefixedID>(_ command: ParsedCommand, _ name: String, as type: ID.Type = ID.self) throws -> ID {
        try DomainInput.parse("<\(name)>", try command.requiredArgument(name)) { try ID.parse($0) }
    }

    /// "2026-12-01 09:00" as typed; which instant it means depends on the location's zone.
    static func localDateTime(_ command: ParsedCommand, _ option: String) throws -> LocalDateTime {
        try DomainInput.parse("--\(option)", try command.required(option)) { try PlausibleDates.dateTime($0) }
    }

    /// "2026-11-01 01:30" or "2026-11-01 01:30-05:00": a start with its offset when one was typed.
    static func typedDateTime(_ command: ParsedCommand, _ option: String) throws -> TypedDateTime {
        try DomainInput.parse("--\(option)", try command.required(option)) { try TypedDateTime.parse($0) }
    }

    /// A typed date, inside the plausible range every date must be in (`PlausibleDates`).
    static func optionalDate(_ command: ParsedCommand, _ option: String) throws -> LocalDate? {
        guard let text = command.string(option) else { return nil }
        return try DomainInput.parse("--\(option)", text) { try PlausibleDates.date($0) }
    }

    /// `--minutes`: zero or negative lengths are refused here, before the store is opened.
    static func minutes(_ command: ParsedCommand) throws -> Int? {
        guard let minutes = try command.int("minutes") else { return nil }
        guard (1...Scheduling.maximumMinutes).contains(minutes) else {
            throw UsageError(.invalidValue, "--minutes: must be between 1 and \(Scheduling.maximumMinutes), got \(minutes)",
                             hint: "give the appointment's length in minutes, e.g. --minutes 30")
        }
        return minutes
    }

    /// `--force --reason TEXT`: both or neither.
    static func forceReason(_ command: ParsedCommand) throws -> String? {
        let reason = try command.optionalText("reason", .note)
        if command.flag("force") {
            guard let reason, !reason.isEmpty else {
                throw UsageError(.missingOption, "--force needs --reason saying why the booking is outside availability",
                                 hint: "e.g. --force --reason \"urgent follow-up\"")
            }
            return reason
        }
        if reason != nil {
            throw UsageError(.unexpectedValue, "--reason is only used with --force", hint: "add --force, or drop --reason")
        }
        return nil
    }

    /// A whole number in `range`, naming the option when it is not.
    static func count(_ command: ParsedCommand, _ option: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let n = try command.int(option) else { return nil }
        guard range.contains(n) else {
            throw UsageError(.invalidValue, "--\(option): must be between \(range.lowerBound) and \(range.upperBound), got \(n)",
                             hint: "see '\(command.displayName) --help'")
        }
        return n
    }
}

extension CommandContext {
    /// The current moment by the command's clock, for late cancellations and no-shows.
    var now: Instant { clock.now }

    /// Today's date in `zone` (the practice's or a location's), by the command's clock.
    func today(in zone: TimeZoneID?) -> LocalDate { clock.today(in: zone) }
}

/// How appointments read in command output: local times in the location's zone.
enum AppointmentText {
    /// "2026-12-01 09:00–09:30"; the end carries its date when it falls on another day.
    static func span(start: LocalDateTime, end: LocalDateTime) -> String {
        end.date == start.date ? "\(start)–\(end.time)" : "\(start)–\(end)"
    }

    static func line(_ e: AppointmentBooked) -> String {
        let slot = e.slot
        var text = "\(e.appointment)  \(span(start: slot.localStart, end: slot.localEnd)) \(e.zone)  \(e.patient) with \(e.provider) at \(e.location)"
        if let room = e.room { text += ", room \(room)" }
        if let reason = e.forcedReason { text += "  (forced: \(reason))" }
        return text
    }

    static func stream(_ id: AppointmentID) -> String { "appointment-\(id)" }
}
