import BinaryCodec
import EventLog
import Foundation
import RevenueCycle

/// The A/R read model, which is also the patient ledger: every open receivable
/// (a claim's insurance balance, a visit's unbilled insurance and patient
/// balances, account-level credits) with its date of service, payer, patient,
/// provider and location, and every dated change to its balance; the ledger's
/// postings summed per effective day; and the ledger itself — the accounts of
/// every patient, visit and claim and the journal `balance show` reads.
///
/// Balances come from `LedgerRules`, the same rules the in-memory `Ledger` folds
/// with, applied to a `StoredLedgerBook` that keeps the ledger's facts in this
/// table. The ledger and the aging share one pass of the rules and one copy of
/// their facts (they were two models running the same rules over the same events).
/// Because every change keeps its effective date, aging "as of" any past
/// date is a sum over the changes dated on or before it, and the sum of all items
/// equals the ledger's open balance to the cent (each posting lands in exactly one
/// item). The `D` family (daily totals) gives A/R and charges at any date for
/// days in A/R without replaying the log per month. Key layout: `ARKeys`.
///
/// ```swift
/// let runner = try ReadModels.caughtUp(store)
/// let items = try runner.read(ARAgingProjection.projectionName) { try ARReadModel($0).items() }
/// ```
public struct ARAgingProjection: Projection {
    public static let projectionName = "ar"
    public var name: String { Self.projectionName }
    /// 2: the ledger's accounts and journal moved in (they were the `ledger` model's).
    public let version = 2
    /// Its share of a rebuild's ~1 KB per event (by its share of the stored bytes at 1M billing events:
    /// about half, since it holds the ledger too).
    public var rebuildBytesPerEvent: Int { 481 }
    public let eventTypes: Set<String> = LedgerRules.eventTypes.union([AppointmentBooked.typeName])

    public init() {}

    public func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws {
        let recordedDay = LocalDate(daysSinceEpoch: Self.floorDiv(event.recordedAtMillis, 86_400_000))
        var book = StoredLedgerBook(table: table, undatedChangeDate: recordedDay, position: event.position)
        // Dimensions the ledger itself does not need, kept before the rules post.
        if let e = payload.exactly(AppointmentBooked.self) {
            try table.put(ARKeys.appointmentLocation(e.appointment), ViewKey.bigEndian(e.location.number))
            return
        } else if let e = payload.exactly(PatientCheckedOut.self) {
            let location = try table.get(ARKeys.appointmentLocation(e.appointment)).flatMap { ViewKey.trailingNumber($0) }
            try book.updateVisit(e.visit) { v in v.location = v.location ?? location.map(LocationID.init) }
        } else if let e = payload.exactly(ChargeEntered.self) {
            try book.updateVisit(e.visit) { v in v.provider = v.provider ?? e.provider }
        } else if let e = payload.exactly(ClaimReplaced.self) {
            book.undatedChangeDate = try closingDate(e.claim, supersededBy: e.replacement, book) ?? recordedDay
        } else if let e = payload.exactly(ClaimVoided.self) {
            book.undatedChangeDate = try closingDate(e.claim, supersededBy: e.voidingClaim, book) ?? recordedDay
        } else if let e = payload.exactly(ClaimCreated.self) {
            try book.updateClaim(e.claim) { c in
                c.createdOn = e.createdOn
                c.payer = e.payer
                c.patient = e.patient
                c.provider = e.renderingProvider
                c.dateOfService = e.dateOfService
            }
        }
        try LedgerRules.apply(payload, to: &book)
    }

    /// ClaimReplaced and ClaimVoided carry no effective date. The claim's balance
    /// moves on the day the replacing (or voiding) claim was created, which the
    /// domain appends just before them in the same batch; a claim voided before the
    /// payer had it closes on the day of its latest dated change. Only when neither
    /// is known does the recorded-at day stand in (two clocks, DESIGN.md).
    private func closingDate(_ claim: ClaimID, supersededBy other: ClaimID?, _ book: StoredLedgerBook) throws -> LocalDate? {
        if let other, let created = try book.claim(other, { $0?.createdOn }) { return created }
        let last = try book.table.record(AROpenItem.key(.claimInsurance, claim.number), as: AROpenItem.self)?.changes.last?.day
        if let last { return LocalDate(daysSinceEpoch: last) }
        return try book.claim(claim) { $0?.createdOn }
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

/// Queries over the A/R table for the aging, KPI, days-in-A/R and dashboard reports.
public struct ARReadModel {
    let table: ProjectionTable

    public init(_ table: ProjectionTable) { self.table = table }

    /// Every open item ever posted to (including those now at zero), by kind then owner.
    public func items() throws -> [AROpenItem] {
        var out: [AROpenItem] = []
        for kind in AROpenItem.Kind.allCases {
            try table.scan(prefix: [kind.rawValue]) { key, value in
                out.append(try AROpenItem.decode(key, value))
                return true
            }
        }
        return out
    }

    /// The ledger's visit-level postings summed per effective day, in date order.
    public func dailyTotals() throws -> [(date: LocalDate, totals: LedgerAccount)] {
        var out: [(date: LocalDate, totals: LedgerAccount)] = []
        try table.scan(prefix: ViewKey(ARKeys.dayTag).bytes) { key, value in
            guard let days = ViewKey.number(in: key, at: 1) else {
                throw ProjectionError.damaged(ARAgingProjection.projectionName, "day key of \(key.count) bytes")
            }
            out.append((LocalDate(daysSinceEpoch: Int64(bitPattern: days ^ (1 << 63))), try LedgerCoding.account(value)))
            return true
        }
        return out
    }

    /// The practice's ledger account: every visit-level posting, which the daily totals sum;
    /// nil when nothing was ever posted.
    public func practiceAccount() throws -> LedgerAccount? {
        let days = try dailyTotals()
        return days.isEmpty ? nil : days.reduce(LedgerAccount()) { $0 + $1.totals }
    }

    /// The practice's ledger account as of the end of `date`, by effective dates.
    public func ledgerTotals(asOf date: LocalDate) throws -> LedgerAccount {
        try dailyTotals().filter { $0.date <= date }.reduce(LedgerAccount()) { $0 + $1.totals }
    }

    /// Merged charts: dropped → kept (one hop; resolve chains with `resolved`).
    public func merges() throws -> [PatientID: PatientID] {
        var out: [PatientID: PatientID] = [:]
        try table.scan(prefix: ViewKey(ARKeys.mergeTag).bytes) { key, value in
            if let dropped = ViewKey.number(in: key, at: 1), let kept = ViewKey.trailingNumber(value) {
                out[PatientID(dropped)] = PatientID(kept)
            }
            return true
        }
        return out
    }
}
