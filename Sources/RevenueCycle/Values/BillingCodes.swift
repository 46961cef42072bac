/// A place-of-service code (CMS POS list): two digits, 01-99; "11" is office.
public struct PlaceOfService: Hashable, Sendable, CustomStringConvertible {
    public let code: String

    public init(_ text: String) throws(ValueError) {
        // Fast path for the stored form (every decoded claim passes here).
        if ASCII.bytes(of: text, pass: { $0.count == 2 && $0.allSatisfy(ASCII.isDigitByte) && !($0[0] == 0x30 && $0[1] == 0x30) }) {
            code = text
            return
        }
        let t = text.trimmedForInput
        guard t.count == 2, ASCII.allDigits(t), t != "00" else {
            throw ValueError(kind: "place of service", input: text, reason: "expected a two-digit CMS code 01-99, like 11 for office")
        }
        code = t
    }

    public var description: String { code }
}

/// A procedure code: CPT (5 digits), CPT category II or III or PLA (4 digits
/// then F, T or U), or HCPCS level II (a letter A-V then 4 digits).
///
/// ```swift
/// try ProcedureCode("99213")   // CPT
/// try ProcedureCode("3074F")   // category II
/// try ProcedureCode("J1885")   // HCPCS
/// ```
public struct ProcedureCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case cpt, cptCategoryII, cptCategoryIII, proprietaryLab, hcpcs }

    public let code: String
    public let kind: Kind

    public init(_ text: String) throws(ValueError) {
        // Fast path for the common, already-normal form (every decoded charge passes here).
        if ASCII.bytes(of: text, pass: { $0.count == 5 && $0.allSatisfy(ASCII.isDigitByte) }) {
            code = text
            kind = .cpt
            return
        }
        let t = text.trimmedForInput.uppercased()
        let c = Array(t)
        let fail = ValueError(kind: "procedure code", input: text,
                              reason: "expected 5 digits (CPT), 4 digits + F/T/U, or a letter A-V + 4 digits (HCPCS)")
        guard c.count == 5 else { throw fail }
        if c.allSatisfy(ASCII.isDigit) {
            kind = .cpt
        } else if c[0..<4].allSatisfy(ASCII.isDigit) {
            switch c[4] {
            case "F": kind = .cptCategoryII
            case "T": kind = .cptCategoryIII
            case "U": kind = .proprietaryLab
            default: throw fail
            }
        } else if c[0] >= "A" && c[0] <= "V", c[1...].allSatisfy(ASCII.isDigit) {
            kind = .hcpcs
        } else {
            throw fail
        }
        code = t
    }

    public var description: String { code }
    public static func < (a: ProcedureCode, b: ProcedureCode) -> Bool { a.code < b.code }
}

/// A procedure modifier: two letters or digits ("25", "59", "GT").
public struct Modifier: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let code: String

    public init(_ text: String) throws(ValueError) {
        if ASCII.bytes(of: text, pass: { $0.count == 2 && $0.allSatisfy(ASCII.isUpperOrDigitByte) }) {
            code = text
            return
        }
        let t = text.trimmedForInput.uppercased()
        guard t.count == 2, t.allSatisfy(ASCII.isAlphanumeric) else {
            throw ValueError(kind: "modifier", input: text, reason: "expected two letters or digits, like 25")
        }
        code = t
    }

    public var description: String { code }
    public static func < (a: Modifier, b: Modifier) -> Bool { a.code < b.code }
}

/// An ICD-10-CM diagnosis code: a letter, a digit, a letter or digit, then
/// optionally a dot and up to four letters or digits ("E11.9", "S72.001A").
///
/// Stored without the dot (as 837P HI segments carry it); printed with it.
public struct DiagnosisCode: Hashable, Sendable, CustomStringConvertible {
    /// Without the dot: "E119".
    public let compact: String

    public init(_ text: String) throws(ValueError) {
        // Fast path for the stored form: upper-case, no dot, letter + digit + 1–5 letters or digits.
        if ASCII.bytes(of: text, pass: { u in
            (3...7).contains(u.count) && (0x41...0x5A).contains(u[0]) && ASCII.isDigitByte(u[1]) && u[2...].allSatisfy(ASCII.isUpperOrDigitByte)
        }) {
            compact = text
            return
        }
        let t = text.trimmedForInput.uppercased()
        let fail = ValueError(kind: "ICD-10-CM code", input: text,
                              reason: "expected a letter, a digit, a letter or digit, then optionally a dot and up to 4 more, like E11.9")
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw fail }
        let category = Array(parts[0])
        var rest: [Character]
        if parts.count == 2 {
            guard category.count == 3, !parts[1].isEmpty else { throw fail }
            rest = Array(parts[1])
        } else {
            guard category.count >= 3 else { throw fail }
            rest = Array(category[3...])
        }
        let head = Array(category.prefix(3))
        guard head.count == 3, ASCII.isUpperLetter(head[0]), ASCII.isDigit(head[1]), ASCII.isAlphanumeric(head[2]),
              rest.count <= 4, rest.allSatisfy(ASCII.isAlphanumeric)
        else { throw fail }
        compact = String(head) + String(rest)
    }

    /// "E11.9"; a bare category prints without a dot ("I10").
    public var description: String {
        compact.count > 3 ? String(compact.prefix(3)) + "." + String(compact.dropFirst(3)) : compact
    }
}

/// A provider taxonomy code (NUCC): ten characters, nine letters or digits then "X" ("207Q00000X").
public struct TaxonomyCode: Hashable, Sendable, CustomStringConvertible {
    public let code: String

    public init(_ text: String) throws(ValueError) {
        let t = text.trimmedForInput.uppercased()
        guard t.count == 10, t.last == "X", t.allSatisfy(ASCII.isAlphanumeric) else {
            throw ValueError(kind: "taxonomy code", input: text, reason: "expected 10 characters ending in X, like 207Q00000X")
        }
        code = t
    }

    public var description: String { code }
}
