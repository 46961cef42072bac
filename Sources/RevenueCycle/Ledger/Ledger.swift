import BinaryCodec

/// The money fold: an account per claim, visit, patient and the practice,
/// kept by applying events in log order with `LedgerRules`.
///
/// Payer money that could not be applied (suspense) is not part of any
/// account: it is counted in `unappliedPayerCash`.
public struct Ledger: Sendable {
    private var book = MemoryLedgerBook()

    public var practice: LedgerAccount { book.practice }
    public var patients: [PatientID: LedgerAccount] { book.patients }
    public var visits: [VisitID: LedgerAccount] { book.visits }
    public var claims: [ClaimID: LedgerAccount] { book.claimAccounts }
    /// Received from payers but not applied to a claim: open suspense items.
    public var unappliedPayerCash: Money { book.unappliedPayerCash }
    /// Every non-claim posting with its effective date, in log order.
    public var entries: [LedgerEntry] { book.entries }
    /// The date of service of each visit (from its first charge), for aging.
    public var visitDates: [VisitID: LocalDate] { book.visitDates }
    public var visitPatients: [VisitID: PatientID] { book.visitPatients }

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

    /// The chart postings land on, after merges.
    public func resolved(_ patient: PatientID) -> PatientID {
        LedgerRules.resolved(patient, in: book)
    }

    public mutating func apply(_ event: any EventPayload) {
        LedgerRules.apply(event, to: &book)
    }
}

/// The in-memory book behind `Ledger`: dictionaries, and postings summed into accounts.
struct MemoryLedgerBook: LedgerBook, Sendable {
    typealias Failure = Never

    var practice = LedgerAccount()
    var patients: [PatientID: LedgerAccount] = [:]
    var visits: [VisitID: LedgerAccount] = [:]
    var claimAccounts: [ClaimID: LedgerAccount] = [:]
    var unappliedPayerCash = Money.zero
    var entries: [LedgerEntry] = []
    var visitDates: [VisitID: LocalDate] = [:]
    var visitPatients: [VisitID: PatientID] = [:]

    private var appointmentsInsured: [AppointmentID: Bool] = [:]
    private var visitsInsured: [VisitID: Bool] = [:]
    private var chargePostings: [ChargeID: LedgerChargePosting] = [:]
    private var claimVisits: [ClaimID: VisitID] = [:]
    private var visitClaims: [VisitID: [ClaimID]] = [:]
    private var denialClaims: [DenialID: ClaimID] = [:]
    private var suspense: [SuspenseKey: Money] = [:]
    private var merges: [PatientID: PatientID] = [:]

    func appointmentInsured(_ appointment: AppointmentID) -> Bool? { appointmentsInsured[appointment] }
    mutating func setAppointmentInsured(_ appointment: AppointmentID, _ insured: Bool) { appointmentsInsured[appointment] = insured }
    func visitInsured(_ visit: VisitID) -> Bool? { visitsInsured[visit] }
    mutating func setVisitInsured(_ visit: VisitID, _ insured: Bool) { visitsInsured[visit] = insured }

    func mergedInto(_ patient: PatientID) -> PatientID? { merges[patient] }
    mutating func setMerged(_ dropped: PatientID, into kept: PatientID) { merges[dropped] = kept }
    mutating func movePatientAccount(from dropped: PatientID, to target: PatientID) {
        if let account = patients.removeValue(forKey: dropped) { patients[target, default: LedgerAccount()] += account }
    }

    func visitFacts(_ visit: VisitID) -> LedgerVisitFacts? {
        guard let patient = visitPatients[visit], let date = visitDates[visit] else { return nil }
        return LedgerVisitFacts(patient: patient, dateOfService: date)
    }

    mutating func setVisitFacts(_ visit: VisitID, _ facts: LedgerVisitFacts) {
        visitPatients[visit] = facts.patient
        visitDates[visit] = facts.dateOfService
    }

    func chargePosting(_ charge: ChargeID) -> LedgerChargePosting? { chargePostings[charge] }
    mutating func setChargePosting(_ charge: ChargeID, _ posting: LedgerChargePosting?) { chargePostings[charge] = posting }

    func claimVisit(_ claim: ClaimID) -> VisitID? { claimVisits[claim] }
    mutating func addClaim(_ claim: ClaimID, toVisit visit: VisitID) {
        claimVisits[claim] = visit
        visitClaims[visit, default: []].append(claim)
    }
    func claims(ofVisit visit: VisitID) -> [ClaimID] { visitClaims[visit] ?? [] }
    func claimAccount(_ claim: ClaimID) -> LedgerAccount? { claimAccounts[claim] }
    mutating func postOnClaimAccount(_ claim: ClaimID, _ delta: LedgerAccount, on date: LocalDate?) {
        claimAccounts[claim, default: LedgerAccount()] += delta
    }

    func denialClaim(_ denial: DenialID) -> ClaimID? { denialClaims[denial] }
    mutating func setDenialClaim(_ denial: DenialID, _ claim: ClaimID) { denialClaims[denial] = claim }
    func suspended(_ key: SuspenseKey) -> Money? { suspense[key] }
    mutating func setSuspended(_ key: SuspenseKey, _ paid: Money?) { suspense[key] = paid }
    mutating func addUnappliedPayerCash(_ amount: Money) { unappliedPayerCash += amount }

    mutating func post(_ entry: LedgerEntry) {
        practice += entry.delta
        if let owner = entry.patient { patients[owner, default: LedgerAccount()] += entry.delta }
        if let visit = entry.visit { visits[visit, default: LedgerAccount()] += entry.delta }
        entries.append(entry)
    }
}
