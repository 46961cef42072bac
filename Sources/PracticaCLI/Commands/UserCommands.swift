import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `practica user add|list`: the staff who may act with --as, and their role.
/// Each user is a stream (`user-maria`) so who-could-do-what stays auditable.
enum UserCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "user", abstract: "Staff who may use practica, and their roles.",
        subcommands: [
            CommandSpec(name: "add", abstract: "Add a user with a role.",
                        discussion: "Roles: front-desk books and registers, biller handles charges, claims and payments, "
                            + "auditor only reads, admin sets the practice up and may do everything. Needs the admin role.",
                        arguments: [ArgumentSpec("name", help: "Login name: lower-case letters, digits, '.', '_' or '-'.")],
                        options: [
                            .value("role", valueName: "role", help: "front-desk, biller, auditor or admin.", isRequired: true),
                            .value("full-name", valueName: "name", help: "The person's name, for lists."),
                        ],
                        examples: [Example("practica user add jo --role front-desk --full-name \"Jo Park\"", "Add a front-desk user."),
                                   Example("practica user add sam --role auditor", "Add a read-only auditor.")]),
            listSpec,
        ])

    static let listSpec = CommandSpec(
        name: "list", abstract: "List users and their roles.", options: [Listing.csvFlag],
        examples: [Example("practica user list", "Show every user.")])

    static let handlers: [String: CommandHandler] = ["user add": add, "user list": list]

    static func add(_ command: ParsedCommand, _ context: CommandContext) throws {
        let user = try command.argumentValue("name", UserID.parse)
        let role = try command.value("role", Role.parse)
        let fullName = try command.optionalValue("full-name") { try DisplayName(try FreeText.validate($0, as: .name, kind: "full name"), kind: "full name") }
        let (_, added) = try context.frontDesk().append(permission: .manageUsers, command: "user add") { state, _ in
            let event = try PracticeSetup.addUser(user, role: role, fullName: fullName, directory: state.directory)
            return ([NewEvent(stream: "user-\(event.user)", event)], event)
        }
        context.report("added user \(added.user) as \(added.role)", json: added.json)
    }

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let users = try context.readingModels().read(DirectoryProjection.name) { try DirectoryView($0).users() }
        var listing = Listing(columns: [.init("user"), .init("role"), .init("full name")], emptyNote: "no users")
        for u in users {
            listing.append([u.user.name, u.role.rawValue, u.fullName?.text ?? ""], json: u.json)
        }
        listing.print(command, context)
    }
}
