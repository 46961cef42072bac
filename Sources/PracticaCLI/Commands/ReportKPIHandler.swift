import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// `practica report kpi`: KPIs of a period (or of each month in it), from the
/// KPI, A/R and schedule read models, each with its numerator and denominator.
enum ReportKPIHandler {
    /// What the KPI figures of any period are computed from, read once.
    struct Sources {
        var months: [MonthKey: KPIMonth] = [:]
        var items: [AROpenItem] = []
        var merges: [PatientID: PatientID] = [:]
        var counters: [(key: ScheduleCounterKey, counters: ScheduleCounters)] = []
        let runner: ProjectionRunner

        init(_ runner: ProjectionRunner, from: MonthKey, to: MonthKey) throws {
            self.runner = runner
            let earliest = MonthKey(value: from.value - 11)
            months = try runner.read(KPIProjection.projectionName) { table in
                Dictionary(try KPIReadModel(table).months(from: earliest, through: to).map { ($0.month, $0.sums) }, uniquingKeysWith: +)
            }
            (items, merges) = try runner.read(ARAgingProjection.projectionName) { table in
                (try ARReadModel(table).items(), try ARReadModel(table).merges())
            }
            counters = try runner.read(ScheduleProjection.projectionName) { try ScheduleReadModel($0).counters() }
        }

        /// The KPIs of the months `from...to`, with A/R age as of `asOf`.
        func figures(from: MonthKey, to: MonthKey, asOf: LocalDate, variants: KPIVariants) throws -> [KPIFigure] {
            let period = months.filter { $0.key >= from && $0.key <= to }.map(\.value)
            let rolling = months.filter { $0.key.value > to.value - 12 && $0.key <= to }.map(\.value)
            let payers = try runner.read(KPIProjection.projectionName) { try KPIReadModel($0).payers(from: from, through: to) }
            let inPeriod = counters.filter {
                let m = MonthKey(value: Int64($0.key.year) * 12 + Int64($0.key.month - 1))
                return m >= from && m <= to
            }
            return KPISummary.figures(months: period, rolling: rolling, payers: payers,
                                      aging: ARAgingReport.compute(items, asOf: asOf, by: .total, merges: merges),
                                      noShows: inPeriod.reduce(0) { $0 + $1.counters.noShows },
                                      scheduled: inPeriod.reduce(0) { $0 + $1.counters.scheduled }, variants: variants)
        }
    }

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let (from, to) = try ReportInput.period(command)
        if let by = command.string("by"), by.lowercased() != "month" {
            throw UsageError(.invalidValue, "--by: expected month, got '\(EchoedWord.of(by))'", hint: "e.g. --by month, or leave it out for one period")
        }
        let byMonth = command.string("by") != nil
        let variants = KPIVariants(charges: try ReportInput.choice(command, "charges", default: ChargeBasis.service),
                                   denials: try ReportInput.choice(command, "denials", default: DenialBasis.claims),
                                   netWindow: try ReportInput.choice(command, "net-window", default: NetCollectionWindow.rolling12))
        _ = try context.authorizedDirectory(for: .read)
        let first = MonthKey(from)
        let last = MonthKey(to)
        let runner = try context.readModels()
        let sources = try Sources(runner, from: first, to: last)
        let payerNames = try ReportGroupNames.payers(runner)
        var periods: [(label: String, from: MonthKey, to: MonthKey, asOf: LocalDate)] = []
        if byMonth {
            for value in first.value...last.value {
                let m = MonthKey(value: value)
                periods.append((m.description, m, m, min(m.last, to)))
            }
        } else {
            periods.append(("\(from) to \(to)", first, last, to))
        }
        var listing = Listing(columns: [.init("period"), .init("kpi"), .init("value", alignment: .right), .init("numerator", alignment: .right),
                                        .init("denominator", alignment: .right), .init("target"), .init("definition")],
                              emptyNote: "no KPIs")
        for period in periods {
            for f in try sources.figures(from: period.from, to: period.to, asOf: period.asOf, variants: variants) {
                let shown = text(f)
                let parts = f.isMoney ? [Money(cents: f.numerator).description, Money(cents: f.denominator).description]
                                      : [String(f.numerator), String(f.denominator)]
                let payerName = f.payer.flatMap { payerNames.name(of: $0.description) }
                var json: [(String, JSONValue)] = [("period", .string(period.label)), ("kpi", .string(f.name))]
                if let payerName { json.append(("payerName", .string(payerName))) }
                // The JSON convention (`JSONNumbers`): the value in percent or days, money as money, counts as integers.
                let value: JSONValue = f.value.map { f.unit == .percent ? JSONNumbers.percent(basisPoints: $0) : JSONNumbers.days(tenths: $0) } ?? .null
                let amount: (Int64) -> JSONValue = { f.isMoney ? JSONNumbers.money(Money(cents: $0)) : .int($0) }
                json += [("value", value), ("unit", .string(f.unit == .percent ? "percent" : "days")),
                         ("text", .string(shown)), ("numerator", amount(f.numerator)), ("denominator", amount(f.denominator)),
                         ("of", .string(f.isMoney ? "money" : "count")),
                         ("target", .string(f.target)), ("definition", .string(f.definition))]
                // The table names the payer for people; CSV keeps the KPI's name as scripts know it.
                let label = command.flag("csv") ? f.name : f.name + (payerName.map { " " + $0 } ?? "")
                listing.append([period.label, label, shown, parts[0], parts[1], f.target, f.definition],
                               json: .object(json))
            }
        }
        listing.print(command, context)
    }

    /// "12.34%" or "3.5 days" from exact integers; "n/a" without a denominator.
    static func text(_ f: KPIFigure) -> String {
        guard let v = f.value else { return "n/a" }
        let sign = v < 0 ? "-" : ""
        let m = v.magnitude
        switch f.unit {
        case .percent: return sign + "\(m / 100).\(m % 100 < 10 ? "0" : "")\(m % 100)%"
        case .days: return sign + "\(m / 10).\(m % 10) days"
        }
    }
}
