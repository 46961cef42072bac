import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `practica payer add|list|update`: insurers claims are sent to, with the
/// clearinghouse payer id and the timely-filing limit claims are checked against.
enum PayerCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "payer", abstract: "Insurance payers claims are sent to.",
        subcommands: [
            CommandSpec(name: "add", abstract: "Add a payer.",
                        discussion: "Needs the admin role.",
                        options: [
                            .value("name", valueName: "name", help: "The payer's name.", isRequired: true),
                            .value("payer-id", valueName: "id", help: "Electronic payer id at the clearinghouse, e.g. 60054.", isRequired: true),
                            .value("timely-filing-days", valueName: "days", help: "Days after service a claim may still be filed.",
                                   defaultValue: "90"),
                        ],
                        examples: [Example("practica payer add --name Aetna --payer-id 60054 --timely-filing-days 90",
                                           "Add Aetna with a 90-day filing limit.")]),
            listSpec, DirectoryUpdateCommands.payerSpec,
        ])

    static let listSpec = CommandSpec(
        name: "list", abstract: "List payers.", options: [Listing.csvFlag],
        examples: [Example("practica payer list", "Show every payer."), Example("practica payer list --json", "Payers as JSON.")])

    static let handlers: [String: CommandHandler] = ["payer add": add, "payer list": list,
                                                         "payer update": DirectoryUpdateCommands.payer]

    static func add(_ command: ParsedCommand, _ context: CommandContext) throws {
        let name = try command.displayName("name", kind: "payer name")
        let electronicID = try command.required("payer-id")
        guard let days = try command.int("timely-filing-days") else { throw CommandFailure("--timely-filing-days is required", exitCode: .usage) }
        let (_, added) = try context.frontDesk().append(permission: .setUpPractice, command: "payer add") { state, ids in
            let event = try PracticeSetup.addPayer(id: try ids.next(PayerID.self), name: name, electronicPayerID: electronicID,
                                                   timelyFilingDays: days, directory: state.directory)
            return ([NewEvent(stream: "payer-\(event.payer)", event)], event)
        }
        context.report("added payer \(added.payer) \(added.name) (payer id \(added.electronicPayerID), "
                       + "\(added.timelyFilingDays) days to file)", json: added.json)
    }

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let payers = try context.readingModels().read(DirectoryProjection.name) { try DirectoryView($0).payers() }
        var listing = Listing(columns: [.init("id"), .init("name"), .init("payer id"), .init("filing days", alignment: .right)],
                              emptyNote: "no payers yet; add one with 'practica payer add'")
        for p in payers {
            listing.append([p.payer.description, p.name.text, p.electronicPayerID, String(p.timelyFilingDays)], json: p.json)
        }
        listing.print(command, context)
    }
}
