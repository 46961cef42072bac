import BinaryCodec

/// Where a denial stands in the work queue.
public enum DenialStatus: String, CaseIterable, Sendable, CustomStringConvertible {
    case open, appealed, resolved
    case writtenOff = "written-off"

    /// Still in the queue: its amount is open with the payer.
    public var isOpen: Bool { self == .open || self == .appealed }
    public var description: String { rawValue }
}

/// A denial folded from its events.
public struct DenialRecord: Sendable, Equatable {
    public let opened: DenialOpened
    public internal(set) var status: DenialStatus = .open
    /// Appeal, resolution and write-off notes, oldest first.
    public internal(set) var notes: [String] = []

    public var id: DenialID { opened.denial }
}

/// An item of the suspense queue: one claim payment of one remittance.
public struct SuspenseKey: Hashable, Sendable, CustomStringConvertible {
    public let remittance: RemittanceID
    public let index: Int

    public init(remittance: RemittanceID, index: Int) {
        self.remittance = remittance
        self.index = index
    }

    /// "RM17#2", as the queue lists it.
    public var description: String { "\(remittance)#\(index)" }
}

/// A patient payment, what has been refunded from it, and its void.
public struct PaymentRecord: Sendable, Equatable {
    public let posted: PatientPaymentPosted
    public internal(set) var refunds: [PatientRefunded] = []
    /// Set once the payment is voided: nothing of it may then be refunded or voided.
    public internal(set) var voided: PatientPaymentVoided?

    public var refunded: Money { Money.sum(refunds.map(\.amount)) }
    /// What may still be refunded (or voided): nothing once voided.
    public var refundable: Money { voided == nil ? posted.amount - refunded : .zero }

    /// What is still applied to each visit after refunds and a void.
    public var applied: [VisitID: Money] {
        var out: [VisitID: Money] = [:]
        for a in posted.applications { out[a.visit, default: .zero] += a.amount }
        for a in refunds.flatMap(\.applications) + (voided?.applications ?? []) { out[a.visit, default: .zero] -= a.amount }
        return out
    }

    /// What the payment left on the account's credit and is still there.
    public var unappliedLeft: Money {
        let taken = refunds.map { $0.amount - Money.sum($0.applications.map(\.amount)) }
            + (voided.map { [$0.amount - Money.sum($0.applications.map(\.amount))] } ?? [])
        return posted.unapplied - Money.sum(taken)
    }
}

/// Everything about money after claims are sent: the ledger, remittances,
/// suspense, denials, patient payments, plans and statements.
public struct Receivables: Sendable {
    public var ledger = Ledger()
    public var remittances: [RemittanceID: RemittanceReceived] = [:]
    /// "payer|TRN02" and the file digest → the remittance that posted them.
    public var remittanceByTrace: [String: RemittanceID] = [:]
    public var remittanceByDigest: [String: RemittanceID] = [:]
    /// Open suspense items.
    public var suspense: [SuspenseKey: RemittanceClaimSuspended] = [:]
    public internal(set) var denials: [DenialID: DenialRecord] = [:]
    /// Every denial opened on each claim, in the order opened: `openDenials(of:)` is
    /// asked on every claim payment, and scanning all denials made folding a long
    /// log quadratic.
    public private(set) var denialsByClaim: [ClaimID: [DenialID]] = [:]
    public var payments: [PaymentID: PaymentRecord] = [:]
    public var plans: [PaymentPlanID: PaymentPlanCreated] = [:]
    public var statements: [StatementID: StatementIssued] = [:]
    /// Every overpayment flag of each claim, oldest first.
    public internal(set) var overpayments: [ClaimID: [ClaimOverpaymentFlagged]] = [:]

    public init() {}

    static func traceKey(_ payer: PayerID, _ trace: String) -> String { "\(payer)|\(trace)" }

    /// Folds one event into the ledger and, when it is about receivables, into the records.
    public mutating func apply(_ event: any EventPayload) {
        ledger.apply(event)
        if Self.recordTypes.contains(event) { _ = applyRecords(event) }
    }

    /// Keeps the records of remittances, suspense, denials and patient money; false
    /// for any other event (a test holds that to `recordTypes`).
    mutating func applyRecords(_ event: any EventPayload) -> Bool {
        if let e = event.exactly(RemittanceReceived.self) {
            remittances[e.remittance] = e
            if !e.traceNumber.isEmpty { remittanceByTrace[Self.traceKey(e.payer, e.traceNumber)] = e.remittance }
            if !e.fileDigest.isEmpty { remittanceByDigest[e.fileDigest] = e.remittance }
        } else if let e = event.exactly(RemittanceClaimSuspended.self) {
            suspense[SuspenseKey(remittance: e.remittance, index: e.index)] = e
        } else if let e = event.exactly(SuspenseResolved.self) {
            suspense[SuspenseKey(remittance: e.remittance, index: e.index)] = nil
        } else if let e = event.exactly(DenialOpened.self) {
            if denials[e.denial]?.opened.claim != e.claim { denialsByClaim[e.claim, default: []].append(e.denial) }
            denials[e.denial] = DenialRecord(opened: e)
        } else if let e = event.exactly(DenialAppealed.self) {
            updateDenial(e.denial, .appealed, e.note)
        } else if let e = event.exactly(DenialResolved.self) {
            updateDenial(e.denial, .resolved, e.note)
        } else if let e = event.exactly(DenialWrittenOff.self) {
            updateDenial(e.denial, .writtenOff, e.reason)
        } else if let e = event.exactly(PatientPaymentPosted.self) {
            payments[e.payment] = PaymentRecord(posted: e)
        } else if let e = event.exactly(PatientRefunded.self) {
            payments[e.payment]?.refunds.append(e)
        } else if let e = event.exactly(PatientPaymentVoided.self) {
            payments[e.payment]?.voided = e
        } else if let e = event.exactly(PaymentPlanCreated.self) {
            plans[e.plan] = e
        } else if let e = event.exactly(StatementIssued.self) {
            statements[e.statement] = e
        } else if let e = event.exactly(ClaimOverpaymentFlagged.self) {
            overpayments[e.claim, default: []].append(e)
        } else {
            return false
        }
        return true
    }

    /// The types `applyRecords` keeps records of.
    static let recordTypes = EventTypeSet([
        RemittanceReceived.self, RemittanceClaimSuspended.self, SuspenseResolved.self, DenialOpened.self,
        DenialAppealed.self, DenialResolved.self, DenialWrittenOff.self, PatientPaymentPosted.self,
        PatientRefunded.self, PaymentPlanCreated.self, StatementIssued.self, PatientPaymentVoided.self, ClaimOverpaymentFlagged.self,
    ])

    private mutating func updateDenial(_ id: DenialID, _ status: DenialStatus, _ note: String) {
        denials[id]?.status = status
        denials[id]?.notes.append(note)
    }

    /// Denials still being worked on `claim`.
    public func openDenials(of claim: ClaimID) -> [DenialRecord] {
        (denialsByClaim[claim] ?? []).compactMap { denials[$0] }
            .filter { $0.opened.claim == claim && $0.status.isOpen }.sorted { $0.id < $1.id }
    }
}
