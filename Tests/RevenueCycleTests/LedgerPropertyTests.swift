import XCTest
import BinaryCodec
@testable import RevenueCycle

/// Totals summed straight from event fields, sharing no code with `Ledger`.
struct RawTotals {
    var charges = Money.zero, payer = Money.zero, adjustments = Money.zero, patient = Money.zero
    var patientOpen = Money.zero, suspense = Money.zero, plb = Money.zero
    var chargeAmounts: [ChargeID: (Money, VisitID)] = [:]
    /// Live charges per visit, for financial-class changes (the generator changes only never-claimed visits).
    var visitCharges: [VisitID: Money] = [:]
    var insuredAppointments = Set<AppointmentID>(), insuredVisits = Set<VisitID>()
    var suspended: [String: Money] = [:]

    mutating func add(_ event: any EventPayload) {
        switch event {
        case let e as PatientCheckedIn: if e.coverage != nil { insuredAppointments.insert(e.appointment) }
        case let e as PatientCheckedOut: if insuredAppointments.contains(e.appointment) { insuredVisits.insert(e.visit) }
        case let e as ChargeEntered:
            chargeAmounts[e.charge] = (e.amount, e.visit)
            visitCharges[e.visit, default: .zero] += e.amount
            charges += e.amount
            if !insuredVisits.contains(e.visit) { patientOpen += e.amount }
        case let e as ChargeVoided:
            if let (amount, visit) = chargeAmounts[e.charge] {
                charges -= amount
                visitCharges[visit, default: .zero] -= amount
                // Out of where the visit's class has it now.
                if !insuredVisits.contains(visit) { patientOpen -= amount }
            }
        case let e as VisitFinancialClassChanged:
            let live = visitCharges[e.visit] ?? .zero
            if e.coverage != nil, insuredVisits.insert(e.visit).inserted { patientOpen -= live }
            if e.coverage == nil, insuredVisits.remove(e.visit) != nil { patientOpen += live }
        case let e as ClaimCreated:
            if let prior = e.priorAdjudication, e.frequency == .original { patientOpen -= prior.patientResponsibility }
        case let e as ClaimPaymentPosted:
            payer += e.paid
            adjustments += e.charge - e.paid - e.patientResponsibility - e.denied - e.priorPayerImpact
            patientOpen += e.patientResponsibility
        case let e as ProviderAdjustmentPosted:
            payer -= e.amount
            adjustments += e.amount
            plb += e.amount
        case let e as DenialWrittenOff: adjustments += e.amount
        case let e as PatientPaymentPosted:
            patient += e.amount
            patientOpen -= e.amount
        case let e as PatientRefunded:
            patient -= e.amount
            patientOpen += e.amount
        case let e as PatientPaymentVoided:
            patient -= e.amount
            patientOpen += e.amount
        case let e as PatientAdjustmentPosted:
            adjustments += e.amount
            patientOpen -= e.amount
        case let e as RemittanceClaimSuspended:
            suspended["\(e.remittance)#\(e.index)"] = e.paid
            suspense += e.paid
        case let e as SuspenseResolved: suspense -= suspended["\(e.remittance)#\(e.index)"] ?? .zero
        default: break
        }
    }
}

/// Random valid histories: visits with charges, claims, remittances with CO/PR/OA
/// and denials, reversals, secondary claims, replacements, PLB, suspense, patient
/// payments, refunds, adjustments, voids and merges.
struct LedgerHistoryGenerator {
    var rng: SplitMix64
    var events: [any EventPayload] = []
    var next: UInt64 = 1
    let base = ClaimWorld.day("2026-01-05")

    struct Visit { let id: VisitID; var patient: PatientID; var insured: Bool; var charges: [(ChargeID, Money)]; var claim: ClaimID?; var postings: [ClaimPaymentPosted] = []; var secondary = false }
    var visits: [Visit] = []
    var payments: [(id: PaymentID, patient: PatientID, amount: Money, refunded: Money, applied: [VisitID: Money], order: [VisitID])] = []
    var openDenials: [(DenialID, ClaimID, Money)] = []
    var openSuspense: [(RemittanceID, Int)] = []
    var merged: [PatientID: PatientID] = [:]

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func id() -> UInt64 { defer { next += 1 }; return next }
    mutating func cents(_ max: Int64) -> Money { Money(cents: Int64.random(in: 1...max, using: &rng)) }
    mutating func day() -> LocalDate { base.adding(days: Int.random(in: 0...200, using: &rng)) }
    func live(_ p: PatientID) -> PatientID { merged[p].map(live) ?? p }

    /// Splits `total` into `parts` non-negative amounts.
    mutating func split(_ total: Money, _ parts: Int) -> [Money] {
        guard total.cents > 0 else { return Array(repeating: .zero, count: parts) }
        var cuts = (0..<(parts - 1)).map { _ in Int64.random(in: 0...total.cents, using: &rng) }.sorted()
        cuts = [0] + cuts + [total.cents]
        return (0..<parts).map { Money(cents: cuts[$0 + 1] - cuts[$0]) }
    }

    /// Emits one action's events.
    mutating func step() -> [any EventPayload] {
        switch Int.random(in: 0..<15, using: &rng) {
        case 0, 1: return newVisit()
        case 2: return claim()
        case 3, 4: return remit()
        case 5: return reverse()
        case 6: return writeOffDenial()
        case 7: return [ProviderAdjustmentPosted(remittance: RemittanceID(id()), provider: "1987654328", reason: "L6", reference: nil,
                                                 amount: Money(cents: Int64.random(in: -2_000...5_000, using: &rng)), paymentDate: day())]
        case 8: return suspense()
        case 9, 10: return pay()
        case 11: return refund()
        case 12: return adjustOrVoid()
        case 13: return changeFinancialClass()
        default: return secondaryReplaceOrMerge()
        }
    }

    mutating func newVisit() -> [any EventPayload] {
        let appointment = AppointmentID(id()), visit = VisitID(id())
        let patient = live(PatientID(UInt64.random(in: 1...5, using: &rng)))
        let insured = Bool.random(using: &rng)
        var out: [any EventPayload] = [PatientCheckedIn(appointment: appointment, copayDue: .zero, coverage: insured ? CoverageID(patient.number) : nil),
                                       PatientCheckedOut(appointment: appointment, visit: visit)]
        var charges: [(ChargeID, Money)] = []
        let dos = day()
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let charge = ChargeID(id()), amount = cents(50_000)
            charges.append((charge, amount))
            out.append(ChargeEntered(charge: charge, visit: visit, patient: patient, provider: ProviderID(1), dateOfService: dos,
                                     procedure: (try? ProcedureCode("99213")) ?? ClaimEventCodecFixtures.procedure, diagnoses: [], pointers: [],
                                     amount: amount, enteredOn: dos))
        }
        visits.append(Visit(id: visit, patient: patient, insured: insured, charges: charges, claim: nil))
        return out
    }

    func lines(_ v: Visit) -> [ClaimLine] {
        v.charges.map { ClaimLine(charge: $0.0, procedure: ClaimEventCodecFixtures.procedure, amount: $0.1, pointers: [1], dateOfService: base) }
    }

    func created(_ v: Visit, id: ClaimID, frequency: ClaimFrequencyType = .original, original: ClaimID? = nil,
                 prior: PriorAdjudication? = nil) -> ClaimCreated {
        let ls = lines(v)
        return ClaimCreated(claim: id, visit: v.id, patient: v.patient, coverage: CoverageID(1), payer: PayerID(1), billingProvider: ProviderID(1),
                            renderingProvider: ProviderID(1), placeOfService: ClaimEventCodecFixtures.office, frequency: frequency,
                            originalClaim: original, lines: ls, diagnoses: [], total: Money.sum(ls.map(\.amount)), createdOn: base,
                            priorAdjudication: prior)
    }

    mutating func claim() -> [any EventPayload] {
        guard let i = visits.indices.filter({ visits[$0].insured && visits[$0].claim == nil && !visits[$0].charges.isEmpty }).randomElement(using: &rng) else { return [] }
        let claim = ClaimID(id())
        visits[i].claim = claim
        return [created(visits[i], id: claim)]
    }

    mutating func remit() -> [any EventPayload] {
        guard let i = visits.indices.filter({ visits[$0].claim != nil && Money.sum(visits[$0].postings.map(\.charge)) == .zero })
            .randomElement(using: &rng), let claim = visits[i].claim else { return [] }
        let total = Money.sum(visits[i].charges.map(\.1))
        let parts = split(total, 5)   // paid, CO, PR, OA, denied
        let denied = Bool.random(using: &rng) ? parts[4] : .zero
        let paid = parts[0] + (denied == .zero ? parts[4] : .zero)
        let remittance = RemittanceID(id())
        let posting = ClaimPaymentPosted(
            claim: claim, remittance: remittance, status: "1", charge: total, paid: paid, patientResponsibility: parts[2], denied: denied,
            payerClaimControlNumber: "P\(claim.number)",
            adjustments: [PostedAdjustment(group: .contractual, reason: "45", amount: parts[1]),
                          PostedAdjustment(group: .patient, reason: "2", amount: parts[2]),
                          PostedAdjustment(group: .other, reason: "94", amount: parts[3]),
                          PostedAdjustment(group: .contractual, reason: "50", amount: denied)],
            lines: [], paymentDate: day())
        visits[i].postings.append(posting)
        var out: [any EventPayload] = [posting]
        if denied > .zero {
            let d = DenialID(id())
            openDenials.append((d, claim, denied))
            out.append(DenialOpened(denial: d, claim: claim, remittance: remittance, line: nil, charge: nil, group: .contractual, carc: "50",
                                    rarcs: [], amount: denied, text: "CO-50", openedOn: posting.paymentDate))
        }
        return out
    }

    mutating func reverse() -> [any EventPayload] {
        guard let i = visits.indices.filter({ Money.sum(visits[$0].postings.map(\.charge)) != .zero && !visits[$0].secondary })
            .randomElement(using: &rng), let last = visits[i].postings.last else { return [] }
        let r = ClaimPaymentPosted(claim: last.claim, remittance: RemittanceID(id()), status: "22", charge: -last.charge, paid: -last.paid,
                                   patientResponsibility: -last.patientResponsibility, denied: -last.denied,
                                   payerClaimControlNumber: last.payerClaimControlNumber,
                                   adjustments: last.adjustments.map { PostedAdjustment(group: $0.group, reason: $0.reason, amount: -$0.amount) },
                                   lines: [], paymentDate: day())
        visits[i].postings.append(r)
        let resolved = openDenials.filter { $0.1 == last.claim }
        openDenials.removeAll { $0.1 == last.claim }
        return [r] + resolved.map { DenialResolved(denial: $0.0, note: "reversed", resolvedOn: r.paymentDate) }
    }

    mutating func writeOffDenial() -> [any EventPayload] {
        guard !openDenials.isEmpty else { return [] }
        let d = openDenials.remove(at: Int.random(in: 0..<openDenials.count, using: &rng))
        return [DenialWrittenOff(denial: d.0, amount: d.2, reason: "lost", writtenOffOn: day())]
    }

    mutating func suspense() -> [any EventPayload] {
        if let k = openSuspense.popLast(), Bool.random(using: &rng) {
            return [SuspenseResolved(remittance: k.0, index: k.1, claim: nil, note: "returned", resolvedOn: day())]
        }
        let r = RemittanceID(id())
        openSuspense.append((r, 0))
        return [RemittanceClaimSuspended(remittance: r, index: 0, patientControlNumber: "X", status: "1", charge: cents(9_000), paid: cents(5_000),
                                         patientResponsibility: nil, payerClaimControlNumber: nil, patientName: nil, memberID: nil,
                                         serviceDate: nil, adjustments: [], lines: [], remarks: [], reason: "no match", paymentDate: day())]
    }

    mutating func pay() -> [any EventPayload] {
        let patient = live(PatientID(UInt64.random(in: 1...5, using: &rng)))
        let amount = cents(30_000)
        var left = amount
        var apps: [PaymentApplication] = []
        for v in visits where live(v.patient) == patient && Bool.random(using: &rng) && left > .zero {
            let share = Money(cents: Int64.random(in: 1...left.cents, using: &rng))
            apps.append(PaymentApplication(visit: v.id, amount: share))
            left -= share
        }
        let p = PaymentID(id())
        payments.append((p, patient, amount, .zero, Dictionary(apps.map { ($0.visit, $0.amount) }, uniquingKeysWith: +), apps.map(\.visit)))
        return [PatientPaymentPosted(payment: p, patient: patient, amount: amount, method: .cash, applications: apps, receivedOn: day())]
    }

    mutating func refund() -> [any EventPayload] {
        guard let i = payments.indices.filter({ payments[$0].amount > payments[$0].refunded }).randomElement(using: &rng) else { return [] }
        let pay = payments[i]
        // One in four takes back the whole rest as a void (issue 15), which posts as a refund of it would.
        let voids = Int.random(in: 0..<4, using: &rng) == 0
        let amount = voids ? pay.amount - pay.refunded : Money(cents: Int64.random(in: 1...(pay.amount - pay.refunded).cents, using: &rng))
        let unapplied = pay.amount - pay.refunded - Money.sum(pay.applied.values)
        var left = amount - min(amount, max(unapplied, .zero))
        var apps: [PaymentApplication] = []
        for visit in pay.order.reversed() where left > .zero {
            let share = min(payments[i].applied[visit] ?? .zero, left)
            guard share > .zero else { continue }
            apps.append(PaymentApplication(visit: visit, amount: share))
            payments[i].applied[visit, default: .zero] -= share
            left -= share
        }
        payments[i].refunded += amount
        if voids {
            return [PatientPaymentVoided(payment: pay.id, patient: pay.patient, amount: amount, applications: apps, reason: "v", voidedOn: day())]
        }
        return [PatientRefunded(payment: pay.id, patient: pay.patient, amount: amount, applications: apps, reason: "r", refundedOn: day())]
    }

    mutating func adjustOrVoid() -> [any EventPayload] {
        guard let i = visits.indices.randomElement(using: &rng) else { return [] }
        if visits[i].claim == nil, let charge = visits[i].charges.popLast() {
            return [ChargeVoided(charge: charge.0, reason: "error")]
        }
        return [PatientAdjustmentPosted(adjustment: AdjustmentID(id()), patient: live(visits[i].patient), visit: Bool.random(using: &rng) ? visits[i].id : nil,
                                        amount: cents(2_000), reason: .courtesy, postedOn: day())]
    }

    /// A never-claimed visit changes between self-pay and insurance (the decision refuses it while a claim is live).
    mutating func changeFinancialClass() -> [any EventPayload] {
        guard let i = visits.indices.filter({ visits[$0].claim == nil }).randomElement(using: &rng) else { return [] }
        visits[i].insured.toggle()
        let insured = visits[i].insured
        return [VisitFinancialClassChanged(visit: visits[i].id, coverage: insured ? CoverageID(1) : nil, payer: insured ? PayerID(1) : nil,
                                           reason: "changed", changedOn: day())]
    }

    mutating func secondaryReplaceOrMerge() -> [any EventPayload] {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            guard let i = visits.indices.filter({ !visits[$0].secondary && Money.sum(visits[$0].postings.map(\.patientResponsibility)) > .zero })
                .randomElement(using: &rng), let primary = visits[i].claim else { return [] }
            visits[i].secondary = true
            let pr = Money.sum(visits[i].postings.map(\.patientResponsibility))
            let prior = PriorAdjudication(claim: primary, payer: PayerID(1), coverage: CoverageID(1), payerClaimControlNumber: nil,
                                          paid: Money.sum(visits[i].postings.map(\.paid)), patientResponsibility: pr, adjustments: [], lines: [],
                                          adjudicatedOn: base)
            return [created(visits[i], id: ClaimID(id()), prior: prior)]
        case 1:
            guard let i = visits.indices.filter({ visits[$0].claim != nil && visits[$0].postings.isEmpty }).randomElement(using: &rng),
                  let old = visits[i].claim else { return [] }
            let new = ClaimID(id())
            visits[i].claim = new
            return [created(visits[i], id: new, frequency: .replacement, original: old), ClaimReplaced(claim: old, replacement: new, reason: "fix")]
        default:
            let a = live(PatientID(UInt64.random(in: 1...5, using: &rng))), b = live(PatientID(UInt64.random(in: 1...5, using: &rng)))
            guard a != b else { return [] }
            merged[b] = a
            for j in visits.indices where live(visits[j].patient) == a { visits[j].patient = a }
            return [PatientsMerged(kept: a, dropped: b)]
        }
    }
}

enum ClaimEventCodecFixtures {
    static let procedure: ProcedureCode = {
        guard let p = try? ProcedureCode("99213") else { fatalError("99213 is a procedure code") }
        return p
    }()
    static let office: PlaceOfService = {
        guard let p = try? PlaceOfService("11") else { fatalError("11 is a place of service") }
        return p
    }()
}

final class LedgerPropertyTests: XCTestCase {
    /// After every event of 300 random histories: every account balances, and the
    /// practice's totals equal sums taken straight from the raw events.
    func testEveryAccountBalancesAtEveryPositionAndTotalsMatchTheRawEvents() {
        var kinds = Set<String>()
        for seed in UInt64(1)...300 {
            var generator = LedgerHistoryGenerator(seed: seed)
            var ledger = Ledger()
            var raw = RawTotals()
            var position = 0
            for _ in 0..<120 {
                for event in generator.step() {
                    position += 1
                    kinds.insert(type(of: event).typeName)
                    ledger.apply(event)
                    raw.add(event)
                    let p = ledger.practice
                    guard ledger.isBalanced, p.charges == raw.charges, p.payerPayments == raw.payer, p.adjustments == raw.adjustments,
                          p.patientPayments == raw.patient, p.patientBalance == raw.patientOpen, ledger.unappliedPayerCash == raw.suspense else {
                        return XCTFail("seed \(seed) position \(position) after \(type(of: event).typeName): "
                                       + (ledger.firstUnbalanced ?? "practice \(p) vs raw \(raw.charges) \(raw.payer) \(raw.adjustments) \(raw.patient) open \(raw.patientOpen)"))
                    }
                    // Patients (after merges) add up to the practice, less its PLB-only part.
                    let patients = ledger.patients.values.reduce(LedgerAccount(), +)
                    guard patients + LedgerAccount(payerPayments: -raw.plb, adjustments: raw.plb) == p else {
                        return XCTFail("seed \(seed) position \(position): patients \(patients) do not add up to the practice \(p)")
                    }
                }
            }
        }
        for kind in ["ChargeEntered", "ChargeVoided", "ClaimCreated", "ClaimReplaced", "ClaimPaymentPosted", "DenialOpened", "DenialWrittenOff",
                     "DenialResolved", "ProviderAdjustmentPosted", "RemittanceClaimSuspended", "SuspenseResolved", "PatientPaymentPosted",
                     "PatientRefunded", "PatientAdjustmentPosted", "PatientsMerged", "PatientPaymentVoided", "VisitFinancialClassChanged"] {
            XCTAssertTrue(kinds.contains(kind), "the generator never produced \(kind)")
        }
    }

    func testAnUnbalancedPostingIsCaught() {
        var ledger = Ledger()
        ledger.apply(ChargeEntered(charge: ChargeID(1), visit: VisitID(1), patient: PatientID(1), provider: ProviderID(1),
                                   dateOfService: ClaimWorld.today, procedure: ClaimEventCodecFixtures.procedure, diagnoses: [], pointers: [],
                                   amount: Money(cents: 100), enteredOn: ClaimWorld.today))
        XCTAssertTrue(ledger.isBalanced)
        var account = ledger.practice
        account.payerPayments += Money(cents: 1)
        XCTAssertFalse(account.isBalanced, "a one-cent difference is found")
    }
}
