import BinaryCodec
import RevenueCycle

/// One claim as the claims read model keeps it: enough to list, filter and
/// queue claims without reading the log (who, to whom, how much, where it
/// stands and why it is stuck). `claim show` reads the log for the rest.
public struct ClaimSummary: Sendable, Equatable {
    public let claim: ClaimID
    public let visit: VisitID
    public let patient: PatientID
    public let payer: PayerID
    public let billingProvider: ProviderID
    public let renderingProvider: ProviderID
    public let frequency: ClaimFrequencyType
    public let originalClaim: ClaimID?
    public let total: Money
    public let dateOfService: LocalDate
    public let createdOn: LocalDate
    public internal(set) var status: ClaimStatus = .draft
    /// Effective date of the last status change (scrub, submission, acknowledgement).
    public internal(set) var statusDate: LocalDate
    /// Every finding of the last scrub.
    public internal(set) var findings: [ScrubFinding] = []
    /// Rule id → the biller's reason.
    public internal(set) var overrides: [String: String] = [:]
    /// The clearinghouse's or payer's reasons, while the claim is bounced.
    public internal(set) var rejectionReasons: [String] = []
    public internal(set) var submissionCount = 0
    public internal(set) var firstSubmittedOn: LocalDate?
    public internal(set) var lastSubmittedOn: LocalDate?
    /// ISA13 of the last file the claim went out in.
    public internal(set) var lastInterchange: Int?
    public internal(set) var payerClaimNumber: String?
    public internal(set) var supersededBy: ClaimID?
    /// The net of the 835 postings (a reversal and its correction cancel out) and the denials still worked,
    /// from which `settle` derives paid / partly paid / denied / closed as `ClaimRecord.settle` does.
    public internal(set) var postingCount = 0
    public internal(set) var netCharge = Money.zero
    public internal(set) var netPaid = Money.zero
    public internal(set) var openDenials = 0

    init(_ e: borrowing ClaimCreated) {
        claim = e.claim
        visit = e.visit
        patient = e.patient
        payer = e.payer
        billingProvider = e.billingProvider
        renderingProvider = e.renderingProvider
        frequency = e.frequency
        originalClaim = e.originalClaim
        total = e.total
        dateOfService = e.dateOfService
        createdOn = e.createdOn
        statusDate = e.createdOn
    }

    /// Error findings nobody overrode: what keeps the claim held (as `ClaimRecord.openFindings`).
    public var openFindings: [ScrubFinding] {
        findings.filter { $0.severity == .error && overrides[$0.rule] == nil }
    }

    /// The work queue the claim sits in, if any, and why.
    public var queue: (queue: ClaimQueue, reasons: [String])? {
        switch queueKind {
        case .holds?: return (.holds, openFindings.map { "\($0.rule): \($0.message)" })
        case .rejections?: return (.rejections, rejectionReasons)
        case nil: return nil
        }
    }

    /// The work queue the claim sits in, if any (its status decides it).
    var queueKind: ClaimQueue? {
        switch status {
        case .held: return .holds
        case .acknowledgmentRejected, .rejected: return .rejections
        default: return nil
        }
    }

    // MARK: - Value encoding

    /// Status codes on disk, fixed independently of the enum's declaration order.
    static let statusCodes: [ClaimStatus] = [.draft, .clean, .held, .submitted, .acknowledged, .acknowledgmentRejected,
                                             .accepted, .rejected, .paid, .partlyPaid, .denied, .closed, .replaced, .voided]
    static let frequencyCodes: [ClaimFrequencyType] = [.original, .replacement, .void]
    static let encodingVersion: UInt8 = 2

    static func code(of status: ClaimStatus) -> UInt8 { UInt8(statusCodes.firstIndex(of: status) ?? 0) }

    /// v1: version byte; claim, visit, patient, payer, billing, rendering ids; frequency code;
    /// original (0 = none); total cents; date of service, created-on days; status code; status date;
    /// findings (rule, severity, message, line or 0); overrides (rule, reason) by rule; rejection reasons;
    /// submission count; first and last submitted dates (optional); last ISA13 (optional);
    /// payer claim number (optional); superseded by (0 = none).
    /// v2 adds: posting count, net charge and net paid cents, open denial count.
    func encode(into w: inout ByteWriter) {
        w.writeByte(Self.encodingVersion)
        for id in [claim.number, visit.number, patient.number, payer.number, billingProvider.number, renderingProvider.number] {
            w.writeVarUInt(id)
        }
        w.writeByte(UInt8(Self.frequencyCodes.firstIndex(of: frequency) ?? 0))
        w.writeVarUInt(originalClaim?.number ?? 0)
        w.writeVarInt(total.cents)
        w.writeVarInt(dateOfService.daysSinceEpoch)
        w.writeVarInt(createdOn.daysSinceEpoch)
        w.writeByte(Self.code(of: status))
        w.writeVarInt(statusDate.daysSinceEpoch)
        w.writeVarUInt(UInt64(findings.count))
        for f in findings {
            w.writeString(f.rule)
            w.writeBool(f.severity == .warning)
            w.writeString(f.message)
            w.writeVarUInt(UInt64(f.line ?? 0))
        }
        let rules = overrides.keys.sorted()
        w.writeVarUInt(UInt64(rules.count))
        for rule in rules {
            w.writeString(rule)
            w.writeString(overrides[rule] ?? "")
        }
        w.writeVarUInt(UInt64(rejectionReasons.count))
        for reason in rejectionReasons { w.writeString(reason) }
        w.writeVarInt(Int64(submissionCount))
        w.writeOptionalVarInt(firstSubmittedOn?.daysSinceEpoch)
        w.writeOptionalVarInt(lastSubmittedOn?.daysSinceEpoch)
        w.writeOptionalVarInt(lastInterchange.map(Int64.init))
        w.writeOptionalString(payerClaimNumber)
        w.writeVarUInt(supersededBy?.number ?? 0)
        w.writeVarUInt(UInt64(postingCount))
        w.writeVarInt(netCharge.cents)
        w.writeVarInt(netPaid.cents)
        w.writeVarUInt(UInt64(openDenials))
    }

    /// - throws: `ProjectionError.damaged` for bytes this version did not write.
    static func decode(_ bytes: [UInt8]) throws -> ClaimSummary {
        var r = ByteReader(bytes)
        func damaged(_ why: String) -> ProjectionError { .damaged(ClaimsProjection.projectionName, why) }
        let version = try r.readByte()
        guard version == 1 || version == encodingVersion else { throw damaged("unknown claim entry version") }
        let claim = ClaimID(try r.readVarUInt())
        let visit = VisitID(try r.readVarUInt()), patient = PatientID(try r.readVarUInt()), payer = PayerID(try r.readVarUInt())
        let billing = ProviderID(try r.readVarUInt()), rendering = ProviderID(try r.readVarUInt())
        let frequencyCode = Int(try r.readByte())
        let original = try r.readVarUInt()
        let total = Money(cents: try r.readVarInt())
        let dos = LocalDate(daysSinceEpoch: try r.readVarInt())
        let created = LocalDate(daysSinceEpoch: try r.readVarInt())
        let statusCode = Int(try r.readByte())
        guard frequencyCode < frequencyCodes.count, statusCode < statusCodes.count else {
            throw damaged("frequency \(frequencyCode) or status \(statusCode) of \(claim) is unknown")
        }
        var s = ClaimSummary(claim: claim, visit: visit, patient: patient, payer: payer, billing: billing, rendering: rendering,
                             frequency: frequencyCodes[frequencyCode], original: original == 0 ? nil : ClaimID(original),
                             total: total, dateOfService: dos, createdOn: created)
        s.status = statusCodes[statusCode]
        s.statusDate = LocalDate(daysSinceEpoch: try r.readVarInt())
        for _ in 0..<(try r.readLength()) {
            let rule = try r.readString(), warning = try r.readBool(), message = try r.readString(), line = try r.readVarUInt()
            s.findings.append(ScrubFinding(rule: rule, severity: warning ? .warning : .error, message: message,
                                           line: line == 0 ? nil : Int(line)))
        }
        for _ in 0..<(try r.readLength()) { s.overrides[try r.readString()] = try r.readString() }
        for _ in 0..<(try r.readLength()) { s.rejectionReasons.append(try r.readString()) }
        s.submissionCount = Int(try r.readVarInt())
        s.firstSubmittedOn = try r.readOptionalVarInt().map(LocalDate.init(daysSinceEpoch:))
        s.lastSubmittedOn = try r.readOptionalVarInt().map(LocalDate.init(daysSinceEpoch:))
        s.lastInterchange = try r.readOptionalVarInt().map { Int($0) }
        s.payerClaimNumber = try r.readOptionalString()
        let superseded = try r.readVarUInt()
        s.supersededBy = superseded == 0 ? nil : ClaimID(superseded)
        if version >= 2 {
            s.postingCount = Int(try r.readVarUInt())
            s.netCharge = Money(cents: try r.readVarInt())
            s.netPaid = Money(cents: try r.readVarInt())
            s.openDenials = Int(try r.readVarUInt())
        }
        return s
    }

    private init(claim: ClaimID, visit: VisitID, patient: PatientID, payer: PayerID, billing: ProviderID, rendering: ProviderID,
                 frequency: ClaimFrequencyType, original: ClaimID?, total: Money, dateOfService: LocalDate, createdOn: LocalDate) {
        self.claim = claim
        self.visit = visit
        self.patient = patient
        self.payer = payer
        billingProvider = billing
        renderingProvider = rendering
        self.frequency = frequency
        originalClaim = original
        self.total = total
        self.dateOfService = dateOfService
        self.createdOn = createdOn
        statusDate = createdOn
    }
}

/// The claims work queues: held by the scrubber, or bounced by the clearinghouse (999) or payer (277CA).
public enum ClaimQueue: String, CaseIterable, Sendable {
    case holds, rejections

    var code: UInt8 { self == .holds ? 1 : 2 }
}
