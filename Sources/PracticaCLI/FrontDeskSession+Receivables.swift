import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle
import X12

/// Money after claims go out, one call per command of issue 6 (`era import`,
/// `claim create-secondary`, `payment post`, `statement run`, `denial appeal|write-off`),
/// shared by their CLI handlers and `practica demo`.
///
/// Streams: a remittance and what could not be matched go to `remittance-RM…`;
/// each claim's posting and its denials' life to the claim's stream (so `claim
/// show` reads them back); patient money and statements to `account-PT…`.
extension FrontDeskSession {
    /// `era import`: reads the 835 whole (the reader refuses an unbalanced file), then
    /// posts every transaction set in one batch, or nothing when it was imported before.
    /// - throws: `CommandFailure` naming the segment for a malformed or unbalanced file.
    func importRemittance(_ bytes: [UInt8]) throws -> [RemittancePostingOutcome] {
        let remittances: [Remittance835]
        do {
            remittances = try Remittance835Reader.read(bytes)
        } catch {
            throw CommandFailure("the 835 was not imported: \(error.description)", hint: "nothing was posted; ask the payer for a corrected file")
        }
        let digest = ContentDigest.hex(bytes)
        return try append(permission: .postPayments, command: "era import") { state, ids in
            var events: [NewEvent] = []
            var outcomes: [RemittancePostingOutcome] = []
            var seen = state
            for (n, remittance) in remittances.enumerated() {
                let id = try ids.next(RemittanceID.self)
                let fileDigest = remittances.count == 1 ? digest : "\(digest)#\(n + 1)"
                let outcome = try Self.post(remittance, id: id, digest: fileDigest, today: self.today, ids: ids, state: seen)
                outcomes.append(outcome)
                guard case .posted(let result) = outcome else { continue }
                let streamed = result.events.map { NewEvent(stream: Self.stream(of: $0, remittance: id), $0) }
                events += streamed
                // A second set in the same file must see the first one's postings.
                if remittances.count > 1 { for e in result.events { seen.apply(e) } }
            }
            return (events, outcomes)
        }.1
    }

    /// Posts one remittance, allocating exactly as many denial ids as it opens:
    /// the posting is a pure function, so it is run once to count them and once with real ids.
    private static func post(_ remittance: Remittance835, id: RemittanceID, digest: String, today: LocalDate,
                             ids: IDAllocator, state: PracticeState) throws -> RemittancePostingOutcome {
        var probe = IDSequence(first: DenialID(0))
        let dry = try RemittancePosting.post(remittance, id: id, fileDigest: digest, receivedOn: today, denialIDs: &probe, state: state)
        guard probe.used > 0 else { return dry }
        let first = try ids.next(DenialID.self)
        for _ in 1..<probe.used { _ = try ids.next(DenialID.self) }
        var denials = IDSequence(first: first)
        return try RemittancePosting.post(remittance, id: id, fileDigest: digest, receivedOn: today, denialIDs: &denials, state: state)
    }

    /// The stream a receivables event belongs to.
    static func stream(of event: any EventPayload, remittance: RemittanceID) -> String {
        switch event {
        case let e as ClaimPaymentPosted: return ClaimCommands.stream(e.claim)
        case let e as DenialOpened: return ClaimCommands.stream(e.claim)
        default: return "remittance-\(remittance)"
        }
    }

    /// `payment post`: to the named visit, else the oldest open balances.
    func postPayment(_ request: PatientPaymentRequest) throws -> PatientPaymentPosted {
        try append(permission: .postPayments, command: "payment post") { state, ids in
            let e = try PatientPayments.post(request, id: try ids.next(PaymentID.self), state: state)
            return ([NewEvent(stream: "account-\(e.patient)", e)], e)
        }.1
    }

    /// `statement run`: one statement for each patient owing at least `minBalance` as of
    /// `asOf`, in patient order, in one batch. Patients below the minimum are skipped.
    func runStatements(asOf: LocalDate, minBalance: Money) throws -> [PatientStatement] {
        try append(permission: .postPayments, command: "statement run") { state, ids in
            let owing = state.receivables.ledger.patients.filter { $0.value.patientBalance >= minBalance }.map(\.key).sorted()
            var statements: [PatientStatement] = []
            for patient in owing {
                guard let statement = try? Statements.issue(patient: patient, asOf: asOf, id: StatementID(0), minBalance: minBalance,
                                                            state: state) else { continue }
                statements.append(statement.numbered(try ids.next(StatementID.self)))
            }
            guard !statements.isEmpty else {
                throw Rejection.refused("min-balance", "no patient owes \(minBalance) or more as of \(asOf)")
            }
            return (statements.map { NewEvent(stream: "account-\($0.issued.patient)", $0.issued) }, statements)
        }.1
    }

    /// `denial appeal`.
    func appealDenial(_ id: DenialID, note: String) throws -> DenialAppealed {
        try append(permission: .postPayments, command: "denial appeal") { state, _ in
            let e = try ReceivableWork.appeal(id, note: note, on: self.today, state: state)
            return ([NewEvent(stream: Self.denialStream(id, state), e)], e)
        }.1
    }

    /// `denial write-off`: the denied amount leaves insurance A/R as an adjustment.
    func writeOffDenial(_ id: DenialID, reason: String) throws -> DenialWrittenOff {
        try append(permission: .postPayments, command: "denial write-off") { state, _ in
            let e = try ReceivableWork.writeOff(id, reason: reason, on: self.today, state: state)
            return ([NewEvent(stream: Self.denialStream(id, state), e)], e)
        }.1
    }

    /// A denial's work goes to its claim's stream, beside the posting that opened it.
    static func denialStream(_ id: DenialID, _ state: PracticeState) -> String {
        state.receivables.denials[id].map { ClaimCommands.stream($0.opened.claim) } ?? "denial-\(id)"
    }
}
