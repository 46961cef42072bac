import X12

/// Who the practice is to its clearinghouse: the parts of an 837P that are
/// trading-partner setup rather than events in the log.
public struct SubmissionSetup: Sendable {
    public var submitter: Submitter837
    public var receiver: Receiver837
    /// ISA05/06 and ISA07/08.
    public var senderQualifier: String
    public var senderID: String
    public var receiverQualifier: String
    public var receiverID: String
    /// The billing entity's EIN (REF*EI), 9 digits; one per practice.
    public var billingTaxID: String
    /// The billing provider's street address (not a PO box).
    public var billingAddress: X12Address
    /// SBR09, e.g. "CI" commercial; per practice until payers record their own.
    public var claimFilingIndicator: String
    public var isProduction: Bool

    public init(submitter: Submitter837, receiver: Receiver837, senderQualifier: String = "ZZ", senderID: String,
                receiverQualifier: String = "ZZ", receiverID: String, billingTaxID: String, billingAddress: X12Address,
                claimFilingIndicator: String = "CI", isProduction: Bool = true) {
        self.submitter = submitter
        self.receiver = receiver
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.receiverQualifier = receiverQualifier
        self.receiverID = receiverID
        self.billingTaxID = billingTaxID
        self.billingAddress = billingAddress
        self.claimFilingIndicator = claimFilingIndicator
        self.isProduction = isProduction
    }
}

/// What `claim submit` asks for. Control numbers are allocated by the caller
/// inside the append (like ids) and must be above every one used before.
public struct SubmissionRequest: Sendable, Equatable {
    /// nil: every clean claim.
    public var claims: [ClaimID]?
    public var fileName: String
    public var interchangeControlNumber: Int
    public var groupControlNumber: Int
    /// The first ST02; each billing provider's set takes the next one.
    public var transactionSetControlNumber: Int
    public var today: LocalDate
    public var time: LocalTime

    public init(claims: [ClaimID]? = nil, fileName: String, interchangeControlNumber: Int, groupControlNumber: Int,
                transactionSetControlNumber: Int, today: LocalDate, time: LocalTime) {
        self.claims = claims
        self.fileName = fileName
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionSetControlNumber = transactionSetControlNumber
        self.today = today
        self.time = time
    }
}

/// An 837P interchange ready to write, and the events that record it.
public struct SubmissionFile: Sendable {
    public let text: String
    public let events: [ClaimSubmitted]
    /// Claims whose own data could not be written: held (a scrub with the finding), not sent.
    public let held: [ClaimScrubbed]

    public init(text: String, events: [ClaimSubmitted], held: [ClaimScrubbed] = []) {
        self.text = text
        self.events = events
        self.held = held
    }
}

/// Sends clean claims: one interchange, one functional group, one
/// transaction set per billing provider.
public enum ClaimSubmissionDecision {
    static let maxControlNumber = 999_999_999

    /// A claim whose own data cannot be written (a delimiter in its member id, a reference
    /// the writer refuses) is held with an X12-CHARS or 837-INVALID finding and left out;
    /// the others are sent. One claim's data never fails the whole batch.
    ///
    /// - throws: `Rejection` when no claim is ready, a named claim is held or
    ///   already sent, a control number is not above the last one used, every
    ///   claim had to be held (each named with its reason), or the practice's own
    ///   setup (billing profile, billing provider) cannot be written.
    public static func submit(_ r: SubmissionRequest, setup: SubmissionSetup, state: PracticeState) throws(Rejection) -> SubmissionFile {
        let picked = try pick(r.claims, state)
        let marks = state.controlNumbers
        let lastSet = r.transactionSetControlNumber + Set(picked.map(\.created.billingProvider)).count - 1
        try check("interchange-control-number", r.interchangeControlNumber, above: marks.interchange)
        try check("group-control-number", r.groupControlNumber, above: marks.group)
        try check("transaction-set-control-number", r.transactionSetControlNumber, above: marks.transactionSet)
        try check("transaction-set-control-number", lastSet, above: marks.transactionSet)
        let name = r.fileName.trimmedForInput
        guard !name.isEmpty else { throw .usage("out", "name the file the claims are written to") }
        let builder = Claim837Builder(state: state, setup: setup)
        let date = try X12Text.date(r.today)
        let time: X12Time
        do { time = try X12Time(hour: r.time.hour, minute: r.time.minute) } catch { throw .usage("time", error.reason) }
        // The practice's own setup is every claim's: a bad value there refuses the batch, named.
        for field in X12BoundField.setupFields(state) {
            if let problem = X12Characters.problem(in: field.value, folded: field.folded) {
                throw .refused("claims", "\(field.name): \(problem)", hint: "an admin corrects it with 'practica billing-profile set'")
            }
        }
        let held = picked.compactMap { hold($0, r, state: state, setup: setup) }
        let records = picked.filter { record in !held.contains { $0.claim == record.id } }
        guard !records.isEmpty else {
            throw .refused("claims", "no claim could be written; held: "
                           + held.map { "\($0.claim) (\($0.findings.map(\.message).joined(separator: "; ")))" }.joined(separator: ", "),
                           hint: "correct the values named, then scrub and submit again")
        }

        var sets: [X12OutgoingTransactionSet] = []
        var events: [ClaimSubmitted] = []
        let byBilling = Dictionary(grouping: records, by: \.created.billingProvider)
        for (offset, provider) in byBilling.keys.sorted().enumerated() {
            let claims = byBilling[provider] ?? []
            let control = r.transactionSetControlNumber + offset
            var built: [ProfessionalClaim837] = []
            for record in claims { built.append(try builder.claim(record)) }
            let batch = Professional837Batch(submitter: setup.submitter, receiver: setup.receiver,
                                             billingProvider: try builder.billingProvider(provider),
                                             batchReference: "\(r.groupControlNumber)-\(control)", createdDate: date,
                                             createdTime: time, claims: built)
            do {
                sets.append(try Professional837Writer().transactionSet(batch, controlNumber: stControl(control)))
            } catch {
                throw .refused("claim", error.description, hint: "scrub the claims again; this should have been caught there")
            }
            events += claims.map {
                ClaimSubmitted(claim: $0.id, fileName: name, interchangeControlNumber: r.interchangeControlNumber,
                               groupControlNumber: r.groupControlNumber, transactionSetControlNumber: control, submittedOn: r.today)
            }
        }
        do {
            return SubmissionFile(text: try interchange(sets, r, setup: setup, date: date, time: time), events: events, held: held)
        } catch {
            throw .refused("claim", error.description)
        }
    }

    static func interchange(_ sets: [X12OutgoingTransactionSet], _ r: SubmissionRequest, setup: SubmissionSetup, date: X12Date,
                            time: X12Time) throws(X12Error) -> String {
        let header = X12InterchangeHeader(senderQualifier: setup.senderQualifier, senderID: setup.senderID,
                                          receiverQualifier: setup.receiverQualifier, receiverID: setup.receiverID,
                                          date: date, time: time, controlNumber: r.interchangeControlNumber,
                                          isProduction: setup.isProduction)
        let group = X12OutgoingGroup(
            header: X12GroupHeader(functionalIdentifier: "HC", applicationSender: setup.submitter.identifier,
                                   applicationReceiver: setup.receiver.identifier, date: date, time: time,
                                   controlNumber: r.groupControlNumber, version: Professional837Writer.version),
            transactionSets: sets)
        return try X12Writer().write(header: header, groups: [group])
    }

    /// The hold for a claim whose own data cannot go into the 837P, or nil: a value on file
    /// outside the X12 characters (the practice's setup is not the claim's, so it is not
    /// checked here), or the writer refusing the claim alone in a set.
    static func hold(_ record: ClaimRecord, _ r: SubmissionRequest, state: PracticeState, setup: SubmissionSetup) -> ClaimScrubbed? {
        let today = r.today
        let own = X12BoundField.fields(of: record, state: state).filter { !$0.name.hasPrefix(X12BoundField.setupPrefix) }
        let findings = ScrubRules.x12Characters(ScrubContext(today: today, patient: nil, coverage: nil, payer: nil, billingNPI: nil,
                                                             renderingNPI: nil, x12Fields: own))
        if !findings.isEmpty { return ClaimScrubbed(claim: record.id, findings: findings, scrubbedOn: today) }
        let builder = Claim837Builder(state: state, setup: setup)
        do {
            let claim = try builder.claim(record)
            let date = try X12Text.date(today)
            let time = try X12Time(hour: r.time.hour, minute: r.time.minute)
            let batch = Professional837Batch(submitter: setup.submitter, receiver: setup.receiver,
                                             billingProvider: try builder.billingProvider(record.created.billingProvider),
                                             batchReference: "\(r.groupControlNumber)", createdDate: date, createdTime: time, claims: [claim])
            // The claim alone in a whole interchange, so anything the writer refuses about it shows here, not in the batch.
            let set = try Professional837Writer().transactionSet(batch, controlNumber: stControl(r.transactionSetControlNumber))
            _ = try interchange([set], r, setup: setup, date: date, time: time)
            return nil
        } catch {
            let finding = ScrubFinding(rule: "837-INVALID", message: "the 837P cannot carry this claim: \(error); correct it, then scrub again")
            return ClaimScrubbed(claim: record.id, findings: [finding], scrubbedOn: today)
        }
    }

    /// ST02 as written: at least four digits.
    public static func stControl(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }

    static func pick(_ ids: [ClaimID]?, _ state: PracticeState) throws(Rejection) -> [ClaimRecord] {
        guard let ids else {
            let clean = state.claims.values.filter { $0.status == .clean }.sorted { $0.id < $1.id }
            guard !clean.isEmpty else { throw .refused("claims", "no claim is scrubbed clean", hint: "run `practica claim scrub --all`") }
            return clean
        }
        guard !ids.isEmpty else { throw .usage("claims", "name at least one claim") }
        var out: [ClaimRecord] = []
        for id in ids where !out.contains(where: { $0.id == id }) {
            guard let record = state.claims[id] else { throw .refused("claims", "unknown claim \(id)") }
            guard record.status == .clean else {
                throw .refused("claims", "\(id) is \(record.status)", hint: Self.notCleanHint(record))
            }
            out.append(record)
        }
        return out
    }

    /// What to do with a claim that is not ready to send, by where it stands.
    static func notCleanHint(_ record: ClaimRecord) -> String {
        switch record.status {
        case .held:
            return "fix its findings (\(record.openFindings.map(\.rule).joined(separator: ", "))) and scrub again, "
                + "or override them with `practica claim override \(record.id) --rule RULE --reason TEXT`"
        case .draft:
            return "only scrubbed-clean claims are sent; run `practica claim scrub \(record.id)` first"
        case .acknowledgmentRejected, .rejected:
            return "fix what was rejected, then `practica claim scrub \(record.id)` and submit it again"
        case .submitted, .acknowledged, .accepted:
            return "it was already sent and is with the payer; to correct it use `practica claim replace \(record.id) --reason TEXT`"
        case .paid, .partlyPaid, .denied, .closed:
            return "the payer has already answered it; work a denial with `practica queue show denials`, "
                + "or correct it with `practica claim replace \(record.id) --reason TEXT`"
        case .replaced, .voided:
            return "it is \(record.status) and is never sent again; see `practica claim show \(record.id)`"
        case .clean:
            return "see `practica claim show \(record.id)`"
        }
    }

    static func check(_ field: String, _ n: Int, above last: Int) throws(Rejection) {
        guard (1...maxControlNumber).contains(n) else { throw .usage(field, "must be 1 to \(maxControlNumber)") }
        guard n > last else { throw .refused(field, "\(n) was already used (the last was \(last)); control numbers are never reused") }
    }
}
