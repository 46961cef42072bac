import BinaryCodec
import EventLog
import RevenueCycle

/// The claims read model: every claim by id with where it stands, indexed by
/// status and by payer, plus the two work queues billers clear every day:
/// scrubber holds and clearinghouse/payer rejections, each with its reasons.
///
/// Like the schedule, each event rewrites one claim's summary: the old index
/// and queue keys are removed and the new ones put, so a claim is always in
/// exactly the indexes its current summary says. The transitions mirror
/// `ClaimRecord` in the domain fold; a test keeps the two in agreement.
///
/// | prefix | key                         | value          |
/// |--------|-----------------------------|----------------|
/// | `C`    | claim                       | `ClaimSummary` |
/// | `S`    | status code · claim         | empty          |
/// | `P`    | payer · claim               | empty          |
/// | `Q`    | queue code · claim          | empty          |
public struct ClaimsProjection: Projection {
    public static let projectionName = "claims"
    public var name: String { Self.projectionName }
    /// 2: follows remittance postings and denial work into paid / partly paid / denied / closed.
    public let version = 2
    /// Its share of a rebuild's ~1 KB per event (by its share of the stored bytes at 1M billing events).
    public var rebuildBytesPerEvent: Int { 80 }
    public let eventTypes: Set<String> = [
        ClaimCreated.typeName, ClaimScrubbed.typeName, ClaimFindingOverridden.typeName, ClaimSubmitted.typeName,
        ClaimAcknowledged.typeName, ClaimAcceptedByPayer.typeName, ClaimRejectedByPayer.typeName,
        ClaimReplaced.typeName, ClaimVoided.typeName,
        ClaimPaymentPosted.typeName, DenialOpened.typeName, DenialAppealed.typeName, DenialResolved.typeName, DenialWrittenOff.typeName,
    ]

    public init() {}

    public func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws {
        if let created = payload.exactly(ClaimCreated.self) {
            try create(ClaimSummary(created), in: table)
            return
        }
        if try applySettlement(payload, to: table) { return }
        guard let id = ClaimEventSubject.claim(of: payload) else { return }
        try change(id, in: table) { $0.apply(payload) }
    }

    /// Puts a created claim's summary (replacing one a replayed creation left).
    private func create(_ summary: ClaimSummary, in table: ProjectionTable) throws {
        let key = ClaimsKeys.claim(summary.claim)
        let before = try table.read(key, as: ClaimSummary.self) { $0.map { ClaimsKeys.IndexPlace($0) } }
        try table.update(key, initial: summary) { $0 = summary }
        try move(from: before, to: ClaimsKeys.IndexPlace(summary), in: table)
    }

    /// Changes a claim's summary in place (nothing when the claim is unknown), then moves
    /// its index entries if its status, payer or queue moved.
    func change(_ id: ClaimID, in table: ProjectionTable, _ body: (inout ClaimSummary) -> Void) throws {
        let places = try table.updateIfPresent(ClaimsKeys.claim(id), as: ClaimSummary.self) { summary in
            let before = ClaimsKeys.IndexPlace(summary)
            body(&summary)
            return (before, ClaimsKeys.IndexPlace(summary))
        }
        guard let (before, after) = places else { return }
        try move(from: before, to: after, in: table)
    }

    /// Index entries move only when the status, payer or queue does (a few keys; no sets needed).
    private func move(from old: ClaimsKeys.IndexPlace?, to new: ClaimsKeys.IndexPlace, in table: ProjectionTable) throws {
        guard old != new else { return }
        let newKeys = new.entries
        let oldKeys = old?.entries ?? []
        for key in oldKeys where !newKeys.contains(key) { try table.delete(key) }
        for key in newKeys where !oldKeys.contains(key) { try table.put(key, []) }
    }
}

extension ClaimSummary {
    /// One event's effect, as `ClaimRecord.apply` has it.
    mutating func apply(_ payload: any EventPayload) {
        if let e = payload.exactly(ClaimScrubbed.self) {
            findings = e.findings
            status = openFindings.isEmpty ? .clean : .held
            statusDate = e.scrubbedOn
        } else if let e = payload.exactly(ClaimFindingOverridden.self) {
            overrides[e.rule] = e.reason
            if status == .held, openFindings.isEmpty { status = .clean }
        } else if let e = payload.exactly(ClaimSubmitted.self) {
            submissionCount += 1
            firstSubmittedOn = firstSubmittedOn ?? e.submittedOn
            lastSubmittedOn = e.submittedOn
            lastInterchange = e.interchangeControlNumber
            rejectionReasons = []
            status = .submitted
            statusDate = e.submittedOn
        } else if let e = payload.exactly(ClaimAcknowledged.self) {
            status = e.accepted ? .acknowledged : .acknowledgmentRejected
            rejectionReasons = e.accepted ? [] : e.reasons
            statusDate = e.receivedOn
        } else if let e = payload.exactly(ClaimAcceptedByPayer.self) {
            status = .accepted
            payerClaimNumber = e.payerClaimNumber ?? payerClaimNumber
            statusDate = e.receivedOn
        } else if let e = payload.exactly(ClaimRejectedByPayer.self) {
            status = .rejected
            rejectionReasons = e.statuses.map(\.text)
            statusDate = e.receivedOn
        } else if let e = payload.exactly(ClaimReplaced.self) {
            supersededBy = e.replacement
            status = .replaced
        } else if let e = payload.exactly(ClaimVoided.self) {
            supersededBy = e.voidingClaim
            status = .voided
        }
    }
}

/// Key layout of the claims table; ids are 8-byte big-endian so keys sort by number.
enum ClaimsKeys {
    static let claimPrefix: UInt8 = 0x43     // "C"
    static let statusPrefix: UInt8 = 0x53    // "S"
    static let payerPrefix: UInt8 = 0x50     // "P"
    static let queuePrefix: UInt8 = 0x51     // "Q"

    static func claim(_ id: ClaimID) -> ViewKey { ViewKey(Unicode.Scalar(claimPrefix)).id(id) }
    static func status(_ status: ClaimStatus) -> [UInt8] { [statusPrefix, ClaimSummary.code(of: status)] }
    static func payer(_ payer: PayerID) -> [UInt8] { key([payerPrefix], [payer.number]) }
    static func queue(_ queue: ClaimQueue) -> [UInt8] { [queuePrefix, queue.code] }

    /// What a summary's index entries depend on: comparing two tells whether they move.
    struct IndexPlace: Equatable {
        let claim: ClaimID
        let status: UInt8
        let payer: PayerID
        let queue: UInt8?

        init(_ s: borrowing ClaimSummary) {
            claim = s.claim
            status = ClaimSummary.code(of: s.status)
            payer = s.payer
            queue = s.queueKind?.code
        }

        /// The index entries, built in place.
        var entries: [ViewKey] {
            var keys = [ViewKey(Unicode.Scalar(statusPrefix)).byte(status).id(claim),
                        ViewKey(Unicode.Scalar(payerPrefix)).id(payer).id(claim)]
            if let queue { keys.append(ViewKey(Unicode.Scalar(queuePrefix)).byte(queue).id(claim)) }
            return keys
        }
    }

    static func key(_ prefix: [UInt8], _ fields: [UInt64]) -> [UInt8] {
        var w = ByteWriter()
        w.writeRaw(prefix)
        for f in fields { w.writeUInt64BigEndian(f) }
        return w.bytes
    }

    /// The claim number in the last 8 bytes of an index key.
    static func trailingClaim(_ key: [UInt8]) -> ClaimID? {
        guard key.count >= 9 else { return nil }
        return ClaimID(key.suffix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    static func summary(_ id: ClaimID, in table: ProjectionTable) throws -> ClaimSummary? {
        try table.record(claim(id))
    }
}
