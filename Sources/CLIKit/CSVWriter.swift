/// Writes comma-separated values as RFC 4180 describes: fields containing a
/// comma, a double quote, CR or LF are wrapped in double quotes, and quotes
/// inside are doubled. Lines end in CRLF unless told otherwise.
///
/// ```swift
/// let csv = CSVWriter()
/// csv.document(header: ["patient", "note"], rows: [["Ana", "said \"hi\", left"]])
/// // "patient,note\r\nAna,\"said \"\"hi\"\", left\"\r\n"
/// ```
public struct CSVWriter: Sendable, Equatable {
    /// Appended after every record; RFC 4180 says CRLF.
    public var lineEnding: String

    /// Creates a writer; pass `"\n"` for Unix-style lines.
    public init(lineEnding: String = "\r\n") {
        self.lineEnding = lineEnding
    }

    /// `field`, quoted when it needs to be.
    public static func escape(_ field: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character and would hide both.
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingQuotes() + "\""
    }

    /// One record, with its line ending.
    public func record(_ fields: [String]) -> String {
        fields.map(Self.escape).joined(separator: ",") + lineEnding
    }

    /// A header record (if any) followed by every row.
    public func document(header: [String]?, rows: [[String]]) -> String {
        var text = header.map(record) ?? ""
        for row in rows { text += record(row) }
        return text
    }
}

private extension String {
    func replacingQuotes() -> String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar == "\"" { result.unicodeScalars.append("\"") }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
