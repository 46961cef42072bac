import RevenueCycle

/// What the aging report groups open items by.
public enum ARGrouping: String, CaseIterable, Sendable {
    case total, payer, patient, provider, location
}

/// One line of the aging: a group's insurance and patient debts in buckets, and the
/// credits (owed back) kept apart from them.
public struct ARAgingRow: Sendable, Equatable {
    public let group: String
    public var insurance = AgingBuckets()
    public var patient = AgingBuckets()
    /// What the group owes back: claims paid beyond their balance, patients' credit balances (positive amounts).
    public var insuranceCredit = Money.zero
    public var patientCredit = Money.zero
    /// Debts less credits: the group's share of the ledger's open balance.
    public var total: Money { insurance.total + patient.total - insuranceCredit - patientCredit }
}

/// A credit balance: a patient's (after their own debts took what they could), or an
/// insurance item's (a claim the payer paid beyond its balance).
public struct ARCredit: Sendable, Equatable {
    public let isInsurance: Bool
    /// The patient with the credit (after merges); for insurance, the claim's patient when known.
    public let patient: PatientID?
    public let payer: PayerID?
    /// The claim (insurance, claim-level) the credit sits on.
    public let claim: ClaimID?
    /// Positive: what is owed back.
    public let amount: Money
}

/// A/R aging as of a date, from open items: buckets 0–30, 31–60, 61–90, 91–120
/// and 120+ days from the date of service, insurance and patient responsibility apart.
///
/// Credits are shown apart from debts, as practices report them, so one patient's
/// credit never nets against other patients' debts in a bucket: a patient's credits
/// (unapplied payments, overpaid visits) first pay that patient's own debts, oldest
/// first, and what is left is a credit balance; an insurance item below zero (a claim
/// paid beyond its balance) is an insurance credit. Buckets then hold only debts, and
/// debts − credits = the ledger's open balance, to the cent.
///
/// Items without a date of service (account-level credits, insurance money with
/// no visit) age as current, as patient statements age them.
public struct ARAgingReport: Sendable, Equatable {
    public let asOf: LocalDate
    public let grouping: ARGrouping
    public let rows: [ARAgingRow]
    /// Debts only.
    public let insurance: AgingBuckets
    public let patient: AgingBuckets
    /// Billed A/R (claims and patient balances; not insurance balances still to be billed), debts only, for "% over 90/120".
    public let billed: AgingBuckets
    /// Every credit balance: patients' (one per patient, by id), then insurance items' in the read model's item order.
    public let credits: [ARCredit]
    public var insuranceCredit: Money { Money.sum(credits.filter(\.isInsurance).map(\.amount)) }
    public var patientCredit: Money { Money.sum(credits.filter { !$0.isInsurance }.map(\.amount)) }
    /// Debts less credits, insurance and patient apart: what the ledger has open.
    public var netInsurance: Money { insurance.total - insuranceCredit }
    public var netPatient: Money { patient.total - patientCredit }
    /// Debts less credits: the ledger's open balance.
    public var total: Money { netInsurance + netPatient }
    public var debts: Money { insurance.total + patient.total }

    /// Share of billed A/R older than 90 days, in basis points (nil when there is none).
    public var billedOver90BasisPoints: Int64? { Ratio(billed.days91to120 + billed.over120, billed.total).basisPoints }
    public var billedOver120BasisPoints: Int64? { Ratio(billed.over120, billed.total).basisPoints }

    /// One item's balance on the date, with what the report needs to place it.
    private struct Placed {
        let item: AROpenItem
        let group: String
        let age: Int
        var balance: Money
    }

    public static func compute(_ items: [AROpenItem], asOf: LocalDate, by grouping: ARGrouping,
                               merges: [PatientID: PatientID] = [:]) -> ARAgingReport {
        var rows: [String: ARAgingRow] = [:]
        var insurance = AgingBuckets()
        var patient = AgingBuckets()
        var billed = AgingBuckets()
        var credits: [ARCredit] = []
        var patientItems: [PatientID?: [Placed]] = [:]

        func debt(_ p: Placed) {
            var row = rows[p.group] ?? ARAgingRow(group: p.group)
            if p.item.kind.isInsurance {
                row.insurance.add(p.balance, ageInDays: p.age)
                insurance.add(p.balance, ageInDays: p.age)
            } else {
                row.patient.add(p.balance, ageInDays: p.age)
                patient.add(p.balance, ageInDays: p.age)
            }
            if p.item.kind != .unbilledInsurance && p.item.kind != .practiceInsurance { billed.add(p.balance, ageInDays: p.age) }
            rows[p.group] = row
        }

        for item in items {
            let balance = item.balance(asOf: asOf)
            guard balance != .zero else { continue }
            let placed = Placed(item: item, group: label(item, grouping, merges),
                                age: item.dateOfService.map { $0.days(to: asOf) } ?? 0, balance: balance)
            if !item.kind.isInsurance {
                patientItems[item.patient.map { resolved($0, merges) }, default: []].append(placed)
            } else if balance.isNegative {
                rows[placed.group, default: ARAgingRow(group: placed.group)].insuranceCredit -= balance
                credits.append(ARCredit(isInsurance: true, patient: item.patient.map { resolved($0, merges) }, payer: item.payer,
                                        claim: item.kind == .claimInsurance ? ClaimID(item.owner) : nil, amount: -balance))
            } else {
                debt(placed)
            }
        }

        // Each patient's credits pay that patient's own debts, oldest first; the rest is a credit balance.
        var patientCredits: [ARCredit] = []
        for (owner, list) in patientItems {
            let debts = list.filter { !$0.balance.isNegative }.sorted { ($0.age, $1.group, $1.item.owner) > ($1.age, $0.group, $0.item.owner) }
            let owed = list.filter(\.balance.isNegative).sorted { ($0.balance, $0.group, $0.item.owner) < ($1.balance, $1.group, $1.item.owner) }
            var credit = -Money.sum(owed.map(\.balance))
            for var d in debts {
                let taken = min(d.balance, credit)
                credit -= taken
                d.balance -= taken
                if d.balance > .zero { debt(d) }
            }
            guard credit > .zero else { continue }
            patientCredits.append(ARCredit(isInsurance: false, patient: owner, payer: nil, claim: nil, amount: credit))
            // Shown on the rows of the items that hold it, largest first.
            var left = credit
            for o in owed where left > .zero {
                let share = min(-o.balance, left)
                rows[o.group, default: ARAgingRow(group: o.group)].patientCredit += share
                left -= share
            }
        }
        patientCredits.sort { ($0.patient?.number ?? 0) < ($1.patient?.number ?? 0) }
        return ARAgingReport(asOf: asOf, grouping: grouping, rows: rows.values.sorted { $0.group < $1.group },
                             insurance: insurance, patient: patient, billed: billed, credits: patientCredits + credits)
    }

    static func label(_ item: AROpenItem, _ grouping: ARGrouping, _ merges: [PatientID: PatientID]) -> String {
        switch grouping {
        case .total: return "all"
        case .payer:
            switch item.kind {
            case .claimInsurance: return item.payer?.description ?? "(unknown payer)"
            case .unbilledInsurance: return "(not yet billed)"
            case .practiceInsurance: return "(no visit)"
            case .visitPatient, .accountPatient: return "(patient)"
            }
        case .patient: return item.patient.map { resolved($0, merges).description } ?? "(none)"
        case .provider: return item.provider?.description ?? "(none)"
        case .location: return item.location?.description ?? "(none)"
        }
    }

    /// The chart a patient's balances belong to after merges.
    public static func resolved(_ patient: PatientID, _ merges: [PatientID: PatientID]) -> PatientID {
        var current = patient
        var hops = 0
        while let next = merges[current], hops < 64 {
            current = next
            hops += 1
        }
        return current
    }
}

/// An exact ratio of two whole numbers (cents or counts): shown in basis points,
/// rounded half away from zero, never through floating point.
public struct Ratio: Sendable, Equatable {
    public let numerator: Int64
    public let denominator: Int64

    public init(_ numerator: Int64, _ denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(_ numerator: Money, _ denominator: Money) { self.init(numerator.cents, denominator.cents) }

    /// numerator ÷ denominator × 10,000; nil when the denominator is zero.
    public var basisPoints: Int64? { scaled(by: 10_000) }

    /// numerator × factor ÷ denominator, rounded half away from zero; nil when the denominator is zero.
    public func scaled(by factor: Int64) -> Int64? {
        guard denominator != 0 else { return nil }
        let (product, overflow) = numerator.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        let negative = (product < 0) != (denominator < 0)
        let n = product.magnitude
        let d = denominator.magnitude
        let q = (n * 2 + d) / (d * 2)
        return negative ? -Int64(q) : Int64(q)
    }
}
