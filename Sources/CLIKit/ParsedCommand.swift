/// The result of parsing a command line that should run: which command, its
/// positional arguments and its option values.
///
/// Accessors take names without dashes. Options never given fall back to their
/// declared ``OptionSpec/defaultValue``.
///
/// ```swift
/// guard case .run(let cmd) = try parser.parse(CommandLine.arguments.dropFirst().map { $0 }) else { … }
/// let claimID = try cmd.requiredArgument("claim-id")
/// let limit = try cmd.int("n") ?? 20
/// let codes = cmd.strings("dx")
/// if cmd.flag("json") { … }
/// ```
public struct ParsedCommand: Sendable, Equatable {
    /// Subcommand names below the root, e.g. `["claim", "submit"]`.
    public let path: [String]
    /// The program name and path, e.g. `practica claim submit`, for messages.
    public let displayName: String
    /// Positional words in the order given.
    public let positionals: [String]
    /// Positional words grouped by argument name.
    let argumentValues: [String: [String]]
    /// Values given on the line, by long name, in order; flags hold one `""` per use.
    let givenValues: [String: [String]]
    /// Declared defaults, by long name.
    let defaults: [String: String]

    init(path: [String], displayName: String, positionals: [String],
         argumentValues: [String: [String]], givenValues: [String: [String]], defaults: [String: String]) {
        self.path = path
        self.displayName = displayName
        self.positionals = positionals
        self.argumentValues = argumentValues
        self.givenValues = givenValues
        self.defaults = defaults
    }

    /// Every word given on the line, labelled as messages name it (`--note`,
    /// `<claim>`), options first in name order, so a caller can hold every input
    /// to one rule before the command runs.
    public var labelledWords: [(label: String, value: String)] {
        var words: [(String, String)] = []
        for name in givenValues.keys.sorted() {
            for value in givenValues[name] ?? [] where !value.isEmpty { words.append(("--\(name)", value)) }
        }
        for name in argumentValues.keys.sorted() {
            for value in argumentValues[name] ?? [] { words.append(("<\(name)>", value)) }
        }
        return words
    }

    /// Whether the option was written on the command line (defaults don't count).
    public func isSet(_ option: String) -> Bool {
        givenValues[option] != nil
    }

    /// The last value of `option`, else its default, else `nil`.
    public func string(_ option: String) -> String? {
        givenValues[option]?.last ?? defaults[option]
    }

    /// Every value of a repeatable `option` in the order given (the default if none).
    public func strings(_ option: String) -> [String] {
        if let values = givenValues[option] { return values }
        return defaults[option].map { [$0] } ?? []
    }

    /// True when the flag `option` was given.
    public func flag(_ option: String) -> Bool {
        isSet(option)
    }

    /// The value of `option` as an integer, or `nil` when absent.
    ///
    /// - throws: ``UsageError`` naming the option when the value isn't a whole number.
    public func int(_ option: String) throws(UsageError) -> Int? {
        guard let text = string(option) else { return nil }
        guard let value = Int(text) else {
            let name = Self.displayName(ofOption: option)
            throw UsageError(.invalidValue, "invalid value '\(EchoedWord.of(text))' for \(name): not a whole number",
                             hint: "give a whole number, e.g. \(name) 5")
        }
        return value
    }

    /// How an option is typed: `-n` for a one-letter name, `--count` otherwise.
    static func displayName(ofOption option: String) -> String {
        option.count == 1 ? "-\(option)" : "--\(option)"
    }

    /// The value of `option`, which must be present (or defaulted).
    ///
    /// - throws: ``UsageError`` naming the option when it's missing.
    public func required(_ option: String) throws(UsageError) -> String {
        guard let value = string(option) else {
            throw UsageError(.missingOption, "missing required option --\(option) for '\(displayName)'",
                             hint: "see '\(displayName) --help'")
        }
        return value
    }

    /// The value of positional argument `name`, or `nil` when an optional one was left out.
    public func argument(_ name: String) -> String? {
        argumentValues[name]?.first
    }

    /// Every word taken by the repeating argument `name`.
    public func argumentList(_ name: String) -> [String] {
        argumentValues[name] ?? []
    }

    /// The value of positional argument `name`.
    ///
    /// - throws: ``UsageError`` when it's absent. The parser already rejects a
    ///   missing required argument, so this mostly guards an optional one.
    public func requiredArgument(_ name: String) throws(UsageError) -> String {
        guard let value = argument(name) else {
            throw UsageError(.missingArgument, "missing argument <\(name)> for '\(displayName)'",
                             hint: "see '\(displayName) --help'")
        }
        return value
    }
}
