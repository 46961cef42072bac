import BinaryCodec

/// The denial and suspense work queues: appeal, resolve or write off a
/// denial; post a suspended claim payment to the claim it belongs to, or settle it.
public enum ReceivableWork {
    /// - throws: `Rejection` for an unknown denial, one no longer open, or an empty note.
    public static func appeal(_ id: DenialID, note: String, on date: LocalDate, state: PracticeState) throws(Rejection) -> DenialAppealed {
        _ = try openDenial(id, state, doing: "appealed")
        return DenialAppealed(denial: id, note: try ClaimCreation.nonEmpty(note, "say what the appeal argues"), appealedOn: date)
    }

    /// Closes a denial that needs no more work (the payer reprocessed it, a corrected claim went out).
    /// - throws: `Rejection` for an unknown denial, one no longer open, or an empty note.
    public static func resolve(_ id: DenialID, note: String, on date: LocalDate, state: PracticeState) throws(Rejection) -> DenialResolved {
        _ = try openDenial(id, state, doing: "resolved")
        return DenialResolved(denial: id, note: try ClaimCreation.nonEmpty(note, "say how the denial was resolved"), resolvedOn: date)
    }

    /// Writes the whole denied amount off.
    /// - throws: `Rejection` for an unknown denial, one no longer open, or an empty reason.
    public static func writeOff(_ id: DenialID, reason: String, on date: LocalDate, state: PracticeState) throws(Rejection) -> DenialWrittenOff {
        let record = try openDenial(id, state, doing: "written off")
        return DenialWrittenOff(denial: id, amount: record.opened.amount,
                                reason: try ClaimCreation.nonEmpty(reason, "say why the denial is written off"), writtenOffOn: date)
    }

    static func openDenial(_ id: DenialID, _ state: PracticeState, doing: String) throws(Rejection) -> DenialRecord {
        guard let record = state.receivables.denials[id] else {
            throw .refused("denial", "unknown denial \(id)", hint: "list them with `practica queue show denials`")
        }
        guard record.status.isOpen else { throw .refused("denial", "\(id) is \(record.status) and cannot be \(doing)") }
        return record
    }

    /// Settles a suspense item. With `claim`, its payment is posted to that claim
    /// (lines matched to charges by code and amount) in the same batch, denials included.
    /// - throws: `Rejection` for an unknown or settled item, an empty note, or a claim
    ///   that cannot take the payment (unknown, to another payer, never sent).
    public static func resolveSuspense(_ key: SuspenseKey, toClaim claim: ClaimID?, note: String, on date: LocalDate,
                                       denialIDs: inout IDSequence<DenialID>, state: PracticeState) throws(Rejection) -> [any EventPayload] {
        guard let item = state.receivables.suspense[key] else {
            throw .refused("item", "\(key) is not in suspense", hint: "list it with `practica queue show suspense`")
        }
        let why = try ClaimCreation.nonEmpty(note, "say how the suspended payment was settled")
        let resolved = SuspenseResolved(remittance: key.remittance, index: key.index, claim: claim, note: why, resolvedOn: date)
        guard let claim else { return [resolved] }
        guard let record = state.claims[claim], let payer = state.receivables.remittances[key.remittance]?.payer else {
            throw .refused("claim", "unknown claim \(claim)")
        }
        guard record.created.payer == payer else {
            throw .refused("claim", "\(claim) is billed to \(record.created.payer), not to \(payer) who sent this payment")
        }
        guard ![.draft, .clean, .held].contains(record.status), !record.status.isInactive else {
            throw .refused("claim", "\(claim) is \(record.status) and cannot take a payment")
        }
        var taken = Set<Int>()
        let lines = item.lines.map { line -> PostedLine in
            let at = record.created.lines.indices.first {
                !taken.contains($0) && record.created.lines[$0].procedure.code == line.procedure
                    && record.created.lines[$0].amount == (line.billed.isNegative ? -line.billed : line.billed)
            }
            if let at { taken.insert(at) }
            return PostedLine(charge: at.map { record.created.lines[$0].charge }, procedure: line.procedure, modifiers: line.modifiers,
                              billed: line.billed, paid: line.paid, adjustments: line.adjustments, remarks: line.remarks,
                              serviceDate: line.serviceDate)
        }
        let posting = ClaimPaymentBuilder(status: item.status, charge: item.charge, paid: item.paid,
                                          payerClaimControlNumber: item.payerClaimControlNumber, claimAdjustments: item.adjustments,
                                          lines: lines, remarks: item.remarks, record: record, remittance: key.remittance,
                                          date: item.paymentDate, state: state).events(denialIDs: &denialIDs)
        var open: [ClaimID: Money] = [:]
        return [resolved] + ClaimPaymentChecks.flagOverpayments(posting, open: &open, ledger: state.receivables.ledger)
    }
}
