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
