import BinaryCodec
import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `practica location add|list|update`: where patients are seen. A location's time
/// zone governs how appointment times there are typed and shown.
enum LocationCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "location", abstract: "Locations where patients are seen, with their time zone and rooms.",
        subcommands: [
            CommandSpec(name: "add", abstract: "Add a location.",
                        discussion: "The time zone defaults to the practice's. Needs the admin role.",
                        options: [
                            .value("name", valueName: "name", help: "A name unique in the practice.", isRequired: true),
                            .value("address", valueName: "text", help: "Street address, one line.", isRequired: true),
                            .value("pos", valueName: "code", help: "CMS place-of-service code (11 = office).", defaultValue: "11"),
                            .value("timezone", valueName: "zone", help: "IANA time zone, e.g. America/Chicago."),
                        ],
                        examples: [Example("practica location add --name Lakeside --address \"12 Shore Rd, Chicago IL 60601\" --pos 11 --timezone America/Chicago",
                                           "Add an office location in Chicago.")]),
            listSpec, DirectoryUpdateCommands.locationSpec,
        ])

    static let listSpec = CommandSpec(
        name: "list", abstract: "List locations and their rooms.", options: [Listing.csvFlag],
        examples: [Example("practica location list", "Show every location with its rooms.")])

    static let handlers: [String: CommandHandler] = ["location add": add, "location list": list,
                                                         "location update": DirectoryUpdateCommands.location]

    static func add(_ command: ParsedCommand, _ context: CommandContext) throws {
        let name = try command.displayName("name", kind: "location name")
        let address = try command.text("address", .address)
        let pos = try command.value("pos") { try PlaceOfService($0) }
        let zone = try command.optionalValue("timezone", TimeZoneID.parseRegion)
        let (_, added) = try context.frontDesk().append(permission: .setUpPractice, command: "location add") { state, ids in
            guard let timeZone = zone ?? state.directory.practice?.timeZone else {
                throw Rejection.usage("timezone", "the practice has no default time zone", hint: "pass --timezone America/Chicago")
            }
            let event = try PracticeSetup.addLocation(id: try ids.next(LocationID.self), name: name, address: address,
                                                      placeOfService: pos, timeZone: timeZone, directory: state.directory)
            return ([NewEvent(stream: "location-\(event.location)", event)], event)
        }
        context.report("added location \(added.location) \(added.name) (\(added.timeZone))", json: added.json)
    }

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let locations = try context.readingModels().read(DirectoryProjection.name) { table in
            let view = DirectoryView(table)
            return try view.locations().map { ($0, try view.rooms(at: $0.location)) }
        }
        var listing = Listing(columns: [.init("id"), .init("name"), .init("pos"), .init("time zone"), .init("rooms"), .init("address")],
                              emptyNote: "no locations yet; add one with 'practica location add'")
        for (l, rooms) in locations {
            let roomText = rooms.map { "\($0.room) \($0.name)" }.joined(separator: ", ")
            var json = l.json
            if case .object(var pairs) = json {
                pairs.append(("rooms", .array(rooms.map(\.json))))
                json = .object(pairs)
            }
            listing.append([l.location.description, l.name.text, l.placeOfService.code, l.timeZone.identifier, roomText, l.address],
                           json: json)
        }
        listing.print(command, context)
    }
}
