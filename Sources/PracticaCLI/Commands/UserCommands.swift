import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `practica user add|disable|enable|role|list`: the staff who may act with --as,
/// and their role. Each user is a stream (`user-maria`) so who-could-do-what stays
/// auditable; a disabled user keeps their name on past events but can no longer act.
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
            CommandSpec(name: "disable", abstract: "Stop a user from acting (leave, departure); their past events keep their name.",
                        discussion: "Every command run with --as NAME is refused until 'practica user enable NAME'. "
                            + "The last admin who can act cannot be disabled.",
                        arguments: [nameArgument],
                        options: [.value("reason", valueName: "text", help: "Why, kept in the log (e.g. \"left the practice\").")],
                        examples: [Example("practica user disable jo --reason \"left the practice\"", "Jo can no longer act.")]),
            CommandSpec(name: "enable", abstract: "Let a disabled user act again.",
                        arguments: [nameArgument],
                        examples: [Example("practica user enable jo", "Jo is back from leave.")]),
            CommandSpec(name: "role", abstract: "Change a user's role.",
                        discussion: "The last admin who can act keeps the admin role: make someone else admin first.",
                        arguments: [nameArgument],
                        options: [.value("role", valueName: "role", help: "front-desk, biller, auditor or admin.", isRequired: true)],
                        examples: [Example("practica user role jo --role biller", "Jo moves from the front desk to billing.")]),
            listSpec,
        ] + UserAccessCommands.specs)

    static let nameArgument = ArgumentSpec("name", help: "The user's login name, e.g. jo.")

    static let listSpec = CommandSpec(
        name: "list", abstract: "List users, their roles and whether they may act.", options: [Listing.csvFlag],
        examples: [Example("practica user list", "Show every user.")])

    static let handlers: [String: CommandHandler] = [
        "user add": add, "user list": list, "user disable": disable, "user enable": enable, "user role": changeRole,
    ]
        .merging(UserAccessCommands.handlers) { first, _ in first }

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

    static func disable(_ command: ParsedCommand, _ context: CommandContext) throws {
        let user = try command.argumentValue("name", UserID.parse)
        let reason = try command.optionalValue("reason") { try DisplayName($0, kind: "reason").text }
        let (_, disabled) = try context.frontDesk().append(permission: .manageUsers, command: "user disable") { state, _ in
            let actor = try UserID(context.actor)
            let event = try PracticeSetup.disableUser(user, reason: reason, by: actor, directory: state.directory)
            return ([NewEvent(stream: "user-\(event.user)", event)], event)
        }
        context.report("disabled user \(disabled.user); their past events keep their name", json: disabled.json)
    }

    static func enable(_ command: ParsedCommand, _ context: CommandContext) throws {
        let user = try command.argumentValue("name", UserID.parse)
        let (_, enabled) = try context.frontDesk().append(permission: .manageUsers, command: "user enable") { state, _ in
            let event = try PracticeSetup.enableUser(user, directory: state.directory)
            return ([NewEvent(stream: "user-\(event.user)", event)], event)
        }
        context.report("enabled user \(enabled.user)", json: enabled.json)
    }

    static func changeRole(_ command: ParsedCommand, _ context: CommandContext) throws {
        let user = try command.argumentValue("name", UserID.parse)
        let role = try command.value("role", Role.parse)
        let (_, changed) = try context.frontDesk().append(permission: .manageUsers, command: "user role") { state, _ in
            let event = try PracticeSetup.changeRole(user, to: role, directory: state.directory)
            return ([NewEvent(stream: "user-\(event.user)", event)], event)
        }
        context.report("\(changed.user) is now \(changed.role)", json: changed.json)
    }

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let users = try context.readingModels().read(DirectoryProjection.name) { table in
            let view = DirectoryView(table)
            return try view.users().map { ($0, try view.isDisabled($0.user)) }
        }
        var listing = Listing(columns: [.init("user"), .init("role"), .init("status"), .init("full name")], emptyNote: "no users")
        for (u, disabled) in users {
            let status = disabled ? "disabled" : "active"
            listing.append([u.user.name, u.role.rawValue, status, u.fullName?.text ?? ""],
                           json: .object([("user", .string(u.user.name)), ("role", .string(u.role.rawValue)), ("status", .string(status)),
                                          ("fullName", u.fullName.map { .string($0.text) } ?? .null)]))
        }
        listing.print(command, context)
    }
}
