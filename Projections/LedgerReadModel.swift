import BinaryCodec
import RevenueCycle

/// Queries over the patient ledger, which the A/R table keeps (`ARKeys`), for
/// `balance show`, statements and reports.
///
/// ```swift
/// let owed = try runner.read(ARAgingProjection.projectionName) { try LedgerReadModel($0).account(.patient(PatientID(1001))) }
/// ```
public struct LedgerReadModel {
    let table: ProjectionTable
    private let book: StoredLedgerBook

    public init(_ table: ProjectionTable) {
        self.table = table
        // Only read through: the date and position matter to postings, and none is made here.
        book = StoredLedgerBook(table: table, undatedChangeDate: LocalDate(daysSinceEpoch: 0), position: 0)
    }

    /// The account's totals; nil when nothing was ever posted to it.
    public func account(_ key: LedgerAccountKey) throws -> LedgerAccount? {
        try book.account(key)
    }

    public func fact(_ key: LedgerFactKey) throws -> LedgerFact? {
        try book.fact(key)
    }

    public var unappliedPayerCash: Money {
        get throws {
            var r = ByteReader(try table.get(ARKeys.unapplied) ?? [0])
            return Money(cents: try r.readVarInt())
        }
    }

    /// Every account, keyed as the rules post them.
    public func accounts() throws -> [LedgerAccountKey: LedgerAccount] {
        var out: [LedgerAccountKey: LedgerAccount] = [:]
        if let practice = try account(.practice) { out[.practice] = practice }
        try scanNumbered(ARKeys.patientAccountTag) { id, value in out[.patient(PatientID(id))] = try LedgerCoding.account(value) }
        try scanNumbered("v") { id, value in
            if let account = try ARVisitRecord.decode(value).account { out[.visit(VisitID(id))] = account }
        }
        try scanNumbered("k") { id, value in
            if let account = try ARClaimRecord.decode(value).account { out[.claim(ClaimID(id))] = account }
        }
        return out
    }

    /// Every fact the rules keep, gathered from where the A/R table keeps each kind.
    public func facts() throws -> [LedgerFactKey: LedgerFact] {
        var out: [LedgerFactKey: LedgerFact] = [:]
        func gather(_ tag: Unicode.Scalar, _ key: (UInt64) -> LedgerFactKey) throws {
            try scanNumbered(tag) { id, _ in out[key(id)] = try fact(key(id)) }
        }
        try gather("a") { .appointmentInsured(AppointmentID($0)) }
        try gather("c") { .charge(ChargeID($0)) }
        try gather("d") { .denialClaim(DenialID($0)) }
        try gather(ARKeys.mergeTag) { .mergedInto(PatientID($0)) }
        try scanNumbered("v") { id, _ in
            let visit = VisitID(id)
            for key in [LedgerFactKey.visitInsured(visit), .visitPatient(visit), .visitDate(visit), .visitClaims(visit)] {
                out[key] = try fact(key)
            }
        }
        try scanNumbered("k") { id, _ in out[.claimVisit(ClaimID(id))] = try fact(.claimVisit(ClaimID(id))) }
        try table.scan(prefix: ViewKey("s").bytes) { key, _ in
            guard key.count == 17, let remittance = ViewKey.number(in: key, at: 1), let index = ViewKey.number(in: key, at: 9) else {
                throw ProjectionError.damaged(ARAgingProjection.projectionName, "suspense key of \(key.count) bytes")
            }
            let factKey = LedgerFactKey.suspended(RemittanceID(remittance), Int(Int64(bitPattern: index ^ (1 << 63))))
            out[factKey] = try fact(factKey)
            return true
        }
        return out
    }

    /// The whole journal in posting order.
    public func journal() throws -> [LedgerEntry] {
        var out: [(position: UInt64, index: UInt64, entry: LedgerEntry)] = []
        try table.scan(prefix: ViewKey(ARKeys.journalTag).bytes) { key, value in
            out.append(try Self.journalEntry(key, value))
            return true
        }
        return out.sorted { ($0.position, $0.index) < ($1.position, $1.index) }.map(\.entry)
    }

    /// Calls `body` with the number and value of every key `tag` · number.
    private func scanNumbered(_ tag: Unicode.Scalar, _ body: (UInt64, [UInt8]) throws -> Void) throws {
        try table.scan(prefix: ViewKey(tag).bytes) { key, value in
            guard key.count == 9, let number = ViewKey.number(in: key, at: 1) else {
                throw ProjectionError.damaged(ARAgingProjection.projectionName, "\(tag) key of \(key.count) bytes")
            }
            try body(number, value)
            return true
        }
    }

    private static func journalEntry(_ key: [UInt8], _ value: [UInt8]) throws -> (position: UInt64, index: UInt64, entry: LedgerEntry) {
        guard key.count == 25, let position = ViewKey.number(in: key, at: 9), let index = ViewKey.number(in: key, at: 17) else {
            throw ProjectionError.damaged(ARAgingProjection.projectionName, "journal key of \(key.count) bytes")
        }
        return (position, index, try LedgerCoding.entry(value))
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
        try scanNumbered(ARKeys.mergeTag) { dropped, _ in
            if try resolved(PatientID(dropped)) == kept { owners.append(PatientID(dropped)) }
        }
        var out: [(position: UInt64, index: UInt64, entry: LedgerEntry)] = []
        for owner in owners {
            try table.scan(prefix: ARKeys.journalPrefix(owner)) { key, value in
                out.append(try Self.journalEntry(key, value))
                return true
            }
        }
        return out.sorted { ($0.position, $0.index) < ($1.position, $1.index) }.map(\.entry)
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
    /// credits pay the oldest balances first, and what is left of them shows as (negative) current.
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
        return aging.creditsAppliedOldestFirst
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
