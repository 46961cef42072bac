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
    /// The legend for a narrow terminal (under 84 columns).
    static let shortLegend = "[B]ooked  checked [I]n  checked [O]ut  [N]o-show  [X] cancelled  │ continues"

    static func legend(fitting width: Int) -> String { DisplayWidth.of(legend) <= width ? legend : shortLegend }

    /// Minutes since local midnight of the entry's start, and of its end (capped at midnight).
    private static func span(_ e: ScheduleEntry) -> (start: Int, end: Int) {
        let start = e.localStart.time.minutesSinceMidnight
        let end = e.localEnd.date == e.localStart.date ? e.localEnd.time.minutesSinceMidnight : 24 * 60
        return (start, max(end, start + 1))
    }

    /// How much a cell says: everything; what the desk needs to act (mark, time,
    /// appointment, patient); or, when columns are narrow, the mark's letter, the
    /// appointment and the patient's last name (the row gives the time).
    enum Detail { case full, brief, tight }

    /// The calendar at full width (piped output, or a terminal wide enough), else
    /// fitted to `width` columns: first brief cells, then columns cut to share the
    /// width, and when they would be too narrow to read, one column under another;
    /// a note then says how to see everything (`--provider`, or a wider terminal).
    func render(fitting width: Int? = nil) -> String {
        guard let width else { return table(.full) + Self.legend + "\n" }
        for detail in [Detail.full, .brief] {
            let text = table(detail)
            if Self.widest(text) <= width { return text + Self.legend(fitting: width) + "\n" + (detail == .full ? "" : note(width)) }
        }
        let timeWidth = 5, gap = 2
        let perColumn = (width - timeWidth - gap * columns.count) / max(columns.count, 1)
        if perColumn >= Self.narrowestColumn {
            return table(perColumn >= 24 ? .brief : .tight, cut: perColumn) + Self.legend(fitting: width) + "\n" + note(width)
        }
        // Too many columns to share the width: each column on its own, one under another.
        let stacked = columns.map { column in
            DisplayWidth.truncate(column.header, to: width) + "\n"
                + ScheduleCalendar(columns: [Column(header: "", entries: column.entries, showsProvider: column.showsProvider)],
                                   patientNames: patientNames, typeNames: typeNames, step: step)
                    .table(.brief, cut: width - timeWidth - gap)
        }
        return stacked.joined(separator: "\n") + Self.legend(fitting: width) + "\n" + note(width, stacked: true)
    }

    /// Below this many columns a calendar column can't show a mark, an id and a name.
    static let narrowestColumn = 14

    private func note(_ width: Int, stacked: Bool = false) -> String {
        let what = stacked ? "one under another" : "shortened"
        return "(\(what) to fit \(width) columns; --provider ID shows one in full)\n"
    }

    private static func widest(_ text: String) -> Int {
        text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    private func table(_ detail: Detail, cut: Int? = nil) -> String {
        let all = columns.flatMap(\.entries)
        guard let first = all.map({ Self.span($0).start }).min(),
              let last = all.map({ Self.span($0).end }).max() else { return "" }
        let step = max(1, self.step)
        let fit: (String) -> String = { text in cut.map { DisplayWidth.truncate(text, to: $0) } ?? text }
        var table = TextTable(columns: [.init("time")] + columns.map { .init(fit($0.header)) })
        var t = first - first % step
        while t < last {
            let row = columns.map { fit(cell($0, from: t, to: t + step, detail: detail)) }
            if let time = try? LocalTime(minutesSinceMidnight: t) { table.append([time.description] + row) }
            t += step
        }
        return table.render()
    }

    /// Appointments starting in [from, to) are named; one still running shows │.
    /// A cancelled or no-show appointment holds no time, so it has no continuation.
    private func cell(_ column: Column, from: Int, to: Int, detail: Detail) -> String {
        var parts: [String] = []
        var continues = false
        for e in column.entries {
            let (start, end) = Self.span(e)
            if start >= from && start < to && detail == .tight {
                let surname = patientNames[e.patient].map { String($0.prefix { $0 != "," }) } ?? e.patient.description
                parts.append("\(Self.mark(e.status).dropFirst().prefix(1)) \(e.appointment) \(surname)")
            } else if start >= from && start < to {
                var text = "\(Self.mark(e.status)) \(e.localStart.time) \(e.appointment)"
                if detail == .full { text += " \(e.patient)" }
                if let name = patientNames[e.patient] { text += " " + name } else if detail == .brief { text += " \(e.patient)" }
                if detail == .full, let type = typeNames[e.appointmentType] { text += " · " + type }
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
