import BinaryCodec
import EventLog
import RevenueCycle

/// A seeded random history of everything that moves money: insured and
/// self-pay visits, charges and voids, claims (replaced, voided, secondary),
/// payer postings with patient responsibility and denials, reversals, PLB,
/// suspense and its resolution, patient payments, refunds, adjustments,
/// financial-class changes and chart merges. The events need not be decisions a command would take; they
/// exercise every rule of the ledger and the receivables read model.
struct MoneyHistory {
    /// The same sequence on every machine, so a failing seed can be replayed.
    private var random: SplitMix64
    private var n: UInt64 = 0
    private let day = LocalDate(daysSinceEpoch: 20_700)
    private var visits: [(VisitID, PatientID)] = []
    private var claims: [(ClaimID, VisitID, PatientID)] = []
    private var denials: [DenialID] = []
    private var payments: [(PaymentID, PatientID, Money)] = []
    private var suspended: [(RemittanceID, Int)] = []
    /// Charts merged away: like the merge decision, a merged chart is never merged again or kept.
    private var merged = Set<PatientID>()

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func random(_ bound: Int) -> Int {
        Int(random.next() % UInt64(max(bound, 1)))
    }

    private mutating func next() -> UInt64 {
        n += 1
        return n
    }

    private mutating func cents(_ max: Int) -> Money { Money(cents: Int64(100 + random(max))) }

    private func date(_ offset: Int) -> LocalDate { day.adding(days: offset) }

    /// One batch of events.
    mutating func batch(size: Int) throws -> [any EventPayload] {
        var out: [any EventPayload] = []
        while out.count < size { out += try step() }
        return out
    }

    private mutating func step() throws -> [any EventPayload] {
        let patient = PatientID(UInt64(1 + random(6)))
        switch random(14) {
        case 0, 1:
            let appointment = AppointmentID(next()), visit = VisitID(next())
            visits.append((visit, patient))
            let charge = ChargeEntered(charge: ChargeID(next()), visit: visit, patient: patient, provider: ProviderID(1),
                                       dateOfService: date(random(200)), procedure: try ProcedureCode("99213"), diagnoses: [try DiagnosisCode("E11.9")],
                                       pointers: [1], amount: cents(20_000), enteredOn: date(200))
            return [PatientCheckedIn(appointment: appointment, copayDue: .zero, coverage: random(3) == 0 ? nil : CoverageID(1)),
                    PatientCheckedOut(appointment: appointment, visit: visit), charge]
        case 2:
            guard let (visit, owner) = pick(visits) else { return [] }
            let id = ClaimID(next())
            claims.append((id, visit, owner))
            return [try created(id, visit, owner, prior: nil)]
        case 3, 4:
            guard let (claim, _, _) = pick(claims) else { return [] }
            let paid = cents(8_000), pr = cents(3_000), denied = random(3) == 0 ? cents(2_000) : Money.zero
            let reversal = random(6) == 0
            let sign: Int64 = reversal ? -1 : 1
            var events: [any EventPayload] = [
                ClaimPaymentPosted(claim: claim, remittance: RemittanceID(next()), status: reversal ? "22" : "1",
                                   charge: (paid + pr + denied + cents(4_000)) * sign, paid: paid * sign, patientResponsibility: pr * sign,
                                   denied: denied * sign, payerClaimControlNumber: "P\(n)", adjustments: [], lines: [], paymentDate: date(210 + random(30))),
            ]
            if denied > .zero && !reversal {
                let id = DenialID(next())
                denials.append(id)
                events.append(DenialOpened(denial: id, claim: claim, remittance: RemittanceID(n), line: nil, charge: nil, group: .contractual,
                                           carc: "50", rarcs: ["N130"], amount: denied, text: "CO-50: not medically necessary", openedOn: date(215)))
            }
            return events
        case 5:
            guard let id = pick(denials) else { return [] }
            switch random(3) {
            case 0: return [DenialAppealed(denial: id, note: "records sent", appealedOn: date(220))]
            case 1: return [DenialResolved(denial: id, note: "reprocessed", resolvedOn: date(221))]
            default: return [DenialWrittenOff(denial: id, amount: cents(2_000), reason: "not covered", writtenOffOn: date(222))]
            }
        case 6:
            let remittance = RemittanceID(next())
            suspended.append((remittance, 0))
            return [RemittanceReceived(remittance: remittance, payer: PayerID(1), traceNumber: "T\(remittance.number)", payerIdentifier: "60054",
                                       totalPaid: cents(5_000), method: "ACH", paymentDate: date(230), fileDigest: "d\(remittance.number)"),
                    RemittanceClaimSuspended(remittance: remittance, index: 0, patientControlNumber: "X\(n)", status: "1", charge: cents(9_000),
                                             paid: cents(5_000), patientResponsibility: nil, payerClaimControlNumber: nil, patientName: "DOE, JANE",
                                             memberID: nil, serviceDate: date(10), adjustments: [], lines: [], remarks: [], reason: "unknown claim",
                                             paymentDate: date(230)),
                    ProviderAdjustmentPosted(remittance: remittance, provider: "1987654328", reason: random(2) == 0 ? "L6" : "WO",
                                             reference: nil, amount: Money(cents: Int64(random(2_000)) - 1_000), paymentDate: date(230))]
        case 7:
            guard let (remittance, index) = pick(suspended) else { return [] }
            suspended.removeAll { $0 == (remittance, index) }
            return [SuspenseResolved(remittance: remittance, index: index, claim: pick(claims)?.0, note: "posted", resolvedOn: date(231))]
        case 8, 9:
            let mine = visits.filter { $0.1 == patient }
            let amount = cents(6_000)
            let apps = mine.isEmpty || random(4) == 0 ? [] : [PaymentApplication(visit: mine[random(mine.count)].0, amount: amount)]
            let id = PaymentID(next())
            payments.append((id, patient, amount))
            return [PatientPaymentPosted(payment: id, patient: patient, amount: amount, method: .cash, applications: apps, receivedOn: date(240))]
        case 10:
            guard let (payment, owner, amount) = pick(payments) else { return [] }
            let mine = visits.filter { $0.1 == owner }
            let part = Money(cents: max(1, amount.cents / 2))
            let apps = mine.isEmpty ? [] : [PaymentApplication(visit: mine[0].0, amount: part)]
            return [PatientRefunded(payment: payment, patient: owner, amount: part, applications: apps, reason: "overpaid", refundedOn: date(245))]
        case 11:
            let visit = visits.filter { $0.1 == patient }.first?.0
            return [PatientAdjustmentPosted(adjustment: AdjustmentID(next()), patient: patient, visit: visit, amount: cents(500),
                                            reason: .smallBalance, note: nil, postedOn: date(250))]
        case 12:
            guard let (claim, visit, owner) = pick(claims) else { return [] }
            if random(2) == 0 {
                let replacement = ClaimID(next())
                claims.append((replacement, visit, owner))
                return [try created(replacement, visit, owner, prior: nil), ClaimReplaced(claim: claim, replacement: replacement, reason: "units")]
            }
            let prior = PriorAdjudication(claim: claim, payer: PayerID(1), coverage: CoverageID(1), payerClaimControlNumber: nil, paid: cents(5_000),
                                          patientResponsibility: cents(2_000), adjustments: [], lines: [], adjudicatedOn: date(212))
            return [try created(ClaimID(next()), visit, owner, prior: prior)]
        default:
            let dropped = PatientID(UInt64(1 + random(6)))
            guard random(4) == 0, dropped != patient, !merged.contains(dropped), !merged.contains(patient) else {
                if random(3) == 0, let (visit, _) = pick(visits) {
                    let insured = random(2) == 0
                    return [VisitFinancialClassChanged(visit: visit, coverage: insured ? CoverageID(1) : nil, payer: insured ? PayerID(1) : nil,
                                                       reason: "class", changedOn: date(205))]
                }
                return [ChargeVoided(charge: ChargeID(UInt64(1 + random(Int(max(n, 1))))), reason: "wrong")]
            }
            merged.insert(dropped)
            return [PatientsMerged(kept: patient, dropped: dropped)]
        }
    }

    private mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[random(items.count)] }

    private func created(_ id: ClaimID, _ visit: VisitID, _ patient: PatientID, prior: PriorAdjudication?) throws -> ClaimCreated {
        let line = ClaimLine(charge: ChargeID(1), procedure: try ProcedureCode("99213"), amount: Money(cents: 12_500), pointers: [1],
                             dateOfService: date(5))
        return ClaimCreated(claim: id, visit: visit, patient: patient, coverage: CoverageID(prior == nil ? 1 : 2), payer: PayerID(prior == nil ? 1 : 2),
                            billingProvider: ProviderID(2), renderingProvider: ProviderID(1), placeOfService: try PlaceOfService("11"),
                            lines: [line], diagnoses: [try DiagnosisCode("E11.9")], total: Money(cents: 12_500), createdOn: date(6),
                            priorAdjudication: prior)
    }
}
