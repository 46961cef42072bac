import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `practica provider add|list|update`: the clinicians who render and bill services.
/// Each provider is its own stream (`provider-PR1001`) so its history reads alone.
enum ProviderCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "provider", abstract: "Providers who render and bill services.",
        subcommands: [
            CommandSpec(name: "add", abstract: "Add a provider with a checked NPI and a taxonomy code.",
                        discussion: "Without --billing or --rendering the provider is both. Needs the admin role.",
                        options: [
                            .value("name", valueName: "name", help: "Name as it appears on claims.", isRequired: true),
                            .value("npi", valueName: "npi", help: "10-digit NPI; the check digit is verified.", isRequired: true),
                            .value("taxonomy", valueName: "code", help: "NUCC taxonomy code, e.g. 207Q00000X.", isRequired: true),
                            .flag("billing", help: "Bills services (837P billing provider)."),
                            .flag("rendering", help: "Renders services (837P rendering provider)."),
                        ],
                        examples: [
                            Example("practica provider add --name \"Ana Ruiz MD\" --npi 1234567893 --taxonomy 207Q00000X",
                                    "Add a provider who renders and bills."),
                            Example("practica provider add --name \"Lakeside Group\" --npi 1234567893 --taxonomy 261QP2300X --billing",
                                    "Add a billing-only provider (a group)."),
                        ]),
            listSpec, DirectoryUpdateCommands.providerSpec,
        ])

    static let listSpec = CommandSpec(
        name: "list", abstract: "List providers.", options: [Listing.csvFlag],
        examples: [Example("practica provider list", "Show every provider."),
                   Example("practica provider list --csv", "Export providers as CSV.")])

    static let handlers: [String: CommandHandler] = ["provider add": add, "provider list": list,
                                                         "provider update": DirectoryUpdateCommands.provider]

    static func add(_ command: ParsedCommand, _ context: CommandContext) throws {
        let name = try command.displayName("name", kind: "provider name")
        let npi = try command.value("npi", NPI.parse)
        let taxonomy = try command.value("taxonomy") { try TaxonomyCode($0) }
        let billing = command.flag("billing"), rendering = command.flag("rendering")
        let bothByDefault = !billing && !rendering
        let (_, added) = try context.frontDesk().append(permission: .setUpPractice, command: "provider add") { state, ids in
            let event = try PracticeSetup.addProvider(id: try ids.next(ProviderID.self), name: name, npi: npi, taxonomy: taxonomy,
                                                      isBilling: billing || bothByDefault, isRendering: rendering || bothByDefault,
                                                      directory: state.directory)
            return ([NewEvent(stream: "provider-\(event.provider)", event)], event)
        }
        context.report("added provider \(added.provider) \(added.name) (NPI \(added.npi), \(roles(added)))", json: added.json)
    }

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let providers = try context.readingModels().read(DirectoryProjection.name) { try DirectoryView($0).providers() }
        var listing = Listing(columns: [.init("id"), .init("name"), .init("npi"), .init("taxonomy"), .init("roles")],
                              emptyNote: "no providers yet; add one with 'practica provider add'")
        for p in providers {
            listing.append([p.provider.description, p.name.text, p.npi.digits, p.taxonomy.code, roles(p)], json: p.json)
        }
        listing.print(command, context)
    }

    static func roles(_ p: ProviderAdded) -> String {
        [p.isBilling ? "billing" : nil, p.isRendering ? "rendering" : nil].compactMap { $0 }.joined(separator: "+")
    }
}
