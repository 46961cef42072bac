/// An id people type: a short prefix and a number allocated by the store
/// inside the append transaction ("PT1042", "AP20931").
///
/// The number alone is stored (one varint); the prefix comes from the type, so
/// a patient id can never be passed where an appointment id is expected.
///
/// ```swift
/// let p = try PatientID.parse("PT1042")
/// p.number        // 1042
/// "\(p)"          // "PT1042"
/// ```
public protocol PrefixedID: Hashable, Comparable, Sendable, CustomStringConvertible {
    static var prefix: String { get }
    /// What the id names, for messages: "patient id".
    static var kind: String { get }
    var number: UInt64 { get }
    init(_ number: UInt64)
}

extension PrefixedID {
    /// Accepts the prefix in either case ("pt1042") since people type it.
    /// - throws: `ValueError` when the prefix is wrong or the number is missing or too large.
    public static func parse(_ text: String) throws(ValueError) -> Self {
        let input = text.trimmedForInput
        let p = Self.prefix
        guard input.count > p.count, input.prefix(p.count).uppercased() == p else {
            throw ValueError(kind: kind, input: text, reason: "expected \(p) followed by digits, like \(p)1042")
        }
        let digits = input.dropFirst(p.count)
        guard ASCII.allDigits(digits), let n = UInt64(digits) else {
            throw ValueError(kind: kind, input: text, reason: "expected \(p) followed by digits, like \(p)1042")
        }
        return Self(n)
    }

    public var description: String { Self.prefix + String(number) }

    public static func < (a: Self, b: Self) -> Bool { a.number < b.number }
}

public struct PatientID: PrefixedID {
    public static let prefix = "PT"
    public static let kind = "patient id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

public struct ProviderID: PrefixedID {
    public static let prefix = "PR"
    public static let kind = "provider id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

public struct LocationID: PrefixedID {
    public static let prefix = "LO"
    public static let kind = "location id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

public struct RoomID: PrefixedID {
    public static let prefix = "RO"
    public static let kind = "room id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

public struct AppointmentTypeID: PrefixedID {
    public static let prefix = "AT"
    public static let kind = "appointment type id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

/// Payers use PA because DESIGN.md gives PY to payments.
public struct PayerID: PrefixedID {
    public static let prefix = "PA"
    public static let kind = "payer id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

public struct PaymentID: PrefixedID {
    public static let prefix = "PY"
    public static let kind = "payment id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

public struct AppointmentID: PrefixedID {
    public static let prefix = "AP"
    public static let kind = "appointment id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

public struct VisitID: PrefixedID {
    public static let prefix = "V"
    public static let kind = "visit id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

public struct CoverageID: PrefixedID {
    public static let prefix = "CV"
    public static let kind = "coverage id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

public struct WaitlistEntryID: PrefixedID {
    public static let prefix = "WL"
    public static let kind = "waitlist entry id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}
