/// A mistake on the command line; always exits with ``ExitCode/usage`` (2).
///
/// The message names the option, argument or command and the reason; the
/// hint says where to look. Tests can match on ``kind`` instead of text.
///
/// ```swift
/// do { _ = try parser.parse(["log", "tail", "--foo"]) }
/// catch { print(error.message) }  // unknown option --foo for 'practica log tail'
/// ```
public struct UsageError: UserError, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that branch on it.
    public enum Kind: Sendable, Equatable {
        case unknownCommand
        case unknownOption
        case missingValue
        case unexpectedValue
        case invalidValue
        case repeatedOption
        case missingOption
        case missingArgument
        case unexpectedArgument
    }

    public let kind: Kind
    public let message: String
    public let hint: String?
    /// The USAGE line of the command concerned, when known.
    public let usage: String?
    public var exitCode: ExitCode { .usage }
    public var description: String { message }

    /// Creates a usage error; normally only the parser and ``ParsedCommand`` do.
    public init(_ kind: Kind, _ message: String, hint: String?, usage: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.usage = usage
    }
}
