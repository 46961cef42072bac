import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle

/// What a biller does with a denial in the queue.
enum DenialAction: String, CaseIterable, Sendable {
    case appeal, resolve
    case writeOff = "write-off"
}

/// `denial appeal|resolve|write-off DENIAL --reason TEXT [--amount A]`.
struct DenialWorkRequest: Sendable {
    var denial: DenialID
    var action: DenialAction
    var reason: String
    /// For a write-off, the amount the biller expects to write off; it must be the whole denied amount.
    var amount: Money?
}

/// The denial event recorded, with the claim it is about.
struct DenialWorkOutcome: Sendable {
    let event: any EventPayload
    let claim: ClaimID
    let amount: Money
}

/// Denial work decided by `ReceivableWork` inside the append; the event goes to its claim's stream
/// so `claim show` tells the whole story.
///
/// ```swift
/// let done = try DenialWork.perform(DenialWorkRequest(denial: DenialID(1001), action: .appeal, reason: "records attached"), session: session)
/// ```
enum DenialWork {
    /// - throws: `RejectionFailure` for an unknown or closed denial, an empty reason, or an amount
    ///   other than the denied amount (partial write-offs are not kept apart by the ledger).
    static func perform(_ request: DenialWorkRequest, session: FrontDeskSession) throws -> DenialWorkOutcome {
        try session.append(permission: .postPayments, command: "denial \(request.action.rawValue)") { state, _ in
            let today = session.today
            guard let record = state.receivables.denials[request.denial] else {
                throw Rejection.refused("denial", "unknown denial \(request.denial)", hint: "list them with `practica queue show denials`")
            }
            let event: any EventPayload
            switch request.action {
            case .appeal: event = try ReceivableWork.appeal(request.denial, note: request.reason, on: today, state: state)
            case .resolve: event = try ReceivableWork.resolve(request.denial, note: request.reason, on: today, state: state)
            case .writeOff:
                if let amount = request.amount, amount != record.opened.amount {
                    throw Rejection.refused("amount", "\(request.denial) denied \(record.opened.amount); a write-off takes the whole denied amount, not \(amount)",
                                            hint: "leave --amount out, or appeal or resolve the denial instead")
                }
                event = try ReceivableWork.writeOff(request.denial, reason: request.reason, on: today, state: state)
            }
            let outcome = DenialWorkOutcome(event: event, claim: record.opened.claim, amount: record.opened.amount)
            return ([NewEvent(stream: ClaimCommands.stream(record.opened.claim), event)], outcome)
        }.1
    }

    /// The claim stream of a denial's claim (where `era import` put the denial).
    static func stream(_ denial: DenialID, _ state: PracticeState) -> String {
        state.receivables.denials[denial].map { ClaimCommands.stream($0.opened.claim) } ?? "denial-\(denial)"
    }
}

/// `suspense resolve ITEM [--claim CL…] [--note]`.
struct SuspenseResolveRequest: Sendable {
    var item: SuspenseKey
    /// Post the suspended payment to this claim; nil settles it without posting (e.g. sent back to the payer).
    var claim: ClaimID?
    var note: String?
}

struct SuspenseResolveOutcome: Sendable {
    let resolved: SuspenseResolved
    let posting: ClaimPaymentPosted?
    let denialsOpened: [DenialOpened]
    let overpayment: ClaimOverpaymentFlagged?
}

/// Settling a suspense item, decided by `ReceivableWork.resolveSuspense` inside the append.
///
/// ```swift
/// let done = try SuspenseWork.perform(SuspenseResolveRequest(item: key, claim: ClaimID(1001), note: nil), session: session)
/// ```
enum SuspenseWork {
    /// - throws: `RejectionFailure` for an unknown or settled item, no note without a claim, or a claim
    ///   that cannot take the payment.
    static func perform(_ request: SuspenseResolveRequest, session: FrontDeskSession) throws -> SuspenseResolveOutcome {
        try session.append(permission: .postPayments, command: "suspense resolve") { state, ids in
            let note = request.note ?? request.claim.map { "posted to \($0)" } ?? ""
            var denials = IDSequence(first: DenialID(try ids.peek(DenialID.self)))
            let events = try ReceivableWork.resolveSuspense(request.item, toClaim: request.claim, note: note,
                                                            on: session.today, denialIDs: &denials, state: state)
            try ids.advance(DenialID.self, by: denials.used)
            guard let resolved = events.compactMap({ $0 as? SuspenseResolved }).first else {
                throw CommandFailure("internal: resolving \(request.item) recorded no resolution")
            }
            let outcome = SuspenseResolveOutcome(resolved: resolved, posting: events.compactMap { $0 as? ClaimPaymentPosted }.first,
                                                 denialsOpened: events.compactMap { $0 as? DenialOpened },
                                                 overpayment: events.compactMap { $0 as? ClaimOverpaymentFlagged }.first)
            return (try events.map { try RemittanceImport.streamed($0, state: state) }, outcome)
        }.1
    }

    /// "RM1001#2" → the item; the index is the claim payment's position in the remittance (0-based).
    static func parseItem(_ text: String) throws(ValueError) -> SuspenseKey {
        let parts = text.split(separator: "#", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[1]), index >= 0 else {
            throw ValueError(kind: "suspense item", input: text, reason: "expected REMITTANCE#INDEX, e.g. RM1001#0")
        }
        return SuspenseKey(remittance: try RemittanceID.parse(String(parts[0])), index: index)
    }
}
