import BinaryCodec
import CLIKit
import EventLog
import Foundation
import RevenueCycle

/// `practica init`: create a store for a practice, with the acting user as its first admin.
enum InitCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "init", abstract: "Create a new store for a practice; you become its first admin.",
        options: [
            .value("practice", valueName: "name", help: "The practice's name.", defaultValue: "My Practice"),
            .value("timezone", valueName: "zone", help: "The practice's IANA time zone.", defaultValue: "America/Chicago"),
        ],
        examples: [Example("practica init --store /srv/clinic --practice \"Lakeside Family Medicine\" --as maria",
                           "Create a store with maria as admin.")])

    static let handlers: [String: CommandHandler] = ["init": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let name = try DomainInput.parse("--practice", command.string("practice") ?? "") { try DisplayName(try FreeText.validate($0, as: .name, kind: "practice name"), kind: "practice name") }
        let zone = try DomainInput.parse("--timezone", command.string("timezone") ?? "") { try TimeZoneID($0) }
        let admin = try DomainInput.parse("--as", context.actor) { try UserID($0) }
        let store = try EventStore.create(at: context.storePath, mapSize: context.mapSize)
        let result = try store.append(AppendMetadata(actor: admin.name, causation: "init"), expectations: ["practice": .noStream]) { _ in
            [NewEvent(stream: "practice", PracticeInitialized(practiceName: name, admin: admin, timeZone: zone)),
             NewEvent(stream: "user-\(admin.name)", UserAdded(user: admin, role: .admin))]
        }
        if context.json {
            context.printJSON(.object([("store", .string(context.storePath)), ("admin", .string(admin.name)),
                                       ("positions", .string("\(result.firstPosition)-\(result.lastPosition)"))]))
        } else {
            context.print("created store \(context.storePath) for \(name); \(admin.name) is admin")
        }
    }
}

/// Turns a domain value error into a usage error naming the option.
enum DomainInput {
    static func parse<T>(_ option: String, _ text: String, _ make: (String) throws -> T) throws -> T {
        do {
            return try make(text)
        } catch let error as ValueError {
            throw UsageError(.invalidValue, "\(option): \(error.description)", hint: "see --help for the expected form")
        }
    }
}
