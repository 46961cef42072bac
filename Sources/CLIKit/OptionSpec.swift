/// A named option: a boolean flag (`--json`) or one taking a value (`--store PATH`).
///
/// Built with ``OptionSpec/flag(_:short:help:)`` or
/// ``OptionSpec/value(_:short:valueName:help:defaultValue:isRequired:isRepeatable:)``
/// so that a flag can't accidentally carry a value name or default.
///
/// ```swift
/// let options: [OptionSpec] = [
///     .value("dx", valueName: "code", help: "Diagnosis code.", isRepeatable: true),
///     .flag("dry-run", help: "Check without writing."),
/// ]
/// ```
public struct OptionSpec: Sendable, Equatable {
    /// Whether the option stands alone or needs a value.
    public enum Kind: Sendable, Equatable {
        /// Present or absent, e.g. `--json`.
        case flag
        /// Needs a value, shown as `<valueName>` in help.
        case value(valueName: String)
    }

    /// Long name without dashes: `store` for `--store`.
    public var long: String
    /// Optional single-letter name: `n` for `-n`.
    public var short: Character?
    /// One line shown under OPTIONS.
    public var help: String
    /// Flag or value option.
    public var kind: Kind
    /// Value used when the option is absent; also shown as `(default: …)`.
    public var defaultValue: String?
    /// Parsing fails when the option is absent.
    public var isRequired: Bool
    /// May be given several times; values are collected in order.
    public var isRepeatable: Bool

    /// A boolean flag such as `--json`.
    public static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, help: help, kind: .flag,
                   defaultValue: nil, isRequired: false, isRepeatable: true)
    }

    /// An option taking a value such as `--store <path>`.
    public static func value(
        _ long: String,
        short: Character? = nil,
        valueName: String = "value",
        help: String,
        defaultValue: String? = nil,
        isRequired: Bool = false,
        isRepeatable: Bool = false
    ) -> OptionSpec {
        OptionSpec(long: long, short: short, help: help, kind: .value(valueName: valueName),
                   defaultValue: defaultValue, isRequired: isRequired, isRepeatable: isRepeatable)
    }

    /// True when the option needs a value.
    public var takesValue: Bool {
        if case .value = kind { return true }
        return false
    }

    /// `<path>` for value options, `nil` for flags.
    var valuePlaceholder: String? {
        if case .value(let name) = kind { return "<\(name)>" }
        return nil
    }

    /// `-n, --count <count>` as shown in the OPTIONS column.
    var helpLabel: String {
        var label = short.map { "-\($0), " } ?? ""
        label += "--\(long)"
        if let placeholder = valuePlaceholder { label += " \(placeholder)" }
        return label
    }

    /// `--count <count>`, bracketed unless required, as used in USAGE.
    var usageToken: String {
        var token = "--\(long)"
        if let placeholder = valuePlaceholder { token += " \(placeholder)" }
        if isRepeatable && takesValue { token += " ..." }
        return isRequired ? token : "[\(token)]"
    }
}
