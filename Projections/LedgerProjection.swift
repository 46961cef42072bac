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
        try table.get(LedgerKeys.account(key)).map(LedgerCoding.account)
    }

    mutating func setAccount(_ key: LedgerAccountKey, _ account: LedgerAccount?) throws {
        if let account { try table.put(LedgerKeys.account(key), LedgerCoding.encode(account)) } else { try table.delete(LedgerKeys.account(key)) }
    }

    func fact(_ key: LedgerFactKey) throws -> LedgerFact? {
        try table.get(LedgerKeys.fact(key)).map(LedgerCoding.fact)
    }

    mutating func setFact(_ key: LedgerFactKey, _ fact: LedgerFact?) throws {
        if let fact { try table.put(LedgerKeys.fact(key), LedgerCoding.encode(fact)) } else { try table.delete(LedgerKeys.fact(key)) }
    }

    mutating func journal(_ entry: LedgerEntry) throws {
        let sequence = try table.get(LedgerKeys.nextSequence).flatMap(ViewKey.trailingNumber) ?? 0
        try table.put(LedgerKeys.nextSequence, ViewKey.bigEndian(sequence + 1))
        try table.put(LedgerKeys.journal(entry.patient, sequence), LedgerCoding.encode(entry))
    }

    /// Claim balances are kept as totals (`a` · 3 · claim); the `ar` model ages them by date.
    mutating func journal(_ entry: LedgerClaimEntry) throws {}

    mutating func addUnappliedPayerCash(_ amount: Money) throws {
        var r = ByteReader(try table.get(LedgerKeys.unapplied) ?? [0])
        var w = ByteWriter()
        w.writeVarInt(try r.readVarInt() + amount.cents)
        try table.put(LedgerKeys.unapplied, w.bytes)
    }
}

/// Key layout of the ledger table; ids are 8-byte big-endian so keys sort by number.
enum LedgerKeys {
    static let nextSequence = ViewKey("n").bytes
    static let unapplied = ViewKey("u").bytes
    static let accountPrefix = ViewKey("a").bytes
    static let factPrefix = ViewKey("f").bytes

    static func account(_ key: LedgerAccountKey) -> [UInt8] {
        switch key {
        case .practice: return accountPrefix + [0]
        case .patient(let id): return accountPrefix + [1] + ViewKey.bigEndian(id.number)
        case .visit(let id): return accountPrefix + [2] + ViewKey.bigEndian(id.number)
        case .claim(let id): return accountPrefix + [3] + ViewKey.bigEndian(id.number)
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

    static func fact(_ key: LedgerFactKey) -> [UInt8] {
        let (kind, ids) = parts(key)
        return factPrefix + [kind] + ids.flatMap(ViewKey.bigEndian)
    }

    /// Each fact kind's code and numbers, in key order.
    static func parts(_ key: LedgerFactKey) -> (UInt8, [UInt64]) {
        switch key {
        case .appointmentInsured(let id): return (1, [id.number])
        case .visitInsured(let id): return (2, [id.number])
        case .visitPatient(let id): return (3, [id.number])
        case .visitDate(let id): return (4, [id.number])
        case .charge(let id): return (5, [id.number])
        case .claimVisit(let id): return (6, [id.number])
        case .visitClaims(let id): return (7, [id.number])
        case .denialClaim(let id): return (8, [id.number])
        case .suspended(let id, let index): return (9, [id.number, UInt64(max(index, 0))])
        case .mergedInto(let id): return (10, [id.number])
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
    static func journal(_ owner: PatientID?, _ sequence: UInt64) -> [UInt8] { journalPrefix(owner) + ViewKey.bigEndian(sequence) }
}
