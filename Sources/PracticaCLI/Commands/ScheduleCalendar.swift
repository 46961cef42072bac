import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// Draws schedule entries as a terminal calendar: one column per provider (a
/// day) or per day (a week), one row per slot, and a status mark on each
/// appointment. Times are the location's wall-clock times, as they were booked.
struct ScheduleCalendar {
    /// A column: its header and the appointments shown in it.
    struct Column {
        let header: String
        let entries: [ScheduleEntry]
        /// Whether a cell names the provider too (week view without --provider).
        let showsProvider: Bool
    }

    let columns: [Column]
    /// Short patient names ("Núñez, J") for the cells; ids alone when a name is unknown.
    var patientNames: [PatientID: String] = [:]
    /// What each appointment is for ("New patient"), from the practice's appointment types.
    var typeNames: [AppointmentTypeID: String] = [:]
    /// Row height in minutes (the practice's slot step).
    let step: Int

    static func mark(_ status: AppointmentStatus) -> String {
        switch status {
        case .booked: return "[B]"
        case .checkedIn: return "[I]"
        case .checkedOut: return "[O]"
        case .noShow: return "[N]"
        case .cancelled: return "[X]"
        }
    }

    static let legend = "[B] booked  [I] checked in  [O] checked out  [N] no-show  [X] cancelled  │ continues"

    /// Minutes since local midnight of the entry's start, and of its end (capped at midnight).
    private static func span(_ e: ScheduleEntry) -> (start: Int, end: Int) {
        let start = e.localStart.time.minutesSinceMidnight
        let end = e.localEnd.date == e.localStart.date ? e.localEnd.time.minutesSinceMidnight : 24 * 60
        return (start, max(end, start + 1))
    }

    func render() -> String {
        let all = columns.flatMap(\.entries)
        guard let first = all.map({ Self.span($0).start }).min(),
              let last = all.map({ Self.span($0).end }).max() else { return "" }
        let step = max(1, self.step)
        var table = TextTable(columns: [.init("time")] + columns.map { .init($0.header) })
        var t = first - first % step
        while t < last {
            let row = columns.map { cell($0, from: t, to: t + step) }
            if let time = try? LocalTime(minutesSinceMidnight: t) { table.append([time.description] + row) }
            t += step
        }
        return table.render() + Self.legend + "\n"
    }

    /// Appointments starting in [from, to) are named; one still running shows │.
    /// A cancelled or no-show appointment holds no time, so it has no continuation.
    private func cell(_ column: Column, from: Int, to: Int) -> String {
        var parts: [String] = []
        var continues = false
        for e in column.entries {
            let (start, end) = Self.span(e)
            if start >= from && start < to {
                var text = "\(Self.mark(e.status)) \(e.localStart.time) \(e.appointment) \(e.patient)"
                if let name = patientNames[e.patient] { text += " " + name }
                if let type = typeNames[e.appointmentType] { text += " · " + type }
                if column.showsProvider { text += " \(e.provider)" }
                parts.append(text)
            } else if start < from && end > from && e.status.occupiesSlot {
                continues = true
            }
        }
        if parts.isEmpty && continues { return "  │" }
        return parts.joined(separator: "; ")
    }
}

/// Schedule entries as JSON objects and CSV rows, for `--json` and `--csv`.
enum ScheduleEntryOutput {
    static let csvHeader = ["appointment", "date", "start", "end", "minutes", "zone", "provider", "location", "room",
                            "patient", "type", "status", "late", "visit", "forced_reason"]

    static func csvRow(_ e: ScheduleEntry) -> [String] {
        [e.appointment.description, e.localDate.description, e.localStart.time.description, e.localEnd.time.description,
         String(e.minutes), e.zone.identifier, e.provider.description, e.location.description, e.room?.description ?? "",
         e.patient.description, e.appointmentType.description, e.status.rawValue, e.isLateCancellation ? "yes" : "",
         e.visit?.description ?? "", e.forcedReason ?? ""]
    }

    static func json(_ e: ScheduleEntry) -> JSONValue {
        .object([("appointment", .string(e.appointment.description)), ("patient", .string(e.patient.description)),
                 ("provider", .string(e.provider.description)), ("location", .string(e.location.description)),
                 ("room", e.room.map { .string($0.description) } ?? .null),
                 ("appointmentType", .string(e.appointmentType.description)),
                 ("localStart", .string(e.localStart.description)), ("localEnd", .string(e.localEnd.description)),
                 ("start", .string(e.start.description)), ("minutes", .int(Int64(e.minutes))),
                 ("zone", .string(e.zone.identifier)), ("status", .string(e.status.rawValue)),
                 ("lateCancellation", .bool(e.isLateCancellation)), ("visit", e.visit.map { .string($0.description) } ?? .null),
                 ("forcedReason", e.forcedReason.map(JSONValue.string) ?? .null)])
    }

    /// Writes `entries` as --json, --csv, or a table from `table` when neither was asked for.
    static func write(_ entries: [ScheduleEntry], csv: Bool, context: CommandContext, table: () -> String) {
        if context.json {
            context.printJSON(.array(entries.map(json)))
        } else if csv {
            context.output.write(CSVWriter().document(header: csvHeader, rows: entries.map(csvRow)))
        } else {
            context.output.write(table())
        }
    }
}
