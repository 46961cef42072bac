/// Which payer is billed first when a patient has more than one coverage.
public enum CoverageRank: String, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case primary, secondary, tertiary

    public static func parse(_ text: String) throws(ValueError) -> CoverageRank {
        guard let r = CoverageRank(rawValue: text.trimmedForInput.lowercased()) else {
            throw ValueError(kind: "rank", input: text, reason: "expected primary, secondary or tertiary")
        }
        return r
    }

    public var description: String { rawValue }
    public static func < (a: CoverageRank, b: CoverageRank) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// The patient's relationship to the insurance subscriber (837P SBR02/PAT01).
public enum SubscriberRelationship: String, CaseIterable, Sendable, CustomStringConvertible {
    case `self`, spouse, child, other

    public static func parse(_ text: String) throws(ValueError) -> SubscriberRelationship {
        guard let r = SubscriberRelationship(rawValue: text.trimmedForInput.lowercased()) else {
            throw ValueError(kind: "relationship", input: text, reason: "expected self, spouse, child or other")
        }
        return r
    }

    /// X12 individual relationship code.
    public var x12Code: String {
        switch self {
        case .self: return "18"
        case .spouse: return "01"
        case .child: return "19"
        case .other: return "G8"
        }
    }

    public var description: String { rawValue }
}

/// The insured person when it is not the patient.
public struct Subscriber: Hashable, Sendable {
    public let name: PersonName
    public let dateOfBirth: LocalDate?

    public init(name: PersonName, dateOfBirth: LocalDate? = nil) {
        self.name = name
        self.dateOfBirth = dateOfBirth
    }
}

/// Dates a coverage (or anything else) applies, both ends inclusive; no end means open-ended.
public struct DateSpan: Hashable, Sendable, CustomStringConvertible {
    public let from: LocalDate
    public let to: LocalDate?

    /// - throws: `ValueError` when `to` is before `from`.
    public init(from: LocalDate, to: LocalDate?) throws(ValueError) {
        if let to, to < from {
            throw ValueError(kind: "date range", input: "\(from) to \(to)", reason: "ends before it starts")
        }
        self.from = from
        self.to = to
    }

    public func contains(_ date: LocalDate) -> Bool { from <= date && to.map { date <= $0 } ?? true }

    public func overlaps(_ other: DateSpan) -> Bool {
        let aEndsBefore = to.map { $0 < other.from } ?? false
        let bEndsBefore = other.to.map { $0 < from } ?? false
        return !aEndsBefore && !bEndsBefore
    }

    public var description: String { "\(from) to \(to.map(\.description) ?? "open")" }
}

extension CoverageRank: BinaryTagged {
    static let codecOrder: [CoverageRank] = [.primary, .secondary, .tertiary]
    static let tagName = "coverage rank"
}

extension SubscriberRelationship: BinaryTagged {
    static let codecOrder: [SubscriberRelationship] = [.self, .spouse, .child, .other]
    static let tagName = "relationship"
}
