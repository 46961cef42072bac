/// A patient's or subscriber's legal name as it goes on a claim.
///
/// ```swift
/// let n = try PersonName(first: "José", last: "Núñez")
/// n.matches(search: "nun")    // true: prefix of the folded last name
/// ```
public struct PersonName: Hashable, Sendable, CustomStringConvertible {
    public let first: String
    public let middle: String?
    public let last: String

    /// - throws: `ValueError` when a part is empty, longer than 60 characters, or has control characters.
    public init(first: String, middle: String? = nil, last: String) throws(ValueError) {
        self.first = try PersonName.validPart(first, "first name")
        self.last = try PersonName.validPart(last, "last name")
        if let middle, !middle.trimmedForInput.isEmpty {
            self.middle = try PersonName.validPart(middle, "middle name")
        } else {
            self.middle = nil
        }
    }

    static func validPart(_ text: String, _ kind: String) throws(ValueError) -> String {
        if let plain = plainASCIIName(text) { return plain }
        let t = text.trimmedForInput
        guard !t.isEmpty else { throw ValueError(kind: kind, input: text, reason: "must not be empty") }
        guard t.count <= 60 else { throw ValueError(kind: kind, input: text, reason: "must be at most 60 characters") }
        guard !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValueError(kind: kind, input: text, reason: "must not contain control characters")
        }
        guard t.contains(where: { $0.isLetter }) else {
            throw ValueError(kind: kind, input: text, reason: "must contain a letter")
        }
        return t
    }

    /// The common case decided on bytes alone: printable ASCII, no surrounding
    /// spaces, 1–60 characters and a letter. Anything else takes the Unicode path.
    private static func plainASCIIName(_ text: String) -> String? {
        let utf8 = text.utf8
        guard (1...60).contains(utf8.count), let first = utf8.first, let last = utf8.last,
              first != 0x20, last != 0x20 else { return nil }
        var hasLetter = false
        for b in utf8 {
            guard (0x20...0x7E).contains(b) else { return nil }
            if (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) { hasLetter = true }
        }
        return hasLetter ? text : nil
    }

    /// Folded last name, the key for duplicate detection and search.
    public var lastKey: String { SearchText.fold(last) }
    public var firstKey: String { SearchText.fold(first) }

    /// True when every word of `search` is a prefix of the folded first or last
    /// name: "jo nu" finds José Núñez.
    public func matches(search: String) -> Bool {
        let words = SearchText.fold(search).split(whereSeparator: { $0 == " " || $0 == "," })
        guard !words.isEmpty else { return false }
        let keys = [firstKey, lastKey] + (middle.map { [SearchText.fold($0)] } ?? [])
        return words.allSatisfy { w in keys.contains { $0.hasPrefix(w) } }
    }

    /// "Núñez, José A" — last name first, as lists and claims show it.
    public var description: String {
        "\(last), \(first)" + (middle.map { " \($0)" } ?? "")
    }
}
