/// One segment as read from an interchange.
///
/// Elements are kept as the raw text between element separators; composites
/// and repetitions are split on demand with the interchange's delimiters, so
/// a segment can be inspected without knowing its layout in advance.
///
/// ```
/// let clp = segments[14]
/// clp.id            // "CLP"
/// clp[1]            // "PCN123"   (CLP01; "" when absent)
/// clp.components(1) // for SVC01 "HC:99213:25" -> ["HC", "99213", "25"]
/// ```
public struct X12Segment: Sendable, Equatable {
    /// The segment identifier, e.g. "CLP".
    public let id: String
    /// Elements 1...n (the identifier is not included), raw.
    public let elements: [String]
    /// 1-based position in the interchange; ISA is 1.
    public let number: Int
    let componentSeparator: UInt8
    let repetitionSeparator: UInt8?

    public init(id: String, elements: [String], number: Int, delimiters: X12Delimiters = .standard) {
        self.id = id
        self.elements = elements
        self.number = number
        self.componentSeparator = delimiters.component
        self.repetitionSeparator = delimiters.repetition
    }

    /// Element `position` (1-based, as the guides number them), or "" when absent.
    public subscript(position: Int) -> String {
        guard position >= 1, position <= elements.count else { return "" }
        return elements[position - 1]
    }

    /// Element `position` with surrounding spaces removed, or `nil` when absent or blank.
    public func value(_ position: Int) -> String? {
        let raw = self[position].trimmingSpaces
        return raw.isEmpty ? nil : raw
    }

    /// The components of a composite element (a simple element gives one component).
    public func components(_ position: Int) -> [String] {
        let raw = self[position]
        if raw.isEmpty { return [] }
        return raw.split(separator: Character(Unicode.Scalar(componentSeparator)), omittingEmptySubsequences: false)
            .map(String.init)
    }

    /// Component `index` (1-based) of element `position`, or "" when absent.
    public func component(_ position: Int, _ index: Int) -> String {
        let parts = components(position)
        guard index >= 1, index <= parts.count else { return "" }
        return parts[index - 1]
    }

    /// The repetitions of a repeating element (one when no repetition separator is in use).
    public func repetitions(_ position: Int) -> [String] {
        let raw = self[position]
        guard let rep = repetitionSeparator else { return raw.isEmpty ? [] : [raw] }
        return raw.split(separator: Character(Unicode.Scalar(rep)), omittingEmptySubsequences: false).map(String.init)
    }
}

extension String {
    /// Without leading and trailing spaces (ISA fields are space padded).
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
