import BinaryCodec

/// A claim was built for a visit's charges, to the coverage primary on the date of service
/// (or, carrying `priorAdjudication`, to the next payer after the primary adjudicated).
///
/// It snapshots the lines and diagnoses rather than pointing at charges only,
/// so the claim shows what was sent even after a charge is voided or the fee
/// schedule changes; replacements and voids carry the claim they supersede.
///
/// Schema history: v2 appends the optional prior payer's adjudication; a v1
/// record is upcast with none (every v1 claim went to the primary).
public struct ClaimCreated: EventPayload, Equatable {
    public static let typeName = "ClaimCreated"
    public static let schemaVersion: UInt8 = 2

    public let claim: ClaimID
    public let visit: VisitID
    public let patient: PatientID
    public let coverage: CoverageID
    public let payer: PayerID
    public let billingProvider: ProviderID
    public let renderingProvider: ProviderID
    public let placeOfService: PlaceOfService
    public let frequency: ClaimFrequencyType
    /// The claim replaced (frequency 7) or voided (frequency 8).
    public let originalClaim: ClaimID?
    public let lines: [ClaimLine]
    /// Principal first, at most twelve.
    public let diagnoses: [DiagnosisCode]
    /// Sum of the lines.
    public let total: Money
    public let createdOn: LocalDate
    /// The earlier payer's adjudication, on a secondary claim; nil on a primary one.
    public let priorAdjudication: PriorAdjudication?

    public init(claim: ClaimID, visit: VisitID, patient: PatientID, coverage: CoverageID, payer: PayerID,
                billingProvider: ProviderID, renderingProvider: ProviderID, placeOfService: PlaceOfService,
                frequency: ClaimFrequencyType = .original, originalClaim: ClaimID? = nil, lines: [ClaimLine],
                diagnoses: [DiagnosisCode], total: Money, createdOn: LocalDate, priorAdjudication: PriorAdjudication? = nil) {
        self.claim = claim
        self.visit = visit
        self.patient = patient
        self.coverage = coverage
        self.payer = payer
        self.billingProvider = billingProvider
        self.renderingProvider = renderingProvider
        self.placeOfService = placeOfService
        self.frequency = frequency
        self.originalClaim = originalClaim
        self.lines = lines
        self.diagnoses = diagnoses
        self.total = total
        self.createdOn = createdOn
        self.priorAdjudication = priorAdjudication
    }

    /// Billed to a payer after another one adjudicated it.
    public var isSecondary: Bool { priorAdjudication != nil }

    /// The earliest date of service on the claim (all lines share the visit's date today).
    public var dateOfService: LocalDate { lines.map(\.dateOfService).min() ?? createdOn }

    /// v1: claim, visit, patient, coverage, payer, billing, rendering ids; POS;
    /// frequency tag; optional original claim id; lines array; diagnoses array;
    /// total; created-on date; then (v2 only) optional prior adjudication.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.write(visit)
        w.write(patient)
        w.write(coverage)
        w.write(payer)
        w.write(billingProvider)
        w.write(renderingProvider)
        w.writeString(placeOfService.code)
        w.writeTag(frequency)
        w.writeOptional(originalClaim) { $0.write($1) }
        w.writeArray(lines) { $0.write($1) }
        w.writeArray(diagnoses) { $0.write($1) }
        w.write(total)
        w.write(createdOn)
        w.writeOptional(priorAdjudication) { $0.write($1) }
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...2, for: Self.typeName)
        claim = try r.readID()
        visit = try r.readID()
        patient = try r.readID()
        coverage = try r.readID()
        payer = try r.readID()
        billingProvider = try r.readID()
        renderingProvider = try r.readID()
        placeOfService = try r.readValue(PlaceOfService.init)
        frequency = try r.readTag()
        originalClaim = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
        lines = try r.readArray { (r) throws(DecodingError) in try r.readClaimLine() }
        diagnoses = try r.readArray { (r) throws(DecodingError) in try r.readDiagnosis() }
        total = try r.readMoney()
        createdOn = try r.readDate()
        priorAdjudication = schemaVersion >= 2 ? try r.readOptional { (r) throws(DecodingError) in try r.readPriorAdjudication() } : nil
    }

    public var json: JSONValue {
        .object([
            ("claim", .id(claim)), ("visit", .id(visit)), ("patient", .id(patient)), ("coverage", .id(coverage)),
            ("payer", .id(payer)), ("billingProvider", .id(billingProvider)), ("renderingProvider", .id(renderingProvider)),
            ("placeOfService", .text(placeOfService)), ("frequency", .string(frequency.code)),
            ("originalClaim", .maybe(originalClaim, JSONValue.id)), ("lines", .array(lines.map(\.json))),
            ("diagnoses", .array(diagnoses.map(JSONValue.text))), ("total", .money(total)), ("createdOn", .text(createdOn)),
            ("priorAdjudication", .maybe(priorAdjudication) { $0.json }),
        ])
    }
}

/// The scrubber's verdict on a claim: every finding, replacing earlier ones.
/// No error finding (or every one overridden) makes the claim clean.
public struct ClaimScrubbed: EventPayload, Equatable {
    public static let typeName = "ClaimScrubbed"
    public static let schemaVersion: UInt8 = 1

    public let claim: ClaimID
    public let findings: [ScrubFinding]
    public let scrubbedOn: LocalDate

    public init(claim: ClaimID, findings: [ScrubFinding], scrubbedOn: LocalDate) {
        self.claim = claim
        self.findings = findings
        self.scrubbedOn = scrubbedOn
    }

    /// v1: claim id, findings array (rule, severity tag, message, optional line), date.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.writeArray(findings) { $0.write($1) }
        w.write(scrubbedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        claim = try r.readID()
        findings = try r.readArray { (r) throws(DecodingError) in try r.readFinding() }
        scrubbedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("claim", .id(claim)), ("findings", .array(findings.map(\.json))), ("scrubbedOn", .text(scrubbedOn))])
    }
}

/// A biller accepted a finding as not applying to this claim; the reason and
/// who said so are recorded because overrides are what auditors ask about.
public struct ClaimFindingOverridden: EventPayload, Equatable {
    public static let typeName = "ClaimFindingOverridden"
    public static let schemaVersion: UInt8 = 1

    public let claim: ClaimID
    public let rule: String
    public let reason: String
    public let by: UserID

    public init(claim: ClaimID, rule: String, reason: String, by: UserID) {
        self.claim = claim
        self.rule = rule
        self.reason = reason
        self.by = by
    }

    /// v1: claim id, rule, reason, user.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.writeString(rule)
        w.writeString(reason)
        w.writeString(by.name)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        claim = try r.readID()
        rule = try r.readString()
        reason = try r.readString()
        by = try r.readValue(UserID.init)
    }

    public var json: JSONValue {
        .object([("claim", .id(claim)), ("rule", .string(rule)), ("reason", .string(reason)), ("by", .text(by))])
    }
}

/// The claim went out in an 837P file. The control numbers are what 999s
/// answer by, and the store's high-water marks so they are never reused.
public struct ClaimSubmitted: EventPayload, Equatable {
    public static let typeName = "ClaimSubmitted"
    public static let schemaVersion: UInt8 = 1

    public let claim: ClaimID
    public let fileName: String
    /// ISA13.
    public let interchangeControlNumber: Int
    /// GS06.
    public let groupControlNumber: Int
    /// ST02 (written zero-padded to four digits).
    public let transactionSetControlNumber: Int
    public let submittedOn: LocalDate

    public init(claim: ClaimID, fileName: String, interchangeControlNumber: Int, groupControlNumber: Int,
                transactionSetControlNumber: Int, submittedOn: LocalDate) {
        self.claim = claim
        self.fileName = fileName
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionSetControlNumber = transactionSetControlNumber
        self.submittedOn = submittedOn
    }

    /// v1: claim id, file name, ISA13, GS06, ST02 varints, date.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.writeString(fileName)
        w.write(interchangeControlNumber)
        w.write(groupControlNumber)
        w.write(transactionSetControlNumber)
        w.write(submittedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        claim = try r.readID()
        fileName = try r.readString()
        interchangeControlNumber = try r.readInt()
        groupControlNumber = try r.readInt()
        transactionSetControlNumber = try r.readInt()
        submittedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("claim", .id(claim)), ("file", .string(fileName)), ("interchangeControlNumber", .count(interchangeControlNumber)),
                 ("groupControlNumber", .count(groupControlNumber)),
                 ("transactionSetControlNumber", .count(transactionSetControlNumber)), ("submittedOn", .text(submittedOn))])
    }
}
