/// A remittance: one 835 transaction set as posted ("RM17").
public struct RemittanceID: PrefixedID {
    public static let prefix = "RM"
    public static let kind = "remittance id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

/// A denial in the work queue: one denied claim or line and reason ("DN40").
public struct DenialID: PrefixedID {
    public static let prefix = "DN"
    public static let kind = "denial id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

/// A patient's payment plan ("PP3").
public struct PaymentPlanID: PrefixedID {
    public static let prefix = "PP"
    public static let kind = "payment plan id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

/// An issued patient statement ("ST88").
public struct StatementID: PrefixedID {
    public static let prefix = "ST"
    public static let kind = "statement id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

/// A patient balance adjustment (write-off, small balance, courtesy) ("AJ5").
public struct AdjustmentID: PrefixedID {
    public static let prefix = "AJ"
    public static let kind = "adjustment id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

/// Hands out consecutive ids from a first one, for decisions that learn how
/// many they need only while deciding (an 835 opens as many denials as it has
/// denied lines). The caller allocates `first` from the store's counter inside
/// the append and advances the counter by `used` afterwards.
///
/// ```swift
/// var ids = IDSequence(first: DenialID(40))
/// ids.next()   // DN40
/// ids.next()   // DN41
/// ids.used     // 2
/// ```
public struct IDSequence<ID: PrefixedID>: Sendable {
    public let first: ID
    public private(set) var used: UInt64 = 0

    public init(first: ID) { self.first = first }

    public mutating func next() -> ID {
        defer { used += 1 }
        return ID(first.number + used)
    }
}
