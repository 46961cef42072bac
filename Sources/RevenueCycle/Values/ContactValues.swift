/// A phone number reduced to its digits, so "(312) 555-0100", "312.555.0100"
/// and "+1 312 555 0100" are the same number for duplicate detection and search.
///
/// North American numbers only for now: 10 digits, or 11 with a leading 1
/// (dropped).
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// Ten digits.
    public let digits: String

    public init(_ text: String) throws(ValueError) {
        // Stored numbers are already ten digits: accept them without rebuilding.
        if text.utf8.count == 10, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            digits = text
            return
        }
        var digits = ""
        for c in text.trimmedForInput {
            if ASCII.isDigit(c) {
                digits.append(c)
            } else if !" ()-.+".contains(c) {
                throw ValueError(kind: "phone number", input: text, reason: "only digits, spaces, '(', ')', '-', '.' and '+' are allowed")
            }
        }
        if digits.count == 11, digits.first == "1" { digits.removeFirst() }
        guard digits.count == 10 else {
            throw ValueError(kind: "phone number", input: text, reason: "expected 10 digits (area code and number)")
        }
        self.digits = digits
    }

    public static func parse(_ text: String) throws(ValueError) -> PhoneNumber { try PhoneNumber(text) }

    /// Digits from any phone-like text, for searching by a fragment ("555-01" → "55501").
    public static func searchDigits(_ text: String) -> String { String(text.filter(ASCII.isDigit)) }

    /// "(312) 555-0100".
    public var formatted: String {
        let d = Array(digits)
        return "(" + String(d[0..<3]) + ") " + String(d[3..<6]) + "-" + String(d[6..<10])
    }

    public var description: String { digits }
}

/// An e-mail address checked only for shape (one '@', a dotted domain, no
/// spaces); whether it reaches someone is not knowable offline.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let address: String

    public init(_ text: String) throws(ValueError) {
        let t = text.trimmedForInput
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !t.contains(where: { $0.isWhitespace }), t.count <= 254
        else { throw ValueError(kind: "e-mail address", input: text, reason: "expected name@domain.tld") }
        address = t
    }

    public static func parse(_ text: String) throws(ValueError) -> EmailAddress { try EmailAddress(text) }

    public var description: String { address }
}

/// A name shown in lists: practice, provider, location, room, appointment type, payer.
public struct DisplayName: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    /// - throws: `ValueError` when empty, longer than 120 characters, or with control characters.
    public init(_ text: String, kind: String = "name") throws(ValueError) {
        let t = text.trimmedForInput
        guard !t.isEmpty else { throw ValueError(kind: kind, input: text, reason: "must not be empty") }
        guard t.count <= 120 else { throw ValueError(kind: kind, input: text, reason: "must be at most 120 characters") }
        guard !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValueError(kind: kind, input: text, reason: "must not contain control characters")
        }
        self.text = t
    }

    public static func parse(_ text: String) throws(ValueError) -> DisplayName { try DisplayName(text) }

    public var description: String { text }
}
