/// A procedure code with its qualifier and modifiers (SV101 / SVC01 / SVD03).
public struct ProcedureCode: Sendable, Equatable, CustomStringConvertible {
    /// "HC" for CPT/HCPCS.
    public var qualifier: String
    public var code: String
    /// Up to four two-character modifiers.
    public var modifiers: [String]

    public init(qualifier: String = "HC", code: String, modifiers: [String] = []) {
        self.qualifier = qualifier
        self.code = code
        self.modifiers = modifiers
    }

    var element: X12Element { X12Element(components: [qualifier, code] + modifiers) }

    public var description: String { ([qualifier, code] + modifiers).joined(separator: ":") }
}
