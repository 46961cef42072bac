/// What a command line asks for: run a command, or show help.
///
/// Help is not an error: `--help` anywhere gives ``help(_:)`` with
/// ``HelpRequest/Reason/requested``, and a noun without a verb
/// (`practica store`) gives ``HelpRequest/Reason/missingSubcommand`` so the
/// caller can choose the exit code (usually 0 and 2 respectively).
///
/// ```swift
/// switch try parser.parse(argv) {
/// case .run(let command): try dispatch(command)
/// case .help(let request):
///     print(request.render(), terminator: "")
///     exit(request.reason == .requested ? 0 : 2)
/// }
/// ```
public enum ParseOutcome: Sendable, Equatable {
    /// Run this command.
    case run(ParsedCommand)
    /// Print help for a command instead of running anything.
    case help(HelpRequest)
}

/// A request to print help for one command of the tree.
public struct HelpRequest: Sendable, Equatable {
    /// Why help is shown.
    public enum Reason: Sendable, Equatable {
        /// `--help` or `-h` appeared on the line.
        case requested
        /// A command with subcommands was given without one.
        case missingSubcommand
    }

    /// Subcommand names below the root, e.g. `["store"]`.
    public let path: [String]
    /// Why help is shown.
    public let reason: Reason
    let root: CommandSpec

    init(root: CommandSpec, path: [String], reason: Reason) {
        self.root = root
        self.path = path
        self.reason = reason
    }

    /// The command help is about.
    public var command: CommandSpec {
        root.descendant(at: path) ?? root
    }

    /// The full help text, wrapped at `width` columns, ending in a newline.
    public func render(width: Int = 80) -> String {
        HelpRenderer(root: root, width: width).render(path: path)
    }
}
