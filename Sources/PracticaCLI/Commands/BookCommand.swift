import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle

/// `practica book`: one appointment or a recurring series, all or none.
///
/// The decision runs inside the append transaction against the log head it was
/// made on; if another desk booked meanwhile it runs again on the new state, so
/// two processes racing for one slot cannot both get it.
enum BookCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "book", abstract: "Book an appointment (or a recurring series) with a provider.",
        discussion: """
            --at is the wall-clock time at the location, in the location's time zone; a time skipped by \
            daylight saving (02:30 on spring-forward day) is refused. A provider, room or patient is never \
            double-booked. Outside the provider's availability, booking needs --force --reason, which is recorded. \
            A recurring booking keeps the same wall-clock time and books every occurrence or none, listing every conflict.
            """,
        options: [
            .value("patient", valueName: "id", help: "The patient, e.g. PT1001.", isRequired: true),
            .value("provider", valueName: "id", help: "The provider, e.g. PR1001.", isRequired: true),
            .value("location", valueName: "id", help: "The location, e.g. LO1001.", isRequired: true),
            .value("room", valueName: "id", help: "A room at that location, e.g. RO1001."),
            .value("type", valueName: "id", help: "The appointment type, e.g. AT1001; sets the length.", isRequired: true),
            .value("at", valueName: "datetime", help: "Local start, \"YYYY-MM-DD HH:MM\"; in the fall-back hour add the offset, \"2026-11-01 01:30-05:00\".", isRequired: true),
            .value("minutes", valueName: "n", help: "Length in minutes instead of the type's."),
            .value("every", valueName: "day|week", help: "Repeat daily or weekly (needs --count)."),
            .value("count", valueName: "n", help: "Number of occurrences, including the first."),
            .flag("force", help: "Book outside availability or in the past (needs --reason)."),
            .value("reason", valueName: "text", help: "Why --force was needed; recorded with the booking."),
        ],
        examples: [
            Example("practica book --patient PT1001 --provider PR1001 --location LO1001 --type AT1001 --at \"2026-12-01 09:00\"",
                    "Book one appointment."),
            Example("practica book --patient PT1001 --provider PR1001 --location LO1001 --type AT1001 --at \"2026-12-01 09:00\" --every week --count 6",
                    "Book six weekly appointments, or none if any conflicts."),
            Example("practica book --patient PT1001 --provider PR1001 --location LO1001 --type AT1001 --at \"2026-12-05 08:00\" --force --reason \"urgent\"",
                    "Book outside the provider's hours."),
        ])

    static let handlers: [String: CommandHandler] = ["book": run]

    static func request(_ command: ParsedCommand) throws -> BookingRequest {
        let recurrence: Recurrence?
        switch (command.string("every"), try SchedulingInput.count(command, "count", in: 1...Scheduling.maximumOccurrences)) {
        case (nil, nil): recurrence = nil
        case (nil, .some): throw UsageError(.missingOption, "--count needs --every day|week", hint: "e.g. --every week --count 6")
        case (.some, nil): throw UsageError(.missingOption, "--every needs --count N", hint: "e.g. --every week --count 6")
        case let (unit?, count?):
            guard let u = Recurrence.Unit(rawValue: unit.lowercased()) else {
                throw UsageError(.invalidValue, "--every: expected day or week, got '\(EchoedWord.of(unit))'", hint: "e.g. --every week --count 6")
            }
            recurrence = Recurrence(unit: u, count: count)
        }
        let at = try SchedulingInput.typedDateTime(command, "at")
        return BookingRequest(patient: try SchedulingInput.id(command, "patient"),
                              provider: try SchedulingInput.id(command, "provider"),
                              location: try SchedulingInput.id(command, "location"),
                              room: try SchedulingInput.optionalID(command, "room"),
                              appointmentType: try SchedulingInput.id(command, "type"),
                              at: at.local,
                              minutes: try SchedulingInput.minutes(command),
                              forceReason: try SchedulingInput.forceReason(command),
                              recurrence: recurrence, offsetSeconds: at.offsetSeconds)
    }

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let request = try request(command)
        let booked = try context.frontDesk().book(request)
        if context.json {
            context.printJSON(.array(booked.map(\.json)))
        } else {
            context.print(booked.count == 1 ? "booked:" : "booked \(booked.count) appointments:")
            for e in booked { context.print("  " + AppointmentText.line(e)) }
        }
    }
}

/// `practica reschedule APPT --at`: move a booked appointment at its location.
enum RescheduleCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "reschedule", abstract: "Move a booked appointment to another time (same provider, location and room).",
        discussion: "The same rules as booking apply: no double booking, inside availability unless --force --reason.",
        arguments: [ArgumentSpec("appointment", help: "The appointment, e.g. AP1001.")],
        options: [
            .value("at", valueName: "datetime", help: "New local start, \"YYYY-MM-DD HH:MM\" (an offset like -05:00 in the fall-back hour).", isRequired: true),
            .value("minutes", valueName: "n", help: "New length in minutes (else unchanged)."),
            .flag("force", help: "Move outside availability or into the past (needs --reason)."),
            .value("reason", valueName: "text", help: "Why --force was needed."),
        ],
        examples: [Example("practica reschedule AP1001 --at \"2026-12-02 10:00\"", "Move AP1001 to Dec 2 at 10:00.")])

    static let handlers: [String: CommandHandler] = ["reschedule": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id: AppointmentID = try SchedulingInput.argumentID(command, "appointment")
        let typed = try SchedulingInput.typedDateTime(command, "at")
        let at = typed.local
        let minutes = try SchedulingInput.minutes(command)
        let force = try SchedulingInput.forceReason(command)
        let session = try context.frontDesk()
        let now = session.clock.now
        let (_, moved) = try session.append(permission: .schedule, command: "reschedule") { state, _ in
            let snapshot = state.snapshot(from: at, days: 0, including: [id])
            if let appt = snapshot.appointment(id), let zone = snapshot.locationZones[appt.location],
               let start = try? zone.instant(for: typed) {
                try Scheduling.checkWindow(start: start, lastDate: at.date, zone: zone, now: now, forced: force != nil)
            }
            let e = try Scheduling.reschedule(id, to: at, minutes: minutes, forceReason: force, offsetSeconds: typed.offsetSeconds,
                                              snapshot: snapshot)
            return ([NewEvent(stream: AppointmentText.stream(id), e)], e)
        }
        if context.json {
            context.printJSON(moved.json)
        } else {
            let slot = ZonedSlot(start: moved.start, minutes: moved.minutes, zone: moved.zone)
            context.print("rescheduled \(id) to \(AppointmentText.span(start: slot.localStart, end: slot.localEnd)) \(moved.zone)")
        }
    }
}
