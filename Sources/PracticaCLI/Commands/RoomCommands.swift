import CLIKit
import EventLog
import RevenueCycle

/// `practica room add|list|remove`: exam rooms at a location, which scheduling never
/// double-books. Rooms are listed under their location (`location list`).
enum RoomCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "room", abstract: "Exam rooms at a location.",
        subcommands: [
            CommandSpec(name: "add", abstract: "Add a room to a location.",
                        discussion: "Room names are unique within a location. Needs the admin role. See rooms with 'practica location list'.",
                        options: [
                            .value("location", valueName: "id", help: "The location id, e.g. LO1001.", isRequired: true),
                            .value("name", valueName: "name", help: "The room's name.", isRequired: true),
                        ],
                        examples: [Example("practica room add --location LO1001 --name \"Exam 1\"", "Add a room at LO1001.")]),
            ScheduleCorrectionCommands.roomListSpec, ScheduleCorrectionCommands.roomRemoveSpec,
        ])

    static let handlers: [String: CommandHandler] = ["room add": add, "room list": ScheduleCorrectionCommands.listRooms,
                                                     "room remove": ScheduleCorrectionCommands.removeRoom]

    static func add(_ command: ParsedCommand, _ context: CommandContext) throws {
        let location = try command.value("location", LocationID.parse)
        let name = try command.displayName("name", kind: "room name")
        let (_, added) = try context.frontDesk().append(permission: .setUpPractice, command: "room add") { state, ids in
            let event = try PracticeSetup.addRoom(id: try ids.next(RoomID.self), location: location, name: name, directory: state.directory)
            return ([NewEvent(stream: "room-\(event.room)", event)], event)
        }
        context.report("added room \(added.room) \(added.name) at \(added.location)", json: added.json)
    }
}
