import CLIKit
import EventLog
import RevenueCycle

/// `practica billing-profile set|show`: the practice's tax id, billing address
/// and clearinghouse ids, which every 837P envelope and 2010AA loop carries.
/// Kept as `BillingProfileSet` events on the `billing-profile` stream, so the
/// profile a file was sent under is in the log.
enum BillingProfileCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "billing-profile", abstract: "The practice's EIN, billing address and clearinghouse ids for 837P files.",
        subcommands: [
            CommandSpec(name: "set", abstract: "Set the billing profile; replaces the whole previous one.",
                        discussion: "Needs the admin role. Ids go into ISA06/ISA08 and GS02/GS03, so they are 1-15 letters and digits, "
                            + "exactly as the clearinghouse assigned them. The address must be a street address (not a PO box).",
                        options: [
                            .value("ein", valueName: "ein", help: "Employer identification number, 9 digits (12-3456789).", isRequired: true),
                            .value("address", valueName: "text", help: "Billing street address: \"street, city, ST ZIP\".", isRequired: true),
                            .value("submitter-id", valueName: "id", help: "The practice's id at the clearinghouse (ISA06).", isRequired: true),
                            .value("submitter-name", valueName: "name", help: "Submitter name (1000A).", isRequired: true),
                            .value("receiver-id", valueName: "id", help: "The clearinghouse's id (ISA08).", isRequired: true),
                            .value("receiver-name", valueName: "name", help: "Receiver name (1000B).", isRequired: true),
                            .value("phone", valueName: "phone", help: "Billing contact's phone, 10 digits (1000A PER).", isRequired: true),
                            .value("contact", valueName: "name", help: "Billing contact's name (1000A PER).", defaultValue: "BILLING OFFICE"),
                            .value("filing-indicator", valueName: "code", help: "SBR09 claim filing indicator: CI, MB, MC, BL…",
                                   defaultValue: "CI"),
                            .flag("test", help: "Mark interchanges as test data (ISA15 T) instead of production."),
                        ],
                        examples: [Example("practica billing-profile set --ein 37-1234567 --address \"1 Main St, Chicago, IL 60601\" "
                                           + "--submitter-id LAKE0001 --submitter-name \"Lakeside Family Medicine\" "
                                           + "--receiver-id ACMECH --receiver-name \"Acme Clearinghouse\" --phone 312-555-0100",
                                           "Set up claims for a commercial clearinghouse.")]),
            CommandSpec(name: "show", abstract: "Show the billing profile in force.",
                        examples: [Example("practica billing-profile show --json", "The profile as JSON.")]),
        ])

    static let handlers: [String: CommandHandler] = ["billing-profile set": set, "billing-profile show": show]

    static func set(_ command: ParsedCommand, _ context: CommandContext) throws {
        let request = BillingProfileRequest(
            ein: try command.required("ein"), address: try command.text("address", .address),
            submitterID: try command.required("submitter-id"), submitterName: try command.text("submitter-name", .name),
            contactName: try command.text("contact", .name), contactPhone: try command.required("phone"),
            receiverID: try command.required("receiver-id"), receiverName: try command.text("receiver-name", .name),
            claimFilingIndicator: try command.required("filing-indicator"), isProduction: !command.flag("test"))
        // Checked before the store is opened: a bad profile is a usage error (exit 2).
        let profile = try FrontDeskSession.mapRejection { try BillingProfileDecision.set(request) }
        try context.frontDesk().append(permission: .setUpPractice, command: "billing-profile set") { _, _ in
            [NewEvent(stream: "billing-profile", profile)]
        }
        context.report("billing profile set: EIN \(profile.ein), submitter \(profile.submitterID) → receiver \(profile.receiverID)"
                       + (profile.isProduction ? "" : " (test)"), json: profile.json)
    }

    static func show(_ command: ParsedCommand, _ context: CommandContext) throws {
        guard let p = try context.readingSession().state.directory.billingProfile else {
            throw CommandFailure("no billing profile yet", hint: "set one with 'practica billing-profile set'")
        }
        if context.json {
            context.printJSON(p.json)
            return
        }
        var table = TextTable(columns: [.init("field"), .init("value")])
        for (field, value) in [("ein", p.ein), ("address", p.address), ("submitter", "\(p.submitterID) \(p.submitterName)"),
                               ("contact", "\(p.contactName) \(p.contactPhone)"), ("receiver", "\(p.receiverID) \(p.receiverName)"),
                               ("filing indicator", p.claimFilingIndicator), ("usage", p.isProduction ? "production" : "test")] {
            table.append([field, value])
        }
        context.output.write(table.render())
    }
}
