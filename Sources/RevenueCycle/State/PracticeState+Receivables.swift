import BinaryCodec

extension PracticeState {
    /// Claim statuses that follow remittances and denial work; returns false for other events.
    /// (`receivables` has already folded the event.)
    mutating func applySettlement(_ event: any EventPayload) -> Bool {
        switch event {
        case let e as ClaimPaymentPosted:
            claims[e.claim]?.apply(e, openDenials: !receivables.openDenials(of: e.claim).isEmpty)
        case let e as DenialOpened: settle(e.claim)
        case let e as DenialAppealed: settle(receivables.denials[e.denial]?.opened.claim)
        case let e as DenialResolved: settle(receivables.denials[e.denial]?.opened.claim)
        case let e as DenialWrittenOff: settle(receivables.denials[e.denial]?.opened.claim)
        default: return false
        }
        return true
    }

    /// The types `applySettlement` folds.
    static let settlementTypes = EventTypeSet([
        ClaimPaymentPosted.self, DenialOpened.self, DenialAppealed.self, DenialResolved.self, DenialWrittenOff.self,
    ])

    private mutating func settle(_ claim: ClaimID?) {
        guard let claim else { return }
        claims[claim]?.settle(openDenials: !receivables.openDenials(of: claim).isEmpty)
    }

    /// A patient's ledger account (after merges); zero when nothing was charged.
    public func account(ofPatient patient: PatientID) -> LedgerAccount {
        receivables.ledger.patients[resolvedPatient(patient)] ?? LedgerAccount()
    }
}
