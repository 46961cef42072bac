import BinaryCodec
import CLIKit
import Charts
import Projections
import RevenueCycle

/// `practica report days-in-ar`: days in A/R at each month end, from the A/R
/// model's dated postings in one sweep, as a table and a terminal bar chart.
enum ReportDaysHandler {
    static let target = ChartTarget(label: "Target", value: 400)

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let (from, to) = try ReportInput.period(command)
        let variant = try ReportInput.choice(command, "variant", default: DaysInARVariant.gross)
        _ = try context.authorizedDirectory(for: .read)
        let postings = try context.readModels().read(ARAgingProjection.projectionName) { try ARReadModel($0).dailyTotals() }
        let points = DaysInARHistory.compute(postings, monthEnds: DaysInARHistory.monthEnds(from: from, to: to), variant: variant)
        let revenueName = variant == .gross ? "charges 90d" : "net revenue 90d"
        var listing = Listing(columns: [.init("month end"), .init("A/R", alignment: .right), .init(revenueName, alignment: .right),
                                        .init("days in A/R", alignment: .right)],
                              emptyNote: "no months")
        for p in points {
            let days = p.tenthsOfDays.map { ValueUnit.tenthsOfDays.format($0) } ?? "n/a"
            listing.append([p.monthEnd.description, p.receivables.description, p.revenue90.description, days],
                           json: .object([("monthEnd", .string(p.monthEnd.description)), ("receivables", ReportInput.money(p.receivables)),
                                          ("revenue90", ReportInput.money(p.revenue90)), ("variant", .string(variant.rawValue)),
                                          ("tenthsOfDays", p.tenthsOfDays.map { .int($0) } ?? .null)]))
        }
        listing.print(command, context)
        guard !context.json, !command.flag("csv") else { return }
        let rows = points.map { TerminalBarChart.Row(label: monthLabel($0.monthEnd), value: $0.tenthsOfDays) }
        var chart = TerminalBarChart(rows: rows, unit: .tenthsOfDays, target: target, glyphs: command.flag("ascii") ? .ascii : .unicode)
        if let columns = Terminal.columns(.standardOutput) { chart.barWidth = min(chart.barWidth(fittingColumns: columns), 60) }
        context.print("")
        context.output.write(chart.render())
    }

    /// "Mar 2026".
    static func monthLabel(_ date: LocalDate) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[date.month - 1]) \(date.year)"
    }
}
