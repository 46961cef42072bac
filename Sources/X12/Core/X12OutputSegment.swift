/// A segment to be written, independent of the delimiters that will separate it.
///
/// Each element is a list of components (one for a simple element), so the
/// writer — not the caller — decides which characters join them. Trailing
/// empty elements and components are dropped on output, as X12 requires.
///
/// ```
/// X12OutputSegment("SV1", [.composite("HC", "99213", "25"), "100", "UN", "1", "", "", "1:2"])
/// ```
public struct X12OutputSegment: Sendable, Equatable {
    public let id: String
    public let elements: [X12Element]

    public init(_ id: String, _ elements: [X12Element]) {
        self.id = id
        self.elements = elements
    }
}

/// One element of an `X12OutputSegment`: a simple value or a composite.
public struct X12Element: Sendable, Equatable, ExpressibleByStringLiteral {
    public let components: [String]

    public init(_ value: String) { components = [value] }
    public init(stringLiteral value: String) { components = [value] }
    public init(components: [String]) { self.components = components }

    /// A composite element, e.g. `.composite("11", "B", "1")` for CLM05.
    public static func composite(_ parts: String...) -> X12Element { X12Element(components: parts) }

    /// An optional value: empty when `nil`.
    public static func optional(_ value: String?) -> X12Element { X12Element(value ?? "") }

    /// An amount in cents, written without trailing zeros.
    public static func amount(_ cents: Int64) -> X12Element { X12Element(X12Amount.string(fromCents: cents)) }

    var isEmpty: Bool { components.allSatisfy(\.isEmpty) }
}
