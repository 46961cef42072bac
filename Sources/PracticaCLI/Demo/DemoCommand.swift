import BinaryCodec
import CLIKit
import EventLog
import Foundation
import RevenueCycle

/// `practica demo`: a new store holding a made-up practice and a year of its
/// life, produced by the same session calls as the CLI commands, on a
/// simulated clock (see `DemoSimulation`).
enum DemoCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "demo", abstract: "Create a new store with a realistic practice and months of activity ending today.",
        discussion: """
            Four providers at two locations, seven payers with their own speed and denial habits, and a panel of \
            patients (85% insured) booking, cancelling, missing visits, being seen, coded, billed (837P files weekly), \
            paid by 835 remittances (contractual CO-45, deductible, coinsurance, copays, denials, appeals, reversals), \
            billed to secondary payers, sent statements and paying (or not). Every batch is a decided command recorded \
            at its simulated time, so audits and replay --until work on it. The 837P and 835 files are kept in \
            <store>/demo-files/. The store must not exist yet.
            """,
        options: [
            .value("months", valueName: "n", help: "How many months of activity, ending today.", defaultValue: "12"),
            .value("patients", valueName: "n", help: "Size of the patient panel.", defaultValue: "2000"),
            .value("seed", valueName: "n", help: "Random seed; the same seed and end give the same practice.", defaultValue: "1"),
            .value("end", valueName: "date", help: "The day the demo ends on, YYYY-MM-DD (default: today; not later)."),
        ],
        examples: [Example("practica demo --store /tmp/lakeside", "A year of a 2000-patient practice."),
                   Example("practica demo --months 2 --patients 80 --seed 3 --store /tmp/small", "A small, quick one.")])

    static let handlers: [String: CommandHandler] = ["demo": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let months = try SchedulingInput.count(command, "months", in: 1...36) ?? 12
        let patients = try SchedulingInput.count(command, "patients", in: 10...50_000) ?? 2000
        let seed = try DomainInput.parse("--seed", command.string("seed") ?? "1") { text -> UInt64 in
            guard let n = UInt64(text) else { throw ValueError(kind: "seed", input: text, reason: "expected a whole number") }
            return n
        }
        let zone = try TimeZoneID(DemoCatalog.zone)
        let today = PracticeClock.system.today(in: zone)
        let end = try command.optionalValue("end", LocalDate.parse) ?? today
        guard end <= today else {
            throw UsageError(.invalidValue, "--end: \(end) is in the future", hint: "the demo records what happened; end today or before")
        }
        let admin = try DomainInput.parse("--as", context.actor) { try UserID($0) }
        guard !FileManager.default.fileExists(atPath: context.storePath) else {
            throw CommandFailure("--store: \(context.storePath) already exists; the demo only creates new stores",
                                 hint: "pick a new directory, e.g. --store /tmp/demo-\(seed)")
        }
        let options = DemoOptions(months: months, patients: patients, seed: seed, start: startDate(end: end, months: months), end: end,
                                  storePath: context.storePath, admin: admin)
        let started = Date()
        let store = try EventStore.create(at: context.storePath, mapSize: context.mapSize)
        let time = SimulatedTime(start: Date(timeIntervalSince1970: TimeInterval(options.start.daysSinceEpoch * 86_400)))
        let opening = Instant(secondsSinceEpoch: (try zone.instant(for: LocalDateTime(date: options.start, time: try LocalTime(hour: 6, minute: 0))))
            .secondsSinceEpoch)
        time.advance(to: opening.date)
        let name = try DisplayName(DemoCatalog.practiceName)
        try store.append(AppendMetadata(actor: admin.name, causation: "init", recordedAt: time.date), expectations: ["practice": .noStream]) { _ in
            [NewEvent(stream: "practice", PracticeInitialized(practiceName: name, admin: admin, timeZone: zone)),
             NewEvent(stream: "user-\(admin.name)", UserAdded(user: admin, role: .admin))]
        }
        let session = try FrontDeskSession(store: store, actor: admin.name)
        session.clock = .simulated(time)
        let simulation = DemoSimulation(options: options, session: session, time: time, zone: zone)
        let bar = ProgressBar(label: "demo", total: options.start.days(to: end), output: context.errors)
        try simulation.run(progress: bar)
        bar.finish()
        report(simulation, store: store, seconds: Date().timeIntervalSince(started), context: context)
    }

    /// The same day `months` months before `end` (the last day of a shorter month).
    static func startDate(end: LocalDate, months: Int) -> LocalDate {
        let index = end.year * 12 + (end.month - 1) - months
        let (year, month) = (index / 12, index % 12 + 1)
        let day = min(end.day, LocalDate.daysIn(month: month, year: year))
        return (try? LocalDate(year: year, month: month, day: day)) ?? end.adding(days: -30 * months)
    }

    static func report(_ simulation: DemoSimulation, store: EventStore, seconds: Double, context: CommandContext) {
        let state = simulation.session.state
        let books = state.receivables
        let events = (try? store.lastPosition()) ?? 0
        func count<T>(_ values: [T], _ key: (T) -> String) -> [(String, Int)] {
            Dictionary(grouping: values, by: key).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        }
        let appointments = count(Array(state.appointments.values)) { $0.status.rawValue }
        let claims = count(Array(state.claims.values)) { $0.status.rawValue }
        let paid = Money.sum(books.payments.values.map(\.posted.amount))
        let rows: [(String, String)] = [
            ("events", "\(events)"),
            ("patients", "\(state.patients.count)"),
            ("appointments", "\(state.appointments.count) (" + appointments.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")"),
            ("claims", "\(state.claims.count) (" + claims.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")"),
            ("remittances", "\(books.remittances.count) from \(simulation.stats.remittanceFiles) 835 files"),
            ("denials", "\(books.denials.count) (\(books.denials.values.filter { $0.status.isOpen }.count) still open)"),
            ("patient payments", "\(books.payments.count) totalling \(paid)"),
            ("statements", "\(books.statements.count)"),
            ("ledger", books.ledger.practice.description),
            ("files", simulation.files.path),
            ("elapsed", String(format: "%.1f s", seconds)),
        ]
        if context.json {
            context.printJSON(.object([
                ("events", .int(Int64(events))), ("patients", .int(Int64(state.patients.count))),
                ("appointments", .int(Int64(state.appointments.count))), ("claims", .int(Int64(state.claims.count))),
                ("remittances", .int(Int64(books.remittances.count))), ("payments", .int(Int64(books.payments.count))),
                ("statements", .int(Int64(books.statements.count))), ("denials", .int(Int64(books.denials.count))),
                ("start", .string(simulation.options.start.description)), ("end", .string(simulation.options.end.description)),
                ("seconds", .number(String(format: "%.1f", seconds))),
            ]))
            return
        }
        context.print("demo practice \(DemoCatalog.practiceName): \(simulation.options.start) to \(simulation.options.end) in \(context.storePath)")
        var table = TextTable(columns: [.init("what"), .init("how many")])
        for row in rows { table.append([row.0, row.1]) }
        let refused = simulation.stats.refusals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        if !refused.isEmpty {
            // Expected along the way: a slot taken meanwhile, a likely duplicate the desk then confirmed.
            table.append(["refused, then redone", refused.joined(separator: ", ")])
        }
        context.output.write(table.render())
    }
}
