import Foundation

/// A claim adjustment group code (CAS01): who bears an adjustment.
public enum AdjustmentGroup: String, Sendable, CaseIterable {
    /// Contractual obligation: the provider writes it off.
    case contractualObligation = "CO"
    /// Patient responsibility: deductible, coinsurance, copay.
    case patientResponsibility = "PR"
    /// Other adjustment.
    case other = "OA"
    /// Payer initiated reduction.
    case payerInitiated = "PI"
    /// Correction and reversal.
    case correctionReversal = "CR"
}

/// One CAS reason with its amount (and optional quantity).
public struct ClaimAdjustment: Sendable, Equatable {
    public var group: AdjustmentGroup
    /// CARC, e.g. "45" charge exceeds fee schedule.
    public var reasonCode: String
    public var amountCents: Int64
    public var quantity: Decimal?

    public init(group: AdjustmentGroup, reasonCode: String, amountCents: Int64, quantity: Decimal? = nil) {
        self.group = group
        self.reasonCode = reasonCode
        self.amountCents = amountCents
        self.quantity = quantity
    }
}
