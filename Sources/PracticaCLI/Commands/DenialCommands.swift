import BinaryCodec
import CLIKit
import Foundation
import RevenueCycle

/// `practica denial appeal|resolve|write-off DENIAL --reason TEXT`: working the
/// denial queue. The work is `DenialWork.perform`; this file parses and prints.
enum DenialCommands: CommandGroup {
    static let denialArgument = ArgumentSpec("denial", help: "The denial id, e.g. DN1001 (see 'practica queue show denials').")
    static let reasonOption = OptionSpec.value("reason", valueName: "text", help: "Why; kept in the claim's history.", isRequired: true)

    static let spec = CommandSpec(
        name: "denial", abstract: "Work a denial from the queue: appeal it, resolve it, or write it off.",
        subcommands: [
            CommandSpec(name: "appeal", abstract: "Record that the denial is appealed; it stays in the queue as appealed.",
                        arguments: [denialArgument], options: [reasonOption],
                        examples: [Example("practica denial appeal DN1001 --reason \"medical records sent\"", "Appeal a denial.")]),
            CommandSpec(name: "resolve", abstract: "Close a denial that needs no more work (reprocessed, corrected claim sent).",
                        arguments: [denialArgument], options: [reasonOption],
                        examples: [Example("practica denial resolve DN1001 --reason \"payer reprocessed\"", "Close a denial.")]),
            CommandSpec(name: "write-off", abstract: "Write the whole denied amount off; it leaves the insurance balance as an adjustment.",
                        discussion: "--amount, when given, must equal the denied amount: it guards against writing off more than meant.",
                        arguments: [denialArgument],
                        options: [reasonOption, .value("amount", valueName: "amount", help: "The denied amount, as a check, e.g. 35.50.")],
                        examples: [Example("practica denial write-off DN1001 --reason \"not covered, no ABN\"", "Write a denial off."),
                                   Example("practica denial write-off DN1001 --reason \"timely filing\" --amount 35.50", "With a check on the amount.")]),
        ])

    static let handlers: [String: CommandHandler] = [
        "denial appeal": { try work($0, $1, .appeal) }, "denial resolve": { try work($0, $1, .resolve) },
        "denial write-off": { try work($0, $1, .writeOff) },
    ]

    static func work(_ command: ParsedCommand, _ context: CommandContext, _ action: DenialAction) throws {
        let denial: DenialID = try SchedulingInput.argumentID(command, "denial")
        let reason = try command.text("reason", .note)
        let amount = try ReceivableInput.optionalAmount(command, "amount")
        let done = try DenialWork.perform(DenialWorkRequest(denial: denial, action: action, reason: reason, amount: amount),
                                          session: try context.frontDesk())
        let verb = action == .appeal ? "appealed" : action == .resolve ? "resolved" : "wrote off \(done.amount) of"
        context.report("\(verb) \(denial) on \(done.claim)", json: done.event.json)
    }
}

/// `practica suspense resolve ITEM [--claim CL…] [--note TEXT]`: settle a claim
/// payment no claim took. The work is `SuspenseWork.perform`.
enum SuspenseCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "suspense", abstract: "Settle claim payments that no claim took.",
        subcommands: [
            CommandSpec(name: "resolve", abstract: "Post a suspended payment to the claim it belongs to, or settle it with a note.",
                        discussion: "ITEM is REMITTANCE#INDEX as 'practica queue show suspense' lists it. With --claim the payment "
                            + "is posted to that claim in the same batch (lines matched by code and amount, denials opened); "
                            + "without it a --note says what happened (e.g. returned to the payer).",
                        arguments: [ArgumentSpec("item", help: "The suspense item, e.g. RM1001#0.")],
                        options: [.value("claim", valueName: "id", help: "Post the payment to this claim, e.g. CL1001."),
                                  .value("note", valueName: "text", help: "Why; required without --claim.")],
                        examples: [Example("practica suspense resolve 'RM1001#0' --claim CL1001", "Post it to the right claim."),
                                   Example("practica suspense resolve 'RM1001#1' --note \"refund requested from payer\"", "Settle without posting.")]),
        ])

    static let handlers: [String: CommandHandler] = ["suspense resolve": resolve]

    static func resolve(_ command: ParsedCommand, _ context: CommandContext) throws {
        let item = try command.argumentValue("item", SuspenseWork.parseItem)
        let claim: ClaimID? = try SchedulingInput.optionalID(command, "claim")
        let note = try command.optionalText("note", .note)
        guard claim != nil || !(note ?? "").trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError(.missingValue, "give --claim to post the payment, or --note to say how it was settled",
                             hint: "e.g. 'practica suspense resolve RM1001#0 --claim CL1001'")
        }
        let done = try SuspenseWork.perform(SuspenseResolveRequest(item: item, claim: claim, note: note), session: try context.frontDesk())
        var line = "resolved \(item)"
        if let p = done.posting { line += ": posted \(p.paid) to \(p.claim)" }
        if !done.denialsOpened.isEmpty { line += "; opened " + done.denialsOpened.map(\.denial.description).joined(separator: ", ") }
        if let o = done.overpayment { line += "\noverpayment flagged: \(o.reason) (see `practica queue show overpayments`)" }
        context.report(line, json: .array([done.resolved.json] + (done.posting.map { [$0.json] } ?? []) + done.denialsOpened.map(\.json)
                                          + (done.overpayment.map { [$0.json] } ?? [])))
    }
}
