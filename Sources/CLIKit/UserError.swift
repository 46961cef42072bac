/// An error meant for the person at the keyboard: a one-line message naming
/// what was wrong, a hint saying what to do, and the exit code to end with.
///
/// The CLI catches these at the top and prints them with ``UserErrorReport``
/// instead of a crash trace.
///
/// ```swift
/// struct SlotTaken: UserError {
///     var message: String { "slot 09:00 on 2025-03-04 is already booked" }
///     var hint: String? { "see 'practica schedule show 2025-03-04'" }
///     var exitCode: ExitCode { .refused }
/// }
/// ```
public protocol UserError: Error {
    /// One line naming the field or thing and the reason.
    var message: String { get }
    /// What to try next, or `nil`.
    var hint: String? { get }
    /// How the process should end.
    var exitCode: ExitCode { get }
}

/// A ready-made ``UserError`` for cases that don't deserve their own type.
///
/// ```swift
/// throw CommandFailure("store at ./practica-data is locked by pid 4242",
///                      hint: "wait for the other practica process to finish",
///                      exitCode: .storeUnavailable)
/// ```
public struct CommandFailure: UserError, Sendable, Equatable {
    public var message: String
    public var hint: String?
    public var exitCode: ExitCode

    /// Describes a failure; the default exit code is ``ExitCode/refused``.
    public init(_ message: String, hint: String? = nil, exitCode: ExitCode = .refused) {
        self.message = message
        self.hint = hint
        self.exitCode = exitCode
    }
}

/// Formats a ``UserError`` as the lines printed on stderr.
///
/// ```swift
/// FileHandleWriter.standardError.write(UserErrorReport.render(error))
/// exit(error.exitCode.rawValue)
/// ```
public enum UserErrorReport {
    /// `error: <message>`, then `usage: …` for usage errors, then `hint: <hint>`, each ending in a newline.
    public static func render(_ error: any UserError) -> String {
        // Escaped once more here: whatever a message quoted, it stays one line and reads left to right.
        var text = "error: \(EchoedWord.escapingOnly(error.message))\n"
        if let usage = (error as? UsageError)?.usage {
            text += "usage: \(usage)\n"
        }
        if let hint = error.hint, !hint.isEmpty {
            text += "hint: \(EchoedWord.escapingOnly(hint))\n"
        }
        return text
    }
}
