import CLIKit
import EventLog
import RevenueCycle

/// `practica visit financial-class VISIT --self-pay|--insurance --reason TEXT`: the one
/// recorded way to change whom a visit is billed to after check-in.
enum VisitCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "visit", abstract: "A checked-out visit's billing.",
        subcommands: [
            CommandSpec(name: "financial-class", abstract: "Change a visit's financial class: self-pay or insurance.",
                        discussion: "The class is decided at check-in (--self-pay wins over active coverage) and drives the "
                            + "ledger, 'claim create', the scrubber and statements alike. Changing it moves what is open on the "
                            + "visit between the patient and insurance; to insurance needs a primary coverage active on the date "
                            + "of service. Refused while a claim for the visit is live: void it first. Needs the biller or admin role.",
                        arguments: [ArgumentSpec("visit", help: "The visit, e.g. V1001.")],
                        options: [
                            .flag("self-pay", help: "Bill the patient; no claim is made."),
                            .flag("insurance", help: "Bill the primary coverage active on the date of service."),
                            .value("reason", valueName: "text", help: "Why the class changes (kept in the log).", isRequired: true),
                        ],
                        examples: [Example("practica visit financial-class V1001 --insurance --reason \"card found after the visit\"",
                                           "Bill the payer for a visit checked in self-pay."),
                                   Example("practica visit financial-class V1001 --self-pay --reason \"patient declined to use insurance\"",
                                           "Bill the patient instead.")]),
        ])

    static let handlers: [String: CommandHandler] = ["visit financial-class": financialClass]

    static func financialClass(_ command: ParsedCommand, _ context: CommandContext) throws {
        let visit: VisitID = try SchedulingInput.argumentID(command, "visit")
        let selfPay = command.flag("self-pay"), insurance = command.flag("insurance")
        guard selfPay != insurance else {
            throw UsageError(.invalidValue, "give exactly one of --self-pay or --insurance",
                             hint: "e.g. 'practica visit financial-class \(visit) --insurance --reason \"card found\"'")
        }
        let reason = try command.required("reason")
        let session = try context.frontDesk()
        let changed = try session.append(permission: .manageClaims, command: "visit financial-class") { state, _ in
            let e = try VisitFinancialClass.change(visit, toInsurance: insurance, reason: reason, today: session.today, state: state)
            return ([NewEvent(stream: ChargeCommands.stream(visit), e)], e)
        }.1
        let to = changed.coverage.map { "insurance (coverage \($0), payer \(changed.payer?.description ?? "?"))" } ?? "self-pay"
        context.report("\(visit) is now \(to)", json: changed.json)
    }
}
