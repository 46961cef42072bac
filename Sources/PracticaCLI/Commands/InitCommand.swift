import BinaryCodec
import CLIKit
import EventLog
import Foundation
import RevenueCycle

/// `practica init`: create a store for a practice, with the acting user as its first admin.
enum InitCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "init", abstract: "Create a new store for a practice; you become its first admin.",
        discussion: """
            The store holds patients' data: its folders are created 0700 and its files 0600, and so are the \
            statements, 837P files, replays, backups and dashboards made from it. With --group they are 0750/0640 \
            and belong to that group; others can never read them. 'practica store verify' warns about looser permissions.
            """,
        options: [
            .value("practice", valueName: "name", help: "The practice's name.", defaultValue: "My Practice"),
            .value("timezone", valueName: "zone", help: "The practice's IANA time zone.", defaultValue: "America/Chicago"),
            .flag("synthetic", help: "A throwaway store for 'store synth' (demos, benchmarks, crash tests), never a practice's."),
            .value("group", valueName: "name", help: "A Unix group that may read the store and the files made from it (default: you alone)."),
        ],
        examples: [Example("practica init --store /srv/clinic --practice \"Lakeside Family Medicine\" --as maria",
                           "Create a store with maria as admin."),
                   Example("practica init --store /tmp/bench --synthetic", "A store for 'practica store synth'.")])

    static let handlers: [String: CommandHandler] = ["init": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let name = try DomainInput.parse("--practice", command.string("practice") ?? "") { try DisplayName(try FreeText.validate($0, as: .name, kind: "practice name"), kind: "practice name") }
        let zone = try DomainInput.parse("--timezone", command.string("timezone") ?? "") { try TimeZoneID.parseRegion($0) }
        let admin = try DomainInput.parse("--as", context.actor) { try UserID($0) }
        let permissions = try command.string("group").map(groupPermissions) ?? .ownerOnly
        let store = try EventStore.create(at: context.storePath, mapSize: context.mapSize, permissions: permissions)
        let result = try store.append(AppendMetadata(actor: admin.name, causation: "init"), expectations: ["practice": .noStream]) { _ in
            [NewEvent(stream: "practice", PracticeInitialized(practiceName: name, admin: admin, timeZone: zone,
                                                                  isSynthetic: command.flag("synthetic"))),
             NewEvent(stream: "user-\(admin.name)", UserAdded(user: admin, role: .admin))]
        }
        if context.json {
            context.printJSON(.object([("store", .string(context.storePath)), ("admin", .string(admin.name)),
                                       ("positions", .string("\(result.firstPosition)-\(result.lastPosition)"))]))
        } else {
            let kind = command.flag("synthetic") ? "synthetic store" : "store"
            context.print("created \(kind) \(context.storePath) for \(name); \(admin.name) is admin")
        }
    }
}

/// The permissions of a store shared with the Unix group `name`, which must exist.
private func groupPermissions(_ name: String) throws -> StorePermissions {
    guard !name.isEmpty, let entry = getgrnam(name) else {
        throw UsageError(.invalidValue, "--group: no group named \"\(name.prefix(40))\" on this machine",
                         hint: "see 'getent group' for the groups, or leave --group out to keep the store to yourself")
    }
    return .shared(with: entry.pointee.gr_gid)
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
