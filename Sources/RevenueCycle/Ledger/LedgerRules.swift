import BinaryCodec

/// The posting rules of the ledger, written once over `LedgerBooks`: the
/// in-memory `Ledger` and the `ar` read model both post through them, so
/// balances in reports are the ledger's by construction.
///
/// Rules (each posts a delta that keeps `LedgerAccount.isBalanced`):
/// - a charge is open with insurance when its visit's financial class is insurance
///   (checked in with coverage, unless --self-pay), else with the patient; a void
///   takes it back out of where the visit's class has it now;
/// - a change of the visit's financial class moves what is open on the visit between
///   insurance and the patient: to self-pay, its insurance balance; to insurance, its
///   charges less what is already with (or was paid by) insurance — the patient's
///   payments on the visit then stand as a credit until the payer adjudicates;
/// - a claim's account holds what is billed on it; a secondary claim takes
///   over the primary's patient responsibility (moved back from patient to insurance);
///   a replaced or voided claim gives up what it still had open;
/// - a claim payment moves `paid` to payer payments, `writeOff` to adjustments,
///   patient responsibility to the patient; denied amounts stay open until written off;
/// - PLB amounts are practice-level: they reduce payer payments and count as adjustments;
/// - patient payments, refunds, voids and adjustments move the patient's balance, on the
///   visits they name (and, within a visit, on its claims in id order), the rest on the account.
///
/// Payer money that could not be applied (suspense) is not part of any
/// account: it is counted apart as unapplied payer cash.
public enum LedgerRules {
    /// The event types that move money or that the rules remember something from.
    public static let handledTypes = EventTypeSet([
        PatientCheckedIn.self, PatientCheckedOut.self, PatientsMerged.self, ChargeEntered.self,
        ChargeVoided.self, ClaimCreated.self, ClaimReplaced.self, ClaimVoided.self,
        ClaimPaymentPosted.self, ProviderAdjustmentPosted.self, RemittanceClaimSuspended.self,
        SuspenseResolved.self, DenialOpened.self, DenialWrittenOff.self, PatientPaymentPosted.self,
        PatientRefunded.self, PatientAdjustmentPosted.self,
        // A void takes back what is left of a payment exactly as a refund of it would (issue 15).
        PatientPaymentVoided.self,
        VisitFinancialClassChanged.self,
    ])
    /// The stored names of `handledTypes`, for routing records before they are decoded.
    public static var eventTypes: Set<String> { handledTypes.names }

    public static func apply<B: LedgerBooks>(_ event: any EventPayload, to b: inout B) throws(B.Failure) {
        guard handledTypes.contains(event) else { return }
        _ = try dispatch(event, to: &b)
    }

    /// The rules' dispatch; true when it has a case for the event's type (a test holds
    /// that to `handledTypes`, which `apply` asks first).
    static func dispatch<B: LedgerBooks>(_ event: any EventPayload, to b: inout B) throws(B.Failure) -> Bool {
        if let e = event.exactly(PatientCheckedIn.self) {
            try b.setFact(.appointmentInsured(e.appointment), .flag(e.coverage != nil))
        } else if let e = event.exactly(PatientCheckedOut.self) {
            let insured: Bool
            if case .flag(let f)? = try b.fact(.appointmentInsured(e.appointment)) { insured = f } else { insured = false }
            try b.setFact(.visitInsured(e.visit), .flag(insured))
        } else if let e = event.exactly(PatientsMerged.self) {
            try merge(e.dropped, into: e.kept, &b)
        } else if let e = event.exactly(ChargeEntered.self) {
            try enter(e, &b)
        } else if let e = event.exactly(ChargeVoided.self) {
            if case .charge(let c)? = try b.fact(.charge(e.charge)) {
                try b.setFact(.charge(e.charge), nil)
                // Out of where the visit's class has it now, which a class change may have moved.
                let amount = c.delta.charges
                let delta = try isInsured(c.visit, b) ? LedgerAccount(charges: amount, insuranceBalance: amount)
                    : LedgerAccount(charges: amount, patientBalance: amount)
                try post(-delta, on: c.date, patient: c.patient, visit: c.visit, &b)
            }
        } else if let e = event.exactly(ClaimCreated.self) {
            try create(e, &b)
        } else if let e = event.exactly(ClaimReplaced.self) {
            try close(e.claim, &b)
        } else if let e = event.exactly(ClaimVoided.self) {
            try close(e.claim, &b)
        } else if let e = event.exactly(ClaimPaymentPosted.self) {
            let delta = LedgerAccount(payerPayments: e.paid, adjustments: e.writeOff,
                                      insuranceBalance: -(e.paid + e.writeOff + e.patientResponsibility),
                                      patientBalance: e.patientResponsibility)
            try postOnClaim(e.claim, delta, on: e.paymentDate, &b)
        } else if let e = event.exactly(ProviderAdjustmentPosted.self) {
            try post(LedgerAccount(payerPayments: -e.amount, adjustments: e.amount), on: e.paymentDate, patient: nil, visit: nil, &b)
        } else if let e = event.exactly(RemittanceClaimSuspended.self) {
            try b.setFact(.suspended(e.remittance, e.index), .money(e.paid))
            try b.addUnappliedPayerCash(e.paid)
        } else if let e = event.exactly(SuspenseResolved.self) {
            if case .money(let paid)? = try b.fact(.suspended(e.remittance, e.index)) {
                try b.setFact(.suspended(e.remittance, e.index), nil)
                try b.addUnappliedPayerCash(-paid)
            }
        } else if let e = event.exactly(DenialOpened.self) {
            try b.setFact(.denialClaim(e.denial), .claim(e.claim))
        } else if let e = event.exactly(DenialWrittenOff.self) {
            guard case .claim(let claim)? = try b.fact(.denialClaim(e.denial)) else { return true }
            try postOnClaim(claim, LedgerAccount(adjustments: e.amount, insuranceBalance: -e.amount), on: e.writtenOffOn, &b)
        } else if let e = event.exactly(PatientPaymentPosted.self) {
            try postPatientMoney(e.patient, e.applications, total: e.amount, on: e.receivedOn, &b) {
                LedgerAccount(patientPayments: $0, patientBalance: -$0)
            }
        } else if let e = event.exactly(PatientRefunded.self) {
            try postPatientMoney(e.patient, e.applications, total: e.amount, on: e.refundedOn, refund: true, &b) {
                LedgerAccount(patientPayments: -$0, patientBalance: $0)
            }
        } else if let e = event.exactly(PatientPaymentVoided.self) {
            try postPatientMoney(e.patient, e.applications, total: e.amount, on: e.voidedOn, refund: true, &b) {
                LedgerAccount(patientPayments: -$0, patientBalance: $0)
            }
        } else if let e = event.exactly(PatientAdjustmentPosted.self) {
            let apps = e.visit.map { [PaymentApplication(visit: $0, amount: e.amount)] } ?? []
            try postPatientMoney(e.patient, apps, total: e.amount, on: e.postedOn, &b) { LedgerAccount(adjustments: $0, patientBalance: -$0) }
        } else if let e = event.exactly(VisitFinancialClassChanged.self) {
            try changeClass(e, &b)
        } else {
            return false
        }
        return true
    }

    /// The chart postings land on, after merges.
    public static func resolved<B: LedgerBooks>(_ patient: PatientID, in b: B) throws(B.Failure) -> PatientID {
        var current = patient
        var hops = 0
        while case .patient(let next)? = try b.fact(.mergedInto(current)), hops < 64 {
            current = next
            hops += 1
        }
        return current
    }

    /// The visit's financial class: true for insurance, false for self-pay (and for a visit never checked out).
    public static func isInsured<B: LedgerBooks>(_ visit: VisitID, _ b: B) throws(B.Failure) -> Bool {
        if case .flag(let f)? = try b.fact(.visitInsured(visit)) { return f }
        return false
    }

    // MARK: - Rules

    /// Moves what is open on the visit to the new class, dated on the date of service so
    /// aging still counts from it.
    private static func changeClass<B: LedgerBooks>(_ e: VisitFinancialClassChanged, _ b: inout B) throws(B.Failure) {
        guard try isInsured(e.visit, b) != e.isInsured else { return }
        try b.setFact(.visitInsured(e.visit), .flag(e.isInsured))
        guard let account = try b.account(.visit(e.visit)) else { return }
        let moved = e.isInsured ? account.charges - account.insuranceBalance - account.payerPayments : account.insuranceBalance
        guard moved != .zero else { return }
        var patient: PatientID?
        if case .patient(let p)? = try b.fact(.visitPatient(e.visit)) { patient = p }
        var date = e.changedOn
        if case .date(let d)? = try b.fact(.visitDate(e.visit)) { date = d }
        let delta = LedgerAccount(insuranceBalance: moved, patientBalance: -moved)
        try post(e.isInsured ? delta : -delta, on: date, patient: patient, visit: e.visit, &b)
    }

    private static func enter<B: LedgerBooks>(_ e: ChargeEntered, _ b: inout B) throws(B.Failure) {
        var insured = false
        if case .flag(let f)? = try b.fact(.visitInsured(e.visit)) { insured = f }
        let delta = insured ? LedgerAccount(charges: e.amount, insuranceBalance: e.amount) : LedgerAccount(charges: e.amount, patientBalance: e.amount)
        if try b.fact(.visitPatient(e.visit)) == nil { try b.setFact(.visitPatient(e.visit), .patient(e.patient)) }
        var date = e.dateOfService
        if case .date(let known)? = try b.fact(.visitDate(e.visit)) { date = min(known, date) }
        try b.setFact(.visitDate(e.visit), .date(date))
        try b.setFact(.charge(e.charge), .charge(ChargePosting(visit: e.visit, patient: e.patient, date: e.dateOfService, delta: delta)))
        try post(delta, on: e.dateOfService, patient: e.patient, visit: e.visit, &b)
    }

    private static func create<B: LedgerBooks>(_ e: ClaimCreated, _ b: inout B) throws(B.Failure) {
        guard e.frequency != .void else { return }
        try b.setFact(.claimVisit(e.claim), .visit(e.visit))
        var billed: [ClaimID] = []
        if case .claims(let ids)? = try b.fact(.visitClaims(e.visit)) { billed = ids }
        try b.setFact(.visitClaims(e.visit), .claims(billed + [e.claim]))
        guard let prior = e.priorAdjudication else {
            try addToClaim(e.claim, LedgerAccount(charges: e.total, insuranceBalance: e.total), on: e.createdOn, &b)
            return
        }
        let moved = prior.patientResponsibility
        try addToClaim(e.claim, LedgerAccount(charges: moved, insuranceBalance: moved), on: e.createdOn, &b)
        // Only the first secondary claim moves money; its replacements take over the claim-level amount alone.
        guard e.frequency == .original else { return }
        try addToClaim(prior.claim, LedgerAccount(charges: -moved, patientBalance: -moved), on: e.createdOn, &b)
        try post(LedgerAccount(insuranceBalance: moved, patientBalance: -moved), on: e.createdOn, patient: e.patient, visit: e.visit, &b)
    }

    /// A superseded claim gives up what it still had open with the payer; the new claim bills it.
    /// The events carry no effective date, so the books choose one.
    private static func close<B: LedgerBooks>(_ claim: ClaimID, _ b: inout B) throws(B.Failure) {
        guard let account = try b.account(.claim(claim)) else { return }
        let open = account.insuranceBalance
        try addToClaim(claim, LedgerAccount(charges: -open, insuranceBalance: -open), on: nil, &b)
    }

    private static func postOnClaim<B: LedgerBooks>(_ claim: ClaimID, _ delta: LedgerAccount, on date: LocalDate,
                                                    _ b: inout B) throws(B.Failure) {
        try addToClaim(claim, delta, on: date, &b)
        var visit: VisitID?
        if case .visit(let v)? = try b.fact(.claimVisit(claim)) { visit = v }
        var patient: PatientID?
        if let visit, case .patient(let p)? = try b.fact(.visitPatient(visit)) { patient = p }
        try post(delta, on: date, patient: patient, visit: visit, &b)
    }

    /// Patient money on named visits (spread over each visit's claims), the rest on the account.
    private static func postPatientMoney<B: LedgerBooks>(_ patient: PatientID, _ applications: [PaymentApplication], total: Money,
                                                         on date: LocalDate, refund: Bool = false, _ b: inout B,
                                                         _ delta: (Money) -> LedgerAccount) throws(B.Failure) {
        for app in applications {
            try post(delta(app.amount), on: date, patient: patient, visit: app.visit, &b)
            try spreadOverClaims(app.visit, app.amount, on: date, refund: refund, &b, delta)
        }
        let rest = total - Money.sum(applications.map(\.amount))
        if rest != .zero { try post(delta(rest), on: date, patient: patient, visit: nil, &b) }
    }

    /// Gives the visit's claims their share of a patient movement: money coming in
    /// fills each claim's patient balance in claim order; a refund takes back from
    /// what each claim received, newest first. What fits no claim stays on the visit.
    private static func spreadOverClaims<B: LedgerBooks>(_ visit: VisitID, _ amount: Money, on date: LocalDate, refund: Bool,
                                                         _ b: inout B, _ delta: (Money) -> LedgerAccount) throws(B.Failure) {
        var ids: [ClaimID] = []
        if case .claims(let billed)? = try b.fact(.visitClaims(visit)) { ids = billed }
        var left = amount
        for id in refund ? ids.reversed() : ids where left > .zero {
            guard let account = try b.account(.claim(id)) else { continue }
            let room = refund ? account.patientPayments : account.patientBalance
            guard room > .zero else { continue }
            let share = min(room, left)
            try addToClaim(id, delta(share), on: date, &b)
            left -= share
        }
    }

    private static func post<B: LedgerBooks>(_ delta: LedgerAccount, on date: LocalDate, patient: PatientID?, visit: VisitID?,
                                             _ b: inout B) throws(B.Failure) {
        try b.add(delta, to: .practice)
        var owner: PatientID?
        if let patient { owner = try resolved(patient, in: b) }
        if let owner { try b.add(delta, to: .patient(owner)) }
        if let visit { try b.add(delta, to: .visit(visit)) }
        try b.journal(LedgerEntry(date: date, patient: owner, visit: visit, delta: delta))
    }

    /// Every change of a claim's account goes through here, so a book that ages
    /// claim balances (the A/R model) sees each one with its effective date.
    private static func addToClaim<B: LedgerBooks>(_ claim: ClaimID, _ delta: LedgerAccount, on date: LocalDate?,
                                                   _ b: inout B) throws(B.Failure) {
        try b.add(delta, to: .claim(claim))
        try b.journal(LedgerClaimEntry(claim: claim, date: date, delta: delta))
    }

    private static func merge<B: LedgerBooks>(_ dropped: PatientID, into kept: PatientID, _ b: inout B) throws(B.Failure) {
        guard dropped != kept else { return }
        try b.setFact(.mergedInto(dropped), .patient(kept))
        let target = try resolved(kept, in: b)
        if let account = try b.account(.patient(dropped)) {
            try b.setAccount(.patient(dropped), nil)
            try b.add(account, to: .patient(target))
        }
    }
}
