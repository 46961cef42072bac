import BinaryCodec

/// An 835 remittance was imported: the money movement it announces and what
/// identifies it, so the same file (same payer and trace number, or the same
/// bytes) is never posted twice.
public struct RemittanceReceived: EventPayload, Equatable {
    public static let typeName = "RemittanceReceived"
    public static let schemaVersion: UInt8 = 1

    public let remittance: RemittanceID
    public let payer: PayerID
    /// TRN02: the check or EFT trace number that ties the remittance to the deposit.
    public let traceNumber: String
    /// The payer's id as the 835 gives it (REF*2U, else N104), or its name when it gives none.
    public let payerIdentifier: String
    /// BPR02.
    public let totalPaid: Money
    /// BPR04: ACH, CHK, BOP, FWT or NON.
    public let method: String
    /// BPR16 when it is a date, else the day the file was imported: the effective date of every posting.
    public let paymentDate: LocalDate
    /// A digest of the file's bytes, computed by the importer.
    public let fileDigest: String

    public init(remittance: RemittanceID, payer: PayerID, traceNumber: String, payerIdentifier: String, totalPaid: Money,
                method: String, paymentDate: LocalDate, fileDigest: String) {
        self.remittance = remittance
        self.payer = payer
        self.traceNumber = traceNumber
        self.payerIdentifier = payerIdentifier
        self.totalPaid = totalPaid
        self.method = method
        self.paymentDate = paymentDate
        self.fileDigest = fileDigest
    }

    /// v1: remittance, payer ids; trace; payer identifier; total; method; payment date; digest.
    public func encode(to w: inout ByteWriter) {
        w.write(remittance)
        w.write(payer)
        w.writeString(traceNumber)
        w.writeString(payerIdentifier)
        w.write(totalPaid)
        w.writeString(method)
        w.write(paymentDate)
        w.writeString(fileDigest)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        remittance = try r.readID()
        payer = try r.readID()
        traceNumber = try r.readString()
        payerIdentifier = try r.readString()
        totalPaid = try r.readMoney()
        method = try r.readString()
        paymentDate = try r.readDate()
        fileDigest = try r.readString()
    }

    public var json: JSONValue {
        .object([("remittance", .id(remittance)), ("payer", .id(payer)), ("traceNumber", .string(traceNumber)),
                 ("payerIdentifier", .string(payerIdentifier)), ("totalPaid", .money(totalPaid)), ("method", .string(method)),
                 ("paymentDate", .text(paymentDate)), ("fileDigest", .string(fileDigest))])
    }
}

/// A payer's adjudication of one of our claims (CLP loop), posted.
///
/// The payer's adjustments are kept as sent; the split that moves money is
/// explicit so the ledger never re-derives it with rules that may change:
/// `charge = paid + patientResponsibility + denied + priorPayerImpact + writeOff`.
/// A reversal (CLP02 = 22) carries negative amounts and so undoes what it reverses.
public struct ClaimPaymentPosted: EventPayload, Equatable {
    public static let typeName = "ClaimPaymentPosted"
    public static let schemaVersion: UInt8 = 1

    public let claim: ClaimID
    public let remittance: RemittanceID
    /// CLP02, e.g. "1" processed as primary, "4" denied, "22" reversal.
    public let status: String
    public let charge: Money
    public let paid: Money
    /// Σ PR adjustments (deductible 1, coinsurance 2, copay 3 …): moved to the patient's balance.
    public let patientResponsibility: Money
    /// Non-PR adjustments on denied lines: they stay open (insurance) until the denial is worked.
    public let denied: Money
    /// CARC 23 on a claim billed after another payer: that payer's share, already posted on its own claim.
    public let priorPayerImpact: Money
    /// CLP07.
    public let payerClaimControlNumber: String?
    /// Claim-level CAS.
    public let adjustments: [PostedAdjustment]
    public let lines: [PostedLine]
    /// Claim-level RARCs (MIA/MOA).
    public let remarks: [String]
    /// The effective date (the remittance's payment date).
    public let paymentDate: LocalDate

    public init(claim: ClaimID, remittance: RemittanceID, status: String, charge: Money, paid: Money,
                patientResponsibility: Money, denied: Money = .zero, priorPayerImpact: Money = .zero,
                payerClaimControlNumber: String?, adjustments: [PostedAdjustment], lines: [PostedLine],
                remarks: [String] = [], paymentDate: LocalDate) {
        self.claim = claim
        self.remittance = remittance
        self.status = status
        self.charge = charge
        self.paid = paid
        self.patientResponsibility = patientResponsibility
        self.denied = denied
        self.priorPayerImpact = priorPayerImpact
        self.payerClaimControlNumber = payerClaimControlNumber
        self.adjustments = adjustments
        self.lines = lines
        self.remarks = remarks
        self.paymentDate = paymentDate
    }

    /// CO/OA/PI/CR adjustments the practice absorbs now (not denied, not another payer's).
    public var writeOff: Money { charge - paid - patientResponsibility - denied - priorPayerImpact }
    public var isReversal: Bool { status == "22" }
    /// Every adjustment, claim level then lines.
    public var allAdjustments: [PostedAdjustment] { adjustments + lines.flatMap(\.adjustments) }

    /// v1: claim, remittance ids; status; charge, paid, patient responsibility,
    /// denied, prior-payer amounts; optional CLP07; adjustments; lines; remarks; date.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.write(remittance)
        w.writeString(status)
        w.write(charge)
        w.write(paid)
        w.write(patientResponsibility)
        w.write(denied)
        w.write(priorPayerImpact)
        w.writeOptionalString(payerClaimControlNumber)
        w.writeArray(adjustments) { $0.write($1) }
        w.writeArray(lines) { $0.write($1) }
        w.writeArray(remarks) { $0.writeString($1) }
        w.write(paymentDate)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        claim = try r.readID()
        remittance = try r.readID()
        status = try r.readString()
        charge = try r.readMoney()
        paid = try r.readMoney()
        patientResponsibility = try r.readMoney()
        denied = try r.readMoney()
        priorPayerImpact = try r.readMoney()
        payerClaimControlNumber = try r.readOptionalString()
        adjustments = try r.readAdjustments()
        lines = try r.readArray { (r) throws(DecodingError) in try r.readPostedLine() }
        remarks = try r.readStrings()
        paymentDate = try r.readDate()
    }

    public var json: JSONValue {
        .object([("claim", .id(claim)), ("remittance", .id(remittance)), ("status", .string(status)),
                 ("charge", .money(charge)), ("paid", .money(paid)), ("patientResponsibility", .money(patientResponsibility)),
                 ("denied", .money(denied)), ("priorPayerImpact", .money(priorPayerImpact)), ("writeOff", .money(writeOff)),
                 ("payerClaimControlNumber", .optional(payerClaimControlNumber)),
                 ("adjustments", .array(adjustments.map(\.json))), ("lines", .array(lines.map(\.json))),
                 ("remarks", .array(remarks.map(JSONValue.string))), ("paymentDate", .text(paymentDate))])
    }
}

/// A PLB item: money the payer adds (interest, negative amount) or takes back
/// (recoupment, forwarding balance, positive amount) outside any claim.
public struct ProviderAdjustmentPosted: EventPayload, Equatable {
    public static let typeName = "ProviderAdjustmentPosted"
    public static let schemaVersion: UInt8 = 1

    public let remittance: RemittanceID
    /// PLB01: the provider the payer adjusted.
    public let provider: String
    /// PLB03-1, e.g. "L6" interest, "WO" overpayment recovery, "FB" forwarding balance.
    public let reason: String
    /// PLB03-2, often the claim the money relates to.
    public let reference: String?
    /// Positive reduces the payment.
    public let amount: Money
    public let paymentDate: LocalDate

    public init(remittance: RemittanceID, provider: String, reason: String, reference: String?, amount: Money,
                paymentDate: LocalDate) {
        self.remittance = remittance
        self.provider = provider
        self.reason = reason
        self.reference = reference
        self.amount = amount
        self.paymentDate = paymentDate
    }

    /// v1: remittance id; provider; reason; optional reference; amount; date.
    public func encode(to w: inout ByteWriter) {
        w.write(remittance)
        w.writeString(provider)
        w.writeString(reason)
        w.writeOptionalString(reference)
        w.write(amount)
        w.write(paymentDate)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        remittance = try r.readID()
        provider = try r.readString()
        reason = try r.readString()
        reference = try r.readOptionalString()
        amount = try r.readMoney()
        paymentDate = try r.readDate()
    }

    public var json: JSONValue {
        .object([("remittance", .id(remittance)), ("provider", .string(provider)), ("reason", .string(reason)),
                 ("reference", .optional(reference)), ("amount", .money(amount)), ("paymentDate", .text(paymentDate))])
    }
}
