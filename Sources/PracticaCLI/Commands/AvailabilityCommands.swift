import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle

/// `practica availability set|exception add|list|remove`: the weekly hours bookings must fit, and time off.
enum AvailabilityCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "availability", abstract: "A provider's weekly hours per location, and exceptions (vacation, blocked time).",
        subcommands: [
            CommandSpec(name: "set", abstract: "Set a provider's weekly template at a location from a date on.",
                        discussion: """
                            The template replaces the earlier one at that location from --from (default: today). \
                            Blocks may not overlap each other, nor the provider's hours at another location.
                            """,
                        options: [
                            .value("provider", valueName: "id", help: "The provider, e.g. PR1001.", isRequired: true),
                            .value("location", valueName: "id", help: "The location, e.g. LO1001.", isRequired: true),
                            .value("block", valueName: "\"day HH:MM-HH:MM\"", help: "A weekly block, e.g. \"mon 09:00-12:00\"; repeat for more.",
                                   isRequired: true, isRepeatable: true),
                            .value("from", valueName: "date", help: "First day the template applies (YYYY-MM-DD)."),
                        ],
                        examples: [Example("practica availability set --provider PR1001 --location LO1001 --block \"mon 09:00-12:00\" --block \"mon 13:00-17:00\" --from 2026-12-01",
                                           "Mondays 9-12 and 1-5 from December 1.")]),
            CommandSpec(name: "exception", abstract: "Time a provider is away or blocked: add, list, remove.",
                        subcommands: [exceptionAddSpec, ScheduleCorrectionCommands.exceptionListSpec,
                                      ScheduleCorrectionCommands.exceptionRemoveSpec]),
        ])

    static let exceptionAddSpec = CommandSpec(
        name: "add", abstract: "Mark a stretch of time when the provider is away or blocked.",
        discussion: "Times are wall-clock times at whichever location is being booked; the end is exclusive. "
            + "The exception gets an id (AX1001) for 'availability exception remove'.",
        options: [
            .value("provider", valueName: "id", help: "The provider, e.g. PR1001.", isRequired: true),
            .value("start", valueName: "datetime", help: "First minute away, \"YYYY-MM-DD HH:MM\".", isRequired: true),
            .value("end", valueName: "datetime", help: "First minute back, \"YYYY-MM-DD HH:MM\".", isRequired: true),
            .value("reason", valueName: "vacation|blocked", help: "Why.", isRequired: true),
            .value("note", valueName: "text", help: "A note for the front desk."),
        ],
        examples: [Example("practica availability exception add --provider PR1001 --start \"2026-12-24 00:00\" --end \"2026-12-27 00:00\" --reason vacation",
                           "Dr. away over Christmas.")])

    static let handlers: [String: CommandHandler] = [
        "availability set": set, "availability exception add": exception,
        "availability exception list": ScheduleCorrectionCommands.listExceptions,
        "availability exception remove": ScheduleCorrectionCommands.removeException,
    ]

    static func set(_ command: ParsedCommand, _ context: CommandContext) throws {
        let provider: ProviderID = try SchedulingInput.id(command, "provider")
        let location: LocationID = try SchedulingInput.id(command, "location")
        let blocks = try command.strings("block").map { text in
            try DomainInput.parse("--block", text) { try AvailabilityBlock.parse($0) }
        }
        let from = try SchedulingInput.optionalDate(command, "from")
        let session = try context.frontDesk()
        let (_, e) = try session.append(permission: .manageAvailability, command: "availability set") { state, _ in
            let start = from ?? context.today(in: state.directory.locations[location]?.timeZone)
            let e = try AvailabilityDecisions.setTemplate(provider: provider, location: location, effectiveFrom: start, blocks: blocks,
                                                          directory: state.directory, templates: state.templates)
            return ([NewEvent(stream: "availability-\(provider)", e)], e)
        }
        if context.json {
            context.printJSON(e.json)
        } else {
            context.print("\(provider) at \(location) from \(e.effectiveFrom): " + e.blocks.map(\.description).joined(separator: ", "))
        }
    }

    static func exception(_ command: ParsedCommand, _ context: CommandContext) throws {
        let provider: ProviderID = try SchedulingInput.id(command, "provider")
        let start = try SchedulingInput.localDateTime(command, "start")
        let end = try SchedulingInput.localDateTime(command, "end")
        guard start < end else {
            throw UsageError(.invalidValue, "--end: \(end) is not after --start \(start)", hint: "the end is the first minute the provider is back")
        }
        let reason = try DomainInput.parse("--reason", try command.required("reason")) { try AvailabilityExceptionReason.parse($0) }
        let note = try command.optionalText("note", .note)
        let session = try context.frontDesk()
        let now = session.clock.now
        let (_, (e, id)) = try session.append(permission: .manageAvailability, command: "availability exception") { state, _ in
            let zone = state.directory.practice?.timeZone ?? (try? TimeZoneID("UTC"))
            let today = zone.map { $0.localDateTime(at: now).date } ?? LocalDateTime(secondsAsIfUTC: now.secondsSinceEpoch).date
            try FrontDeskSession.mapRejection {
                try AvailabilityDecisions.checkExceptionTimes(start: start, end: end,
                                                              zones: AvailabilityDecisions.zones(of: provider, snapshot: state.snapshot(from: start, days: 0)),
                                                              today: today)
            }
            let e = try AvailabilityDecisions.addException(provider: provider, start: start, end: end, reason: reason,
                                                           note: note, directory: state.directory)
            // Its id is its place among the exceptions in the log (see `AvailabilityExceptionID`).
            return ([NewEvent(stream: "availability-\(provider)", e)], (e, AvailabilityExceptionID(ordinal: state.exceptionsAdded + 1)))
        }
        if context.json {
            context.printJSON(ScheduleCorrectionCommands.exceptionJSON(NumberedException(id: id, exception: e)))
        } else {
            context.print("\(id): \(provider) \(e.reason) from \(e.start) to \(e.end)" + (e.note.map { " (\($0))" } ?? ""))
        }
    }
}
