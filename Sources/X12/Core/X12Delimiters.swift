/// The four characters that give an interchange its shape.
///
/// A reader learns them from the ISA segment (element separator at byte 4,
/// ISA11, ISA16, and the byte after ISA16); a writer chooses them.
/// They are single ASCII bytes: X12 delimiters come from the basic and
/// extended character sets, and working on bytes keeps "\r\n" from being
/// merged into one `Character`.
public struct X12Delimiters: Sendable, Equatable {
    public let element: UInt8
    public let component: UInt8
    /// `nil` when the sender declared none (a 4010-style `U` in ISA11).
    public let repetition: UInt8?
    public let segment: UInt8
    /// Written after each segment terminator for readability; readers ignore CR/LF there.
    public let lineBreak: String

    /// The common choice: `*` elements, `:` components, `^` repetitions, `~` segments, one segment per line.
    public static let standard = X12Delimiters(uncheckedElement: UInt8(ascii: "*"), component: UInt8(ascii: ":"),
                                               repetition: UInt8(ascii: "^"), segment: UInt8(ascii: "~"), lineBreak: "\n")

    /// Creates delimiters from characters, refusing letters, digits, spaces, non-ASCII and duplicates.
    ///
    /// ```
    /// let d = try X12Delimiters(element: "|", component: ">", repetition: "^", segment: "~")
    /// ```
    /// - throws: `X12Error` of kind `.invalidDelimiters`.
    public init(element: Character, component: Character, repetition: Character?, segment: Character,
                lineBreak: String = "\n") throws(X12Error) {
        func byte(_ c: Character, _ role: String) throws(X12Error) -> UInt8 {
            guard let a = c.asciiValue else {
                throw X12Error(.invalidDelimiters, "the \(role) separator '\(c)' is not a single ASCII character")
            }
            return a
        }
        let e = try byte(element, "element")
        let c = try byte(component, "component")
        let s = try byte(segment, "segment")
        var r: UInt8?
        if let repetition { r = try byte(repetition, "repetition") }
        self.init(uncheckedElement: e, component: c, repetition: r, segment: s, lineBreak: lineBreak)
        if let problem = Self.problem(with: self) { throw X12Error(.invalidDelimiters, problem) }
    }

    init(uncheckedElement element: UInt8, component: UInt8, repetition: UInt8?, segment: UInt8, lineBreak: String) {
        self.element = element
        self.component = component
        self.repetition = repetition
        self.segment = segment
        self.lineBreak = lineBreak
    }

    /// A reason these delimiters cannot work, or `nil` when they can.
    static func problem(with d: X12Delimiters) -> String? {
        let named: [(String, UInt8)] = [("element", d.element), ("component", d.component), ("segment", d.segment)]
            + (d.repetition.map { [("repetition", $0)] } ?? [])
        for (role, b) in named {
            if isAlphanumericOrSpace(b) || b >= 0x80 {
                return "the \(role) separator \(describe(b)) is a letter, digit, space or non-ASCII byte"
            }
        }
        for i in named.indices {
            for j in named.indices where j > i && named[i].1 == named[j].1 {
                return "the \(named[i].0) and \(named[j].0) separators are both \(describe(named[i].1))"
            }
        }
        return nil
    }

    static func isAlphanumericOrSpace(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x20
    }

    /// A byte as a person would recognise it in an error message.
    static func describe(_ b: UInt8) -> String {
        switch b {
        case 0x0A: return "LF"
        case 0x0D: return "CR"
        case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(b)))'"
        default: return "byte 0x" + String(b, radix: 16, uppercase: true)
        }
    }
}
