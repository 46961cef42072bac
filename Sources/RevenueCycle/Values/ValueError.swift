/// Why a piece of user text is not a valid value, in one line a person can act on.
///
/// Every validated value (`Money`, `NPI`, `LocalDate`, ids, codes) throws this
/// from its initializer or `parse`, so the CLI can print it after the flag name:
/// `--npi: invalid NPI "1234567890": check digit should be 3, not 0`.
public struct ValueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of value was expected ("NPI", "date", "amount").
    public let kind: String
    /// The text that was given, as typed.
    public let input: String
    /// What is wrong with it.
    public let reason: String

    public init(kind: String, input: String, reason: String) {
        self.kind = kind
        self.input = input
        self.reason = reason
    }

    /// The input is shown escaped and shortened (`EchoedInput`), never raw.
    public var description: String { "invalid \(kind) \(EchoedInput.quoted(input)): \(reason)" }
}

/// Small character tests shared by the validators; ASCII only on purpose, since
/// codes and numbers from payers and the CMS are plain ASCII.
enum ASCII {
    // `isASCII` first: "1" followed by a combining accent is one Character that compares between "0" and "9".
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c >= "0" && c <= "9" }
    static func isUpperLetter(_ c: Character) -> Bool { c.isASCII && c >= "A" && c <= "Z" }
    static func isAlphanumeric(_ c: Character) -> Bool { isDigit(c) || isUpperLetter(c) || (c.isASCII && c >= "a" && c <= "z") }
    static func digitValue(_ c: Character) -> Int? {
        guard isDigit(c), let v = c.asciiValue else { return nil }
        return Int(v) - 48
    }
    static func allDigits(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy(isDigit) }
    static func allDigits(_ s: String) -> Bool { allDigits(Substring(s)) }

    /// Whether the text's UTF-8 bytes pass `check`, read in place: the fast paths of
    /// code types that every decoded event goes through, with no array built per value.
    static func bytes(of text: String, pass check: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable(check) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer(check)
    }

    static func isDigitByte(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
    static func isUpperOrDigitByte(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) }
}

extension String {
    /// The text without surrounding spaces, tabs and newlines; user input is trimmed before validation.
    var trimmedForInput: String {
        // Fast path (every decoded event passes here): nothing to trim when both
        // ends are visible ASCII.
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
