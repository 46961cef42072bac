/// Splits a command line into words the way a POSIX shell would for simple
/// input: whitespace separates, single and double quotes group, backslash escapes.
///
/// Used to check that EXAMPLES parse; not a full shell (no variables or globs).
///
/// ```swift
/// ShellWords.split("practica note add 'two words'")  // ["practica", "note", "add", "two words"]
/// ```
public enum ShellWords {
    /// The words of `line`.
    public static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaping = false
        for character in line {
            if escaping {
                current.append(character)
                escaping = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaping = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                inWord = true
            case "\\":
                escaping = true
                inWord = true
            case _ where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
