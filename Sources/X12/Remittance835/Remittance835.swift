import Foundation

/// One 835 health care claim payment/advice (005010X221A1), balanced.
///
/// A `Remittance835` is only ever returned after its money was checked:
/// BPR02 = Σ CLP04 − Σ PLB, and every claim and line balances against its
/// adjustments. Deviations that do not touch money are in `warnings`.
public struct Remittance835: Sendable {
    /// ST02.
    public var transactionSetControlNumber: String
    public var payment: PaymentInfo835
    /// TRN02: the check or EFT trace number that ties this remittance to the deposit.
    public var traceNumber: String?
    /// TRN03: the payer's originating company id.
    public var originatorID: String?
    public var payer: Party835
    public var payee: Party835
    public var claims: [ClaimPayment835]
    public var providerAdjustments: [ProviderAdjustment835]
    public var warnings: [X12Warning]

    /// Σ CLP04.
    public var totalClaimPaidCents: Int64 { claims.reduce(0) { $0 + $1.paidCents } }
    /// Σ PLB amounts (positive amounts reduce the payment).
    public var totalProviderAdjustmentCents: Int64 { providerAdjustments.reduce(0) { $0 + $1.totalCents } }
}

/// BPR: the money movement.
public struct PaymentInfo835: Sendable, Equatable {
    /// BPR01: "I" remittance with payment, "H" notification only …
    public var handlingCode: String
    /// BPR02.
    public var amountCents: Int64
    /// BPR03: "C" credit, "D" debit.
    public var creditDebit: String
    /// BPR04: "ACH", "CHK", "BOP", "FWT", "NON".
    public var method: String
    /// BPR16, `nil` when missing or not a date (a warning says which).
    public var date: X12Date?
}

/// N1 loops 1000A (payer) and 1000B (payee).
public struct Party835: Sendable, Equatable {
    public var name: String
    /// N103 qualifier, e.g. "XX" NPI, "FI" tax id, "XV" CMS plan id.
    public var idQualifier: String?
    /// N104.
    public var id: String?
    /// REF segments of the loop, qualifier → value (e.g. "2U" payer id, "TJ" tax id).
    public var references: [String: String]
    /// Payer id from REF*2U, else N104.
    public var payerIdentification: String? { references["2U"] ?? id }

    public static let unknown = Party835(name: "", idQualifier: nil, id: nil, references: [:])
}

/// CLP02: how the payer processed the claim.
public struct ClaimStatus835: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let processedAsPrimary = ClaimStatus835(rawValue: "1")
    public static let processedAsSecondary = ClaimStatus835(rawValue: "2")
    public static let processedAsTertiary = ClaimStatus835(rawValue: "3")
    public static let denied = ClaimStatus835(rawValue: "4")
    public static let primaryForwarded = ClaimStatus835(rawValue: "19")
    public static let secondaryForwarded = ClaimStatus835(rawValue: "20")
    public static let tertiaryForwarded = ClaimStatus835(rawValue: "21")
    /// Takes back an earlier payment: amounts are negative.
    public static let reversal = ClaimStatus835(rawValue: "22")
    public static let notOurClaimForwarded = ClaimStatus835(rawValue: "23")
    public static let predeterminationOnly = ClaimStatus835(rawValue: "25")

    static let texts: [String: String] = [
        "1": "processed as primary", "2": "processed as secondary", "3": "processed as tertiary", "4": "denied",
        "19": "processed as primary, forwarded to additional payer(s)",
        "20": "processed as secondary, forwarded to additional payer(s)",
        "21": "processed as tertiary, forwarded to additional payer(s)",
        "22": "reversal of previous payment", "23": "not our claim, forwarded to additional payer(s)",
        "25": "predetermination pricing only, no payment",
    ]

    public var description: String { Self.texts[rawValue] ?? "status \(rawValue)" }
}

/// Loop 2100: one claim's payment.
public struct ClaimPayment835: Sendable {
    /// CLP01: our claim id (CLM01).
    public var patientControlNumber: String
    public var status: ClaimStatus835
    public var chargeCents: Int64
    public var paidCents: Int64
    /// CLP05, `nil` when not sent.
    public var patientResponsibilityCents: Int64?
    /// CLP06.
    public var claimFilingIndicator: String?
    /// CLP07: the payer's number for this claim; needed to replace or void it.
    public var payerClaimControlNumber: String?
    public var patientName: X12Name?
    /// NM109 of NM1*QC.
    public var patientID: String?
    /// DTM*232.
    public var serviceStart: X12Date?
    /// DTM*233.
    public var serviceEnd: X12Date?
    /// Claim-level CAS.
    public var adjustments: [ClaimAdjustment]
    /// MIA/MOA remark codes (RARC).
    public var remarkCodes: [String]
    public var lines: [ServiceLinePayment835]
    /// Segment number of the CLP, for messages.
    public var segmentNumber: Int

    /// Claim CAS plus all line CAS.
    public var totalAdjustmentCents: Int64 {
        adjustments.reduce(0) { $0 + $1.amountCents } + lines.reduce(0) { $0 + $1.totalAdjustmentCents }
    }
}

/// Loop 2110: one service line's payment.
public struct ServiceLinePayment835: Sendable {
    public var procedure: ProcedureCode
    public var chargeCents: Int64
    public var paidCents: Int64
    /// SVC05, paid units of service (1 when not sent).
    public var units: Decimal
    /// SVC06 when the payer adjudicated a different code than billed.
    public var originalProcedure: ProcedureCode?
    /// DTM*472 or DTM*150.
    public var serviceDate: X12Date?
    /// DTM*151 (end of a service period).
    public var serviceEndDate: X12Date?
    /// REF*6R: our line control number echoed back.
    public var lineControlNumber: String?
    public var adjustments: [ClaimAdjustment]
    /// LQ*HE remark codes (RARC).
    public var remarkCodes: [String]
    public var segmentNumber: Int

    public var totalAdjustmentCents: Int64 { adjustments.reduce(0) { $0 + $1.amountCents } }
}

/// PLB: money the payer adds or takes back outside any claim.
public struct ProviderAdjustment835: Sendable {
    /// PLB01.
    public var providerID: String
    /// PLB02.
    public var fiscalPeriodEnd: X12Date?
    public var items: [Item]
    public var segmentNumber: Int

    /// One PLB03/04 pair.
    public struct Item: Sendable, Equatable {
        /// e.g. "WO" overpayment recovery, "L6" interest, "FB" forwarding balance.
        public var reasonCode: String
        /// The reference after the component separator, often the claim the money relates to.
        public var reference: String?
        /// Positive reduces the payment, negative increases it.
        public var amountCents: Int64

        public init(reasonCode: String, reference: String?, amountCents: Int64) {
            self.reasonCode = reasonCode
            self.reference = reference
            self.amountCents = amountCents
        }
    }

    public var totalCents: Int64 { items.reduce(0) { $0 + $1.amountCents } }
}
