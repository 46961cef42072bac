import Foundation

/// Claims and service lines for the 837P, as plain values.

/// CLM05-3: whether the claim is new, replaces or voids an earlier one.
public enum ClaimFrequency: String, Sendable {
    case original = "1"
    case replacement = "7"
    case void = "8"
}

/// Which payer the claim is sent to, in coordination of benefits order (SBR01).
public enum PayerResponsibility: String, Sendable {
    case primary = "P", secondary = "S", tertiary = "T"
}

/// Loop 2430: how an earlier payer adjudicated one service line.
public struct LineAdjudication837: Sendable {
    /// SVD01: must equal the other payer's id in 2330B.
    public var otherPayerID: String
    public var paidCents: Int64
    /// The procedure as that payer adjudicated it; defaults to the billed one.
    public var procedure: ProcedureCode?
    public var paidUnits: Decimal
    public var adjustments: [ClaimAdjustment]
    /// DTP*573: when that payer adjudicated the line.
    public var adjudicationDate: X12Date

    public init(otherPayerID: String, paidCents: Int64, procedure: ProcedureCode? = nil, paidUnits: Decimal = 1,
                adjustments: [ClaimAdjustment], adjudicationDate: X12Date) {
        self.otherPayerID = otherPayerID
        self.paidCents = paidCents
        self.procedure = procedure
        self.paidUnits = paidUnits
        self.adjustments = adjustments
        self.adjudicationDate = adjudicationDate
    }
}

/// Loop 2400: one billed service.
public struct ServiceLine837: Sendable {
    public var procedure: ProcedureCode
    public var chargeCents: Int64
    public var units: Decimal
    /// 1-based positions in the claim's diagnosis list, at most four, first is primary.
    public var diagnosisPointers: [Int]
    public var serviceDate: X12Date
    /// REF*6R: echoed back in the 835 so payments can be matched to lines.
    public var lineControlNumber: String?
    /// 2430 loops, one per earlier payer that adjudicated this line.
    public var priorAdjudications: [LineAdjudication837]

    public init(procedure: ProcedureCode, chargeCents: Int64, units: Decimal = 1, diagnosisPointers: [Int],
                serviceDate: X12Date, lineControlNumber: String? = nil, priorAdjudications: [LineAdjudication837] = []) {
        self.procedure = procedure
        self.chargeCents = chargeCents
        self.units = units
        self.diagnosisPointers = diagnosisPointers
        self.serviceDate = serviceDate
        self.lineControlNumber = lineControlNumber
        self.priorAdjudications = priorAdjudications
    }
}

/// Loops 2320/2330A/2330B: an earlier payer, for secondary and tertiary claims.
public struct OtherPayer837: Sendable {
    /// That payer's place in the order (2320 SBR01), e.g. `.primary` on a secondary claim.
    public var responsibility: PayerResponsibility
    /// SBR02: the patient's relationship to that policy's subscriber ("18" self).
    public var relationshipCode: String
    public var groupNumber: String?
    /// SBR09 of that coverage.
    public var claimFilingIndicator: String
    /// 2330A.
    public var subscriberName: X12Name
    public var subscriberMemberID: String
    /// 2330B.
    public var payerName: String
    public var payerID: String
    /// AMT*D: what that payer paid on the claim.
    public var paidCents: Int64
    /// Claim-level CAS from that payer's remittance.
    public var claimAdjustments: [ClaimAdjustment]
    /// 2330B DTP*573, needed when there are no line-level adjudications.
    public var adjudicationDate: X12Date?

    public init(responsibility: PayerResponsibility = .primary, relationshipCode: String = "18", groupNumber: String? = nil,
                claimFilingIndicator: String = "CI", subscriberName: X12Name, subscriberMemberID: String,
                payerName: String, payerID: String, paidCents: Int64, claimAdjustments: [ClaimAdjustment] = [],
                adjudicationDate: X12Date? = nil) {
        self.responsibility = responsibility
        self.relationshipCode = relationshipCode
        self.groupNumber = groupNumber
        self.claimFilingIndicator = claimFilingIndicator
        self.subscriberName = subscriberName
        self.subscriberMemberID = subscriberMemberID
        self.payerName = payerName
        self.payerID = payerID
        self.paidCents = paidCents
        self.claimAdjustments = claimAdjustments
        self.adjudicationDate = adjudicationDate
    }
}

/// One professional claim with who it is for and who it is sent to.
public struct ProfessionalClaim837: Sendable {
    /// CLM01, the patient control number the 835 returns in CLP01 (max 20 characters).
    public var claimID: String
    public var subscriber: Subscriber837
    /// `nil` when the patient is the subscriber.
    public var patient: Patient837?
    public var payer: Payer837
    /// Whose turn it is to pay: `.primary` for a first submission, `.secondary` after the primary paid.
    public var responsibility: PayerResponsibility
    public var totalChargeCents: Int64
    /// CLM05-1, e.g. "11" office.
    public var placeOfService: String
    public var frequency: ClaimFrequency
    /// REF*F8: the payer's claim number of the claim being replaced or voided.
    public var payerClaimControlNumber: String?
    /// ICD-10-CM codes, principal first, at most 12; a decimal point is removed.
    public var diagnoses: [String]
    public var renderingProvider: RenderingProvider837?
    public var onsetDate: X12Date?
    public var otherPayers: [OtherPayer837]
    public var lines: [ServiceLine837]

    public init(claimID: String, subscriber: Subscriber837, patient: Patient837? = nil, payer: Payer837,
                responsibility: PayerResponsibility = .primary, totalChargeCents: Int64, placeOfService: String = "11",
                frequency: ClaimFrequency = .original, payerClaimControlNumber: String? = nil, diagnoses: [String],
                renderingProvider: RenderingProvider837? = nil, onsetDate: X12Date? = nil,
                otherPayers: [OtherPayer837] = [], lines: [ServiceLine837]) {
        self.claimID = claimID
        self.subscriber = subscriber
        self.patient = patient
        self.payer = payer
        self.responsibility = responsibility
        self.totalChargeCents = totalChargeCents
        self.placeOfService = placeOfService
        self.frequency = frequency
        self.payerClaimControlNumber = payerClaimControlNumber
        self.diagnoses = diagnoses
        self.renderingProvider = renderingProvider
        self.onsetDate = onsetDate
        self.otherPayers = otherPayers
        self.lines = lines
    }
}

/// Everything one 837P transaction set carries: one billing provider and its claims.
public struct Professional837Batch: Sendable {
    public var submitter: Submitter837
    public var receiver: Receiver837
    public var billingProvider: BillingProvider837
    /// BHT03: the originator's reference for this batch.
    public var batchReference: String
    public var createdDate: X12Date
    public var createdTime: X12Time
    public var claims: [ProfessionalClaim837]

    public init(submitter: Submitter837, receiver: Receiver837, billingProvider: BillingProvider837,
                batchReference: String, createdDate: X12Date, createdTime: X12Time, claims: [ProfessionalClaim837]) {
        self.submitter = submitter
        self.receiver = receiver
        self.billingProvider = billingProvider
        self.batchReference = batchReference
        self.createdDate = createdDate
        self.createdTime = createdTime
        self.claims = claims
    }
}
