import BinaryCodec
import RevenueCycle

/// An independent aging from the raw events, in plain code and on purpose
/// without the ledger's rules or the projection: it knows only what the
/// workloads these tests use contain (insured or self-pay charges and voids,
/// original claims, claim payments, denial write-offs, patient payments).
struct PlainAging {
    /// One dated change to an open item: "claim 7", "unbilled 3", "patient-visit 3", "account 12".
    private var changes: [String: [(date: LocalDate, cents: Int64)]] = [:]
    private var itemDOS: [String: LocalDate] = [:]
    private var itemGroup: [String: String] = [:]
    private var insured: [AppointmentID: Bool] = [:]
    private var visitInsured: [VisitID: Bool] = [:]
    private var visitDOS: [VisitID: LocalDate] = [:]
    private var charges: [ChargeID: ChargeEntered] = [:]
    private var claimVisit: [ClaimID: VisitID] = [:]
    private var denialClaim: [DenialID: ClaimID] = [:]
    /// Whose patient items are whose: "patient-visit N" from its charges, "account N" from its payments.
    private var itemPatient: [String: PatientID] = [:]

    init(_ events: [any EventPayload]) {
        for e in events { fold(e) }
    }

    private mutating func change(_ item: String, _ cents: Int64, on date: LocalDate, dos: LocalDate?, group: String) {
        changes[item, default: []].append((date, cents))
        if let dos { itemDOS[item] = dos }
        itemGroup[item] = group
    }

    private mutating func fold(_ event: any EventPayload) {
        switch event {
        case let e as PatientCheckedIn: insured[e.appointment] = e.coverage != nil
        case let e as PatientCheckedOut: visitInsured[e.visit] = insured[e.appointment] ?? false
        case let e as ChargeEntered:
            charges[e.charge] = e
            itemPatient["patient-visit \(e.visit.number)"] = e.patient
            visitDOS[e.visit] = min(visitDOS[e.visit] ?? e.dateOfService, e.dateOfService)
            book(e, sign: 1)
        case let e as ChargeVoided:
            if let c = charges.removeValue(forKey: e.charge) { book(c, sign: -1) }
        case let e as ClaimCreated:
            claimVisit[e.claim] = e.visit
            change("claim \(e.claim.number)", e.total.cents, on: e.createdOn, dos: visitDOS[e.visit], group: e.payer.description)
            change("unbilled \(e.visit.number)", -e.total.cents, on: e.createdOn, dos: visitDOS[e.visit], group: "(not yet billed)")
        case let e as ClaimPaymentPosted:
            let writeOff = e.charge - e.paid - e.patientResponsibility - e.denied
            let visit = claimVisit[e.claim]
            change("claim \(e.claim.number)", -(e.paid + writeOff + e.patientResponsibility).cents, on: e.paymentDate,
                   dos: visit.flatMap { visitDOS[$0] }, group: itemGroup["claim \(e.claim.number)"] ?? "?")
            if let visit { change("patient-visit \(visit.number)", e.patientResponsibility.cents, on: e.paymentDate, dos: visitDOS[visit], group: "(patient)") }
        case let e as DenialOpened: denialClaim[e.denial] = e.claim
        case let e as DenialWrittenOff:
            if let claim = denialClaim[e.denial] {
                change("claim \(claim.number)", -e.amount.cents, on: e.writtenOffOn, dos: nil, group: itemGroup["claim \(claim.number)"] ?? "?")
            }
        case let e as PatientPaymentPosted:
            var rest = e.amount.cents
            for a in e.applications {
                change("patient-visit \(a.visit.number)", -a.amount.cents, on: e.receivedOn, dos: visitDOS[a.visit], group: "(patient)")
                rest -= a.amount.cents
            }
            if rest != 0 { change("account \(e.patient.number)", -rest, on: e.receivedOn, dos: nil, group: "(patient)") }
            itemPatient["account \(e.patient.number)"] = e.patient
        default: break
        }
    }

    private mutating func book(_ c: ChargeEntered, sign: Int64) {
        let isInsured = visitInsured[c.visit] ?? false
        let item = isInsured ? "unbilled \(c.visit.number)" : "patient-visit \(c.visit.number)"
        change(item, sign * c.amount.cents, on: c.dateOfService, dos: visitDOS[c.visit], group: isInsured ? "(not yet billed)" : "(patient)")
    }

    /// Group (by payer, as `report ar-aging --by payer` labels it) → insurance and patient cents per bucket.
    func aging(asOf: LocalDate) -> [String: (insurance: [Int64], patient: [Int64])] {
        var out: [String: (insurance: [Int64], patient: [Int64])] = [:]
        for (item, list) in changes {
            let balance = list.filter { $0.date <= asOf }.reduce(0) { $0 + $1.cents }
            guard balance != 0 else { continue }
            let age = itemDOS[item].map { Int(asOf.daysSinceEpoch - $0.daysSinceEpoch) } ?? 0
            let bucket = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : age <= 120 ? 3 : 4
            let group = itemGroup[item] ?? "?"
            var row = out[group] ?? (Array(repeating: 0, count: 5), Array(repeating: 0, count: 5))
            if item.hasPrefix("claim") || item.hasPrefix("unbilled") { row.insurance[bucket] += balance } else { row.patient[bucket] += balance }
            out[group] = row
        }
        return out
    }

    /// One group's debts per bucket and the credits shown apart from them.
    struct Row: Equatable {
        var insurance = [Int64](repeating: 0, count: 5), patient = [Int64](repeating: 0, count: 5)
        var insuranceCredit: Int64 = 0, patientCredit: Int64 = 0
    }

    /// The aging as practices report it, by payer: per patient, the patient's items summed per
    /// bucket, their credits taken off their own buckets from the oldest, the rest a credit of the
    /// "(patient)" row; an insurance item below zero a credit of its group. Also each patient's credit.
    func agingWithCredits(asOf: LocalDate) -> (rows: [String: Row], patientCredits: [PatientID: Int64]) {
        var rows: [String: Row] = [:]
        var perPatient: [PatientID: (buckets: [Int64], credit: Int64)] = [:]
        for (item, list) in changes {
            let balance = list.filter { $0.date <= asOf }.reduce(0) { $0 + $1.cents }
            guard balance != 0 else { continue }
            let age = itemDOS[item].map { Int(asOf.daysSinceEpoch - $0.daysSinceEpoch) } ?? 0
            let bucket = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : age <= 120 ? 3 : 4
            let group = itemGroup[item] ?? "?"
            if item.hasPrefix("claim") || item.hasPrefix("unbilled") {
                if balance < 0 { rows[group, default: Row()].insuranceCredit -= balance } else { rows[group, default: Row()].insurance[bucket] += balance }
                continue
            }
            let who = itemPatient[item] ?? PatientID(0)
            var mine = perPatient[who] ?? ([Int64](repeating: 0, count: 5), 0)
            if balance < 0 { mine.credit -= balance } else { mine.buckets[bucket] += balance }
            perPatient[who] = mine
        }
        var credits: [PatientID: Int64] = [:]
        for (who, var mine) in perPatient {
            for bucket in stride(from: 4, through: 0, by: -1) {
                let taken = min(mine.buckets[bucket], mine.credit)
                mine.buckets[bucket] -= taken
                mine.credit -= taken
                rows["(patient)", default: Row()].patient[bucket] += mine.buckets[bucket]
            }
            if mine.credit > 0 {
                credits[who] = mine.credit
                rows["(patient)", default: Row()].patientCredit += mine.credit
            }
        }
        return (rows.filter { $0.value != Row() }, credits)
    }
}
