/// The description of one command in a command tree: its name, what it does,
/// what it accepts and how to call it.
///
/// A tree is declared once as plain values so that parsing, help text and the
/// checks in ``CommandSpec/validationProblems()`` all read the same source of
/// truth. Leaf commands (those without subcommands) must carry at least one
/// ``Example``; ``CommandLineParser/init(root:)`` refuses a tree that doesn't.
///
/// ```swift
/// let tail = CommandSpec(
///     name: "tail", abstract: "Show the newest events.",
///     options: [.value("n", short: "n", valueName: "count", help: "How many.", defaultValue: "20")],
///     examples: [Example("practica log tail -n 5", "Show the last five events.")])
/// let root = CommandSpec(
///     name: "practica", abstract: "Revenue cycle for medical practices.",
///     subcommands: [CommandSpec(name: "log", abstract: "Read the event log.", subcommands: [tail])],
///     globalOptions: [.flag("json", help: "Print JSON.")])
/// ```
public struct CommandSpec: Sendable, Equatable {
    /// The word typed on the command line, e.g. `submit`.
    public var name: String
    /// One line shown in OVERVIEW and in the parent's SUBCOMMANDS list.
    public var abstract: String
    /// Longer explanation printed under OVERVIEW, if any.
    public var discussion: String?
    /// Positional arguments, in order.
    public var arguments: [ArgumentSpec]
    /// Options specific to this command.
    public var options: [OptionSpec]
    /// Child commands; a command with subcommands is a noun, one without is a verb.
    public var subcommands: [CommandSpec]
    /// Worked invocations shown under EXAMPLES.
    public var examples: [Example]
    /// Options accepted anywhere on the line. Only the root's are used.
    public var globalOptions: [OptionSpec]
    /// Headings that sort the subcommands in help (as `git help` groups its
    /// commands by task); empty lists them in one SUBCOMMANDS section. When
    /// given, every subcommand belongs to exactly one group.
    public var subcommandGroups: [SubcommandGroup] = []

    /// Declares a command. See the type's documentation for an example.
    public init(
        name: String,
        abstract: String,
        discussion: String? = nil,
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [],
        examples: [Example] = [],
        subcommands: [CommandSpec] = [],
        globalOptions: [OptionSpec] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
        self.subcommands = subcommands
        self.globalOptions = globalOptions
    }

    /// True for a verb: a command that runs rather than lists children.
    public var isLeaf: Bool { subcommands.isEmpty }

    /// The direct child called `name`, if any.
    public func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    /// Follows `path` down from this command; `nil` if a step doesn't exist.
    ///
    /// ```swift
    /// root.descendant(at: ["claim", "submit"])?.abstract
    /// ```
    public func descendant(at path: [String]) -> CommandSpec? {
        var node = self
        for step in path {
            guard let next = node.subcommand(named: step) else { return nil }
            node = next
        }
        return node
    }
}

/// A heading in a command's help and the subcommands listed under it.
///
/// ```swift
/// SubcommandGroup("FRONT DESK", ["book", "check-in", "check-out"])
/// ```
public struct SubcommandGroup: Sendable, Equatable {
    /// Shown as the section's heading, e.g. `FRONT DESK`.
    public var title: String
    /// Subcommand names, in the order shown.
    public var names: [String]

    /// Declares a group.
    public init(_ title: String, _ names: [String]) {
        self.title = title
        self.names = names
    }
}

/// A positional argument such as `<claim-id>` or `<file>...`.
///
/// Optional and repeating arguments may only come last; the validation in
/// ``CommandSpec/validationProblems()`` checks that.
///
/// ```swift
/// ArgumentSpec("files", help: "835 files to import.", isRepeating: true)
/// ```
public struct ArgumentSpec: Sendable, Equatable {
    /// Name shown as `<name>` and used with ``ParsedCommand/argument(_:)``.
    public var name: String
    /// One line shown under ARGUMENTS.
    public var help: String
    /// May be left out.
    public var isOptional: Bool
    /// Takes every remaining positional word.
    public var isRepeating: Bool

    /// Declares a positional argument.
    public init(_ name: String, help: String, isOptional: Bool = false, isRepeating: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.isRepeating = isRepeating
    }

    /// `<name>`, `[<name>]`, `<name> ...` or `[<name> ...]` as used in USAGE.
    var usageToken: String {
        let base = "<\(name)>" + (isRepeating ? " ..." : "")
        return isOptional ? "[\(base)]" : base
    }
}

/// One invocation shown under EXAMPLES, with what it does.
///
/// ```swift
/// Example("practica claim submit C-17 --out c17.837", "Submit claim C-17 and keep the 837 file.")
/// ```
public struct Example: Sendable, Equatable {
    /// The full command line, starting with the program name.
    public var command: String
    /// What the example achieves, one line.
    public var explanation: String

    /// Declares an example.
    public init(_ command: String, _ explanation: String) {
        self.command = command
        self.explanation = explanation
    }
}
