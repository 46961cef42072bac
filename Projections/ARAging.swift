import RevenueCycle

/// What the aging report groups open items by.
public enum ARGrouping: String, CaseIterable, Sendable {
    case total, payer, patient, provider, location
}

/// One line of the aging: a group's insurance and patient balances in buckets.
public struct ARAgingRow: Sendable, Equatable {
    public let group: String
    public var insurance = AgingBuckets()
    public var patient = AgingBuckets()
    public var total: Money { insurance.total + patient.total }
}

/// A/R aging as of a date, from open items: buckets 0–30, 31–60, 61–90, 91–120
/// and 120+ days from the date of service, insurance and patient responsibility apart.
///
/// Items without a date of service (account-level credits, insurance money with
/// no visit) age as current, as patient statements age them.
public struct ARAgingReport: Sendable, Equatable {
    public let asOf: LocalDate
    public let grouping: ARGrouping
    public let rows: [ARAgingRow]
    public let insurance: AgingBuckets
    public let patient: AgingBuckets
    /// Billed A/R (claims and patient balances; not insurance balances still to be billed), for "% over 90/120".
    public let billed: AgingBuckets
    public var total: Money { insurance.total + patient.total }

    /// Share of billed A/R older than 90 days, in basis points (nil when there is none).
    public var billedOver90BasisPoints: Int64? { Ratio(billed.days91to120 + billed.over120, billed.total).basisPoints }
    public var billedOver120BasisPoints: Int64? { Ratio(billed.over120, billed.total).basisPoints }

    public static func compute(_ items: [AROpenItem], asOf: LocalDate, by grouping: ARGrouping,
                               merges: [PatientID: PatientID] = [:]) -> ARAgingReport {
        var rows: [String: ARAgingRow] = [:]
        var insurance = AgingBuckets()
        var patient = AgingBuckets()
        var billed = AgingBuckets()
        for item in items {
            let balance = item.balance(asOf: asOf)
            guard balance != .zero else { continue }
            let age = item.dateOfService.map { $0.days(to: asOf) } ?? 0
            let group = label(item, grouping, merges)
            var row = rows[group] ?? ARAgingRow(group: group)
            if item.kind.isInsurance {
                row.insurance.add(balance, ageInDays: age)
                insurance.add(balance, ageInDays: age)
            } else {
                row.patient.add(balance, ageInDays: age)
                patient.add(balance, ageInDays: age)
            }
            if item.kind != .unbilledInsurance && item.kind != .practiceInsurance { billed.add(balance, ageInDays: age) }
            rows[group] = row
        }
        return ARAgingReport(asOf: asOf, grouping: grouping, rows: rows.values.sorted { $0.group < $1.group },
                             insurance: insurance, patient: patient, billed: billed)
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
