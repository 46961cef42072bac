/// The practice's editing tables the scrubber reads besides the log: the
/// NCCI-style pair table and, when configured, code lists.
public struct ScrubTables: Sendable, Equatable {
    public var procedurePairs: ProcedurePairTable
    /// Billable ICD-10-CM codes; nil checks format only.
    public var diagnosisCodes: DiagnosisCodeList?
    /// CPT/HCPCS codes the practice's payers accept; nil checks format only.
    public var procedureCodes: Set<String>?

    public init(procedurePairs: ProcedurePairTable = .empty, diagnosisCodes: DiagnosisCodeList? = nil,
                procedureCodes: Set<String>? = nil) {
        self.procedurePairs = procedurePairs
        self.diagnosisCodes = diagnosisCodes
        self.procedureCodes = procedureCodes
    }
}

/// Everything one claim's scrub looks at, as plain values.
///
/// Provider NPIs are carried as text (not `NPI`) because the scrubber is the
/// last check before a payer sees them: a directory loaded from a projection or
/// an import may hold a number that never went through `NPI.init`.
public struct ScrubContext: Sendable {
    public var today: LocalDate
    public var patient: PatientRecord?
    public var coverage: CoverageAdded?
    public var payer: PayerAdded?
    public var billingNPI: String?
    public var renderingNPI: String?
    /// The patient's other claims, for the duplicate-claim rule.
    public var otherClaims: [ClaimRecord]
    /// The claim a replacement or void supersedes.
    public var original: ClaimRecord?
    public var tables: ScrubTables
    /// The visit's financial class is self-pay: the patient is billed, so no claim may go out.
    public var visitIsSelfPay: Bool
    /// Every value of the records the claim's 837P carries, for the X12-CHARS rule.
    public var x12Fields: [X12BoundField]

    public init(today: LocalDate, patient: PatientRecord?, coverage: CoverageAdded?, payer: PayerAdded?,
                billingNPI: String?, renderingNPI: String?, otherClaims: [ClaimRecord] = [], original: ClaimRecord? = nil,
                tables: ScrubTables = ScrubTables(), visitIsSelfPay: Bool = false, x12Fields: [X12BoundField] = []) {
        self.today = today
        self.patient = patient
        self.coverage = coverage
        self.payer = payer
        self.billingNPI = billingNPI
        self.renderingNPI = renderingNPI
        self.otherClaims = otherClaims
        self.original = original
        self.tables = tables
        self.visitIsSelfPay = visitIsSelfPay
        self.x12Fields = x12Fields
    }

    /// Gathers the context for `claim` from the folded log.
    public init(claim: ClaimRecord, state: PracticeState, today: LocalDate, tables: ScrubTables = ScrubTables()) {
        let c = claim.created
        let patient = state.resolvedPatient(c.patient)
        self.init(today: today, patient: state.patients[patient], coverage: state.coverages[c.coverage],
                  payer: state.directory.payers[c.payer],
                  billingNPI: state.directory.providers[c.billingProvider]?.npi.digits,
                  renderingNPI: state.directory.providers[c.renderingProvider]?.npi.digits,
                  otherClaims: state.claims(ofPatient: patient).filter { $0.id != claim.id },
                  original: c.originalClaim.flatMap { state.claims[$0] }, tables: tables,
                  visitIsSelfPay: !state.receivables.ledger.isInsured(c.visit),
                  x12Fields: X12BoundField.fields(of: claim, state: state))
    }
}
