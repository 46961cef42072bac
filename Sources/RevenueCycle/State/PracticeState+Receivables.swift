import BinaryCodec

extension PracticeState {
    /// Claim statuses that follow remittances and denial work; returns false for other events.
    /// (`receivables` has already folded the event.)
    mutating func applySettlement(_ event: any EventPayload) -> Bool {
        if let e = event.exactly(ClaimPaymentPosted.self) {
            claims[e.claim]?.apply(e, openDenials: !receivables.openDenials(of: e.claim).isEmpty)
        } else if let e = event.exactly(DenialOpened.self) {
            settle(e.claim)
        } else if let e = event.exactly(DenialAppealed.self) {
            settle(receivables.denials[e.denial]?.opened.claim)
        } else if let e = event.exactly(DenialResolved.self) {
            settle(receivables.denials[e.denial]?.opened.claim)
        } else if let e = event.exactly(DenialWrittenOff.self) {
            settle(receivables.denials[e.denial]?.opened.claim)
        } else {
            return false
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
