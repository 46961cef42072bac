/// A validated interchange: ISA … IEA with its functional groups and transaction sets.
///
/// Produced by `X12Reader.read`, which has already checked every trailer's
/// count and control number, so readers of particular transaction sets can
/// trust the envelope and look only at the set's body.
public struct X12Interchange: Sendable {
    public let delimiters: X12Delimiters
    /// The ISA segment.
    public let header: X12Segment
    /// The IEA segment.
    public let trailer: X12Segment
    public let groups: [X12FunctionalGroup]
    /// Tolerated deviations (an alphanumeric ISA11, a lenient control number mismatch …).
    public let warnings: [X12Warning]

    /// ISA13.
    public var controlNumber: String { header[13] }
    /// ISA06, without padding.
    public var senderID: String { header[6].trimmingSpaces }
    /// ISA08, without padding.
    public var receiverID: String { header[8].trimmingSpaces }
    /// ISA15: "P" production, "T" test.
    public var usageIndicator: String { header[15] }
    /// Every transaction set of every group, in file order.
    public var transactionSets: [X12TransactionSet] { groups.flatMap(\.transactionSets) }
}

/// GS … GE.
public struct X12FunctionalGroup: Sendable {
    public let header: X12Segment
    public let trailer: X12Segment
    public let transactionSets: [X12TransactionSet]

    /// GS01, e.g. "HC" claims, "HP" remittances, "FA" acknowledgments, "HN" claim status.
    public var functionalIdentifier: String { header[1] }
    /// GS06.
    public var controlNumber: String { header[6] }
    /// GS08, e.g. "005010X222A1".
    public var version: String { header[8] }
}

/// ST … SE.
public struct X12TransactionSet: Sendable {
    public let header: X12Segment
    public let trailer: X12Segment
    /// The segments between ST and SE.
    public let body: [X12Segment]
    /// GS08 of the enclosing group, used when ST03 is absent.
    public let groupVersion: String

    /// ST01, e.g. "835".
    public var identifier: String { header[1] }
    /// ST02.
    public var controlNumber: String { header[2] }
    /// ST03 when present, else the group's GS08.
    public var implementationReference: String { header.value(3) ?? groupVersion }
}
