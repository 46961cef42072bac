import BinaryCodec

/// The money fold: an account per claim, visit, patient and the practice,
/// kept by applying events in log order.
///
/// Rules (each posts a delta that keeps `LedgerAccount.isBalanced`):
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
/// account: it is counted in `unappliedPayerCash`.
public struct Ledger: Sendable {
    public private(set) var practice = LedgerAccount()
    public private(set) var patients: [PatientID: LedgerAccount] = [:]
    public private(set) var visits: [VisitID: LedgerAccount] = [:]
    public private(set) var claims: [ClaimID: LedgerAccount] = [:]
    /// Received from payers but not applied to a claim: open suspense items.
    public private(set) var unappliedPayerCash = Money.zero
    /// Every non-claim posting with its effective date, in log order.
    public private(set) var entries: [LedgerEntry] = []
    /// The date of service of each visit (from its first charge), for aging.
    public private(set) var visitDates: [VisitID: LocalDate] = [:]
    public private(set) var visitPatients: [VisitID: PatientID] = [:]

    private var appointmentInsured: [AppointmentID: Bool] = [:]
    private var visitInsured: [VisitID: Bool] = [:]
    private var chargeDeltas: [ChargeID: (visit: VisitID, patient: PatientID, date: LocalDate, delta: LedgerAccount)] = [:]
    private var claimVisits: [ClaimID: VisitID] = [:]
    /// The claims billed for each visit, in creation order.
    private var visitClaims: [VisitID: [ClaimID]] = [:]
    private var denialClaims: [DenialID: ClaimID] = [:]
    private var suspended: [String: Money] = [:]
    private var mergedInto: [PatientID: PatientID] = [:]

    public init() {}

    public init(_ events: [any EventPayload]) {
        for e in events { apply(e) }
    }

    /// Every account balanced: what the property test checks after each event.
    public var isBalanced: Bool {
        practice.isBalanced && patients.values.allSatisfy(\.isBalanced) && visits.values.allSatisfy(\.isBalanced)
            && claims.values.allSatisfy(\.isBalanced)
    }

    /// The first account that does not balance, named, for failure messages.
    public var firstUnbalanced: String? {
        if !practice.isBalanced { return "practice: \(practice)" }
        if let (id, a) = patients.first(where: { !$0.value.isBalanced }) { return "\(id): \(a)" }
        if let (id, a) = visits.first(where: { !$0.value.isBalanced }) { return "\(id): \(a)" }
        if let (id, a) = claims.first(where: { !$0.value.isBalanced }) { return "\(id): \(a)" }
        return nil
    }

    /// The chart postings land on, after merges.
    public func resolved(_ patient: PatientID) -> PatientID {
        var current = patient
        var hops = 0
        while let next = mergedInto[current], hops < 64 {
            current = next
            hops += 1
        }
        return current
    }

    public mutating func apply(_ event: any EventPayload) {
        switch event {
        case let e as PatientCheckedIn: appointmentInsured[e.appointment] = e.coverage != nil
        case let e as PatientCheckedOut: visitInsured[e.visit] = appointmentInsured[e.appointment] ?? false
        case let e as PatientsMerged: merge(e.dropped, into: e.kept)
        case let e as ChargeEntered: enter(e)
        case let e as ChargeVoided:
            if let c = chargeDeltas.removeValue(forKey: e.charge) { post(-c.delta, on: c.date, patient: c.patient, visit: c.visit) }
        case let e as ClaimCreated: create(e)
        case let e as ClaimReplaced: close(e.claim)
        case let e as ClaimVoided: close(e.claim)
        case let e as ClaimPaymentPosted: postPayment(e)
        case let e as ProviderAdjustmentPosted:
            post(LedgerAccount(payerPayments: -e.amount, adjustments: e.amount), on: e.paymentDate, patient: nil, visit: nil)
        case let e as RemittanceClaimSuspended:
            suspended["\(e.remittance)#\(e.index)"] = e.paid
            unappliedPayerCash += e.paid
        case let e as SuspenseResolved:
            unappliedPayerCash -= suspended.removeValue(forKey: "\(e.remittance)#\(e.index)") ?? .zero
        case let e as DenialOpened: denialClaims[e.denial] = e.claim
        case let e as DenialWrittenOff:
            guard let claim = denialClaims[e.denial] else { return }
            postOnClaim(claim, LedgerAccount(adjustments: e.amount, insuranceBalance: -e.amount), on: e.writtenOffOn)
        case let e as PatientPaymentPosted:
            postPatientMoney(e.patient, e.applications, total: e.amount, on: e.receivedOn) {
                LedgerAccount(patientPayments: $0, patientBalance: -$0)
            }
        case let e as PatientRefunded:
            postPatientMoney(e.patient, e.applications, total: e.amount, on: e.refundedOn, refund: true) {
                LedgerAccount(patientPayments: -$0, patientBalance: $0)
            }
        case let e as PatientAdjustmentPosted:
            let apps = e.visit.map { [PaymentApplication(visit: $0, amount: e.amount)] } ?? []
            postPatientMoney(e.patient, apps, total: e.amount, on: e.postedOn) { LedgerAccount(adjustments: $0, patientBalance: -$0) }
        default: break
        }
    }

    // MARK: - Rules

    private mutating func enter(_ e: ChargeEntered) {
        let insured = visitInsured[e.visit] ?? false
        let delta = insured ? LedgerAccount(charges: e.amount, insuranceBalance: e.amount) : LedgerAccount(charges: e.amount, patientBalance: e.amount)
        visitPatients[e.visit] = visitPatients[e.visit] ?? e.patient
        visitDates[e.visit] = min(visitDates[e.visit] ?? e.dateOfService, e.dateOfService)
        chargeDeltas[e.charge] = (e.visit, e.patient, e.dateOfService, delta)
        post(delta, on: e.dateOfService, patient: e.patient, visit: e.visit)
    }

    private mutating func create(_ e: ClaimCreated) {
        guard e.frequency != .void else { return }
        claimVisits[e.claim] = e.visit
        visitClaims[e.visit, default: []].append(e.claim)
        guard let prior = e.priorAdjudication else {
            claims[e.claim, default: LedgerAccount()] += LedgerAccount(charges: e.total, insuranceBalance: e.total)
            return
        }
        let moved = prior.patientResponsibility
        claims[e.claim, default: LedgerAccount()] += LedgerAccount(charges: moved, insuranceBalance: moved)
        // Only the first secondary claim moves money; its replacements take over the claim-level amount alone.
        guard e.frequency == .original else { return }
        claims[prior.claim, default: LedgerAccount()] += LedgerAccount(charges: -moved, patientBalance: -moved)
        post(LedgerAccount(insuranceBalance: moved, patientBalance: -moved), on: e.createdOn, patient: e.patient, visit: e.visit)
    }

    /// A superseded claim gives up what it still had open with the payer; the new claim bills it.
    private mutating func close(_ claim: ClaimID) {
        guard var account = claims[claim] else { return }
        account += LedgerAccount(charges: -account.insuranceBalance, insuranceBalance: -account.insuranceBalance)
        claims[claim] = account
    }

    private mutating func postPayment(_ e: ClaimPaymentPosted) {
        let delta = LedgerAccount(payerPayments: e.paid, adjustments: e.writeOff,
                                  insuranceBalance: -(e.paid + e.writeOff + e.patientResponsibility),
                                  patientBalance: e.patientResponsibility)
        postOnClaim(e.claim, delta, on: e.paymentDate)
    }

    private mutating func postOnClaim(_ claim: ClaimID, _ delta: LedgerAccount, on date: LocalDate) {
        claims[claim, default: LedgerAccount()] += delta
        let visit = claimVisits[claim]
        post(delta, on: date, patient: visit.flatMap { visitPatients[$0] }, visit: visit)
    }

    /// Patient money on named visits (spread over each visit's claims), the rest on the account.
    private mutating func postPatientMoney(_ patient: PatientID, _ applications: [PaymentApplication], total: Money,
                                           on date: LocalDate, refund: Bool = false, _ delta: (Money) -> LedgerAccount) {
        for app in applications {
            post(delta(app.amount), on: date, patient: patient, visit: app.visit)
            spreadOverClaims(app.visit, app.amount, refund: refund, delta)
        }
        let rest = total - Money.sum(applications.map(\.amount))
        if rest != .zero { post(delta(rest), on: date, patient: patient, visit: nil) }
    }

    /// Gives the visit's claims their share of a patient movement: money coming in
    /// fills each claim's patient balance in claim order; a refund takes back from
    /// what each claim received, newest first. What fits no claim stays on the visit.
    private mutating func spreadOverClaims(_ visit: VisitID, _ amount: Money, refund: Bool, _ delta: (Money) -> LedgerAccount) {
        let ids = visitClaims[visit] ?? []
        var left = amount
        for id in refund ? ids.reversed() : ids where left > .zero {
            guard let account = claims[id] else { continue }
            let room = refund ? account.patientPayments : account.patientBalance
            guard room > .zero else { continue }
            let share = min(room, left)
            claims[id] = account + delta(share)
            left -= share
        }
    }

    private mutating func post(_ delta: LedgerAccount, on date: LocalDate, patient: PatientID?, visit: VisitID?) {
        practice += delta
        let owner = patient.map(resolved)
        if let owner { patients[owner, default: LedgerAccount()] += delta }
        if let visit { visits[visit, default: LedgerAccount()] += delta }
        entries.append(LedgerEntry(date: date, patient: owner, visit: visit, delta: delta))
    }

    private mutating func merge(_ dropped: PatientID, into kept: PatientID) {
        guard dropped != kept else { return }
        mergedInto[dropped] = kept
        let target = resolved(kept)
        if let account = patients.removeValue(forKey: dropped) { patients[target, default: LedgerAccount()] += account }
    }
}
