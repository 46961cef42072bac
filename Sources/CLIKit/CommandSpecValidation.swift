/// A command tree that breaks the rules CLIKit relies on.
///
/// Thrown by ``CommandLineParser/init(root:)`` so that a missing example or a
/// clashing option name fails the first test that builds the parser rather
/// than confusing a user later.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One readable line per problem, e.g. `'practica log tail' has no example`.
    public let problems: [String]

    public var description: String {
        "invalid command tree:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension CommandSpec {
    /// Every way this tree (taken as the root) breaks CLIKit's rules; empty when fine.
    ///
    /// Checked: every leaf has an example; names are non-empty and dash-free;
    /// no duplicate subcommand, long or short option names (globals included);
    /// `--help`/`-h` are not redeclared; optional and repeating arguments come
    /// last; a noun has no positional arguments; each example starts with the
    /// command's own path and parses.
    ///
    /// ```swift
    /// XCTAssertEqual(PracticaCommands.root.validationProblems(), [])
    /// ```
    public func validationProblems() -> [String] {
        var problems: [String] = []
        let globals = globalOptions
        problems += Self.optionProblems(globals, where: "global options", reserved: [])
        collectProblems(path: [name], globals: globals, into: &problems)
        if problems.isEmpty {
            problems += exampleParseProblems()
        }
        return problems
    }

    private func collectProblems(path: [String], globals: [OptionSpec], into problems: inout [String]) {
        let display = "'\(path.joined(separator: " "))'"
        if name.isEmpty || name.hasPrefix("-") || name.contains(" ") {
            problems.append("\(display) has an invalid name")
        }
        if isLeaf && examples.isEmpty {
            problems.append("\(display) has no example")
        }
        if !isLeaf && !arguments.isEmpty {
            problems.append("\(display) has both subcommands and positional arguments")
        }
        problems += Self.optionProblems(options, where: display, reserved: globals)
        problems += argumentProblems(display: display)
        var seen = Set<String>()
        for child in subcommands where !seen.insert(child.name).inserted {
            problems.append("\(display) declares subcommand '\(child.name)' twice")
        }
        problems += groupProblems(display: display)
        for child in subcommands {
            child.collectProblems(path: path + [child.name], globals: globals, into: &problems)
        }
    }

    /// Declared groups must list each subcommand exactly once and nothing else.
    private func groupProblems(display: String) -> [String] {
        guard !subcommandGroups.isEmpty else { return [] }
        var problems: [String] = []
        let grouped = subcommandGroups.flatMap(\.names)
        let names = Set(subcommands.map(\.name))
        for name in subcommands.map(\.name) where !grouped.contains(name) {
            problems.append("\(display) lists subcommand '\(name)' in no group")
        }
        var seen = Set<String>()
        for name in grouped {
            if !names.contains(name) { problems.append("\(display) groups '\(name)', which is no subcommand") }
            if !seen.insert(name).inserted { problems.append("\(display) groups '\(name)' twice") }
        }
        return problems
    }

    private func argumentProblems(display: String) -> [String] {
        var problems: [String] = []
        var names = Set<String>()
        for (index, argument) in arguments.enumerated() {
            let isLast = index == arguments.count - 1
            if !names.insert(argument.name).inserted {
                problems.append("\(display) declares argument <\(argument.name)> twice")
            }
            if argument.isRepeating && !isLast {
                problems.append("\(display): repeating argument <\(argument.name)> must be last")
            }
            if argument.isOptional && !isLast {
                problems.append("\(display): optional argument <\(argument.name)> must be last")
            }
        }
        return problems
    }

    private static func optionProblems(_ options: [OptionSpec], where display: String, reserved: [OptionSpec]) -> [String] {
        var problems: [String] = []
        var longs = Set(reserved.map(\.long) + ["help"])
        var shorts = Set(reserved.compactMap(\.short) + ["h"])
        for option in options {
            if option.long.isEmpty || option.long.hasPrefix("-") || option.long.contains("=") {
                problems.append("\(display): invalid option name '\(option.long)'")
            }
            if !longs.insert(option.long).inserted {
                problems.append("\(display): option --\(option.long) is reserved or declared twice")
            }
            if let short = option.short, !shorts.insert(short).inserted {
                problems.append("\(display): option -\(short) is reserved or declared twice")
            }
        }
        return problems
    }

    /// Parses every example so help text can't advertise a command line that fails.
    private func exampleParseProblems() -> [String] {
        let parser = CommandLineParser(validatedRoot: self)
        var problems: [String] = []
        visit(path: []) { path, command in
            let expectedPrefix = ([name] + path).joined(separator: " ")
            for example in command.examples {
                let words = ShellWords.split(example.command)
                guard words.first == name else {
                    problems.append("example '\(example.command)' does not start with '\(name)'")
                    continue
                }
                do throws(UsageError) {
                    let outcome = try parser.parse(Array(words.dropFirst()))
                    if case .run(let parsed) = outcome, parsed.path != path {
                        problems.append("example '\(example.command)' is listed under '\(expectedPrefix)' but runs '\(parsed.displayName)'")
                    }
                } catch {
                    problems.append("example '\(example.command)' does not parse: \(error.message)")
                }
            }
        }
        return problems
    }

    /// Calls `body` for this command and every descendant, depth first.
    func visit(path: [String], _ body: ([String], CommandSpec) -> Void) {
        body(path, self)
        for child in subcommands {
            child.visit(path: path + [child.name], body)
        }
    }
}
