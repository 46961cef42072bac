import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `practica fee set|list`: the practice's one fee schedule (per-payer
/// schedules come later). All fees share the `fees` stream: it is one schedule.
enum FeeCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "fee", abstract: "The practice's fee schedule.",
        subcommands: [
            CommandSpec(name: "set", abstract: "Set the fee for a procedure code, with or without a modifier.",
                        discussion: "Replaces any earlier fee for the same code and modifier. Needs the admin role.",
                        options: [
                            .value("code", valueName: "code", help: "CPT or HCPCS code, e.g. 99213.", isRequired: true),
                            .value("modifier", valueName: "mod", help: "Two-character modifier, e.g. 25."),
                            .value("amount", valueName: "dollars", help: "The fee, e.g. 125.00 (at most two decimals).", isRequired: true),
                        ],
                        examples: [Example("practica fee set --code 99213 --amount 125.00", "Charge 125.00 for a 99213."),
                                   Example("practica fee set --code 99213 --modifier 25 --amount 140.00", "A separate fee with modifier 25.")]),
            listSpec,
        ])

    static let listSpec = CommandSpec(
        name: "list", abstract: "List the fee schedule.", options: [Listing.csvFlag],
        examples: [Example("practica fee list --csv", "Export the fee schedule as CSV.")])

    static let handlers: [String: CommandHandler] = ["fee set": set, "fee list": list]

    static func set(_ command: ParsedCommand, _ context: CommandContext) throws {
        let code = try command.value("code") { try ProcedureCode($0) }
        let modifier = try command.optionalValue("modifier") { try Modifier($0) }
        let amount = try command.value("amount", Money.parse)
        let (_, fee) = try context.frontDesk().append(permission: .setUpPractice, command: "fee set") { _, _ in
            let event = try PracticeSetup.setFee(code: code, modifier: modifier, amount: amount)
            return ([NewEvent(stream: "fees", event)], event)
        }
        context.report("fee for \(label(fee.code, fee.modifier)) set to \(fee.amount)", json: fee.json)
    }

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let fees = try context.readingModels().read(DirectoryProjection.name) { try DirectoryView($0).fees() }
        var listing = Listing(columns: [.init("code"), .init("modifier"), .init("amount", alignment: .right)],
                              emptyNote: "no fees yet; set one with 'practica fee set'")
        for fee in fees {
            listing.append([fee.code.code, fee.modifier?.code ?? "", fee.amount.description], json: fee.json)
        }
        listing.print(command, context)
    }

    static func label(_ code: ProcedureCode, _ modifier: Modifier?) -> String {
        modifier.map { "\(code)-\($0)" } ?? code.code
    }
}
