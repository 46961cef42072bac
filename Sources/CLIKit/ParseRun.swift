/// The mutable state of one parse. Kept apart from ``CommandLineParser`` so
/// the parser itself stays an immutable, shareable value.
struct ParseRun {
    let root: CommandSpec
    let arguments: [String]
    let helpRequested: Bool
    private(set) var path: [String] = []
    private var node: CommandSpec
    private var index = 0
    private var positionals: [String] = []
    private var given: [String: [String]] = [:]

    init(root: CommandSpec, arguments: [String]) {
        self.root = root
        self.arguments = arguments
        self.node = root
        let beforeTerminator = arguments.prefix { $0 != "--" }
        self.helpRequested = beforeTerminator.contains { $0 == "--help" || $0 == "-h" }
    }

    private var displayName: String { ([root.name] + path).joined(separator: " ") }
    private var helpHint: String { "see '\(displayName) --help'" }
    private var usage: String { HelpRenderer(root: root).usageLine(path: path) }

    private func error(_ kind: UsageError.Kind, _ message: String, hint: String? = nil) -> UsageError {
        UsageError(kind, message, hint: hint ?? helpHint, usage: usage)
    }

    mutating func parse() throws(UsageError) -> ParseOutcome {
        var optionsEnded = false
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if optionsEnded {
                positionals.append(token)
            } else if token == "--" {
                optionsEnded = true
            } else if token == "--help" || token == "-h" {
                continue
            } else if token.hasPrefix("--") {
                try parseLong(token)
            } else if Self.isOptionLike(token) {
                try parseShortCluster(token)
            } else if !node.isLeaf && positionals.isEmpty {
                try descend(into: token)
            } else {
                positionals.append(token)
            }
        }
        if helpRequested {
            return .help(HelpRequest(root: root, path: path, reason: .requested))
        }
        if !node.isLeaf {
            if let word = positionals.first { try descend(into: word) }
            return .help(HelpRequest(root: root, path: path, reason: .missingSubcommand))
        }
        let argumentValues = try assignPositionals()
        try checkRequiredOptions()
        return .run(ParsedCommand(path: path, displayName: displayName, positionals: positionals,
                                  argumentValues: argumentValues, givenValues: given,
                                  defaults: defaults()))
    }

    // MARK: Commands

    private mutating func descend(into word: String) throws(UsageError) {
        guard let child = node.subcommand(named: word) else {
            let place = path.isEmpty ? "" : " for '\(displayName)'"
            var message = "unknown command '\(EchoedWord.of(word))'\(place)"
            if let guess = Suggestion.closest(to: word, among: node.subcommands.map(\.name)) {
                message += " — did you mean '\(guess)'?"
            }
            throw error(.unknownCommand, message)
        }
        node = child
        path.append(word)
    }

    // MARK: Options

    private var visibleOptions: [OptionSpec] { node.options + root.globalOptions }

    private mutating func parseLong(_ token: String) throws(UsageError) {
        let body = token.dropFirst(2)
        let name: String
        var inline: String?
        if let equals = body.firstIndex(of: "=") {
            name = String(body[..<equals])
            inline = String(body[body.index(after: equals)...])
        } else {
            name = String(body)
        }
        guard let option = visibleOptions.first(where: { $0.long == name }) else {
            var message = "unknown option --\(EchoedWord.of(name)) for '\(displayName)'"
            if let guess = Suggestion.closest(to: name, among: visibleOptions.map(\.long) + ["help"]) {
                message += " — did you mean --\(guess)?"
            }
            throw error(.unknownOption, message)
        }
        if !option.takesValue {
            if let inline {
                throw error(.unexpectedValue, "option --\(name) is a flag and takes no value (got '\(EchoedWord.of(inline))')",
                            hint: "write --\(name) alone to turn it on")
            }
            record(option, value: "")
            return
        }
        if let inline {
            try recordValue(option, value: inline)
        } else {
            try recordValue(option, value: takeValue(for: option, typed: "--\(name)"))
        }
    }

    private mutating func parseShortCluster(_ token: String) throws(UsageError) {
        var rest = Substring(token.dropFirst())
        while let letter = rest.first {
            rest = rest.dropFirst()
            guard let option = visibleOptions.first(where: { $0.short == letter }) else {
                throw error(.unknownOption, "unknown option -\(EchoedWord.of(String(letter))) for '\(displayName)'")
            }
            if !option.takesValue {
                record(option, value: "")
                continue
            }
            var attached = rest
            if attached.first == "=" { attached = attached.dropFirst() }
            if attached.isEmpty {
                try recordValue(option, value: takeValue(for: option, typed: "-\(letter)"))
            } else {
                try recordValue(option, value: String(attached))
            }
            return
        }
    }

    /// Takes the next word as the value unless it looks like another option.
    private mutating func takeValue(for option: OptionSpec, typed: String) throws(UsageError) -> String {
        guard index < arguments.count, !Self.isOptionLike(arguments[index]) else {
            let placeholder = option.valuePlaceholder ?? "<value>"
            throw error(.missingValue, "missing value for \(typed)",
                        hint: "write --\(option.long) \(placeholder) or --\(option.long)=\(placeholder)")
        }
        defer { index += 1 }
        return arguments[index]
    }

    private mutating func recordValue(_ option: OptionSpec, value: String) throws(UsageError) {
        if !option.isRepeatable && given[option.long] != nil {
            throw error(.repeatedOption, "option --\(option.long) given more than once",
                        hint: "give --\(option.long) once")
        }
        record(option, value: value)
    }

    private mutating func record(_ option: OptionSpec, value: String) {
        given[option.long, default: []].append(value)
    }

    private func checkRequiredOptions() throws(UsageError) {
        for option in visibleOptions where option.isRequired && option.defaultValue == nil && given[option.long] == nil {
            throw error(.missingOption, "missing required option --\(option.long) for '\(displayName)'")
        }
    }

    private func defaults() -> [String: String] {
        var result: [String: String] = [:]
        for option in visibleOptions {
            if let value = option.defaultValue { result[option.long] = value }
        }
        return result
    }

    // MARK: Positionals

    private func assignPositionals() throws(UsageError) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var remaining = positionals[...]
        for argument in node.arguments {
            if argument.isRepeating {
                result[argument.name] = Array(remaining)
                remaining = []
            } else if let word = remaining.first {
                result[argument.name] = [word]
                remaining = remaining.dropFirst()
            }
            if result[argument.name, default: []].isEmpty && !argument.isOptional {
                throw error(.missingArgument, "missing argument <\(argument.name)> for '\(displayName)'")
            }
        }
        if let extra = remaining.first {
            throw error(.unexpectedArgument, "unexpected argument '\(EchoedWord.of(extra))' for '\(displayName)'")
        }
        return result
    }

    /// `-x`, `--x`, `--`: yes. `-`, `-5`, `-.5`, `word`: no (a value or positional).
    static func isOptionLike(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token.count > 1 else { return false }
        if token.hasPrefix("--") { return true }
        let second = token[token.index(after: token.startIndex)]
        return !(second.isNumber || second == ".")
    }
}
