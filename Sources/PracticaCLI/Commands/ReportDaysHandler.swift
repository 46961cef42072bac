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
        let directory = try context.authorizedDirectory(for: .read)
        let today = context.today(in: directory.practice?.timeZone)
        let ends = seriesEnds(from: from, to: to, today: today)
        let postings = try context.readModels().read(ARAgingProjection.projectionName) { try ARReadModel($0).dailyTotals() }
        let points = DaysInARHistory.compute(postings, monthEnds: ends.map(\.date), variant: variant)
        let revenueName = variant == .gross ? "charges 90d" : "net revenue 90d"
        var listing = Listing(columns: [.init("month end"), .init("A/R", alignment: .right), .init(revenueName, alignment: .right),
                                        .init("days in A/R", alignment: .right)],
                              emptyNote: "no months up to today (\(today))")
        for (p, end) in zip(points, ends) {
            let days = p.tenthsOfDays.map { ValueUnit.tenthsOfDays.format($0) } ?? "n/a"
            let label = p.monthEnd.description + (end.isMonthToDate ? " (month to date)" : "")
            listing.append([label, p.receivables.description, p.revenue90.description, days],
                           json: .object([("monthEnd", .string(p.monthEnd.description)), ("monthToDate", .bool(end.isMonthToDate)),
                                          ("receivables", ReportInput.money(p.receivables)),
                                          ("revenue90", ReportInput.money(p.revenue90)), ("variant", .string(variant.rawValue)),
                                          ("days", p.tenthsOfDays.map { JSONNumbers.days(tenths: $0) } ?? .null)]))
        }
        listing.print(command, context)
        guard !context.json, !command.flag("csv"), !points.isEmpty else { return }
        let rows = zip(points, ends).map { p, end in
            TerminalBarChart.Row(label: monthLabel(p.monthEnd) + (end.isMonthToDate ? " to date" : ""), value: p.tenthsOfDays)
        }
        var chart = TerminalBarChart(rows: rows, unit: .tenthsOfDays, target: target, glyphs: command.flag("ascii") ? .ascii : .unicode)
        if let columns = Terminal.columns(.standardOutput) { chart.barWidth = min(chart.barWidth(fittingColumns: columns), 60) }
        context.print("")
        context.output.write(chart.render())
    }

    /// The month ends from `from` to `to`, as far as today: the running month
    /// ends today and says so (its charges are a partial month's, so its days
    /// in A/R is not comparable with a closed month's), and months that have not
    /// begun are left out.
    static func seriesEnds(from: LocalDate, to: LocalDate, today: LocalDate) -> [(date: LocalDate, isMonthToDate: Bool)] {
        DaysInARHistory.monthEnds(from: from, to: to).compactMap { end in
            if end <= today { return (end, false) }
            if end.year == today.year && end.month == today.month { return (today, true) }
            return nil
        }
    }

    /// "Mar 2026".
    static func monthLabel(_ date: LocalDate) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[date.month - 1]) \(date.year)"
    }
}
