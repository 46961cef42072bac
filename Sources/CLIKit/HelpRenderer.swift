/// Renders help text in swift-argument-parser's layout: OVERVIEW, USAGE,
/// ARGUMENTS, OPTIONS, GLOBAL OPTIONS, SUBCOMMANDS and EXAMPLES, with the
/// label column aligned and everything wrapped to ``width`` columns.
///
/// ```swift
/// let text = HelpRenderer(root: root).render(path: ["claim", "submit"])
/// ```
public struct HelpRenderer: Sendable {
    /// The root of the command tree; its name is the program name.
    public let root: CommandSpec
    /// Maximum line width in columns.
    public let width: Int

    /// Where help text starts in ARGUMENTS/OPTIONS rows, as in swift-argument-parser.
    private let labelColumn = 26

    /// Creates a renderer for `root`, wrapping at `width` columns (80 by default).
    public init(root: CommandSpec, width: Int = 80) {
        self.root = root
        self.width = max(width, 40)
    }

    /// The full help for the command at `path` (root when the path doesn't exist).
    public func render(path: [String]) -> String {
        let command = root.descendant(at: path) ?? root
        let display = ([root.name] + path).joined(separator: " ")
        var sections: [[String]] = []

        var overview = TextWrapper.wrap("OVERVIEW: " + command.abstract, width: width)
        if let discussion = command.discussion {
            overview += [""] + TextWrapper.wrapParagraphs(discussion, width: width)
        }
        sections.append(overview)
        sections.append(usageLines(path: path))

        if !command.arguments.isEmpty {
            sections.append(["ARGUMENTS:"] + command.arguments.flatMap { row(label: "<\($0.name)>", help: $0.help) })
        }
        let helpOption = row(label: "-h, --help", help: "Show help information.")
        sections.append(["OPTIONS:"] + command.options.flatMap(optionRow) + helpOption)
        if !root.globalOptions.isEmpty {
            sections.append(["GLOBAL OPTIONS:"] + root.globalOptions.flatMap(optionRow))
        }
        if !command.subcommands.isEmpty {
            var lines: [String] = []
            if command.subcommandGroups.isEmpty {
                lines = ["SUBCOMMANDS:"] + command.subcommands.flatMap { row(label: $0.name, help: $0.abstract) }
            } else {
                for (index, group) in command.subcommandGroups.enumerated() {
                    if index > 0 { lines.append("") }
                    lines.append(group.title + ":")
                    lines += group.names.compactMap(command.subcommand(named:)).flatMap { row(label: $0.name, help: $0.abstract) }
                }
            }
            lines.append("")
            lines += TextWrapper.wrap("See '\(display) <subcommand> --help' for detailed help.", width: width - 2)
                .map { "  " + $0 }
            sections.append(lines)
        }
        let examples = examplesToShow(for: command)
        if !examples.isEmpty {
            sections.append(["EXAMPLES:"] + exampleLines(examples))
        }
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// The one-line usage, e.g. `practica log tail [-n <count>] [--follow]`.
    public func usageLine(path: [String]) -> String {
        let command = root.descendant(at: path) ?? root
        return usageTokens(command: command, path: path).joined(separator: " ")
    }

    // MARK: Pieces

    private func usageTokens(command: CommandSpec, path: [String]) -> [String] {
        var tokens = [root.name] + path
        if !command.isLeaf {
            tokens.append("<subcommand>")
            return tokens
        }
        tokens += command.arguments.map(\.usageToken)
        tokens += command.options.map(\.usageToken)
        return tokens
    }

    /// `USAGE: ` then tokens, continuation lines indented under the first token.
    private func usageLines(path: [String]) -> [String] {
        let command = root.descendant(at: path) ?? root
        let prefix = "USAGE: "
        let indent = String(repeating: " ", count: prefix.count + 2)
        var lines: [String] = []
        var line = prefix
        for token in usageTokens(command: command, path: path) {
            let separator = (line == prefix || line == indent) ? "" : " "
            if line != prefix && line != indent && DisplayWidth.of(line + separator + token) > width {
                lines.append(line)
                line = indent + token
            } else {
                line += separator + token
            }
        }
        lines.append(line)
        return lines
    }

    private func optionRow(_ option: OptionSpec) -> [String] {
        var help = option.help
        if let value = option.defaultValue { help += " (default: \(value))" }
        if option.isRepeatable && option.takesValue { help += " (can be repeated)" }
        return row(label: option.helpLabel, help: help)
    }

    /// `  label` padded to the help column, help wrapped under it; a label too
    /// long for the column puts the help on the next line.
    private func row(label: String, help: String) -> [String] {
        let pad = String(repeating: " ", count: labelColumn)
        let helpLines = TextWrapper.wrap(help, width: width - labelColumn)
        let head = "  " + label
        var lines: [String] = []
        var remaining = helpLines[...]
        if DisplayWidth.of(head) <= labelColumn - 2, let first = remaining.first {
            lines.append(DisplayWidth.padRight(head, to: labelColumn) + first)
            remaining = remaining.dropFirst()
        } else {
            lines.append(head)
        }
        lines += remaining.map { pad + $0 }
        return lines
    }

    /// A noun without its own examples shows the first example of each child,
    /// so every help text carries at least one.
    private func examplesToShow(for command: CommandSpec) -> [Example] {
        if !command.examples.isEmpty { return command.examples }
        return command.subcommands.compactMap(Self.firstExample)
    }

    private static func firstExample(in command: CommandSpec) -> Example? {
        if let example = command.examples.first { return example }
        for child in command.subcommands {
            if let example = firstExample(in: child) { return example }
        }
        return nil
    }

    private func exampleLines(_ examples: [Example]) -> [String] {
        var lines: [String] = []
        for (index, example) in examples.enumerated() {
            if index > 0 { lines.append("") }
            lines += TextWrapper.wrap(example.explanation, width: width - 2).map { "  " + $0 }
            lines.append("    $ " + example.command)
        }
        return lines
    }
}
