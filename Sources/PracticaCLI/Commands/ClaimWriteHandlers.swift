import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle

/// `claim create`, `scrub`, `override`, `replace` and `void`: each decided on
/// the full fold inside the append, so a claim another biller just changed is
/// seen as it is now.
enum ClaimWriteHandlers {
    static func create(_ command: ParsedCommand, _ context: CommandContext) throws {
        let visit: VisitID = try SchedulingInput.argumentID(command, "visit")
        let billing: ProviderID? = try SchedulingInput.optionalID(command, "billing-provider")
        let claim = try context.frontDesk().createClaim(visit: visit, billingProvider: billing)
        context.report("created \(claim.claim) for \(visit): \(claim.lines.count) line(s), \(claim.total) to \(claim.payer); "
                       + "scrub it with 'practica claim scrub \(claim.claim)'", json: claim.json)
    }

    /// Claims `--all` picks up: new, held, and bounced back by a 999 or 277CA.
    /// Clean ones are left alone so repeated runs do not pile up identical verdicts.
    static let waitingForScrub: Set<ClaimStatus> = [.draft, .held, .acknowledgmentRejected, .rejected]

    static func scrub(_ command: ParsedCommand, _ context: CommandContext) throws {
        let all = command.flag("all")
        let one: ClaimID? = try command.argument("claim").map { text in try DomainInput.parse("<claim>", text) { try ClaimID.parse($0) } }
        guard all != (one != nil) else {
            throw UsageError(.invalidValue, "give a claim id or --all, not \(all ? "both" : "neither")", hint: "e.g. 'practica claim scrub CL1001'")
        }
        let tables = try BillingTables(storePath: context.storePath).scrubTables()
        let verdicts = try context.frontDesk().scrubClaims(one, tables: tables)
        if context.json {
            context.printJSON(.array(verdicts.map(\.json)))
            return
        }
        for v in verdicts {
            let errors = v.findings.filter { $0.severity == .error }
            context.print("\(v.claim) \(errors.isEmpty ? "clean" : "held")")
            for f in v.findings { context.print("  \(f)") }
        }
    }

    static func override(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id: ClaimID = try SchedulingInput.argumentID(command, "claim")
        let rule = try command.required("rule"), reason = try command.text("reason", .note)
        let session = try context.frontDesk()
        let e = try session.overrideFinding(id, rule: rule, reason: reason)
        // The session has folded the batch it appended (and anything before it).
        let status = session.state.claims[id]?.status
        context.report("overrode \(e.rule) on \(id); the claim is now \(status.map(\.description) ?? "unknown")", json: e.json)
    }

    static func replace(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id: ClaimID = try SchedulingInput.argumentID(command, "claim")
        let reason = try command.text("reason", .note)
        let (_, events) = try context.frontDesk().append(permission: .manageClaims, command: "claim replace") { state, ids in
            let events = try ClaimCreation.replace(id, id: try ids.next(ClaimID.self), reason: reason,
                                                   today: context.today(in: state.directory.practice?.timeZone), state: state)
            return (try streamed(events), events)
        }
        let replacement = events.compactMap { $0 as? ClaimCreated }.first
        context.report("replaced \(id) with \(replacement.map(\.claim.description) ?? "?") (frequency 7); scrub and submit it",
                       json: .array(events.map(\.json)))
    }

    static func void(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id: ClaimID = try SchedulingInput.argumentID(command, "claim")
        let reason = try command.text("reason", .note)
        let (_, events) = try context.frontDesk().append(permission: .manageClaims, command: "claim void") { state, ids in
            // Only a claim the payer has needs a frequency-8 claim, and so an id.
            let voiding = state.claims[id]?.status.isWithPayer == true ? try ids.next(ClaimID.self) : nil
            let events = try ClaimCreation.void(id, voidingID: voiding, reason: reason, today: context.today(in: state.directory.practice?.timeZone),
                                                state: state)
            return (try streamed(events), events)
        }
        if let voiding = events.compactMap({ $0 as? ClaimCreated }).first {
            context.report("voided \(id); send void claim \(voiding.claim) (frequency 8) to tell the payer", json: .array(events.map(\.json)))
        } else {
            context.report("voided \(id); the payer never had it", json: .array(events.map(\.json)))
        }
    }

    /// Each claim event on its claim's stream.
    static func streamed(_ events: [any EventPayload]) throws -> [NewEvent] {
        try events.map { e in
            guard let claim = ClaimEventSubject.claim(of: e) else { throw CommandFailure("internal: \(type(of: e).typeName) names no claim") }
            return NewEvent(stream: ClaimCommands.stream(claim), e)
        }
    }
}
