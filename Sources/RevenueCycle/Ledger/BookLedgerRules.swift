import BinaryCodec

/// The receivables rules, applied to any `LedgerBook`.
///
/// Each event posts deltas that keep `charges = payer payments + adjustments +
/// patient payments + insurance balance + patient balance` on every account:
/// - a charge is open with insurance when its visit was checked in with
///   coverage, else with the patient; a void takes it back out;
/// - a claim's account holds what is billed on it; a secondary claim takes
///   over the primary's patient responsibility (moved back from patient to insurance);
///   a replaced or voided claim gives up what it still had open;
/// - a claim payment moves `paid` to payer payments, `writeOff` to adjustments,
///   patient responsibility to the patient; denied amounts stay open until written off;
/// - PLB amounts are practice-level: they reduce payer payments and count as adjustments;
/// - patient payments, refunds and adjustments move the patient's balance, on the
///   visits they name (and, within a visit, on its claims in id order), the rest on the account.
///
/// Payer money that could not be applied (suspense) is not part of any
/// account: the book counts it apart.
public enum BookLedgerRules {
    public static func apply<Book: LedgerBook>(_ event: any EventPayload, to book: inout Book) throws(Book.Failure) {
        switch event {
        case let e as PatientCheckedIn: try book.setAppointmentInsured(e.appointment, e.coverage != nil)
        case let e as PatientCheckedOut: try book.setVisitInsured(e.visit, try book.appointmentInsured(e.appointment) ?? false)
        case let e as PatientsMerged: try merge(e.dropped, into: e.kept, &book)
        case let e as ChargeEntered: try enter(e, &book)
        case let e as ChargeVoided:
            guard let c = try book.chargePosting(e.charge) else { return }
            try book.setChargePosting(e.charge, nil)
            try post(-c.delta, on: c.date, patient: c.patient, visit: c.visit, &book)
        case let e as ClaimCreated: try create(e, &book)
        case let e as ClaimReplaced: try close(e.claim, &book)
        case let e as ClaimVoided: try close(e.claim, &book)
        case let e as ClaimPaymentPosted: try postPayment(e, &book)
        case let e as ProviderAdjustmentPosted:
            try post(LedgerAccount(payerPayments: -e.amount, adjustments: e.amount), on: e.paymentDate, patient: nil, visit: nil, &book)
        case let e as RemittanceClaimSuspended:
            try book.setSuspended(SuspenseKey(remittance: e.remittance, index: e.index), e.paid)
            try book.addUnappliedPayerCash(e.paid)
        case let e as SuspenseResolved:
            let key = SuspenseKey(remittance: e.remittance, index: e.index)
            let amount = try book.suspended(key) ?? .zero
            try book.setSuspended(key, nil)
            try book.addUnappliedPayerCash(-amount)
        case let e as DenialOpened: try book.setDenialClaim(e.denial, e.claim)
        case let e as DenialWrittenOff:
            guard let claim = try book.denialClaim(e.denial) else { return }
            try postOnClaim(claim, LedgerAccount(adjustments: e.amount, insuranceBalance: -e.amount), on: e.writtenOffOn, &book)
        case let e as PatientPaymentPosted:
            try postPatientMoney(e.patient, e.applications, total: e.amount, on: e.receivedOn, &book) {
                LedgerAccount(patientPayments: $0, patientBalance: -$0)
            }
        case let e as PatientRefunded:
            try postPatientMoney(e.patient, e.applications, total: e.amount, on: e.refundedOn, refund: true, &book) {
                LedgerAccount(patientPayments: -$0, patientBalance: $0)
            }
        case let e as PatientAdjustmentPosted:
            let apps = e.visit.map { [PaymentApplication(visit: $0, amount: e.amount)] } ?? []
            try postPatientMoney(e.patient, apps, total: e.amount, on: e.postedOn, &book) { LedgerAccount(adjustments: $0, patientBalance: -$0) }
        default: break
        }
    }

    /// The event types that change a ledger (every other event is ignored by `apply`).
    public static let eventTypes: Set<String> = [
        PatientCheckedIn.typeName, PatientCheckedOut.typeName, PatientsMerged.typeName, ChargeEntered.typeName,
        ChargeVoided.typeName, ClaimCreated.typeName, ClaimReplaced.typeName, ClaimVoided.typeName,
        ClaimPaymentPosted.typeName, ProviderAdjustmentPosted.typeName, RemittanceClaimSuspended.typeName,
        SuspenseResolved.typeName, DenialOpened.typeName, DenialWrittenOff.typeName, PatientPaymentPosted.typeName,
        PatientRefunded.typeName, PatientAdjustmentPosted.typeName,
    ]

    /// The chart postings land on, after merges.
    public static func resolved<Book: LedgerBook>(_ patient: PatientID, in book: Book) throws(Book.Failure) -> PatientID {
        var current = patient
        var hops = 0
        while let next = try book.mergedInto(current), hops < 64 {
            current = next
            hops += 1
        }
        return current
    }

    private static func enter<Book: LedgerBook>(_ e: ChargeEntered, _ book: inout Book) throws(Book.Failure) {
        let insured = try book.visitInsured(e.visit) ?? false
        let delta = insured ? LedgerAccount(charges: e.amount, insuranceBalance: e.amount) : LedgerAccount(charges: e.amount, patientBalance: e.amount)
        let known = try book.visitFacts(e.visit)
        try book.setVisitFacts(e.visit, LedgerVisitFacts(patient: known?.patient ?? e.patient,
                                                         dateOfService: min(known?.dateOfService ?? e.dateOfService, e.dateOfService)))
        try book.setChargePosting(e.charge, LedgerChargePosting(visit: e.visit, patient: e.patient, date: e.dateOfService, delta: delta))
        try post(delta, on: e.dateOfService, patient: e.patient, visit: e.visit, &book)
    }

    private static func create<Book: LedgerBook>(_ e: ClaimCreated, _ book: inout Book) throws(Book.Failure) {
        guard e.frequency != .void else { return }
        try book.addClaim(e.claim, toVisit: e.visit)
        guard let prior = e.priorAdjudication else {
            try book.postOnClaimAccount(e.claim, LedgerAccount(charges: e.total, insuranceBalance: e.total), on: e.createdOn)
            return
        }
        let moved = prior.patientResponsibility
        try book.postOnClaimAccount(e.claim, LedgerAccount(charges: moved, insuranceBalance: moved), on: e.createdOn)
        // Only the first secondary claim moves money; its replacements take over the claim-level amount alone.
        guard e.frequency == .original else { return }
        try book.postOnClaimAccount(prior.claim, LedgerAccount(charges: -moved, patientBalance: -moved), on: e.createdOn)
        try post(LedgerAccount(insuranceBalance: moved, patientBalance: -moved), on: e.createdOn, patient: e.patient, visit: e.visit, &book)
    }

    /// A superseded claim gives up what it still had open with the payer; the new claim bills it.
    private static func close<Book: LedgerBook>(_ claim: ClaimID, _ book: inout Book) throws(Book.Failure) {
        guard let account = try book.claimAccount(claim) else { return }
        try book.postOnClaimAccount(claim, LedgerAccount(charges: -account.insuranceBalance, insuranceBalance: -account.insuranceBalance), on: nil)
    }

    private static func postPayment<Book: LedgerBook>(_ e: ClaimPaymentPosted, _ book: inout Book) throws(Book.Failure) {
        let delta = LedgerAccount(payerPayments: e.paid, adjustments: e.writeOff,
                                  insuranceBalance: -(e.paid + e.writeOff + e.patientResponsibility),
                                  patientBalance: e.patientResponsibility)
        try postOnClaim(e.claim, delta, on: e.paymentDate, &book)
    }

    private static func postOnClaim<Book: LedgerBook>(_ claim: ClaimID, _ delta: LedgerAccount, on date: LocalDate,
                                                      _ book: inout Book) throws(Book.Failure) {
        try book.postOnClaimAccount(claim, delta, on: date)
        let visit = try book.claimVisit(claim)
        let patient = try visit.flatMap { v throws(Book.Failure) in try book.visitFacts(v)?.patient }
        try post(delta, on: date, patient: patient, visit: visit, &book)
    }

    /// Patient money on named visits (spread over each visit's claims), the rest on the account.
    private static func postPatientMoney<Book: LedgerBook>(_ patient: PatientID, _ applications: [PaymentApplication], total: Money,
                                                           on date: LocalDate, refund: Bool = false, _ book: inout Book,
                                                           _ delta: (Money) -> LedgerAccount) throws(Book.Failure) {
        for app in applications {
            try post(delta(app.amount), on: date, patient: patient, visit: app.visit, &book)
            try spreadOverClaims(app.visit, app.amount, on: date, refund: refund, &book, delta)
        }
        let rest = total - Money.sum(applications.map(\.amount))
        if rest != .zero { try post(delta(rest), on: date, patient: patient, visit: nil, &book) }
    }

    /// Gives the visit's claims their share of a patient movement: money coming in
    /// fills each claim's patient balance in claim order; a refund takes back from
    /// what each claim received, newest first. What fits no claim stays on the visit.
    private static func spreadOverClaims<Book: LedgerBook>(_ visit: VisitID, _ amount: Money, on date: LocalDate, refund: Bool,
                                                           _ book: inout Book, _ delta: (Money) -> LedgerAccount) throws(Book.Failure) {
        let ids = try book.claims(ofVisit: visit)
        var left = amount
        for id in refund ? ids.reversed() : ids where left > .zero {
            guard let account = try book.claimAccount(id) else { continue }
            let room = refund ? account.patientPayments : account.patientBalance
            guard room > .zero else { continue }
            let share = min(room, left)
            try book.postOnClaimAccount(id, delta(share), on: date)
            left -= share
        }
    }

    private static func post<Book: LedgerBook>(_ delta: LedgerAccount, on date: LocalDate, patient: PatientID?, visit: VisitID?,
                                               _ book: inout Book) throws(Book.Failure) {
        let owner = try patient.map { p throws(Book.Failure) in try resolved(p, in: book) }
        try book.post(LedgerEntry(date: date, patient: owner, visit: visit, delta: delta))
    }

    private static func merge<Book: LedgerBook>(_ dropped: PatientID, into kept: PatientID, _ book: inout Book) throws(Book.Failure) {
        guard dropped != kept else { return }
        try book.setMerged(dropped, into: kept)
        try book.movePatientAccount(from: dropped, to: try resolved(kept, in: book))
    }
}
