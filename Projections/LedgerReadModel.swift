import BinaryCodec
import RevenueCycle

/// Queries over the ledger table for `balance show`, statements and reports.
///
/// ```swift
/// let owed = try runner.read("ledger") { try LedgerReadModel($0).account(.patient(PatientID(1001))) }
/// ```
public struct LedgerReadModel {
    let table: ProjectionTable

    public init(_ table: ProjectionTable) { self.table = table }

    /// The account's totals; nil when nothing was ever posted to it.
    public func account(_ key: LedgerAccountKey) throws -> LedgerAccount? {
        try table.get(LedgerKeys.account(key)).map(LedgerCoding.account)
    }

    public func fact(_ key: LedgerFactKey) throws -> LedgerFact? {
        try table.get(LedgerKeys.fact(key)).map(LedgerCoding.fact)
    }

    public var unappliedPayerCash: Money {
        get throws {
            var r = ByteReader(try table.get(LedgerKeys.unapplied) ?? [0])
            return Money(cents: try r.readVarInt())
        }
    }

    /// Every account, keyed as the rules post them.
    public func accounts() throws -> [LedgerAccountKey: LedgerAccount] {
        var out: [LedgerAccountKey: LedgerAccount] = [:]
        try table.scan(prefix: LedgerKeys.accountPrefix) { key, value in
            guard let k = LedgerKeys.accountKey(key) else { throw ProjectionError.damaged(LedgerCoding.name, "account key") }
            out[k] = try LedgerCoding.account(value)
            return true
        }
        return out
    }

    /// Every fact the rules keep.
    public func facts() throws -> [LedgerFactKey: LedgerFact] {
        var out: [LedgerFactKey: LedgerFact] = [:]
        try table.scan(prefix: LedgerKeys.factPrefix) { key, value in
            guard let k = LedgerKeys.factKey(key) else { throw ProjectionError.damaged(LedgerCoding.name, "fact key") }
            out[k] = try LedgerCoding.fact(value)
            return true
        }
        return out
    }

    /// The whole journal in posting order.
    public func journal() throws -> [LedgerEntry] {
        var out: [(UInt64, LedgerEntry)] = []
        try table.scan(prefix: ViewKey("j").bytes) { key, value in
            out.append((ViewKey.trailingNumber(key) ?? 0, try LedgerCoding.entry(value)))
            return true
        }
        return out.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The chart a patient's postings now belong to, after merges.
    public func resolved(_ patient: PatientID) throws -> PatientID {
        var current = patient
        var hops = 0
        while case .patient(let next)? = try fact(.mergedInto(current)), hops < 64 {
            current = next
            hops += 1
        }
        return current
    }

    /// The journal of one patient in posting order, including charts merged into it.
    public func journal(of patient: PatientID) throws -> [LedgerEntry] {
        let kept = try resolved(patient)
        var owners: [PatientID] = [kept]
        try table.scan(prefix: LedgerKeys.factPrefix + [10]) { key, _ in
            if case .mergedInto(let dropped)? = LedgerKeys.factKey(key), try resolved(dropped) == kept { owners.append(dropped) }
            return true
        }
        var out: [(UInt64, LedgerEntry)] = []
        for owner in owners {
            try table.scan(prefix: LedgerKeys.journalPrefix(owner)) { key, value in
                out.append((ViewKey.trailingNumber(key) ?? 0, try LedgerCoding.entry(value)))
                return true
            }
        }
        return out.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The patient's visits with their accounts and dates of service, oldest first.
    public func visits(of patient: PatientID) throws -> [LedgerVisitBalance] {
        var seen = Set<VisitID>()
        var out: [LedgerVisitBalance] = []
        for entry in try journal(of: patient) {
            guard let visit = entry.visit, seen.insert(visit).inserted else { continue }
            var date = entry.date
            if case .date(let d)? = try fact(.visitDate(visit)) { date = d }
            out.append(LedgerVisitBalance(visit: visit, dateOfService: date, account: try account(.visit(visit)) ?? LedgerAccount()))
        }
        return out.sorted { ($0.dateOfService, $0.visit) < ($1.dateOfService, $1.visit) }
    }

    /// The patient's open balance by age of the visit it belongs to, as of `asOf` (effective dates);
    /// credits and money not on a visit count as current.
    public func aging(of patient: PatientID, asOf: LocalDate) throws -> AgingBuckets {
        var byVisit: [VisitID: Money] = [:]
        var accountLevel = Money.zero
        for entry in try journal(of: patient) where entry.date <= asOf {
            if let visit = entry.visit { byVisit[visit, default: .zero] += entry.delta.patientBalance } else { accountLevel += entry.delta.patientBalance }
        }
        var aging = AgingBuckets()
        aging.add(accountLevel, ageInDays: 0)
        for (visit, owed) in byVisit {
            var date = asOf
            if case .date(let d)? = try fact(.visitDate(visit)) { date = d }
            aging.add(owed, ageInDays: date.days(to: asOf))
        }
        return aging
    }

    /// The claims billed for a visit, in creation order.
    public func claims(ofVisit visit: VisitID) throws -> [ClaimID] {
        if case .claims(let ids)? = try fact(.visitClaims(visit)) { return ids }
        return []
    }
}

/// One visit of a patient's account as `balance show` lists it.
public struct LedgerVisitBalance: Sendable, Equatable {
    public let visit: VisitID
    public let dateOfService: LocalDate
    public let account: LedgerAccount
}
