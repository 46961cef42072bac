import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle

/// `practica waitlist add|list|remove`: patients who want an earlier slot with a provider.
enum WaitlistCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "waitlist", abstract: "Patients waiting for an earlier slot; a cancellation lists those who fit.",
        subcommands: [
            CommandSpec(name: "add", abstract: "Put a patient on a provider's waitlist.",
                        options: [
                            .value("patient", valueName: "id", help: "The patient, e.g. PT1001.", isRequired: true),
                            .value("provider", valueName: "id", help: "The provider, e.g. PR1001.", isRequired: true),
                            .value("type", valueName: "id", help: "The appointment type wanted; the freed slot must be long enough."),
                            .value("earliest", valueName: "date", help: "First date the patient can come (YYYY-MM-DD)."),
                            .value("note", valueName: "text", help: "A note, e.g. mornings only."),
                        ],
                        examples: [Example("practica waitlist add --patient PT1001 --provider PR1001 --type AT1001 --earliest 2026-12-01",
                                           "PT1001 wants an earlier follow-up with PR1001.")]),
            CommandSpec(name: "list", abstract: "Open waitlist entries, longest waiting first.",
                        options: [.value("provider", valueName: "id", help: "Only this provider's waitlist.")],
                        examples: [Example("practica waitlist list --provider PR1001", "Who waits for PR1001.")]),
            ScheduleCorrectionCommands.waitlistRemoveSpec,
        ])

    static let handlers: [String: CommandHandler] = ["waitlist add": add, "waitlist list": list,
                                                     "waitlist remove": ScheduleCorrectionCommands.removeWaitlistEntry]

    static func add(_ command: ParsedCommand, _ context: CommandContext) throws {
        let patient: PatientID = try SchedulingInput.id(command, "patient")
        let provider: ProviderID = try SchedulingInput.id(command, "provider")
        let type: AppointmentTypeID? = try SchedulingInput.optionalID(command, "type")
        let earliest = try SchedulingInput.optionalDate(command, "earliest")
        let note = try command.optionalText("note", .note)
        let session = try context.frontDesk()
        let (_, e) = try session.append(permission: .schedule, command: "waitlist add") { state, ids in
            let e = try WaitlistDecisions.add(id: try ids.next(WaitlistEntryID.self), patient: patient, provider: provider,
                                              appointmentType: type, earliest: earliest, note: note,
                                              snapshot: state.snapshot(around: AppointmentID(0)), openEntries: Array(state.waitlist.values))
            return ([NewEvent(stream: "waitlist-\(e.entry)", e)], e)
        }
        if context.json { context.printJSON(e.json) } else { context.print("added \(e.entry): \(patient) waits for \(provider)") }
    }

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let provider: ProviderID? = try SchedulingInput.optionalID(command, "provider")
        let session = try context.frontDesk()
        _ = try session.authorize(.read)
        let entries = session.state.waitlist.values
            .filter { provider == nil || $0.provider == provider }
            .sorted { $0.entry < $1.entry }
        if context.json {
            context.printJSON(.array(entries.map(\.json)))
        } else if entries.isEmpty {
            context.print("the waitlist is empty")
        } else {
            context.output.write(table(entries).render())
        }
    }

    static func table(_ entries: [WaitlistEntryAdded]) -> TextTable {
        var table = TextTable(columns: [.init("entry"), .init("patient"), .init("provider"), .init("type"), .init("earliest"), .init("note")])
        for e in entries {
            table.append([e.entry.description, e.patient.description, e.provider.description,
                          e.appointmentType?.description ?? "any", e.earliest?.description ?? "", e.note ?? ""])
        }
        return table
    }
}

/// `practica slots find`: the earliest free slots in a provider's availability.
enum SlotsCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "slots", abstract: "Find free slots in providers' availability.",
        subcommands: [
            CommandSpec(name: "find", abstract: "List the earliest free slots for a provider and appointment type.",
                        discussion: "Slots start every slot-step-minutes (a practice setting) inside the weekly template, skipping exceptions and booked time. Without --from, slots already past are left out.",
                        options: [
                            .value("provider", valueName: "id", help: "The provider, e.g. PR1001.", isRequired: true),
                            .value("type", valueName: "id", help: "The appointment type; its length is the slot's.", isRequired: true),
                            .value("location", valueName: "id", help: "Only this location."),
                            .value("from", valueName: "date", help: "First day to look at (default: today)."),
                            .value("count", valueName: "n", help: "How many slots to list.", defaultValue: "10"),
                        ],
                        examples: [Example("practica slots find --provider PR1001 --type AT1001 --from 2026-12-01 --count 5",
                                           "The five earliest free follow-up slots from December 1.")]),
        ])

    static let handlers: [String: CommandHandler] = ["slots find": find]

    static func find(_ command: ParsedCommand, _ context: CommandContext) throws {
        let provider: ProviderID = try SchedulingInput.id(command, "provider")
        let type: AppointmentTypeID = try SchedulingInput.id(command, "type")
        let location: LocationID? = try SchedulingInput.optionalID(command, "location")
        let from = try SchedulingInput.optionalDate(command, "from")
        let count = try SchedulingInput.count(command, "count", in: 1...500) ?? 10
        let session = try context.frontDesk()
        _ = try session.authorize(.read)
        let state = session.state
        guard state.directory.providers[provider] != nil else {
            throw RejectionFailure(.refused("provider", "unknown provider \(provider)"))
        }
        guard let minutes = state.directory.appointmentTypes[type]?.minutes else {
            throw RejectionFailure(.refused("type", "unknown appointment type \(type)"))
        }
        if let location, state.directory.locations[location] == nil {
            throw RejectionFailure(.refused("location", "unknown location \(location)"))
        }
        let today = context.today(in: state.directory.practice?.timeZone)
        let start = from ?? today
        // Only slots `book` would take without --force: not before now, not past the booking horizon.
        let horizon = PlausibleDates.horizon(from: today)
        let slots = SlotFinder.earliest(provider: provider, minutes: minutes, from: start, count: count, location: location,
                                        notBefore: context.now,
                                        snapshot: state.snapshot(from: LocalDateTime(secondsAsIfUTC: start.daysSinceEpoch * 86_400), days: 90))
            .filter { $0.slot.localStart.date <= horizon }
        if context.json {
            context.printJSON(.array(slots.map { s in
                .object([("provider", .string(s.provider.description)), ("location", .string(s.location.description)),
                         ("start", .string(s.slot.localStart.description)), ("minutes", .int(Int64(s.slot.minutes))),
                         ("zone", .string(s.slot.zone.identifier)), ("instant", .string(s.slot.start.description))])
            }))
            return
        }
        guard !slots.isEmpty else {
            context.print("no free slots for \(provider) in the 90 days from \(start)")
            return
        }
        var table = TextTable(columns: [.init("start"), .init("end"), .init("location"), .init("zone")])
        for s in slots {
            table.append([s.slot.localStart.description, s.slot.localEnd.time.description, s.location.description, s.slot.zone.identifier])
        }
        context.output.write(table.render())
    }
}
