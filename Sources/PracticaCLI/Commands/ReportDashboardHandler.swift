import CLIKit
import Charts
import Foundation
import Projections
import RevenueCycle
import X12

/// `practica report dashboard --out DIR`: one self-contained HTML page
/// (`DIR/index.html`) of the last 12 months, built with `Charts.DashboardPage`.
enum ReportDashboardHandler {
    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let out = try command.requiredPath("out")
        let toOption = try ReportInput.date(command, "to")
        let directory = try context.authorizedDirectory(for: .read)
        let to = toOption ?? context.today(in: directory.practice?.timeZone)
        let runner = try context.readModels()
        let page = try DashboardBuilder(runner: runner, to: to,
                                        practiceName: directory.practice?.practiceName.text ?? "Practice",
                                        generatedBy: "practica report dashboard, log position \(try context.store().lastPosition())").page()
        // The dashboard shows the practice's money and names payers: as private as the store.
        let permissions = context.filePermissions
        do {
            try permissions.createDirectory(out)
            try permissions.writeNewFile(Array(page.html().utf8), to: out + "/index.html")
        } catch {
            throw RejectionFailure(.refused("out", "cannot write \(out)/index.html: \(error)",
                                            hint: "choose a directory you can write to"))
        }
        context.print("wrote \(out)/index.html")
    }
}

/// Gathers the dashboard's figures from the read models and lays them out.
struct DashboardBuilder {
    let runner: ProjectionRunner
    let to: LocalDate
    let practiceName: String
    let generatedBy: String

    func page() throws -> DashboardPage {
        let last = MonthKey(to)
        let first = MonthKey(value: last.value - 11)
        let months = (first.value...last.value).map { MonthKey(value: $0) }
        let labels = months.map { ReportDaysHandler.monthLabel($0.first) }
        let sums = try runner.read(KPIProjection.projectionName) { table in
            Dictionary(try KPIReadModel(table).months(from: first, through: last).map { ($0.month, $0.sums) }, uniquingKeysWith: +)
        }
        let (items, merges, postings) = try runner.read(ARAgingProjection.projectionName) { table in
            (try ARReadModel(table).items(), try ARReadModel(table).merges(), try ARReadModel(table).dailyTotals())
        }
        let sources = try ReportKPIHandler.Sources(runner, from: first, to: last)
        let figures = try sources.figures(from: first, to: last, asOf: to, variants: KPIVariants())
        let aging = ARAgingReport.compute(items, asOf: to, by: .total, merges: merges)
        let monthEnds = months.map { min($0.last, to) }
        let days = DaysInARHistory.compute(postings, monthEnds: monthEnds, variant: .gross)
        let close = ARActivity.compute(postings, monthEnds: monthEnds)
        let reasons = try runner.read(KPIProjection.projectionName) { try KPIReadModel($0).denialReasons(from: first, through: last) }
        let payers = try runner.read(KPIProjection.projectionName) { try KPIReadModel($0).payers(from: first, through: last) }
        let schedule = sources.counters
        let payerNames = try ReportGroupNames.payers(runner)

        func column(_ f: (KPIMonth) -> Int64) -> [Int64?] { months.map { sums[$0].map(f) ?? 0 } }
        let charges = VerticalBarChart(title: "Charges and collections by month", description: "Gross charges by date of service; payments by payment date.",
                                       unit: .cents, categories: labels,
                                       series: [ChartSeries(name: "Charges", values: column { $0.chargesByService.cents }),
                                                ChartSeries(name: "Payer payments", values: column { $0.payerPayments.cents }),
                                                ChartSeries(name: "Patient payments", values: column { $0.patientPayments.cents })])
        let daysChart = LineChart(title: "Days in A/R", description: "Open A/R ÷ average daily gross charges over 90 days, at each month end.",
                                  unit: .tenthsOfDays, categories: labels,
                                  series: [ChartSeries(name: "Days in A/R", values: days.map(\.tenthsOfDays))], target: ReportDaysHandler.target)
        let agingChart = StackedBarChart(title: "A/R aging as of \(to)", description: "Days from the date of service.", unit: .cents,
                                         categories: AgingBuckets.labels,
                                         series: [ChartSeries(name: "Insurance", values: aging.insurance.amounts.map(\.cents)),
                                                  ChartSeries(name: "Patient", values: aging.patient.amounts.map(\.cents))])
        var byReason: [String: Int64] = [:]
        for r in reasons { byReason[Self.reasonLabel(r.carc), default: 0] += r.dollars.cents }
        let denials = HorizontalBarChart(title: "Denials by reason", description: "Denied dollars by claim adjustment reason code, last 12 months.",
                                         unit: .cents, bars: byReason.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
                                             .map { HorizontalBarChart.Bar(label: $0.key, value: $0.value) })
        let payerTable = PayerPerformanceTable(rows: payers.sorted { $0.key < $1.key }.map { payer, m in
            PayerPerformanceTable.Row(payer: payerNames.label(payer.description), claims: m.claimsSubmitted, billedCents: m.billed.cents, paidCents: m.paid.cents,
                                      denied: m.claimsDenied, daysToPayTenths: Ratio(m.daysToPaySum, m.claimsPaid).scaled(by: 10))
        })
        func scheduleColumn(_ f: (ScheduleCounters) -> Int64) -> [Int64?] {
            months.map { m in schedule.filter { $0.key.year == m.year && $0.key.month == m.month }.reduce(0) { $0 + f($1.counters) } }
        }
        let appointments = VerticalBarChart(title: "Appointments and no-shows", description: "Scheduled = booked − cancelled in advance.",
                                            unit: .count, categories: labels,
                                            series: [ChartSeries(name: "Scheduled", values: scheduleColumn(\.scheduled)),
                                                     ChartSeries(name: "No-shows", values: scheduleColumn(\.noShows))])
        let closeTable = DataTable(
            caption: "Opening A/R + charges − payments − adjustments = closing A/R, by effective date.",
            columns: [.init("Month", alignment: .leading), .init("Opening A/R"), .init("Charges"), .init("Payer payments"),
                      .init("Patient payments"), .init("Adjustments"), .init("Closing A/R")],
            rows: zip(labels, close).map { label, m in
                [.text(label), .value(m.opening.cents, .cents), .value(m.activity.charges.cents, .cents),
                 .value(m.activity.payerPayments.cents, .cents), .value(m.activity.patientPayments.cents, .cents),
                 .value(m.activity.adjustments.cents, .cents), .value(m.closing.cents, .cents)]
            })
        func figure(_ name: String) -> KPIFigure? { figures.first { $0.name == name } }
        func tile(_ name: String, _ label: String, target: Int64?, _ direction: KPITile.Direction) -> KPITile {
            let f = figure(name)
            return KPITile(label: label, value: f?.value, unit: f?.unit == .days ? .tenthsOfDays : .basisPoints, target: target,
                           direction: direction, note: f?.definition)
        }
        let tiles = [
            KPITile(label: "Days in A/R", value: days.last?.tenthsOfDays, unit: .tenthsOfDays, target: 400, direction: .lowerIsBetter,
                    note: "gross A/R ÷ average daily gross charges, 90 days"),
            tile("net collection rate", "Net collection rate", target: 9_500, .higherIsBetter),
            tile("denial rate", "Denial rate", target: 500, .lowerIsBetter),
            tile("clean-claim rate", "Clean-claim rate", target: 9_500, .higherIsBetter),
            tile("first-pass resolution rate", "First-pass resolution", target: 9_000, .higherIsBetter),
            tile("A/R over 90 days", "A/R over 90 days", target: 1_500, .lowerIsBetter),
            tile("no-show rate", "No-show rate", target: 700, .lowerIsBetter),
            tile("charge lag", "Charge lag", target: 20, .lowerIsBetter),
        ]
        return DashboardPage(practiceName: practiceName, asOf: to.description, tiles: tiles, sections: [
            DashboardSection(title: "Charges and collections", items: [.chart(charges)]),
            DashboardSection(title: "Month-end close", items: [.table(closeTable)]),
            DashboardSection(title: "Days in A/R", items: [.chart(daysChart)]),
            DashboardSection(title: "A/R aging", note: "Total \(aging.total): insurance \(aging.insurance.total), patient \(aging.patient.total), "
                                + "less credit balances \(aging.insuranceCredit + aging.patientCredit) (shown apart, not in the buckets).",
                             items: [.chart(agingChart)]),
            DashboardSection(title: "Denials by reason", items: byReason.isEmpty ? [.paragraph("No denials in these 12 months.")] : [.chart(denials)]),
            DashboardSection(title: "Payer performance", items: [.table(payerTable.table())]),
            DashboardSection(title: "Appointment volume and no-shows", items: [.chart(appointments)]),
        ], generatedBy: generatedBy)
    }

    /// "CARC 50 — These are non-covered services…", cut short enough for a bar label.
    static func reasonLabel(_ carc: String) -> String {
        guard let text = ClaimAdjustmentReasonCodes.text(for: carc) else { return "CARC \(carc)" }
        var short = ""
        for word in text.split(separator: " ") {
            guard short.count + word.count < 40 else { return "CARC \(carc) — \(short)…" }
            short += (short.isEmpty ? "" : " ") + word
        }
        return "CARC \(carc) — \(text)"
    }
}
