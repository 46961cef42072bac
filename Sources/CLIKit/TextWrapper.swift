import Foundation

/// Breaks prose into lines that fit a width, measured in display columns.
///
/// Words longer than the width get a line of their own rather than being cut,
/// so identifiers and paths stay copyable.
///
/// ```swift
/// TextWrapper.wrap("one two three", width: 7)  // ["one two", "three"]
/// ```
public enum TextWrapper {
    /// The lines of `text` (whitespace collapsed), each at most `width` columns when possible.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in words {
            let wordWidth = DisplayWidth.of(String(word))
            if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Wraps each blank-line-separated paragraph of `text` and keeps the blank lines.
    public static func wrapParagraphs(_ text: String, width: Int) -> [String] {
        let paragraphs = text.components(separatedBy: "\n\n")
        var lines: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append("") }
            lines += wrap(paragraph, width: width)
        }
        return lines
    }
}
