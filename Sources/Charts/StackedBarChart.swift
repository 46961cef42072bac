/// Bars whose series are stacked: A/R aging buckets split into insurance and
/// patient balances, with the bucket total printed above each stack.
///
/// Positive parts stack up from zero and negative parts (credit balances)
/// stack down from it, so each segment's length is its own value and the
/// stacks never overlap.
///
/// ```swift
/// let aging = StackedBarChart(
///     title: "A/R aging", unit: .cents,
///     categories: StackedBarChart.agingBuckets,
///     series: [ChartSeries(name: "Insurance", values: [4_210_000, 1_830_000, 920_000, 410_000, 380_000]),
///              ChartSeries(name: "Patient", values: [610_000, 440_000, 300_000, 120_000, 260_000])])
/// ```
public struct StackedBarChart: SVGChart {
    public var title: String
    /// Read by screen readers; a summary is generated when `nil`.
    public var description: String?
    public var unit: ValueUnit
    public var categories: [String]
    public var series: [ChartSeries]
    /// Print each stack's total above (or below) it.
    public var showsTotals: Bool
    public var style: ChartStyle

    /// The aging buckets the A/R report uses, in days from the date of service.
    public static let agingBuckets = ["0–30", "31–60", "61–90", "91–120", "120+"]

    public init(title: String, description: String? = nil, unit: ValueUnit, categories: [String],
                series: [ChartSeries], showsTotals: Bool = true, style: ChartStyle = ChartStyle()) {
        self.title = title
        self.description = description
        self.unit = unit
        self.categories = categories
        self.series = series
        self.showsTotals = showsTotals
        self.style = style
    }

    public func svg(id: String) -> String {
        var canvas = ChartCanvas(style: style)
        let headingBottom = canvas.begin(id: id, title: title, description: description ?? summary)
        let legendBottom = canvas.legend(series.map(\.name), top: headingBottom)

        let stacks = categories.indices.map(stackExtent)
        let hasData = series.contains { $0.values.contains { $0 != nil } }
        let scale = AxisScale(covering: stacks.flatMap { [$0.negative, $0.positive] }, unit: unit)
        let totalRoom = showsTotals ? style.fontSize + 4 : 0
        let plot = PlotArea(left: 8 + canvas.valueLabelWidth(scale, unit: unit), top: legendBottom + totalRoom,
                            right: style.width - 12, bottom: style.height - style.fontSize * 2 - 4)
        canvas.verticalValueAxis(scale, unit: unit, plot: plot)
        canvas.categoryLabels(categories, plot: plot)
        if !hasData { canvas.noDataNote(plot: plot) }

        let slot = plot.width / Double(max(categories.count, 1))
        let barWidth = slot * 0.6
        func y(_ value: Int64) -> Double { plot.bottom - scale.fraction(of: value) * plot.height }
        canvas.raw { writer in
            for (categoryIndex, category) in categories.enumerated() {
                let x = plot.left + slot * Double(categoryIndex) + (slot - barWidth) / 2
                var above: Int64 = 0
                var below: Int64 = 0
                writer.open("g", [("class", "stack")])
                for (seriesIndex, one) in series.enumerated() {
                    guard let value = one.value(at: categoryIndex), value != 0 else { continue }
                    let start = value > 0 ? above : below
                    let (sum, overflow) = start.addingReportingOverflow(value)
                    let end = overflow ? (value > 0 ? Int64.max : Int64.min) : sum
                    if value > 0 { above = end } else { below = end }
                    writer.open("rect", [
                        ("class", "bar s\(seriesIndex)"),
                        ("x", SVGNumber.text(x)), ("y", SVGNumber.text(min(y(start), y(end)))),
                        ("width", SVGNumber.text(barWidth)), ("height", SVGNumber.text(abs(y(start) - y(end)))),
                        ("fill", style.color(seriesIndex)), ("stroke", style.ink), ("stroke-width", "0.5"),
                    ])
                    writer.element("title", text: markTooltip(category: category, series: one.name, value: unit.format(value)))
                    writer.close("rect")
                }
                if showsTotals, let total = stackTotal(categoryIndex) {
                    let labelY = total < 0 ? y(below) + style.fontSize + 2 : y(above) - 4
                    writer.element("text", [("class", "total"), ("x", SVGNumber.text(x + barWidth / 2)),
                                            ("y", SVGNumber.text(labelY)), ("text-anchor", "middle"),
                                            ("fill", style.ink)], text: unit.format(total))
                }
                writer.close("g")
            }
        }
        return canvas.finish()
    }

    /// The sum of positive and of negative parts of one stack, saturating
    /// rather than trapping, since the axis only needs to cover them.
    func stackExtent(_ categoryIndex: Int) -> (negative: Int64, positive: Int64) {
        var negative: Int64 = 0
        var positive: Int64 = 0
        for one in series {
            guard let value = one.value(at: categoryIndex) else { continue }
            if value > 0 {
                let (sum, overflow) = positive.addingReportingOverflow(value)
                positive = overflow ? Int64.max : sum
            } else {
                let (sum, overflow) = negative.addingReportingOverflow(value)
                negative = overflow ? Int64.min : sum
            }
        }
        return (negative, positive)
    }

    /// The exact total of one stack, or `nil` when it has no values or the
    /// sum doesn't fit (then no total is better than a wrong one).
    func stackTotal(_ categoryIndex: Int) -> Int64? {
        var total: Int64 = 0
        var any = false
        for one in series {
            guard let value = one.value(at: categoryIndex) else { continue }
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = sum
            any = true
        }
        return any ? total : nil
    }

    var summary: String {
        var text = categorySummary(kind: "Stacked bar chart", categories: categories, series: series, unit: unit)
        let totals = categories.indices.compactMap { index in stackTotal(index).map { categories[index] + " " + unit.format($0) } }
        if !totals.isEmpty { text += " Totals: " + totals.joined(separator: ", ") + "." }
        return text
    }
}
