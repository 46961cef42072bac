import BinaryCodec
import EventLog
import RevenueCycle

/// The ledger read model: the account totals of every claim, visit, patient and
/// the practice, the journal of dated movements, and the facts the posting
/// rules remember, all in one table.
///
/// It does not have rules of its own: each event goes through
/// `LedgerRules.apply` — the same code as the in-memory `Ledger` fold — with
/// `TableLedgerBooks` reading and writing this table, so `balance show` and
/// the fold cannot disagree (a test checks catch-up, rebuild and fold agree).
///
/// | prefix | key                                  | value                          |
/// |--------|--------------------------------------|--------------------------------|
/// | `a`    | kind (0 practice, 1 patient, 2 visit, 3 claim) · id | six varint cents  |
/// | `f`    | fact kind · id [· index]             | the fact                       |
/// | `j`    | owner patient (0: none) · sequence   | date, visit, delta             |
/// | `n`    |                                      | next journal sequence          |
/// | `u`    |                                      | unapplied payer cash (cents)   |
public struct LedgerProjection: Projection {
    public static let projectionName = "ledger"
    public var name: String { Self.projectionName }
    public let version = 1
    /// Its share of a rebuild's ~1 KB per event (by its share of the stored bytes at 1M billing events).
    public var rebuildBytesPerEvent: Int { 290 }
    public var eventTypes: Set<String> { LedgerRules.eventTypes }

    public init() {}

    public func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws {
        var books = TableLedgerBooks(table: table)
        try LedgerRules.apply(payload, to: &books)
    }
}

/// `LedgerBooks` over the ledger table, inside the runner's transaction.
struct TableLedgerBooks: LedgerBooks {
    typealias Failure = any Error
    let table: ProjectionTable

    func account(_ key: LedgerAccountKey) throws -> LedgerAccount? {
        try table.record(LedgerKeys.account(key))
    }

    mutating func setAccount(_ key: LedgerAccountKey, _ account: LedgerAccount?) throws {
        guard let account else { return try table.delete(LedgerKeys.account(key)) }
        try table.update(LedgerKeys.account(key), initial: account) { $0 = account }
    }

    mutating func add(_ delta: LedgerAccount, to key: LedgerAccountKey) throws {
        try table.update(LedgerKeys.account(key), initial: LedgerAccount()) { $0 = $0 + delta }
    }

    func fact(_ key: LedgerFactKey) throws -> LedgerFact? {
        try table.record(LedgerKeys.fact(key))
    }

    mutating func setFact(_ key: LedgerFactKey, _ fact: LedgerFact?) throws {
        guard let fact else { return try table.delete(LedgerKeys.fact(key)) }
        try table.update(LedgerKeys.fact(key), initial: fact) { $0 = fact }
    }

    mutating func journal(_ entry: LedgerEntry) throws {
        let sequence = try table.update(LedgerKeys.nextSequence, initial: StoredSequence(next: 0)) { counter in
            defer { counter.next += 1 }
            return counter.next
        }
        try table.put(LedgerKeys.journal(entry.patient, sequence), LedgerCoding.encode(entry))
    }

    /// Claim balances are kept as totals (`a` · 3 · claim); the `ar` model ages them by date.
    mutating func journal(_ entry: LedgerClaimEntry) throws {}

    mutating func addUnappliedPayerCash(_ amount: Money) throws {
        try table.update(LedgerKeys.unapplied, initial: StoredSum(cents: 0)) { $0.cents += amount.cents }
    }
}

/// Key layout of the ledger table; ids are 8-byte big-endian so keys sort by number.
enum LedgerKeys {
    static var nextSequence: ViewKey { ViewKey("n") }
    static var unapplied: ViewKey { ViewKey("u") }
    static let accountTag: Unicode.Scalar = "a"
    static let factTag: Unicode.Scalar = "f"
    static let accountPrefix = ViewKey(accountTag).bytes
    static let factPrefix = ViewKey(factTag).bytes

    static func account(_ key: LedgerAccountKey) -> ViewKey {
        switch key {
        case .practice: return ViewKey(accountTag).byte(0)
        case .patient(let id): return ViewKey(accountTag).byte(1).id(id)
        case .visit(let id): return ViewKey(accountTag).byte(2).id(id)
        case .claim(let id): return ViewKey(accountTag).byte(3).id(id)
        }
    }

    static func accountKey(_ bytes: [UInt8]) -> LedgerAccountKey? {
        guard bytes.count >= 2 else { return nil }
        if bytes[1] == 0 { return .practice }
        guard let n = ViewKey.number(in: bytes, at: 2) else { return nil }
        switch bytes[1] {
        case 1: return .patient(PatientID(n))
        case 2: return .visit(VisitID(n))
        case 3: return .claim(ClaimID(n))
        default: return nil
        }
    }

    /// Each fact kind's code, then its numbers, in key order.
    static func fact(_ key: LedgerFactKey) -> ViewKey {
        let f = ViewKey(factTag)
        switch key {
        case .appointmentInsured(let id): return f.byte(1).id(id)
        case .visitInsured(let id): return f.byte(2).id(id)
        case .visitPatient(let id): return f.byte(3).id(id)
        case .visitDate(let id): return f.byte(4).id(id)
        case .charge(let id): return f.byte(5).id(id)
        case .claimVisit(let id): return f.byte(6).id(id)
        case .visitClaims(let id): return f.byte(7).id(id)
        case .denialClaim(let id): return f.byte(8).id(id)
        case .suspended(let id, let index): return f.byte(9).id(id).number(UInt64(max(index, 0)))
        case .mergedInto(let id): return f.byte(10).id(id)
        }
    }

    static func factKey(_ bytes: [UInt8]) -> LedgerFactKey? {
        guard bytes.count >= 10, let n = ViewKey.number(in: bytes, at: 2) else { return nil }
        switch bytes[1] {
        case 1: return .appointmentInsured(AppointmentID(n))
        case 2: return .visitInsured(VisitID(n))
        case 3: return .visitPatient(VisitID(n))
        case 4: return .visitDate(VisitID(n))
        case 5: return .charge(ChargeID(n))
        case 6: return .claimVisit(ClaimID(n))
        case 7: return .visitClaims(VisitID(n))
        case 8: return .denialClaim(DenialID(n))
        case 9: return ViewKey.number(in: bytes, at: 10).map { .suspended(RemittanceID(n), Int($0)) }
        case 10: return .mergedInto(PatientID(n))
        default: return nil
        }
    }

    static func journalPrefix(_ owner: PatientID?) -> [UInt8] { ViewKey("j").number(owner?.number ?? 0).bytes }
    static func journal(_ owner: PatientID?, _ sequence: UInt64) -> ViewKey { ViewKey("j").number(owner?.number ?? 0).number(sequence) }
}
