/// What the ISA says about an outgoing interchange.
///
/// Control numbers are supplied by the caller, who knows which ones were
/// already used with this trading partner; the writer only formats them.
public struct X12InterchangeHeader: Sendable {
    /// ISA05/ISA07 qualifier, e.g. "ZZ" mutually defined, "30" tax id.
    public var senderQualifier: String
    public var senderID: String
    public var receiverQualifier: String
    public var receiverID: String
    public var date: X12Date
    public var time: X12Time
    /// ISA13, 1…999 999 999.
    public var controlNumber: Int
    /// ISA15: production or test.
    public var isProduction: Bool
    /// ISA14: ask the receiver for a TA1.
    public var requestsAcknowledgment: Bool

    public init(senderQualifier: String = "ZZ", senderID: String, receiverQualifier: String = "ZZ", receiverID: String,
                date: X12Date, time: X12Time, controlNumber: Int, isProduction: Bool = true,
                requestsAcknowledgment: Bool = false) {
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.receiverQualifier = receiverQualifier
        self.receiverID = receiverID
        self.date = date
        self.time = time
        self.controlNumber = controlNumber
        self.isProduction = isProduction
        self.requestsAcknowledgment = requestsAcknowledgment
    }
}

/// What the GS says about an outgoing functional group.
public struct X12GroupHeader: Sendable {
    /// GS01, e.g. "HC" for 837.
    public var functionalIdentifier: String
    public var applicationSender: String
    public var applicationReceiver: String
    public var date: X12Date
    public var time: X12Time
    /// GS06, 1…999 999 999.
    public var controlNumber: Int
    /// GS08, e.g. "005010X222A1".
    public var version: String

    public init(functionalIdentifier: String, applicationSender: String, applicationReceiver: String,
                date: X12Date, time: X12Time, controlNumber: Int, version: String) {
        self.functionalIdentifier = functionalIdentifier
        self.applicationSender = applicationSender
        self.applicationReceiver = applicationReceiver
        self.date = date
        self.time = time
        self.controlNumber = controlNumber
        self.version = version
    }
}

/// A transaction set to write: ST is built from these, SE is computed.
public struct X12OutgoingTransactionSet: Sendable {
    /// ST01, e.g. "837".
    public var identifier: String
    /// ST02, 4–9 characters, unique within the group.
    public var controlNumber: String
    /// ST03, e.g. "005010X222A1"; `nil` to omit.
    public var implementationReference: String?
    /// The segments between ST and SE.
    public var body: [X12OutputSegment]

    public init(identifier: String, controlNumber: String, implementationReference: String?, body: [X12OutputSegment]) {
        self.identifier = identifier
        self.controlNumber = controlNumber
        self.implementationReference = implementationReference
        self.body = body
    }
}

/// A functional group to write: GS from the header, GE computed.
public struct X12OutgoingGroup: Sendable {
    public var header: X12GroupHeader
    public var transactionSets: [X12OutgoingTransactionSet]

    public init(header: X12GroupHeader, transactionSets: [X12OutgoingTransactionSet]) {
        self.header = header
        self.transactionSets = transactionSets
    }
}
