import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle
import X12

/// What `era import` is asked to do: one 835 file's bytes, and its name for messages.
struct RemittanceImportRequest: Sendable {
    var bytes: [UInt8]
    /// Shown in errors ("<file>: inbox/acme.835: segment 9 (BPR): …").
    var name: String
}

/// What one 835 transaction set did.
struct RemittanceSummary: Sendable {
    let remittance: RemittanceID
    let payer: PayerID
    let trace: String
    let totalPaid: Money
    let claimsPosted: Int
    let paid: Money
    /// Contractual and other write-offs of the postings.
    let adjustments: Money
    let patientResponsibility: Money
    let denialsOpened: Int
    let suspenseItems: Int
    let suspensePaid: Money
    let providerAdjustments: Money
    let warnings: [String]
    /// Claims this file paid beyond their insurance balance, each with the reason.
    let overpayments: [ClaimOverpaymentFlagged]
    /// Why each claim payment went to suspense (unmatched, or a negative payment that is not a reversal).
    let suspenseReasons: [String]
}

/// What importing one file did: the sets posted (all in one batch), the sets
/// already posted before (nothing posted for them), and secondary claims
/// created because the practice has `auto-secondary` on.
struct ImportOutcome: Sendable {
    var posted: [RemittanceSummary] = []
    var alreadyImported: [(trace: String, remittance: RemittanceID)] = []
    var secondaryClaims: [ClaimCreated] = []
    /// Positions of the appended batch; nil when nothing was appended.
    var positions: ClosedRange<UInt64>?
}

/// `era import`: reads an 835 whole (envelope, balancing) before deciding, then
/// posts every transaction set in one atomic batch with `RemittancePosting`.
///
/// ```swift
/// let outcome = try RemittanceImport.perform(RemittanceImportRequest(bytes: bytes, name: path), session: session)
/// ```
enum RemittanceImport {
    /// - throws: `CommandFailure` (exit 1) naming the segment for a malformed or unbalanced file,
    ///   or the payer for an 835 from a payer the practice does not have; nothing is appended.
    static func perform(_ request: RemittanceImportRequest, session: FrontDeskSession) throws -> ImportOutcome {
        let remittances = try read(request)
        do {
            let (result, outcome) = try session.append(permission: .postPayments, command: "era import") { state, ids in
                let decided = try decide(remittances, request: request, state: state, ids: ids, today: session.today)
                // A batch needs an event: a file posted before ends the append without one.
                guard !decided.events.isEmpty else { throw NothingToPost(outcome: decided.extra) }
                return decided
            }
            var done = outcome
            done.positions = result.positions
            return done
        } catch let nothing as NothingToPost {
            return nothing.outcome
        } catch let failure as RejectionFailure where failure.rejection.field == "file" {
            throw CommandFailure("<file>: \(request.name): \(failure.rejection.reason)", hint: failure.hint)
        }
    }

    /// Every 835 set in the file, balance-checked by the reader.
    static func read(_ request: RemittanceImportRequest) throws -> [Remittance835] {
        do {
            let sets = try Remittance835Reader.read(request.bytes)
            guard !sets.isEmpty else { throw X12Error(.missingSegment, "the file holds no 835 transaction set") }
            return sets
        } catch let error as X12Error {
            throw CommandFailure("<file>: \(request.name): \(error.description)",
                                 hint: "nothing was posted; ask the payer for a corrected file")
        }
    }

    static func decide(_ remittances: [Remittance835], request: RemittanceImportRequest, state: PracticeState,
                       ids: IDAllocator, today: LocalDate) throws -> (events: [NewEvent], extra: ImportOutcome) {
        let digest = ContentDigest.hex(request.bytes)
        var working = state
        var denials = IDSequence(first: DenialID(try ids.peek(DenialID.self)))
        var outcome = ImportOutcome()
        var events: [NewEvent] = []
        var claimsPaid: [ClaimID] = []
        for (n, remittance) in remittances.enumerated() {
            let setDigest = remittances.count == 1 ? digest : "\(digest)#\(n)"
            // An id is only taken for a set that posts, so a duplicate file leaves no gap.
            let id = RemittanceID(try ids.peek(RemittanceID.self))
            switch try RemittancePosting.post(remittance, id: id, fileDigest: setDigest, receivedOn: today,
                                              denialIDs: &denials, state: working) {
            case .alreadyImported(let earlier):
                outcome.alreadyImported.append((remittance.traceNumber ?? "", earlier))
            case .posted(let result):
                _ = try ids.next(RemittanceID.self)
                for e in result.events { working.apply(e) }
                claimsPaid += result.events.compactMap { ($0 as? ClaimPaymentPosted).flatMap { $0.isReversal ? nil : $0.claim } }
                events += try result.events.map { try streamed($0, state: working) }
                outcome.posted.append(summary(result))
            }
        }
        try ids.advance(DenialID.self, by: denials.used)
        if working.directory.settings.autoSecondary {
            var seen = Set<ClaimID>()
            for claim in claimsPaid where seen.insert(claim).inserted {
                guard let created = try autoSecondary(claim, today: today, state: working, ids: ids) else { continue }
                working.apply(created)
                events.append(NewEvent(stream: ClaimCommands.stream(created.claim), created))
                outcome.secondaryClaims.append(created)
            }
        }
        return (events, outcome)
    }

    /// A secondary claim for `claim` when one can be made; the id is only taken then.
    static func autoSecondary(_ claim: ClaimID, today: LocalDate, state: PracticeState, ids: IDAllocator) throws -> ClaimCreated? {
        guard (try? SecondaryClaim.create(primaryClaim: claim, id: ClaimID(0), today: today, state: state)) != nil else { return nil }
        return try SecondaryClaim.create(primaryClaim: claim, id: try ids.next(ClaimID.self), today: today, state: state)
    }

    static func summary(_ r: RemittancePostingResult) -> RemittanceSummary {
        let received = r.events.compactMap { $0 as? RemittanceReceived }.first
        let postings = r.events.compactMap { $0 as? ClaimPaymentPosted }
        let suspended = r.events.compactMap { $0 as? RemittanceClaimSuspended }
        return RemittanceSummary(
            remittance: r.remittance, payer: received?.payer ?? PayerID(0), trace: received?.traceNumber ?? "",
            totalPaid: received?.totalPaid ?? .zero, claimsPosted: Set(postings.map(\.claim)).count,
            paid: Money.sum(postings.map(\.paid)), adjustments: Money.sum(postings.map(\.writeOff)),
            patientResponsibility: Money.sum(postings.map(\.patientResponsibility)), denialsOpened: r.denialsOpened,
            suspenseItems: suspended.count, suspensePaid: Money.sum(suspended.map(\.paid)),
            providerAdjustments: Money.sum(r.events.compactMap { ($0 as? ProviderAdjustmentPosted)?.amount }), warnings: r.warnings,
            overpayments: r.events.compactMap { $0 as? ClaimOverpaymentFlagged },
            suspenseReasons: suspended.map { "\(SuspenseKey(remittance: $0.remittance, index: $0.index)): \($0.reason)" })
    }

    /// Remittance events go to the remittance's stream; postings and denial work to their claim's.
    static func streamed(_ e: any EventPayload, state: PracticeState) throws -> NewEvent {
        switch e {
        case let p as ClaimPaymentPosted: return NewEvent(stream: ClaimCommands.stream(p.claim), p)
        case let d as DenialOpened: return NewEvent(stream: ClaimCommands.stream(d.claim), d)
        case let r as RemittanceReceived: return NewEvent(stream: stream(r.remittance), r)
        case let s as RemittanceClaimSuspended: return NewEvent(stream: stream(s.remittance), s)
        case let p as ProviderAdjustmentPosted: return NewEvent(stream: stream(p.remittance), p)
        case let r as SuspenseResolved: return NewEvent(stream: stream(r.remittance), r)
        case let d as DenialResolved: return NewEvent(stream: DenialWork.stream(d.denial, state), d)
        case let o as ClaimOverpaymentFlagged: return NewEvent(stream: ClaimCommands.stream(o.claim), o)
        default: throw CommandFailure("internal: \(type(of: e).typeName) has no stream")
        }
    }

    static func stream(_ id: RemittanceID) -> String { "remittance-\(id)" }
}

/// Ends an append whose file was posted before: nothing to write, the outcome says why.
struct NothingToPost: Error {
    let outcome: ImportOutcome
}
