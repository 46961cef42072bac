import BinaryCodec

/// Where the ledger's rules keep what they must remember between events, and
/// where their postings go.
///
/// `LedgerRules` holds the receivables rules once; a book only stores and
/// fetches. The in-memory `Ledger` is one book (its `Failure` is `Never`, so its
/// `apply` cannot fail), a read model that keeps the same facts in LMDB is
/// another, so both apply exactly the same rules to the same events instead of
/// two copies that could drift apart.
///
/// ```swift
/// var book = MyStoredBook(table)
/// try LedgerRules.apply(event, to: &book)    // postings arrive in book.post / postOnClaimAccount
/// ```
public protocol LedgerBook {
    associatedtype Failure: Error

    /// Whether the patient was checked in with coverage for this appointment.
    func appointmentInsured(_ appointment: AppointmentID) throws(Failure) -> Bool?
    mutating func setAppointmentInsured(_ appointment: AppointmentID, _ insured: Bool) throws(Failure)
    /// Whether the visit's charges are open with insurance (else with the patient).
    func visitInsured(_ visit: VisitID) throws(Failure) -> Bool?
    mutating func setVisitInsured(_ visit: VisitID, _ insured: Bool) throws(Failure)

    /// The chart `patient` was merged into, if it was.
    func mergedInto(_ patient: PatientID) throws(Failure) -> PatientID?
    mutating func setMerged(_ dropped: PatientID, into kept: PatientID) throws(Failure)
    /// Moves what was posted on the dropped chart onto the chart it now resolves to.
    mutating func movePatientAccount(from dropped: PatientID, to target: PatientID) throws(Failure)

    /// The patient and date of service of a visit, from its charges.
    func visitFacts(_ visit: VisitID) throws(Failure) -> LedgerVisitFacts?
    mutating func setVisitFacts(_ visit: VisitID, _ facts: LedgerVisitFacts) throws(Failure)
    /// What a charge posted, so a void can take exactly that back out.
    func chargePosting(_ charge: ChargeID) throws(Failure) -> LedgerChargePosting?
    mutating func setChargePosting(_ charge: ChargeID, _ posting: LedgerChargePosting?) throws(Failure)

    func claimVisit(_ claim: ClaimID) throws(Failure) -> VisitID?
    /// Records that `claim` bills `visit` (and is the visit's newest claim).
    mutating func addClaim(_ claim: ClaimID, toVisit visit: VisitID) throws(Failure)
    /// The claims billed for a visit, in creation order.
    func claims(ofVisit visit: VisitID) throws(Failure) -> [ClaimID]
    func claimAccount(_ claim: ClaimID) throws(Failure) -> LedgerAccount?
    /// Adds `delta` to one claim's account (creating it). `date` is the effective
    /// date, nil for events that carry none (a claim replaced or voided).
    mutating func postOnClaimAccount(_ claim: ClaimID, _ delta: LedgerAccount, on date: LocalDate?) throws(Failure)

    func denialClaim(_ denial: DenialID) throws(Failure) -> ClaimID?
    mutating func setDenialClaim(_ denial: DenialID, _ claim: ClaimID) throws(Failure)
    func suspended(_ key: SuspenseKey) throws(Failure) -> Money?
    mutating func setSuspended(_ key: SuspenseKey, _ paid: Money?) throws(Failure)
    mutating func addUnappliedPayerCash(_ amount: Money) throws(Failure)

    /// A posting on the practice and, when named, the (resolved) patient and the visit.
    mutating func post(_ entry: LedgerEntry) throws(Failure)
}

/// The patient and date of service a visit's charges carry (the earliest date when they differ).
public struct LedgerVisitFacts: Hashable, Sendable {
    public let patient: PatientID
    public let dateOfService: LocalDate

    public init(patient: PatientID, dateOfService: LocalDate) {
        self.patient = patient
        self.dateOfService = dateOfService
    }
}

/// What one charge posted, and where.
public struct LedgerChargePosting: Hashable, Sendable {
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
