import BinaryCodec

/// A claim payment in an 835 that matched none of our claims (or matched one
/// it cannot apply to). It is kept whole, never dropped, in the suspense
/// queue until someone resolves it, so the remittance still adds up.
public struct RemittanceClaimSuspended: EventPayload, Equatable {
    public static let typeName = "RemittanceClaimSuspended"
    public static let schemaVersion: UInt8 = 1

    public let remittance: RemittanceID
    /// 0-based position of the CLP in the remittance: with `remittance`, the item's key.
    public let index: Int
    /// CLP01 as sent.
    public let patientControlNumber: String
    /// CLP02.
    public let status: String
    public let charge: Money
    public let paid: Money
    /// CLP05, when sent.
    public let patientResponsibility: Money?
    public let payerClaimControlNumber: String?
    /// NM1*QC name as "LAST, FIRST", and its member id.
    public let patientName: String?
    public let memberID: String?
    public let serviceDate: LocalDate?
    public let adjustments: [PostedAdjustment]
    public let lines: [PostedLine]
    public let remarks: [String]
    /// Why it could not be posted, for the work queue.
    public let reason: String
    public let paymentDate: LocalDate

    public init(remittance: RemittanceID, index: Int, patientControlNumber: String, status: String, charge: Money, paid: Money,
                patientResponsibility: Money?, payerClaimControlNumber: String?, patientName: String?, memberID: String?,
                serviceDate: LocalDate?, adjustments: [PostedAdjustment], lines: [PostedLine], remarks: [String],
                reason: String, paymentDate: LocalDate) {
        self.remittance = remittance
        self.index = index
        self.patientControlNumber = patientControlNumber
        self.status = status
        self.charge = charge
        self.paid = paid
        self.patientResponsibility = patientResponsibility
        self.payerClaimControlNumber = payerClaimControlNumber
        self.patientName = patientName
        self.memberID = memberID
        self.serviceDate = serviceDate
        self.adjustments = adjustments
        self.lines = lines
        self.remarks = remarks
        self.reason = reason
        self.paymentDate = paymentDate
    }

    /// v1: remittance id; index; CLP01; CLP02; charge; paid; optional CLP05;
    /// optional CLP07, name, member id, date; adjustments; lines; remarks; reason; date.
    public func encode(to w: inout ByteWriter) {
        w.write(remittance)
        w.write(index)
        w.writeString(patientControlNumber)
        w.writeString(status)
        w.write(charge)
        w.write(paid)
        w.writeOptional(patientResponsibility) { $0.write($1) }
        w.writeOptionalString(payerClaimControlNumber)
        w.writeOptionalString(patientName)
        w.writeOptionalString(memberID)
        w.writeOptional(serviceDate) { $0.write($1) }
        w.writeArray(adjustments) { $0.write($1) }
        w.writeArray(lines) { $0.write($1) }
        w.writeArray(remarks) { $0.writeString($1) }
        w.writeString(reason)
        w.write(paymentDate)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        remittance = try r.readID()
        index = try r.readInt()
        patientControlNumber = try r.readString()
        status = try r.readString()
        charge = try r.readMoney()
        paid = try r.readMoney()
        patientResponsibility = try r.readOptional { (r) throws(DecodingError) in try r.readMoney() }
        payerClaimControlNumber = try r.readOptionalString()
        patientName = try r.readOptionalString()
        memberID = try r.readOptionalString()
        serviceDate = try r.readOptional { (r) throws(DecodingError) in try r.readDate() }
        adjustments = try r.readAdjustments()
        lines = try r.readArray { (r) throws(DecodingError) in try r.readPostedLine() }
        remarks = try r.readStrings()
        reason = try r.readString()
        paymentDate = try r.readDate()
    }

    public var json: JSONValue {
        .object([("remittance", .id(remittance)), ("index", .count(index)), ("patientControlNumber", .string(patientControlNumber)),
                 ("status", .string(status)), ("charge", .money(charge)), ("paid", .money(paid)),
                 ("patientResponsibility", .maybe(patientResponsibility, JSONValue.money)),
                 ("payerClaimControlNumber", .optional(payerClaimControlNumber)), ("patientName", .optional(patientName)),
                 ("memberId", .optional(memberID)), ("serviceDate", .maybe(serviceDate, JSONValue.text)),
                 ("adjustments", .array(adjustments.map(\.json))), ("lines", .array(lines.map(\.json))),
                 ("remarks", .array(remarks.map(JSONValue.string))), ("reason", .string(reason)), ("paymentDate", .text(paymentDate))])
    }
}

/// A suspended claim payment is dealt with: posted to `claim` (a
/// `ClaimPaymentPosted` follows in the same batch) or, with no claim, returned
/// to the payer or otherwise settled as the note says.
public struct SuspenseResolved: EventPayload, Equatable {
    public static let typeName = "SuspenseResolved"
    public static let schemaVersion: UInt8 = 1

    public let remittance: RemittanceID
    public let index: Int
    public let claim: ClaimID?
    public let note: String
    public let resolvedOn: LocalDate

    public init(remittance: RemittanceID, index: Int, claim: ClaimID?, note: String, resolvedOn: LocalDate) {
        self.remittance = remittance
        self.index = index
        self.claim = claim
        self.note = note
        self.resolvedOn = resolvedOn
    }

    /// v1: remittance id; index; optional claim id; note; date.
    public func encode(to w: inout ByteWriter) {
        w.write(remittance)
        w.write(index)
        w.writeOptional(claim) { $0.write($1) }
        w.writeString(note)
        w.write(resolvedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        remittance = try r.readID()
        index = try r.readInt()
        claim = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
        note = try r.readString()
        resolvedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("remittance", .id(remittance)), ("index", .count(index)), ("claim", .maybe(claim, JSONValue.id)),
                 ("note", .string(note)), ("resolvedOn", .text(resolvedOn))])
    }
}
