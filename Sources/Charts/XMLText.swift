/// Escaping for text and attribute values in SVG and XHTML.
///
/// Labels come from the practice's own data (payer names, denial reasons,
/// patient-entered text), so every one of them passes through here before it
/// reaches markup. Besides the five special characters, control characters
/// that XML 1.0 forbids are replaced, because one stray byte in a payer name
/// would otherwise make the whole dashboard unreadable to an XML parser.
public enum XMLText {
    /// `text` safe to place in element content or inside a double- or
    /// single-quoted attribute value.
    ///
    /// ```swift
    /// XMLText.escape("A&B <\"CO-45\">")   // "A&amp;B &lt;&quot;CO-45&quot;&gt;"
    /// ```
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                out.unicodeScalars.append(isAllowedInXML(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// XML 1.0's `Char` production: tab, newline, carriage return, and
    /// everything from U+0020 except the two non-characters U+FFFE and U+FFFF.
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xFFFD: return true
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
