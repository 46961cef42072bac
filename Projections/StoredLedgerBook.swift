import BinaryCodec
import RevenueCycle

/// The ledger kept in the A/R table, so `LedgerRules` runs once per event for
/// both the aging and the patient ledger, on the read model exactly as on the
/// in-memory `Ledger`: the rules' facts, the accounts, the journal, and postings
/// turned into dated changes of open items and daily totals
/// (`StoredLedgerBook+Postings`, key layout in `ARKeys`).
///
/// Claim and visit accounts live in their records (`k`, `v`), patient accounts
/// under `P`; the practice's account is the sum of the daily totals (`D`), which
/// receive every visit-level posting, so it is not kept twice. Items keep the
/// chart they were posted to (a merge moves only the patient account, as the
/// rules say); reports resolve merges when they group.
struct StoredLedgerBook: LedgerBooks {
    typealias Failure = any Error

    let table: ProjectionTable
    /// The date of claim-level changes whose event carries no effective date (a
    /// claim replaced or voided): chosen by `ARAgingProjection` per event.
    var undatedChangeDate: LocalDate
    /// The log position of the event being applied: journal entries are keyed by it.
    let position: UInt64
    /// How many journal entries this event has posted so far.
    var journalIndex: UInt64 = 0

    init(table: ProjectionTable, undatedChangeDate: LocalDate, position: UInt64) {
        self.table = table
        self.undatedChangeDate = undatedChangeDate
        self.position = position
    }

    // MARK: accounts

    func account(_ key: LedgerAccountKey) throws -> LedgerAccount? {
        switch key {
        case .practice: return try ARReadModel(table).practiceAccount()
        case .patient(let id): return try table.record(ARKeys.patientAccount(id))
        case .visit(let id): return try visit(id) { $0?.account }
        case .claim(let id): return try claim(id) { $0?.account }
        }
    }

    func setAccount(_ key: LedgerAccountKey, _ account: LedgerAccount?) throws {
        switch key {
        case .practice: break   // the sum of the daily totals, which the journal keeps
        case .patient(let id):
            guard let account else { return try table.delete(ARKeys.patientAccount(id)) }
            try table.update(ARKeys.patientAccount(id), initial: account) { $0 = account }
        case .visit(let id): try updateVisit(id) { $0.account = account }
        case .claim(let id): try updateClaim(id) { $0.account = account }
        }
    }

    func add(_ delta: LedgerAccount, to key: LedgerAccountKey) throws {
        switch key {
        case .practice: break
        case .patient(let id): try table.update(ARKeys.patientAccount(id), initial: LedgerAccount()) { $0 = $0 + delta }
        case .visit(let id): try updateVisit(id) { $0.account = ($0.account ?? LedgerAccount()) + delta }
        case .claim(let id): try updateClaim(id) { $0.account = ($0.account ?? LedgerAccount()) + delta }
        }
    }

    // MARK: facts

    func fact(_ key: LedgerFactKey) throws -> LedgerFact? {
        switch key {
        case .appointmentInsured(let id):
            return try table.get(ARKeys.appointmentInsured(id)).flatMap(\.first).map { .flag($0 != 0) }
        case .visitInsured(let id): return try visit(id) { $0?.insured.map(LedgerFact.flag) }
        case .visitPatient(let id): return try visit(id) { $0?.patient.map(LedgerFact.patient) }
        case .visitDate(let id): return try visit(id) { $0?.dateOfService.map(LedgerFact.date) }
        case .visitClaims(let id):
            guard let claims = try visit(id, { $0?.claims }), !claims.isEmpty else { return nil }
            return .claims(claims)
        case .claimVisit(let id): return try claim(id) { $0?.visit.map(LedgerFact.visit) }
        case .charge(let id):
            guard let bytes = try table.get(ARKeys.charge(id)) else { return nil }
            var r = ByteReader(bytes)
            return .charge(ChargePosting(visit: VisitID(try r.readVarUInt()), patient: PatientID(try r.readVarUInt()),
                                         date: LocalDate(daysSinceEpoch: try r.readVarInt()), delta: try LedgerCoding.read(&r)))
        case .denialClaim(let id):
            return try table.get(ARKeys.denial(id)).flatMap { ViewKey.trailingNumber($0) }.map { .claim(ClaimID($0)) }
        case .suspended(let remittance, let index):
            let key = ARKeys.suspense(SuspenseKey(remittance: remittance, index: index))
            return try table.get(key).map { var r = ByteReader($0); return .money(Money(cents: try r.readVarInt())) }
        case .mergedInto(let id):
            return try table.get(ARKeys.merge(id)).flatMap { ViewKey.trailingNumber($0) }.map { .patient(PatientID($0)) }
        }
    }

    func setFact(_ key: LedgerFactKey, _ fact: LedgerFact?) throws {
        switch (key, fact) {
        case (.appointmentInsured(let id), .flag(let insured)?): try table.put(ARKeys.appointmentInsured(id), [insured ? 1 : 0])
        case (.appointmentInsured(let id), _): try table.delete(ARKeys.appointmentInsured(id))
        case (.visitInsured(let id), _): try updateVisit(id) { if case .flag(let f)? = fact { $0.insured = f } else { $0.insured = nil } }
        case (.visitPatient(let id), _): try updateVisit(id) { if case .patient(let p)? = fact { $0.patient = p } else { $0.patient = nil } }
        case (.visitDate(let id), _): try updateVisit(id) { if case .date(let d)? = fact { $0.dateOfService = d } else { $0.dateOfService = nil } }
        case (.visitClaims(let id), _): try updateVisit(id) { if case .claims(let c)? = fact { $0.claims = c } else { $0.claims = [] } }
        case (.claimVisit(let id), _): try updateClaim(id) { if case .visit(let v)? = fact { $0.visit = v } else { $0.visit = nil } }
        case (.charge(let id), .charge(let posting)?):
            var w = ByteWriter()
            w.writeVarUInt(posting.visit.number)
            w.writeVarUInt(posting.patient.number)
            w.writeVarInt(posting.date.daysSinceEpoch)
            LedgerCoding.write(posting.delta, &w)
            try table.put(ARKeys.charge(id), w.bytes)
        case (.charge(let id), _): try table.delete(ARKeys.charge(id))
        case (.denialClaim(let id), .claim(let claim)?): try table.put(ARKeys.denial(id), ViewKey.bigEndian(claim.number))
        case (.denialClaim(let id), _): try table.delete(ARKeys.denial(id))
        case (.suspended(let remittance, let index), .money(let paid)?):
            var w = ByteWriter()
            w.writeVarInt(paid.cents)
            try table.put(ARKeys.suspense(SuspenseKey(remittance: remittance, index: index)), w.bytes)
        case (.suspended(let remittance, let index), _): try table.delete(ARKeys.suspense(SuspenseKey(remittance: remittance, index: index)))
        case (.mergedInto(let id), .patient(let kept)?): try table.put(ARKeys.merge(id), ViewKey.bigEndian(kept.number))
        case (.mergedInto(let id), _): try table.delete(ARKeys.merge(id))
        }
    }

    func addUnappliedPayerCash(_ amount: Money) throws {
        try table.update(ARKeys.unapplied, initial: StoredSum(cents: 0)) { $0.cents += amount.cents }
    }

    // MARK: records

    /// What `body` reads of a visit's record, without copying the record.
    func visit<T>(_ visit: VisitID, _ body: (ARVisitRecord?) throws -> T) throws -> T {
        try table.read(ARKeys.visit(visit), as: ARVisitRecord.self, body)
    }

    /// What `body` reads of a claim's record, without copying the record.
    func claim<T>(_ claim: ClaimID, _ body: (ARClaimRecord?) throws -> T) throws -> T {
        try table.read(ARKeys.claim(claim), as: ARClaimRecord.self, body)
    }

    func updateVisit(_ visit: VisitID, _ change: (inout ARVisitRecord) -> Void) throws {
        try table.update(ARKeys.visit(visit), initial: ARVisitRecord(), change)
    }

    func updateClaim(_ claim: ClaimID, _ change: (inout ARClaimRecord) -> Void) throws {
        try table.update(ARKeys.claim(claim), initial: ARClaimRecord(), change)
    }
}
