/// Why a command produced no events: the field at fault and the reason, in
/// one line, plus what the user can do next.
///
/// `kind` tells the CLI which exit code to use: `.usage` (2) for input that can
/// never work (an invalid NPI, zero minutes), `.refused` (1) for input that is
/// well-formed but not allowed by the current state (the slot is taken, the
/// user's role forbids it, a likely duplicate patient).
public struct Rejection: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case usage, refused }

    public let kind: Kind
    /// The command-line flag or argument at fault, without dashes: "npi", "at", "patient".
    public let field: String
    public let reason: String
    public let hint: String?
    /// Likely duplicate patients (registration).
    public let duplicates: [PatientID]
    /// Every clash found (bookings, reschedules), so a recurring booking lists them all at once.
    public let conflicts: [ScheduleConflict]

    public init(_ kind: Kind, field: String, reason: String, hint: String? = nil,
                duplicates: [PatientID] = [], conflicts: [ScheduleConflict] = []) {
        self.kind = kind
        self.field = field
        self.reason = reason
        self.hint = hint
        self.duplicates = duplicates
        self.conflicts = conflicts
    }

    public static func usage(_ field: String, _ reason: String, hint: String? = nil) -> Rejection {
        Rejection(.usage, field: field, reason: reason, hint: hint)
    }

    public static func refused(_ field: String, _ reason: String, hint: String? = nil) -> Rejection {
        Rejection(.refused, field: field, reason: reason, hint: hint)
    }

    /// A value that failed validation, blamed on `field`.
    public static func invalid(_ field: String, _ error: ValueError) -> Rejection {
        Rejection(.usage, field: field, reason: error.description)
    }

    /// "--npi: invalid NPI ..."; the CLI prints this line, then the hint.
    public var description: String { "--\(field): \(reason)" }
}
