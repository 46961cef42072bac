import BinaryCodec
import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `claim show ID`: the claim (lines, findings, overrides, submissions, the
/// payer's answers) and its full history, with who did what and when, both from
/// the claim's own stream in the log.
enum ClaimShowHandler {
    static func show(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id: ClaimID = try SchedulingInput.argumentID(command, "claim")
        let models = try context.readingModels()
        guard try models.read(ClaimsProjection.projectionName, { try ClaimsReadModel($0).claim(id) }) != nil else {
            throw CommandFailure("<claim>: unknown claim \(id)", hint: "see 'practica claims list'")
        }
        let history = try context.store().readStream(ClaimCommands.stream(id))
        // A log written by something other than these commands (`store synth`) may keep
        // a claim's events on other streams: only then is the whole log folded.
        guard let record = try record(id, from: history) ?? context.readingSession().state.claims[id] else {
            throw CommandFailure("<claim>: unknown claim \(id)", hint: "see 'practica claims list'")
        }
        if context.json {
            context.printJSON(json(record, history: history))
            return
        }
        let c = record.created
        context.print("\(id)  \(record.status)  \(c.total)  frequency \(c.frequency.code)"
                      + (c.originalClaim.map { " (supersedes \($0))" } ?? "") + (record.supersededBy.map { "  superseded by \($0)" } ?? ""))
        context.print("visit \(c.visit)  patient \(c.patient)  payer \(c.payer)  coverage \(c.coverage)  date of service \(c.dateOfService)")
        context.print("billing \(c.billingProvider)  rendering \(c.renderingProvider)  place of service \(c.placeOfService)"
                      + (record.payerClaimNumber.map { "  payer claim number \($0)" } ?? ""))
        context.print("diagnoses " + c.diagnoses.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", "))
        var lines = TextTable(columns: [.init("#", alignment: .right), .init("charge"), .init("code"), .init("units", alignment: .right),
                                        .init("pointers"), .init("amount", alignment: .right)])
        for (i, l) in c.lines.enumerated() {
            let code = ([l.procedure.code] + l.modifiers.map(\.code)).joined(separator: "-")
            lines.append([String(i + 1), l.charge.description, code, String(l.units), l.pointers.map(String.init).joined(separator: ","),
                          l.amount.description])
        }
        context.output.write(lines.render())
        for f in record.findings {
            context.print("finding  \(f)" + (record.overrides[f.rule].map { "  [overridden: \($0)]" } ?? ""))
        }
        for reason in record.rejectionReasons { context.print("rejected  \(reason)") }
        context.print("history:")
        for e in history {
            context.print("  \(EventRendering.timestamp(e.recordedAtMillis))  \(e.actor)  \(e.typeName)  \(EventRendering.payload(e).rendered)")
        }
    }

    /// The claim folded from its stream alone. Every event that changes a claim
    /// record — its creation, scrubs, submissions, acknowledgements, payments and
    /// the denials they open, appeal, resolve or write off, replacement and void —
    /// is appended to the claim's stream, so this equals the claim in a fold of the
    /// whole log (a demo-store test checks every claim) at the cost of one stream.
    static func record(_ id: ClaimID, from history: [RecordedEvent]) throws -> ClaimRecord? {
        var state = PracticeState()
        // Like the whole-log fold, events of types this build does not fold are skipped.
        for event in history where FrontDeskSession.stateTypes.contains(event.typeName) {
            state.apply(try StoredEvent.decode(event))
        }
        return state.claims[id]
    }

    static func json(_ r: ClaimRecord, history: [RecordedEvent]) -> JSONValue {
        .object([
            ("claim", .string(r.id.description)), ("status", .string(r.status.rawValue)), ("created", r.created.json),
            ("findings", .array(r.findings.map(ClaimText.findingJSON))),
            ("openFindings", .array(r.openFindings.map { .string($0.rule) })),
            ("overrides", .array(r.overrides.keys.sorted().map { rule in
                .object([("rule", .string(rule)), ("reason", .string(r.overrides[rule] ?? ""))])
            })),
            ("submissions", .array(r.submissions.map { s in
                .object([("file", .string(s.fileName)), ("interchangeControlNumber", .int(Int64(s.interchangeControlNumber))),
                         ("groupControlNumber", .int(Int64(s.groupControlNumber))),
                         ("transactionSetControlNumber", .int(Int64(s.transactionSetControlNumber))),
                         ("submittedOn", .string(s.submittedOn.description))])
            })),
            ("rejectionReasons", .array(r.rejectionReasons.map(JSONValue.string))),
            ("payerClaimNumber", r.payerClaimNumber.map(JSONValue.string) ?? .null),
            ("supersededBy", r.supersededBy.map { .string($0.description) } ?? .null),
            ("history", .array(history.map(EventRendering.json))),
        ])
    }
}
