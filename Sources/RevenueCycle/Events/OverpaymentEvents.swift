import BinaryCodec

/// A claim payment was posted that takes the claim's insurance balance below
/// zero: the payer paid more than was open with it (a duplicate payment, a
/// second adjudication). The money is real and stays posted; this puts the
/// claim in the overpayments queue (`queue show overpayments`) with the reason,
/// so a biller refunds the payer or waits for its recoupment.
public struct ClaimOverpaymentFlagged: EventPayload, Equatable {
    public static let typeName = "ClaimOverpaymentFlagged"
    public static let schemaVersion: UInt8 = 1

    public let claim: ClaimID
    public let remittance: RemittanceID
    /// CLP04 of the posting that overpaid.
    public let paid: Money
    /// The claim's insurance balance before and after the posting; `openAfter` is negative.
    public let openBefore: Money
    public let openAfter: Money
    public let reason: String
    public let flaggedOn: LocalDate

    public init(claim: ClaimID, remittance: RemittanceID, paid: Money, openBefore: Money, openAfter: Money, reason: String,
                flaggedOn: LocalDate) {
        self.claim = claim
        self.remittance = remittance
        self.paid = paid
        self.openBefore = openBefore
        self.openAfter = openAfter
        self.reason = reason
        self.flaggedOn = flaggedOn
    }

    /// What the payer is owed back (or will take back): the part of the posting beyond what was open.
    public var excess: Money { -openAfter }

    /// v1: claim id; remittance id; paid; open before; open after; reason; date.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.write(remittance)
        w.write(paid)
        w.write(openBefore)
        w.write(openAfter)
        w.writeString(reason)
        w.write(flaggedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        claim = try r.readID()
        remittance = try r.readID()
        paid = try r.readMoney()
        openBefore = try r.readMoney()
        openAfter = try r.readMoney()
        reason = try r.readString()
        flaggedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("claim", .id(claim)), ("remittance", .id(remittance)), ("paid", .money(paid)),
                 ("openBefore", .money(openBefore)), ("openAfter", .money(openAfter)), ("excess", .money(excess)),
                 ("reason", .string(reason)), ("flaggedOn", .text(flaggedOn))])
    }
}
