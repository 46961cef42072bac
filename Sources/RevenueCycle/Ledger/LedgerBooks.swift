import BinaryCodec

/// Which account a ledger posting lands on.
public enum LedgerAccountKey: Hashable, Sendable, CustomStringConvertible {
    case practice
    case patient(PatientID)
    case visit(VisitID)
    case claim(ClaimID)

    public var description: String {
        switch self {
        case .practice: return "practice"
        case .patient(let id): return id.description
        case .visit(let id): return id.description
        case .claim(let id): return id.description
        }
    }
}

/// What the ledger rules remember between events to know where later money
/// goes: whether a visit was insured, which visit a claim bills, what a charge
/// posted (so its void can take exactly that back out), and so on.
public enum LedgerFactKey: Hashable, Sendable {
    case appointmentInsured(AppointmentID)
    case visitInsured(VisitID)
    /// The patient a visit's postings belong to (from its first charge).
    case visitPatient(VisitID)
    /// The visit's date of service (its earliest charge).
    case visitDate(VisitID)
    case charge(ChargeID)
    case claimVisit(ClaimID)
    /// The claims billed for a visit, in creation order.
    case visitClaims(VisitID)
    case denialClaim(DenialID)
    /// An open suspense item: remittance and claim-payment index.
    case suspended(RemittanceID, Int)
    case mergedInto(PatientID)
}

/// The value of a `LedgerFactKey`; each key kind always holds the same case.
public enum LedgerFact: Hashable, Sendable {
    case flag(Bool)
    case patient(PatientID)
    case visit(VisitID)
    case claim(ClaimID)
    case claims([ClaimID])
    case date(LocalDate)
    case money(Money)
    case charge(ChargePosting)
}

/// What a charge posted, kept so that voiding it posts exactly the opposite.
public struct ChargePosting: Hashable, Sendable {
    public let visit: VisitID
    public let patient: PatientID
    public let date: LocalDate
    public let delta: LedgerAccount

    public init(visit: VisitID, patient: PatientID, date: LocalDate, delta: LedgerAccount) {
        self.visit = visit
        self.patient = patient
        self.date = date
        self.delta = delta
    }
}

/// Where the ledger's accounts and facts are kept. `LedgerRules` decide every
/// posting against this interface, so the in-memory fold (`Ledger`) and the
/// `ar` read model (in LMDB) post by the same rules and cannot drift apart.
///
/// Every movement reaches the books twice: as account totals (`setAccount`) and
/// as a dated journal entry, visit-level (`LedgerEntry`) or claim-level
/// (`LedgerClaimEntry`). A book keeps what its readers need: the fold keeps every
/// total and the visit-level journal; the `ar` model keeps those too, and ages
/// open items from both journals.
///
/// Rules decide only on claim accounts (spreading patient money over claims,
/// closing a superseded claim) and on a merged patient's account (moved to the
/// chart it now resolves to). So a book may derive the practice's total from the
/// journal instead of keeping it (return it summed, ignore the write), as `ar` does.
///
/// ```swift
/// var books = MyTableBooks(table)                 // Failure = an LMDB error
/// try LedgerRules.apply(event, to: &books)
/// ```
public protocol LedgerBooks {
    associatedtype Failure: Error
    func account(_ key: LedgerAccountKey) throws(Failure) -> LedgerAccount?
    /// Stores an account; nil removes it (a merged patient's).
    mutating func setAccount(_ key: LedgerAccountKey, _ account: LedgerAccount?) throws(Failure)
    /// Adds `delta` to an account (a missing one starts at zero). Every posting comes
    /// through here; books that store accounts can change one in place.
    mutating func add(_ delta: LedgerAccount, to key: LedgerAccountKey) throws(Failure)
    func fact(_ key: LedgerFactKey) throws(Failure) -> LedgerFact?
    /// Stores a fact; nil forgets it.
    mutating func setFact(_ key: LedgerFactKey, _ fact: LedgerFact?) throws(Failure)
    /// Appends a dated movement on the practice and, when named, the (resolved)
    /// patient and the visit, after their totals were stored (for "as of" questions and aging).
    mutating func journal(_ entry: LedgerEntry) throws(Failure)
    /// Tells of a movement of one claim's account, after its total was stored. Every
    /// change of a claim account arrives here, with its effective date when the event has one.
    mutating func journal(_ entry: LedgerClaimEntry) throws(Failure)
    mutating func addUnappliedPayerCash(_ amount: Money) throws(Failure)
}

extension LedgerBooks {
    public mutating func add(_ delta: LedgerAccount, to key: LedgerAccountKey) throws(Failure) {
        try setAccount(key, (try account(key) ?? LedgerAccount()) + delta)
    }
}
