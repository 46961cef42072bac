/// Where a claim stands. The order of the cases follows the claim's life;
/// `paid`, `partlyPaid`, `denied` and `closed` are set by remittance posting.
public enum ClaimStatus: String, CaseIterable, Sendable, CustomStringConvertible {
    case draft
    /// Scrubbed with no open error finding (none, or all overridden).
    case clean = "scrubbed-clean"
    /// Scrubbed with error findings nobody has overridden yet.
    case held
    case submitted
    /// 999 accepted the transaction set.
    case acknowledged
    /// 999 rejected the transaction set: fix and send again.
    case acknowledgmentRejected = "ack-rejected"
    /// 277CA: in the payer's adjudication system.
    case accepted
    /// 277CA: refused by the payer: fix and send again.
    case rejected
    /// Paid, with no denial open.
    case paid
    /// Paid in part, with a line denied and still being worked.
    case partlyPaid = "partly-paid"
    /// Nothing paid, a denial open.
    case denied
    /// Adjudicated with nothing paid and nothing left to work (all to the patient or adjusted).
    case closed
    case replaced
    case voided

    public var description: String { rawValue }

    /// May be scrubbed again: never sent, or sent and bounced before adjudication.
    public var canBeScrubbed: Bool { [.draft, .clean, .held, .acknowledgmentRejected, .rejected].contains(self) }

    /// The payer has (or may have) it, so withdrawing it needs a frequency-8 claim.
    public var isWithPayer: Bool { [.submitted, .acknowledged, .accepted, .paid, .partlyPaid, .denied].contains(self) }

    /// Superseded or withdrawn: its charges are free and it is no duplicate of anything.
    public var isInactive: Bool { self == .replaced || self == .voided }
}

/// A charge as decisions see it: what was entered, whether it was voided, and
/// which claim carries it now.
public struct ChargeRecord: Sendable, Equatable {
    public let entered: ChargeEntered
    public var voidReason: String?
    /// The active (not replaced, not voided) claim that bills this charge.
    public var claim: ClaimID?

    public init(_ e: ChargeEntered) {
        entered = e
        voidReason = nil
        claim = nil
    }

    public var id: ChargeID { entered.charge }
    public var isVoided: Bool { voidReason != nil }
}

/// The latest 837P a claim went out in.
public struct ClaimSubmission: Sendable, Equatable {
    public let fileName: String
    public let interchangeControlNumber: Int
    public let groupControlNumber: Int
    public let transactionSetControlNumber: Int
    public let submittedOn: LocalDate
}

/// A claim folded from its events: the snapshot it was created with, the
/// scrubber's findings and overrides, its submissions and the answers to them.
public struct ClaimRecord: Sendable, Equatable {
    public let created: ClaimCreated
    public private(set) var status: ClaimStatus = .draft
    public private(set) var findings: [ScrubFinding] = []
    /// Rule id → reason, for findings a biller overrode.
    public private(set) var overrides: [String: String] = [:]
    public private(set) var submissions: [ClaimSubmission] = []
    /// Why the clearinghouse or payer refused it, for the rejections queue.
    public private(set) var rejectionReasons: [String] = []
    public private(set) var payerClaimNumber: String?
    /// A 999 was applied to it (a claim can be paid without one: clearinghouses drop them).
    public private(set) var wasAcknowledged = false
    /// The claim that replaced or voided this one.
    public private(set) var supersededBy: ClaimID?
    /// Remittance postings in log order, reversals included.
    public private(set) var postings: [ClaimPaymentPosted] = []

    public init(_ e: ClaimCreated) { created = e }

    public var id: ClaimID { created.claim }
    public var lastSubmission: ClaimSubmission? { submissions.last }

    /// Error findings not overridden: what keeps the claim held.
    public var openFindings: [ScrubFinding] {
        findings.filter { $0.severity == .error && overrides[$0.rule] == nil }
    }

    mutating func apply(_ e: ClaimScrubbed) {
        findings = e.findings
        status = openFindings.isEmpty ? .clean : .held
    }

    mutating func apply(_ e: ClaimFindingOverridden) {
        overrides[e.rule] = e.reason
        if status == .held, openFindings.isEmpty { status = .clean }
    }

    mutating func apply(_ e: ClaimSubmitted) {
        submissions.append(ClaimSubmission(fileName: e.fileName, interchangeControlNumber: e.interchangeControlNumber,
                                           groupControlNumber: e.groupControlNumber,
                                           transactionSetControlNumber: e.transactionSetControlNumber, submittedOn: e.submittedOn))
        rejectionReasons = []
        status = .submitted
    }

    mutating func apply(_ e: ClaimAcknowledged) {
        wasAcknowledged = true
        status = e.accepted ? .acknowledged : .acknowledgmentRejected
        rejectionReasons = e.accepted ? [] : e.reasons
    }

    mutating func apply(_ e: ClaimAcceptedByPayer) {
        status = .accepted
        payerClaimNumber = e.payerClaimNumber ?? payerClaimNumber
    }

    mutating func apply(_ e: ClaimRejectedByPayer) {
        status = .rejected
        rejectionReasons = e.statuses.map(\.text)
    }

    mutating func apply(_ e: ClaimPaymentPosted, openDenials: Bool) {
        postings.append(e)
        payerClaimNumber = e.payerClaimControlNumber ?? payerClaimNumber
        settle(openDenials: openDenials)
    }

    /// Status from the net of the postings: all reversed → back to `accepted`
    /// (waiting for the payer's corrected answer); a denial open → `denied` or
    /// `partlyPaid`; else `paid` or, with nothing paid, `closed`.
    mutating func settle(openDenials: Bool) {
        guard !postings.isEmpty, !status.isInactive else { return }
        let netCharge = Money.sum(postings.map(\.charge))
        let netPaid = Money.sum(postings.map(\.paid))
        if netCharge == .zero, netPaid == .zero {
            status = .accepted
        } else if openDenials {
            status = netPaid > .zero ? .partlyPaid : .denied
        } else {
            status = netPaid > .zero ? .paid : .closed
        }
    }

    /// The net of the postings: what the payer's adjudication currently says.
    public var netPaid: Money { Money.sum(postings.map(\.paid)) }
    public var netPatientResponsibility: Money { Money.sum(postings.map(\.patientResponsibility)) }
    public var isAdjudicated: Bool { [.paid, .partlyPaid, .denied, .closed].contains(status) }

    mutating func supersede(by other: ClaimID?, as newStatus: ClaimStatus) {
        supersededBy = other
        status = newStatus
    }
}
