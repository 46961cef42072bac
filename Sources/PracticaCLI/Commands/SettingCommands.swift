import BinaryCodec
import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `practica setting set|list`: practice-wide knobs such as how late a patient
/// cancellation counts as late. Values are checked per key before anything is written.
enum SettingCommands: CommandGroup {
    static var keysHelp: String { PracticeSettingKey.allCases.map(\.rawValue).joined(separator: ", ") }

    static let spec = CommandSpec(
        name: "setting", abstract: "Practice-wide settings.",
        subcommands: [
            CommandSpec(name: "set", abstract: "Change a practice setting.",
                        discussion: "Known settings: \(keysHelp). Needs the admin role.",
                        arguments: [ArgumentSpec("key", help: "The setting, e.g. late-cancel-hours."),
                                    ArgumentSpec("value", help: "Its new value.")],
                        examples: [Example("practica setting set late-cancel-hours 24",
                                           "Flag patient cancellations within 24 hours of the visit as late.")]),
            CommandSpec(name: "list", abstract: "Show every setting and its current value.", options: [Listing.csvFlag],
                        examples: [Example("practica setting list", "Show the practice's settings.")]),
        ])

    static let handlers: [String: CommandHandler] = ["setting set": set, "setting list": list]

    static func set(_ command: ParsedCommand, _ context: CommandContext) throws {
        let key = try command.argumentValue("key", PracticeSettingKey.parse)
        let value = try command.argumentValue("value") { try key.validate($0) }
        let (_, changed) = try context.frontDesk().append(permission: .setUpPractice, command: "setting set") { _, _ in
            let event = try PracticeSetup.changeSetting(key, value: value)
            return ([NewEvent(stream: "settings", event)], event)
        }
        context.report("\(changed.key) is now \(changed.value)", json: changed.json)
    }

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let settings = try context.readingModels().read(DirectoryProjection.name) { try DirectoryView($0).settings() }
        var listing = Listing(columns: [.init("setting"), .init("value", alignment: .right)], emptyNote: "no settings")
        for key in PracticeSettingKey.allCases {
            let value = settings.value(of: key)
            // Numbers stay JSON numbers, as before; on/off is text.
            let json: JSONValue = Int64(value).map { .int($0) } ?? .string(value)
            listing.append([key.rawValue, value], json: .object([("key", .string(key.rawValue)), ("value", json)]))
        }
        listing.print(command, context)
    }
}
