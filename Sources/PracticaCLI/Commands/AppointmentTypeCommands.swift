import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `practica appointment-type add|list|update`: kinds of visit and their default length,
/// which booking uses when no --minutes is given.
enum AppointmentTypeCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "appointment-type", abstract: "Kinds of visit and how long they take.",
        subcommands: [
            CommandSpec(name: "add", abstract: "Add an appointment type.",
                        discussion: "Minutes must be between 1 and 720. Needs the admin role.",
                        options: [
                            .value("name", valueName: "name", help: "A name unique in the practice.", isRequired: true),
                            .value("minutes", valueName: "n", help: "Default length in minutes.", isRequired: true),
                        ],
                        examples: [Example("practica appointment-type add --name \"New patient\" --minutes 45",
                                           "Add a 45-minute new-patient visit.")]),
            CommandSpec(name: "list", abstract: "List appointment types.", options: [Listing.csvFlag],
                        examples: [Example("practica appointment-type list", "Show every appointment type.")]),
            DirectoryUpdateCommands.appointmentTypeSpec,
        ])

    static let handlers: [String: CommandHandler] = ["appointment-type add": add, "appointment-type list": list,
                                                         "appointment-type update": DirectoryUpdateCommands.appointmentType]

    static func add(_ command: ParsedCommand, _ context: CommandContext) throws {
        let name = try command.displayName("name", kind: "appointment type name")
        guard let minutes = try command.int("minutes") else { throw CommandFailure("--minutes is required", exitCode: .usage) }
        let (_, added) = try context.frontDesk().append(permission: .setUpPractice, command: "appointment-type add") { state, ids in
            let event = try PracticeSetup.addAppointmentType(id: try ids.next(AppointmentTypeID.self), name: name, minutes: minutes,
                                                             directory: state.directory)
            return ([NewEvent(stream: "appointment-type-\(event.appointmentType)", event)], event)
        }
        context.report("added appointment type \(added.appointmentType) \(added.name) (\(added.minutes) min)", json: added.json)
    }

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let types = try context.readingModels().read(DirectoryProjection.name) { try DirectoryView($0).appointmentTypes() }
        var listing = Listing(columns: [.init("id"), .init("name"), .init("minutes", alignment: .right)],
                              emptyNote: "no appointment types yet; add one with 'practica appointment-type add'")
        for t in types {
            listing.append([t.appointmentType.description, t.name.text, String(t.minutes)], json: t.json)
        }
        listing.print(command, context)
    }
}
