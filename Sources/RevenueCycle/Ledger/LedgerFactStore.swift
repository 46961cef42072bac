import BinaryCodec

/// The in-memory ledger's facts, each kind in a dictionary of its own value type.
///
/// One `[LedgerFactKey: LedgerFact]` held every fact as the widest case (a
/// charge's posting) under an enum key: folding a long log spent a sixth of its
/// time hashing those keys and moving those values as the table grew. Kept apart,
/// a visit's flag is a byte under a visit id, and the two kinds payments and
/// statements look up by the dozen (`visitDates`, `visitPatients`) are the store
/// itself rather than copies beside it.
struct LedgerFactStore: Sendable {
    private(set) var appointmentInsured: [AppointmentID: Bool] = [:]
    private(set) var visitInsured: [VisitID: Bool] = [:]
    private(set) var visitPatients: [VisitID: PatientID] = [:]
    private(set) var visitDates: [VisitID: LocalDate] = [:]
    private(set) var charges: [ChargeID: ChargePosting] = [:]
    private(set) var claimVisits: [ClaimID: VisitID] = [:]
    private(set) var visitClaims: [VisitID: [ClaimID]] = [:]
    private(set) var denialClaims: [DenialID: ClaimID] = [:]
    private(set) var suspended: [SuspenseKey: Money] = [:]
    private(set) var mergedInto: [PatientID: PatientID] = [:]

    /// A fact by its key; setting nil forgets it. Each key kind holds one case of
    /// `LedgerFact` (the rules never store another); setting a mismatched one forgets
    /// the key too, rather than keep a value the setter did not mean.
    subscript(key: LedgerFactKey) -> LedgerFact? {
        get {
            switch key {
            case .appointmentInsured(let id): return appointmentInsured[id].map(LedgerFact.flag)
            case .visitInsured(let id): return visitInsured[id].map(LedgerFact.flag)
            case .visitPatient(let id): return visitPatients[id].map(LedgerFact.patient)
            case .visitDate(let id): return visitDates[id].map(LedgerFact.date)
            case .charge(let id): return charges[id].map(LedgerFact.charge)
            case .claimVisit(let id): return claimVisits[id].map(LedgerFact.visit)
            case .visitClaims(let id): return visitClaims[id].map(LedgerFact.claims)
            case .denialClaim(let id): return denialClaims[id].map(LedgerFact.claim)
            case .suspended(let remittance, let index): return suspended[SuspenseKey(remittance: remittance, index: index)].map(LedgerFact.money)
            case .mergedInto(let id): return mergedInto[id].map(LedgerFact.patient)
            }
        }
        set {
            switch (key, newValue) {
            case (.appointmentInsured(let id), .flag(let f)?): appointmentInsured[id] = f
            case (.appointmentInsured(let id), nil): appointmentInsured[id] = nil
            case (.visitInsured(let id), .flag(let f)?): visitInsured[id] = f
            case (.visitInsured(let id), nil): visitInsured[id] = nil
            case (.visitPatient(let id), .patient(let p)?): visitPatients[id] = p
            case (.visitPatient(let id), nil): visitPatients[id] = nil
            case (.visitDate(let id), .date(let d)?): visitDates[id] = d
            case (.visitDate(let id), nil): visitDates[id] = nil
            case (.charge(let id), .charge(let c)?): charges[id] = c
            case (.charge(let id), nil): charges[id] = nil
            case (.claimVisit(let id), .visit(let v)?): claimVisits[id] = v
            case (.claimVisit(let id), nil): claimVisits[id] = nil
            case (.visitClaims(let id), .claims(let c)?): visitClaims[id] = c
            case (.visitClaims(let id), nil): visitClaims[id] = nil
            case (.denialClaim(let id), .claim(let c)?): denialClaims[id] = c
            case (.denialClaim(let id), nil): denialClaims[id] = nil
            case (.suspended(let remittance, let index), .money(let m)?): suspended[SuspenseKey(remittance: remittance, index: index)] = m
            case (.suspended(let remittance, let index), nil): suspended[SuspenseKey(remittance: remittance, index: index)] = nil
            case (.mergedInto(let id), .patient(let p)?): mergedInto[id] = p
            case (.mergedInto(let id), nil): mergedInto[id] = nil
            default:
                assertionFailure("ledger fact \(key) cannot hold \(String(describing: newValue))")
                self[key] = nil
            }
        }
    }

    /// Every fact under its key, for cross-checks against the read models.
    var all: [LedgerFactKey: LedgerFact] {
        var out: [LedgerFactKey: LedgerFact] = [:]
        for (k, v) in appointmentInsured { out[.appointmentInsured(k)] = .flag(v) }
        for (k, v) in visitInsured { out[.visitInsured(k)] = .flag(v) }
        for (k, v) in visitPatients { out[.visitPatient(k)] = .patient(v) }
        for (k, v) in visitDates { out[.visitDate(k)] = .date(v) }
        for (k, v) in charges { out[.charge(k)] = .charge(v) }
        for (k, v) in claimVisits { out[.claimVisit(k)] = .visit(v) }
        for (k, v) in visitClaims { out[.visitClaims(k)] = .claims(v) }
        for (k, v) in denialClaims { out[.denialClaim(k)] = .claim(v) }
        for (k, v) in suspended { out[.suspended(k.remittance, k.index)] = .money(v) }
        for (k, v) in mergedInto { out[.mergedInto(k)] = .patient(v) }
        return out
    }
}
