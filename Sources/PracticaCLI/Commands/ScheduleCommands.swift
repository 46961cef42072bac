import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// `practica schedule show`: the day's (or week's) calendar from the schedule read model.
enum ScheduleCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "schedule", abstract: "The schedule as a calendar, from the schedule read model.",
        subcommands: [
            CommandSpec(name: "show", abstract: "A day's calendar with a column per provider, or a week's with a column per day.",
                        discussion: "Rows are slot-step-minutes long; times are each location's wall-clock time. Marks: [B] booked, [I] checked in, [O] checked out, [N] no-show, [X] cancelled. "
                            + "In a terminal the calendar fits its width (shorter cells, then narrower columns, then one column under another); piped, it keeps every detail.",
                        options: [
                            .value("date", valueName: "date", help: "The day (YYYY-MM-DD; default: today); with --week, any day of the week."),
                            .value("provider", valueName: "id", help: "Only this provider."),
                            .value("location", valueName: "id", help: "Only this location."),
                            .flag("week", help: "Show the Monday-to-Sunday week containing --date."),
                            .flag("csv", help: "Print CSV rows instead of a calendar."),
                        ],
                        examples: [Example("practica schedule show --date 2026-12-01", "Everyone's day, a column per provider."),
                                   Example("practica schedule show --date 2026-12-01 --provider PR1001 --week", "One provider's week.")]),
        ])

    static let handlers: [String: CommandHandler] = ["schedule show": show]

    static func show(_ command: ParsedCommand, _ context: CommandContext) throws {
        let date = try SchedulingInput.optionalDate(command, "date")
        let provider: ProviderID? = try SchedulingInput.optionalID(command, "provider")
        let location: LocationID? = try SchedulingInput.optionalID(command, "location")
        let week = command.flag("week")
        let directory = try context.authorizedDirectory(for: .read)
        let day = date ?? context.today(in: directory.practice?.timeZone)
        let first = week ? day.adding(days: 1 - day.weekday.rawValue) : day
        let last = week ? first.adding(days: 6) : day
        let runner = try context.readModels()
        let entries = try runner.read(ScheduleProjection.projectionName) { table in
            try ScheduleReadModel(table).appointments(from: first, through: last, provider: provider)
        }.filter { location == nil || $0.location == location }
        // The front desk reads names, not ids: a day's few charts from the patients model.
        let names: [PatientID: String] = try runner.read(PatientsProjection.name) { table in
            let view = PatientsView(table)
            var out: [PatientID: String] = [:]
            for id in Set(entries.map(\.patient)) {
                if let record = try view.record(id) { out[id] = "\(record.name.last), \(record.name.first.prefix(1))" }
            }
            return out
        }
        let (providerNames, typeNames) = try runner.read(DirectoryProjection.name) { table in
            let view = DirectoryView(table)
            return (Dictionary(try view.providers().map { ($0.provider, $0.name.description) }, uniquingKeysWith: { a, _ in a }),
                    Dictionary(try view.appointmentTypes().map { ($0.appointmentType, $0.name.description) }, uniquingKeysWith: { a, _ in a }))
        }

        ScheduleEntryOutput.write(entries, csv: command.flag("csv"), context: context) {
            guard !entries.isEmpty else {
                return "no appointments \(week ? "in the week of \(first)" : "on \(day)")\n"
            }
            let columns: [ScheduleCalendar.Column]
            if week {
                // Weekend columns only when something is booked on them.
                columns = (0..<7).compactMap { offset in
                    let d = first.adding(days: offset)
                    let those = entries.filter { $0.localDate == d }
                    guard offset < 5 || !those.isEmpty else { return nil }
                    return .init(header: "\(d.weekday) \(d)", entries: those, showsProvider: provider == nil)
                }
            } else {
                let providers = Array(Set(entries.map(\.provider))).sorted()
                columns = providers.map { p in
                    let header = providerNames[p].map { "\(p) \($0)" } ?? p.description
                    return .init(header: header, entries: entries.filter { $0.provider == p }, showsProvider: false)
                }
            }
            let title = week ? "week of \(first)" : "\(day.weekday) \(day)"
            var calendar = ScheduleCalendar(columns: columns, step: directory.settings.slotStepMinutes)
            calendar.patientNames = names
            calendar.typeNames = typeNames
            // A terminal gets a calendar that fits it; a pipe or file gets every detail.
            return title + "\n" + calendar.render(fitting: Terminal.columns(.standardOutput))
        }
    }
}

/// `practica appointments list`: appointments filtered by patient, provider, status and dates.
enum AppointmentsCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "appointments", abstract: "List appointments from the schedule read model.",
        subcommands: [
            CommandSpec(name: "list", abstract: "Appointments by patient, provider, status and date range, earliest first.",
                        options: [
                            .value("patient", valueName: "id", help: "Only this patient's."),
                            .value("provider", valueName: "id", help: "Only this provider's."),
                            .value("status", valueName: "status", help: "booked, checked-in, checked-out, no-show or cancelled."),
                            .value("from", valueName: "date", help: "First date of service (YYYY-MM-DD)."),
                            .value("to", valueName: "date", help: "Last date of service (YYYY-MM-DD), inclusive."),
                            .flag("csv", help: "Print CSV rows instead of a table."),
                        ],
                        examples: [Example("practica appointments list --patient PT1001", "Every appointment of one patient."),
                                   Example("practica appointments list --provider PR1001 --status no-show --from 2026-11-01 --to 2026-11-30",
                                           "A provider's no-shows in November.")]),
        ])

    static let handlers: [String: CommandHandler] = ["appointments list": list]

    static func list(_ command: ParsedCommand, _ context: CommandContext) throws {
        let patient: PatientID? = try SchedulingInput.optionalID(command, "patient")
        let provider: ProviderID? = try SchedulingInput.optionalID(command, "provider")
        let status = try command.string("status").map { text -> AppointmentStatus in
            guard let s = AppointmentStatus(rawValue: text.lowercased()) else {
                throw UsageError(.invalidValue, "--status: expected one of \(AppointmentStatus.allCases.map(\.rawValue).joined(separator: ", ")), got '\(EchoedWord.of(text))'",
                                 hint: "e.g. --status no-show")
            }
            return s
        }
        let from = try SchedulingInput.optionalDate(command, "from")
        let to = try SchedulingInput.optionalDate(command, "to")
        if let from, let to, to < from {
            throw UsageError(.invalidValue, "--to: \(to) is before --from \(from)", hint: "give --from first, then a later --to")
        }
        _ = try context.authorizedDirectory(for: .read)
        let runner = try context.readModels()
        let found = try runner.read(ScheduleProjection.projectionName) { table -> [ScheduleEntry] in
            let model = ScheduleReadModel(table)
            if let patient { return try model.appointments(patient: patient) }
            if from != nil || to != nil {
                let lower = from ?? LocalDate(daysSinceEpoch: -719_162)   // 0001-01-01
                let upper = to ?? LocalDate(daysSinceEpoch: 2_932_896)    // 9999-12-31
                return try model.appointments(from: lower, through: upper, provider: provider)
            }
            return try model.allAppointments()
        }
        let entries = found
            .filter { e in
                (provider == nil || e.provider == provider) && (status == nil || e.status == status)
                    && (from.map { e.localDate >= $0 } ?? true) && (to.map { e.localDate <= $0 } ?? true)
            }
            .sorted { ($0.start, $0.appointment) < ($1.start, $1.appointment) }

        ScheduleEntryOutput.write(entries, csv: command.flag("csv"), context: context) {
            guard !entries.isEmpty else { return "no appointments match\n" }
            var table = TextTable(columns: [.init("appointment"), .init("date"), .init("time"), .init("min", alignment: .right),
                                            .init("zone"), .init("provider"), .init("location"), .init("room"),
                                            .init("patient"), .init("type"), .init("status")])
            for e in entries {
                let status = e.status.rawValue + (e.isLateCancellation ? " (late)" : "") + (e.visit.map { " → \($0)" } ?? "")
                table.append([e.appointment.description, e.localDate.description,
                              "\(e.localStart.time)–\(e.localEnd.time)",
                              String(e.minutes), e.zone.identifier, e.provider.description, e.location.description,
                              e.room?.description ?? "", e.patient.description, e.appointmentType.description, status])
            }
            return table.render()
        }
    }
}
