import Foundation

/// A 277CA claim acknowledgment (005010X214): which claims the payer took in.
public struct ClaimAcknowledgment277: Sendable {
    /// ST02.
    public var controlNumber: String
    /// Statuses reported for the whole batch (information receiver / provider levels).
    public var batchStatuses: [ClaimStatusInfo277]
    public var claims: [ClaimStatus277]
}

/// Whether a claim got into the payer's adjudication system.
public enum ClaimAcceptance: String, Sendable {
    case accepted, rejected
    /// Neither category says so (pending, request for information, error in the response …).
    case undetermined
}

/// One STC: a status category, a status code and sometimes an entity.
public struct ClaimStatusInfo277: Sendable, Equatable {
    /// STC01-1, e.g. "A1", "A2", "A7".
    public var category: String
    /// STC01-2, e.g. "20" accepted for processing, "562" NPI.
    public var code: String
    /// STC01-3, the entity the status is about, e.g. "85" billing provider.
    public var entity: String?
    /// STC02.
    public var date: X12Date?
    /// STC03: "WQ" accepted, "U" rejected.
    public var action: String?
    /// STC04.
    public var chargeCents: Int64?

    /// Readable text: "A7 rejected: invalid information — 562 Entity's National Provider Identifier (NPI) (billing provider)".
    public var explanation: String {
        var text = "\(category) \(ClaimStatusCodes.categoryText(category))"
        if !code.isEmpty { text += " — \(code) \(ClaimStatusCodes.statusText(code))" }
        if let entity { text += " (\(ClaimStatusCodes.entityText(entity)))" }
        return text
    }

    /// Categories that mean the claim is in (A0, A1, A2, A5) or out (A3, A4, A6, A7, A8).
    var acceptance: ClaimAcceptance {
        switch category {
        case "A3", "A4", "A6", "A7", "A8": return .rejected
        case "A0", "A1", "A2", "A5": return .accepted
        default: return .undetermined
        }
    }
}

/// Loop 2200D: the acknowledgment of one claim.
public struct ClaimStatus277: Sendable {
    /// TRN02: our claim id (CLM01).
    public var patientControlNumber: String
    /// REF*1K: the payer's claim number, usually only for accepted claims.
    public var payerClaimControlNumber: String?
    public var patientName: X12Name?
    public var patientID: String?
    public var statuses: [ClaimStatusInfo277]
    /// SVC/STC in 2220D.
    public var lineStatuses: [(procedure: ProcedureCode?, status: ClaimStatusInfo277)]
    public var serviceDate: X12Date?
    public var segmentNumber: Int

    /// Rejected when any claim-level status rejects; accepted when one accepts and none rejects.
    public var acceptance: ClaimAcceptance {
        let all = statuses.map(\.acceptance)
        if all.contains(.rejected) { return .rejected }
        if all.contains(.accepted) { return .accepted }
        return .undetermined
    }

    /// One line per status, for a work queue.
    public var reasons: [String] { statuses.map(\.explanation) }
}
