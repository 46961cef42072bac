import BinaryCodec

/// The money fold: an account per claim, visit, patient and the practice,
/// kept in memory by applying events in log order with `LedgerRules`
/// (the `ar` read model applies the same rules to its LMDB table).
public struct Ledger: Sendable {
    private var books = MemoryLedgerBooks()

    public var practice: LedgerAccount { books.practice }
    public var patients: [PatientID: LedgerAccount] { books.patients }
    public var visits: [VisitID: LedgerAccount] { books.visits }
    public var claims: [ClaimID: LedgerAccount] { books.claims }
    /// Received from payers but not applied to a claim: open suspense items.
    public var unappliedPayerCash: Money { books.unappliedPayerCash }
    /// Every non-claim posting with its effective date, in log order.
    public var entries: [LedgerEntry] { books.entries }
    /// The date of service of each visit (from its first charge), for aging.
    public var visitDates: [VisitID: LocalDate] { books.facts.visitDates }
    public var visitPatients: [VisitID: PatientID] { books.facts.visitPatients }
    /// Everything the rules remember besides the accounts, for cross-checks against the read model.
    public var facts: [LedgerFactKey: LedgerFact] { books.facts.all }

    public init() {}

    public init(_ events: [any EventPayload]) {
        for e in events { apply(e) }
    }

    /// Every account balanced: what the property test checks after each event.
    public var isBalanced: Bool {
        practice.isBalanced && patients.values.allSatisfy(\.isBalanced) && visits.values.allSatisfy(\.isBalanced)
            && claims.values.allSatisfy(\.isBalanced)
    }

    /// The first account that does not balance, named, for failure messages.
    public var firstUnbalanced: String? {
        if !practice.isBalanced { return "practice: \(practice)" }
        if let (id, a) = patients.first(where: { !$0.value.isBalanced }) { return "\(id): \(a)" }
        if let (id, a) = visits.first(where: { !$0.value.isBalanced }) { return "\(id): \(a)" }
        if let (id, a) = claims.first(where: { !$0.value.isBalanced }) { return "\(id): \(a)" }
        return nil
    }

    /// The visit's financial class as the ledger posts by it: true for insurance, false
    /// for self-pay. Claim creation and the scrubber ask this too, so they cannot disagree.
    public func isInsured(_ visit: VisitID) -> Bool { books.facts.visitInsured[visit] ?? false }

    /// The chart postings land on, after merges.
    public func resolved(_ patient: PatientID) -> PatientID { LedgerRules.resolved(patient, in: books) }

    public mutating func apply(_ event: any EventPayload) { LedgerRules.apply(event, to: &books) }
}

/// The ledger's books as dictionaries; nothing here can fail.
struct MemoryLedgerBooks: LedgerBooks, Sendable {
    var practice = LedgerAccount()
    var patients: [PatientID: LedgerAccount] = [:]
    var visits: [VisitID: LedgerAccount] = [:]
    var claims: [ClaimID: LedgerAccount] = [:]
    var unappliedPayerCash = Money.zero
    var entries: [LedgerEntry] = []
    var facts = LedgerFactStore()

    func account(_ key: LedgerAccountKey) -> LedgerAccount? {
        switch key {
        case .practice: return practice
        case .patient(let id): return patients[id]
        case .visit(let id): return visits[id]
        case .claim(let id): return claims[id]
        }
    }

    mutating func setAccount(_ key: LedgerAccountKey, _ account: LedgerAccount?) {
        switch key {
        case .practice: practice = account ?? LedgerAccount()
        case .patient(let id): patients[id] = account
        case .visit(let id): visits[id] = account
        case .claim(let id): claims[id] = account
        }
    }

    func fact(_ key: LedgerFactKey) -> LedgerFact? { facts[key] }

    mutating func setFact(_ key: LedgerFactKey, _ fact: LedgerFact?) { facts[key] = fact }

    mutating func journal(_ entry: LedgerEntry) { entries.append(entry) }

    /// Claim balances are read as totals (`claims`); nothing here ages them by date.
    mutating func journal(_ entry: LedgerClaimEntry) {}

    mutating func addUnappliedPayerCash(_ amount: Money) { unappliedPayerCash += amount }
}
