import BinaryCodec
import CLIKit
import EventLog
import Projections
import RevenueCycle

/// Corrections to scheduling's setup: `availability exception list|remove`,
/// `room list|remove` and `waitlist remove`. Each removal is an event; what was
/// removed stays in the log.
enum ScheduleCorrectionCommands {
    // MARK: Availability exceptions

    static let exceptionListSpec = CommandSpec(
        name: "list", abstract: "Exceptions in force, with the ids 'remove' takes.",
        discussion: "Every exception not removed, past ones included, in the order they were added.",
        options: [.value("provider", valueName: "id", help: "Only this provider's exceptions."), Listing.csvFlag],
        examples: [Example("practica availability exception list --provider PR1001", "PR1001's time off and blocked time.")])

    static let exceptionRemoveSpec = CommandSpec(
        name: "remove", abstract: "Remove an exception entered by mistake, so the time can be booked again.",
        discussion: "Find the id with 'practica availability exception list'. The exception stays in the log, marked removed.",
        arguments: [ArgumentSpec("exception", help: "The exception, e.g. AX1001.")],
        options: [.value("reason", valueName: "text", help: "Why, e.g. \"typed 9999 for 2026\".")],
        examples: [Example("practica availability exception remove AX1001 --reason \"wrong year\"", "Unblock the provider.")])

    static func listExceptions(_ command: ParsedCommand, _ context: CommandContext) throws {
        let provider: ProviderID? = try SchedulingInput.optionalID(command, "provider")
        let session = try context.frontDesk()
        _ = try session.authorize(.read)
        var listing = Listing(columns: [.init("id"), .init("provider"), .init("reason"), .init("start"), .init("end"), .init("note")],
                              emptyNote: "no exceptions" + (provider.map { " for \($0)" } ?? ""))
        for n in session.state.numberedExceptions where provider == nil || n.exception.provider == provider {
            let e = n.exception
            listing.append([n.id.description, e.provider.description, e.reason.description, e.start.description, e.end.description,
                            e.note ?? ""], json: exceptionJSON(n))
        }
        listing.print(command, context)
    }

    static func removeException(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id = try command.argumentValue("exception", AvailabilityExceptionID.parse)
        let reason = command.string("reason")
        let (_, e) = try context.frontDesk().append(permission: .manageAvailability, command: "availability exception remove") { state, _ in
            let e = try ScheduleCorrections.removeException(id, reason: reason, state: state)
            return ([NewEvent(stream: "availability-\(e.provider)", e)], e)
        }
        context.report("removed exception \(e.exception) of \(e.provider)", json: e.json)
    }

    /// An exception as listings show it: its id first, then the event's fields.
    static func exceptionJSON(_ n: NumberedException) -> JSONValue {
        guard case .object(let pairs) = n.exception.json else { return n.exception.json }
        return .object([("exception", .string(n.id.description))] + pairs)
    }

    // MARK: Rooms

    static let roomListSpec = CommandSpec(
        name: "list", abstract: "List rooms, by location.",
        options: [.value("location", valueName: "id", help: "Only this location's rooms, e.g. LO1001."), Listing.csvFlag],
        examples: [Example("practica room list --location LO1001", "The rooms at LO1001.")])

    static let roomRemoveSpec = CommandSpec(
        name: "remove", abstract: "Remove a room no longer used.",
        discussion: "Refused while appointments not yet over are booked in the room (they are named): cancel them or book them "
            + "elsewhere first. Past appointments keep naming the room. Needs the admin role.",
        arguments: [ArgumentSpec("room", help: "The room, e.g. RO1001.")],
        options: [.value("reason", valueName: "text", help: "Why, e.g. \"turned into an office\".")],
        examples: [Example("practica room remove RO1002 --reason \"turned into storage\"", "Stop booking Exam 2.")])

    static func listRooms(_ command: ParsedCommand, _ context: CommandContext) throws {
        let location = try command.optionalValue("location", LocationID.parse)
        let rooms = try context.readingModels().read(DirectoryProjection.name) { table -> [RoomAdded]? in
            let view = DirectoryView(table)
            guard let location else { return try view.rooms() }
            guard try view.locations().contains(where: { $0.location == location }) else { return nil }
            return try view.rooms(at: location)
        }
        guard let rooms else {
            throw RejectionFailure(.refused("location", "unknown location \(location.map(\.description) ?? "")",
                                            hint: "list them with `practica location list`"))
        }
        var listing = Listing(columns: [.init("id"), .init("name"), .init("location")],
                              emptyNote: "no rooms yet; add one with 'practica room add'")
        for r in rooms { listing.append([r.room.description, r.name.text, r.location.description], json: r.json) }
        listing.print(command, context)
    }

    static func removeRoom(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id = try command.argumentValue("room", RoomID.parse)
        let reason = command.string("reason")
        let session = try context.frontDesk()
        let (_, e) = try session.append(permission: .setUpPractice, command: "room remove") { state, _ in
            let e = try ScheduleCorrections.removeRoom(id, reason: reason, now: session.clock.now, state: state)
            return ([NewEvent(stream: "room-\(id)", e)], e)
        }
        context.report("removed room \(e.room) at \(e.location)", json: e.json)
    }

    // MARK: Waitlist

    static let waitlistRemoveSpec = CommandSpec(
        name: "remove", abstract: "Take a patient off the waitlist, with why.",
        discussion: "For a patient who no longer waits (booked elsewhere, moved away). Booking from the waitlist removes the entry by itself.",
        arguments: [ArgumentSpec("entry", help: "The waitlist entry, e.g. WL1001.")],
        options: [.value("reason", valueName: "text", help: "Why the patient leaves the waitlist.", isRequired: true)],
        examples: [Example("practica waitlist remove WL1001 --reason \"booked at another practice\"", "Withdraw an entry.")])

    static func removeWaitlistEntry(_ command: ParsedCommand, _ context: CommandContext) throws {
        let entry = try command.argumentValue("entry", WaitlistEntryID.parse)
        let reason = try command.required("reason")
        let (_, e) = try context.frontDesk().append(permission: .schedule, command: "waitlist remove") { state, _ in
            let e = try ScheduleCorrections.withdraw(entry, reason: reason, state: state)
            return ([NewEvent(stream: "waitlist-\(entry)", e)], e)
        }
        context.report("removed \(e.entry) from the waitlist", json: e.json)
    }
}
