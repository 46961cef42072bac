/// How the parser's messages show a word someone typed: at most 60
/// characters (then "…"), control and formatting characters as escapes, so an
/// error line can't be split, reordered or flooded by its input.
/// (The domain's `ValueError` shows its input the same way.)
///
/// ```swift
/// EchoedWord.of("a\u{202E}b")   // a\u{202E}b
/// ```
public enum EchoedWord {
    public static let maximumLength = 60

    public static func of(_ text: String) -> String {
        var out = ""
        var shown = 0
        for character in text {
            if shown == maximumLength { return out + "…" }
            shown += 1
            out += escaped(character)
        }
        return out
    }

    /// `text` with every control and formatting character escaped, line breaks
    /// included: what a table cell shows of stored text, whatever it holds.
    public static func escapingAll(_ text: String) -> String {
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
        return text.map(escaped).joined()
    }

    /// The whole of `text` with only the escaping, for a finished message;
    /// line breaks the message itself chose are kept.
    public static func escapingOnly(_ text: String) -> String {
        text.map { $0 == "\n" ? "\n" : escaped($0) }.joined()
    }

    private static func escaped(_ character: Character) -> String {
        let hidden = character.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: return true
            default: return false
            }
        }
        guard hidden else { return String(character) }
        return character.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\n": return "\\n"
            case "\t": return "\\t"
            case "\r": return "\\r"
            default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }.joined()
    }
}
