/// The one rule every piece of text a person types goes through (see the
/// README's "One rule for every input").
///
/// Characters: no control characters (C0, DEL, C1 — newlines and tabs
/// included) and no invisible formatting characters (Unicode category Cf: zero-width
/// space, joiner and non-joiner, LRM/RLM/ALM, bidi embeddings, overrides and
/// isolates, the BOM, soft hyphens), nor line or paragraph separators. Such text
/// looks like a name it is not ("Gar\u{200B}cia" escapes the duplicate check),
/// reorders a listing's row (U+202E), or breaks a line-based file.
///
/// Length: each kind of field has a limit, counted in characters as people see
/// them and, so that one character with a thousand combining marks can't pass,
/// in Unicode scalars too (four per character).
///
/// ```swift
/// try FreeText.validate(" flu ", as: .note, kind: "reason")   // "flu"
/// try FreeText.validate("Gar\u{200B}cia", as: .name, kind: "last name")   // throws
/// ```
public enum FreeText {
    /// The kinds of free text, each with its limit.
    public enum Field: Sendable, CaseIterable {
        /// A person's name part, or the name of a practice, provider, location, room, payer, appointment type or user (X12 NM1 allows 60).
        case name
        /// A postal address on one line.
        case address
        /// A note or a reason in words (cancellations, voids, overrides, waitlist notes).
        case note
        /// A check number, receipt or other reference (X12 REF allows 50).
        case reference

        public var maximumLength: Int {
            switch self {
            case .name: 60
            case .address: 120
            case .note: 500
            case .reference: 50
            }
        }
    }

    /// `text` trimmed, once it passes the character rule and `field`'s length.
    /// - parameter kind: what the value is, for the message ("last name", "reason").
    /// - throws: `ValueError` when empty, too long, or holding a refused character.
    public static func validate(_ text: String, as field: Field, kind: String) throws(ValueError) -> String {
        if let problem = characterProblem(in: text) {
            throw ValueError(kind: kind, input: text, reason: problem)
        }
        let t = text.trimmedForInput
        guard !t.isEmpty else { throw ValueError(kind: kind, input: text, reason: "must not be empty") }
        let limit = field.maximumLength
        guard t.count <= limit, t.unicodeScalars.count <= limit * 4 else {
            throw ValueError(kind: kind, input: text, reason: "must be at most \(limit) characters, got \(t.count)")
        }
        return t
    }

    /// Why `text` breaks the character rule, or nil when it doesn't. Every word
    /// on a command line is checked with this before any command runs.
    public static func characterProblem(in text: String) -> String? {
        // Fast path: printable ASCII has nothing to refuse.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return nil }
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control:
                return "must not contain control characters (found \(Self.codePoint(scalar)))"
            case .format, .lineSeparator, .paragraphSeparator:
                return "must not contain invisible formatting characters (found \(Self.codePoint(scalar)))"
            default:
                continue
            }
        }
        return nil
    }

    /// "U+200B".
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// How a message shows what someone typed: quoted, at most 60 characters
/// (then "…"), with control and formatting characters written as escapes,
/// so an error line can never be reordered, split or flooded by its input.
public enum EchoedInput {
    public static let maximumLength = 60

    /// `"Gar\u{200B}cia"` for the text with a zero-width space.
    public static func quoted(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// The text escaped and shortened, without quotes.
    public static func escaped(_ text: String) -> String {
        var out = ""
        var shown = 0
        for character in text {
            if shown == maximumLength { return out + "…" }
            shown += 1
            var plain = true
            for scalar in character.unicodeScalars {
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
                    plain = false
                default:
                    continue
                }
            }
            if plain && character != "\"" && character != "\\" {
                out.append(character)
            } else if character == "\"" || character == "\\" {
                out += "\\" + String(character)
            } else {
                for scalar in character.unicodeScalars {
                    switch scalar {
                    case "\n": out += "\\n"
                    case "\t": out += "\\t"
                    case "\r": out += "\\r"
                    default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                    }
                }
            }
        }
        return out
    }
}
