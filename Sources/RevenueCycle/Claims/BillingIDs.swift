/// A charge: one billed procedure on a visit ("CH812").
public struct ChargeID: PrefixedID {
    public static let prefix = "CH"
    public static let kind = "charge id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}

/// A claim ("CL5521"). Its text is the patient control number sent in CLM01
/// and returned in 277CA TRN02 and 835 CLP01, so it must stay within 20 characters.
public struct ClaimID: PrefixedID {
    public static let prefix = "CL"
    public static let kind = "claim id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }
}
