import BinaryCodec
import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `patient show` and `patient find`: reads of the patients and directory read
/// models, allowed to every role (auditors included) but not to unknown users.
enum PatientReadHandlers {
    static func show(_ command: ParsedCommand, _ context: CommandContext) throws {
        let id = try command.argumentValue("patient", PatientID.parse)
        let chart = try PatientChart(id: id, models: try context.readingModels(), store: try context.store(), clock: context.clock)
        if context.json {
            context.printJSON(chart.json)
        } else {
            context.output.write(chart.text)
        }
    }

    static func find(_ command: ParsedCommand, _ context: CommandContext) throws {
        let text = command.argumentList("text").joined(separator: " ")
        guard let query = PatientQuery(text) else {
            throw UsageError(.invalidValue, "<text>: give a name prefix, a date of birth or phone digits", hint: "e.g. 'practica patient find garcia'")
        }
        let found = try context.readingModels().read(PatientsProjection.name) { try PatientsView($0).find(query) }
        var listing = Listing(columns: [.init("id"), .init("name"), .init("born"), .init("sex"), .init("phone")],
                              emptyNote: "no patients match '\(EchoedWord.of(text))'")
        for p in found {
            listing.append([p.id.description, p.name.description, p.dateOfBirth.description, p.sex.rawValue, p.phone?.formatted ?? ""],
                           json: PatientChart.demographics(p))
        }
        listing.print(command, context)
    }
}

/// Everything `patient show` prints about one chart, gathered once and then
/// rendered as text or JSON. A kept chart includes the coverages, appointments
/// and log history of the charts merged into it, so nothing is lost by merging.
struct PatientChart {
    let record: PatientRecord
    let mergedFrom: [PatientID]
    let coverages: [CoverageAdded]
    let appointments: [PatientAppointment]
    let history: [RecordedEvent]
    let payers: [PayerID: PayerAdded]
    let today: LocalDate

    /// Demographics, merges, coverages and appointments come from the patients
    /// read model; the history is the charts' own streams in the log.
    init(id: PatientID, models: ProjectionRunner, store: EventStore, clock: PracticeClock) throws {
        let found: (PatientRecord, [PatientID], [CoverageAdded], [PatientAppointment])? = try models.read(PatientsProjection.name) { table in
            let view = PatientsView(table)
            guard let record = try view.record(id) else { return nil }
            // A merged chart shows only itself; the kept one gathers every chart merged into it.
            let mergedFrom = record.isActive ? try view.mergedFrom(id) : []
            let charts = [id] + mergedFrom
            return (record, mergedFrom, try view.coverages(onCharts: charts), try view.appointments(onCharts: charts))
        }
        guard let (record, mergedFrom, coverages, appointments) = found else {
            throw CommandFailure("<patient>: unknown patient \(id)", hint: "find patients with 'practica patient find TEXT'")
        }
        self.record = record
        self.mergedFrom = mergedFrom
        self.coverages = coverages
        self.appointments = appointments
        history = try ([id] + mergedFrom)
            .flatMap { try store.readStream("patient-\($0)") }
            .sorted { $0.position < $1.position }
        let (practice, payers) = try models.read(DirectoryProjection.name) { table in
            let view = DirectoryView(table)
            return (try view.practice(), try view.payers())
        }
        self.payers = Dictionary(payers.map { ($0.payer, $0) }, uniquingKeysWith: { _, last in last })
        today = clock.today(in: practice?.timeZone)
    }

    static func demographics(_ p: PatientRecord) -> JSONValue {
        .object([("patient", .string(p.id.description)),
                 ("name", .object([("first", .string(p.name.first)), ("middle", .optional(p.name.middle)), ("last", .string(p.name.last))])),
                 ("dateOfBirth", .string(p.dateOfBirth.description)), ("sex", .string(p.sex.rawValue)),
                 ("phone", .optional(p.phone?.digits)), ("email", .optional(p.email?.address)), ("address", .optional(p.address)),
                 ("mergedInto", .optional(p.mergedInto?.description))])
    }

    var json: JSONValue {
        guard case .object(var pairs) = Self.demographics(record) else { return Self.demographics(record) }
        pairs.append(("mergedFrom", .array(mergedFrom.map { .string($0.description) })))
        pairs.append(("coverages", .array(coverages.map(\.json))))
        pairs.append(("appointments", .array(appointments.map { a in
            .object([("appointment", .string(a.id.description)), ("start", .string(a.zone.localDateTime(at: a.start).description)),
                     ("timeZone", .string(a.zone.identifier)), ("provider", .string(a.provider.description)),
                     ("status", .string(a.status.rawValue))])
        })))
        pairs.append(("history", .array(history.map { e in
            .object([("position", .int(Int64(e.position))), ("stream", .string(e.stream)), ("type", .string(e.typeName)),
                     ("recordedAt", .string(EventRendering.timestamp(e.recordedAtMillis))), ("actor", .string(e.actor))])
        })))
        return .object(pairs)
    }

    var text: String {
        var lines = ["\(record.id)  \(PatientText.fullName(record.name))",
                     "born     \(record.dateOfBirth)",
                     "sex      \(record.sex.rawValue)"]
        if let phone = record.phone { lines.append("phone    \(phone.formatted)") }
        if let email = record.email { lines.append("email    \(email.address)") }
        if let address = record.address { lines.append("address  \(address)") }
        if let into = record.mergedInto { lines.append("merged into \(into): use that chart for new activity") }
        if !mergedFrom.isEmpty { lines.append("merged in  \(mergedFrom.map(\.description).joined(separator: ", "))") }
        var out = lines.joined(separator: "\n") + "\n\ncoverages\n"
        if coverages.isEmpty {
            out += "none on file\n"
        } else {
            var table = TextTable(columns: [.init("id"), .init("rank"), .init("payer"), .init("member id"), .init("group"),
                                            .init("from"), .init("to"), .init("copay", alignment: .right), .init("today")])
            for c in coverages {
                table.append([c.coverage.description, c.rank.rawValue, payers[c.payer].map { "\(c.payer) \($0.name)" } ?? c.payer.description,
                              c.memberID, c.groupNumber ?? "", c.span.from.description, c.span.to?.description ?? "open",
                              c.copay?.description ?? "", c.span.contains(today) ? "active" : ""])
            }
            out += table.render()
        }
        if !appointments.isEmpty {
            var table = TextTable(columns: [.init("id"), .init("start"), .init("provider"), .init("status")])
            for a in appointments {
                table.append([a.id.description, a.zone.localDateTime(at: a.start).description, a.provider.description, a.status.rawValue])
            }
            out += "\nappointments\n" + table.render()
        }
        var table = TextTable(columns: [.init("position", alignment: .right), .init("recorded at"), .init("actor"), .init("event"), .init("stream")])
        for e in history {
            table.append([String(e.position), EventRendering.timestamp(e.recordedAtMillis), e.actor, e.typeName, e.stream])
        }
        return out + "\nhistory\n" + table.render()
    }
}
