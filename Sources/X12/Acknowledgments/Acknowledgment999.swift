/// A 999 implementation acknowledgment (005010X231A1): did the receiver accept our 837s?
public struct Acknowledgment999: Sendable {
    /// ST02 of the 999 itself.
    public var controlNumber: String
    public var groups: [GroupAcknowledgment999]
}

/// IK5/AK9 acknowledgment codes.
public enum AcknowledgmentCode: String, Sendable {
    case accepted = "A"
    case acceptedWithErrors = "E"
    case rejected = "R"
    case partiallyAccepted = "P"
    case rejectedMessageAuthentication = "M"
    case rejectedAssuranceFailed = "W"
    case rejectedContentDecryption = "X"

    /// Whether the receiver will process the data (fully or in part).
    public var isAccepted: Bool { self == .accepted || self == .acceptedWithErrors || self == .partiallyAccepted }
}

/// AK1 … AK9: the verdict on one functional group we sent.
public struct GroupAcknowledgment999: Sendable {
    /// AK101, e.g. "HC".
    public var functionalIdentifier: String
    /// AK102: the GS06 we sent.
    public var groupControlNumber: String
    /// AK103.
    public var version: String?
    public var transactionSets: [SetAcknowledgment999]
    /// AK901.
    public var status: AcknowledgmentCode
    /// AK902, AK903, AK904.
    public var setsIncluded: Int?
    public var setsReceived: Int?
    public var setsAccepted: Int?
    /// AK905…AK909 explained.
    public var errors: [String]
    /// Position of the AK1 in the interchange, so a caller refusing the group can name it.
    public var segmentNumber: Int = 0
}

/// AK2 … IK5: the verdict on one transaction set we sent.
public struct SetAcknowledgment999: Sendable {
    /// AK201, e.g. "837".
    public var identifier: String
    /// AK202: the ST02 we sent.
    public var controlNumber: String
    /// AK203.
    public var implementationReference: String?
    /// IK501.
    public var status: AcknowledgmentCode
    /// IK502…IK506 explained.
    public var setErrors: [String]
    /// IK3/IK4 explained, one line each.
    public var segmentErrors: [String]
    /// Position of the AK2 in the interchange, so a caller refusing the set can name it.
    public var segmentNumber: Int = 0
}
