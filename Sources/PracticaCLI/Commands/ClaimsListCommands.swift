import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// `practica claims list` and `practica queue show`: listings from the claims
/// read model, caught up with the log before each run.
enum ClaimsListCommands: CommandGroup {
    static var statuses: String { ClaimStatus.allCases.map(\.rawValue).joined(separator: ", ") }

    static let spec = CommandSpec(
        name: "claims", abstract: "List claims from the claims read model.",
        subcommands: [
            CommandSpec(name: "list", abstract: "Claims by status, payer and age, oldest date of service first.",
                        discussion: "Statuses: \(statuses). Age is days since the date of service.",
                        options: [
                            .value("status", valueName: "status", help: "Only claims in this status."),
                            .value("payer", valueName: "id", help: "Only claims to this payer, e.g. PA1001."),
                            .value("older-than", valueName: "days", help: "Only claims whose date of service is more than this many days ago."),
                            Listing.csvFlag,
                        ],
                        examples: [Example("practica claims list --status submitted --older-than 30", "Sent a month ago and not answered."),
                                   Example("practica claims list --payer PA1001 --csv", "One payer's claims as CSV.")]),
        ])

    static let handlers: [String: CommandHandler] = ["claims list": list]

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let status = try command.string("status").map { text -> ClaimStatus in
            guard let s = ClaimStatus(rawValue: text.lowercased()) else {
                throw UsageError(.invalidValue, "--status: expected one of \(statuses), got '\(EchoedWord.of(text))'", hint: "e.g. --status held")
            }
            return s
        }
        let payer: PayerID? = try SchedulingInput.optionalID(command, "payer")
        let olderThan = try SchedulingInput.count(command, "older-than", in: 0...36_500)
        let directory = try context.authorizedDirectory(for: .read)
        let today = context.today(in: directory.practice?.timeZone)
        let claims = try context.readModels().read(ClaimsProjection.projectionName) { table -> [ClaimSummary] in
            let model = ClaimsReadModel(table)
            if let status { return try model.claims(status: status) }
            if let payer { return try model.claims(payer: payer) }
            return try model.all()
        }.filter { c in
            (status == nil || c.status == status) && (payer == nil || c.payer == payer)
                && (olderThan.map { c.dateOfService.days(to: today) > $0 } ?? true)
        }.sorted { ($0.dateOfService, $0.claim) < ($1.dateOfService, $1.claim) }

        var listing = Listing(columns: [.init("claim"), .init("status"), .init("payer"), .init("patient"), .init("service"),
                                        .init("age", alignment: .right), .init("total", alignment: .right), .init("sent"), .init("reason")],
                              emptyNote: "no claims match")
        for c in claims {
            listing.append([c.claim.description, c.status.rawValue, c.payer.description, c.patient.description,
                            c.dateOfService.description, String(c.dateOfService.days(to: today)), c.total.description,
                            c.lastSubmittedOn?.description ?? "", ClaimText.reasons(c).first ?? ""],
                           json: ClaimText.json(c, today: today))
        }
        listing.print(command, context)
    }
}

/// `practica queue show rejections|holds|denials|suspense|overpayments`: what a biller must act on, longest waiting first.
/// Claim queues come from the claims read model, denials and suspense from the receivables one.
enum QueueCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "queue", abstract: "Work queues from the claims and receivables read models.",
        subcommands: [
            CommandSpec(name: "show", abstract: "Held or rejected claims, open denials, or claim payments in suspense.",
                        discussion: "holds: fix the findings and scrub again, or override one with a reason. rejections: fix what the "
                            + "payer says, scrub and submit again. denials: open and appealed denials with their CARC/RARC texts; "
                            + "work them with 'practica denial appeal', 'practica denial resolve' or 'practica denial write-off'. suspense: 835 claim payments no claim took; "
                            + "settle them with 'practica suspense resolve'. overpayments: claims a payer "
                            + "paid beyond their insurance balance (a duplicate payment, a second adjudication), still owed back; a "
                            + "claim leaves the queue when a reversal or recoupment brings its insurance balance back to zero.",
                        arguments: [ArgumentSpec("queue", help: "rejections, holds, denials, suspense or overpayments.")],
                        options: [Listing.csvFlag],
                        examples: [Example("practica queue show rejections", "Claims the payer or clearinghouse refused, with why."),
                                   Example("practica queue show holds --json", "Held claims and their findings as JSON."),
                                   Example("practica queue show denials", "Denials to appeal, resolve or write off."),
                                   Example("practica queue show suspense --csv", "Unmatched claim payments as CSV."),
                                   Example("practica queue show overpayments", "Claims paid beyond what was open, with why.")]),
        ])

    static let handlers: [String: CommandHandler] = ["queue show": show]

    static func show(_ command: ParsedCommand, _ context: CommandContext) throws {
        let name = try command.requiredArgument("queue")
        switch name.lowercased() {
        case "denials": return try ReceivableQueues.denials(command, context)
        case "suspense": return try ReceivableQueues.suspense(command, context)
        case "overpayments": return try ReceivableQueues.overpayments(command, context)
        default: break
        }
        guard let queue = ClaimQueue(rawValue: name.lowercased()) else {
            throw UsageError(.invalidValue, "<queue>: expected rejections, holds, denials, suspense or overpayments, got '\(EchoedWord.of(name))'",
                             hint: "e.g. 'practica queue show rejections'")
        }
        let directory = try context.authorizedDirectory(for: .read)
        let today = context.today(in: directory.practice?.timeZone)
        let claims = try context.readModels().read(ClaimsProjection.projectionName) { try ClaimsReadModel($0).queue(queue) }
            .sorted { ($0.statusDate, $0.claim) < ($1.statusDate, $1.claim) }
        var listing = Listing(columns: [.init("claim"), .init("status"), .init("since"), .init("payer"), .init("patient"),
                                        .init("total", alignment: .right), .init("reason")],
                              emptyNote: "no claims in \(queue.rawValue)")
        for c in claims {
            listing.append([c.claim.description, c.status.rawValue, c.statusDate.description, c.payer.description, c.patient.description,
                            c.total.description, ClaimText.reasons(c).joined(separator: " | ")],
                           json: ClaimText.json(c, today: today))
        }
        listing.print(command, context)
    }
}
