import BinaryCodec

/// The highest ISA13, GS06 and ST02 ever written, so a submission can refuse
/// to reuse one (receivers drop files whose control numbers they have seen).
public struct ControlNumberMarks: Sendable, Equatable {
    public var interchange = 0
    public var group = 0
    public var transactionSet = 0

    public init() {}
}

extension PracticeState {
    /// Folds charge and claim events; returns false for any other event.
    mutating func applyBilling(_ event: any EventPayload) -> Bool {
        if let e = event.exactly(ChargeEntered.self) {
            charges[e.charge] = ChargeRecord(e)
            chargesByVisit[e.visit, default: []].append(e.charge)
        } else if let e = event.exactly(ChargeVoided.self) {
            charges[e.charge]?.voidReason = e.reason
        } else if let e = event.exactly(ClaimCreated.self) {
            claims[e.claim] = ClaimRecord(e)
            claimsByVisit[e.visit, default: []].append(e.claim)
            // A void claim only withdraws the original, and a secondary claim bills
            // the primary's charges again: neither takes them over.
            if e.frequency != .void && !e.isSecondary {
                for line in e.lines { charges[line.charge]?.claim = e.claim }
            }
        } else if let e = event.exactly(ClaimScrubbed.self) {
            claims[e.claim]?.apply(e)
        } else if let e = event.exactly(ClaimFindingOverridden.self) {
            claims[e.claim]?.apply(e)
        } else if let e = event.exactly(ClaimSubmitted.self) {
            claims[e.claim]?.apply(e)
            controlNumbers.interchange = max(controlNumbers.interchange, e.interchangeControlNumber)
            controlNumbers.group = max(controlNumbers.group, e.groupControlNumber)
            controlNumbers.transactionSet = max(controlNumbers.transactionSet, e.transactionSetControlNumber)
        } else if let e = event.exactly(ClaimAcknowledged.self) {
            claims[e.claim]?.apply(e)
        } else if let e = event.exactly(ClaimAcceptedByPayer.self) {
            claims[e.claim]?.apply(e)
        } else if let e = event.exactly(ClaimRejectedByPayer.self) {
            claims[e.claim]?.apply(e)
        } else if let e = event.exactly(ClaimReplaced.self) {
            claims[e.claim]?.supersede(by: e.replacement, as: .replaced)
            releaseCharges(of: e.claim)
        } else if let e = event.exactly(ClaimVoided.self) {
            claims[e.claim]?.supersede(by: e.voidingClaim, as: .voided)
            releaseCharges(of: e.claim)
        } else {
            return false
        }
        return true
    }

    /// The types `applyBilling` folds.
    static let billingTypes = EventTypeSet([
        ChargeEntered.self, ChargeVoided.self, ClaimCreated.self, ClaimScrubbed.self, ClaimFindingOverridden.self,
        ClaimSubmitted.self, ClaimAcknowledged.self, ClaimAcceptedByPayer.self, ClaimRejectedByPayer.self,
        ClaimReplaced.self, ClaimVoided.self,
    ])

    /// Charges still pointing at a superseded claim become billable again.
    private mutating func releaseCharges(of claim: ClaimID) {
        guard let record = claims[claim] else { return }
        for line in record.created.lines where charges[line.charge]?.claim == claim {
            charges[line.charge]?.claim = nil
        }
    }

    /// The checked-out appointment that opened `visit`.
    public func visitAppointment(_ visit: VisitID) -> ScheduledAppointment? {
        visits[visit].flatMap { appointments[$0] }
    }

    /// The visit's charges in entry order, voided ones included.
    public func charges(ofVisit visit: VisitID) -> [ChargeRecord] {
        (chargesByVisit[visit] ?? []).compactMap { charges[$0] }
    }

    /// Claims for a patient (after merges), in id order.
    public func claims(ofPatient patient: PatientID) -> [ClaimRecord] {
        claims.values.filter { resolvedPatient($0.created.patient) == patient }.sorted { $0.id < $1.id }
    }
}
