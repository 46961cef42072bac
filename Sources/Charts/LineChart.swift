/// A line per series over categories, with an optional target line:
/// days in A/R month by month against the practice's goal.
///
/// Missing values (`nil`) break the line instead of dropping it to zero, and
/// every point carries a tooltip with its exact value. The axis includes zero
/// so a move from 38 to 41 days doesn't look like a doubling.
///
/// ```swift
/// let chart = LineChart(
///     title: "Days in A/R", unit: .tenthsOfDays,
///     categories: ["Oct", "Nov", "Dec"],
///     series: [ChartSeries(name: "Days in A/R", values: [412, 398, 377])],
///     target: ChartTarget(label: "Target", value: 400))
/// ```
public struct LineChart: SVGChart {
    public var title: String
    /// Read by screen readers; a summary is generated when `nil`.
    public var description: String?
    public var unit: ValueUnit
    public var categories: [String]
    public var series: [ChartSeries]
    public var target: ChartTarget?
    public var style: ChartStyle

    public init(title: String, description: String? = nil, unit: ValueUnit, categories: [String],
                series: [ChartSeries], target: ChartTarget? = nil, style: ChartStyle = ChartStyle()) {
        self.title = title
        self.description = description
        self.unit = unit
        self.categories = categories
        self.series = series
        self.target = target
        self.style = style
    }

    public func svg(id: String) -> String {
        var canvas = ChartCanvas(style: style)
        let headingBottom = canvas.begin(id: id, title: title, description: description ?? summary)
        let legendBottom = canvas.legend(series.map(\.name), top: headingBottom, swatch: .line, minimumCount: 2)

        let values = series.flatMap { $0.values.compactMap { $0 } }
        let scale = AxisScale(covering: values + (target.map { [$0.value] } ?? []), unit: unit)
        let plot = PlotArea(left: 8 + canvas.valueLabelWidth(scale, unit: unit), top: legendBottom + style.fontSize / 2,
                            right: style.width - 12, bottom: style.height - style.fontSize * 2 - 4)
        canvas.verticalValueAxis(scale, unit: unit, plot: plot)
        canvas.categoryLabels(categories, plot: plot)
        if values.isEmpty { canvas.noDataNote(plot: plot) }

        let slot = plot.width / Double(max(categories.count, 1))
        func point(_ index: Int, _ value: Int64) -> (x: Double, y: Double) {
            (plot.left + slot * (Double(index) + 0.5), plot.bottom - scale.fraction(of: value) * plot.height)
        }
        canvas.raw { writer in
            if let target {
                drawTarget(target, y: plot.bottom - scale.fraction(of: target.value) * plot.height, plot: plot, into: &writer)
            }
            for (seriesIndex, one) in series.enumerated() {
                let color = style.color(seriesIndex)
                writer.open("g", [("class", "series")])
                // A lone point between gaps has no line; its circle shows it.
                for run in Self.runs(of: one, count: categories.count) where run.count > 1 {
                    let points = run.map { point($0.index, $0.value) }
                    writer.empty("polyline", [
                        ("class", "line s\(seriesIndex)"), ("fill", "none"), ("stroke", color), ("stroke-width", "2.5"),
                        ("stroke-linejoin", "round"),
                        ("points", points.map { SVGNumber.text($0.x) + "," + SVGNumber.text($0.y) }.joined(separator: " ")),
                    ])
                }
                for index in categories.indices {
                    guard let value = one.value(at: index) else { continue }
                    let p = point(index, value)
                    writer.open("circle", [("class", "point s\(seriesIndex)"), ("cx", SVGNumber.text(p.x)), ("cy", SVGNumber.text(p.y)),
                                           ("r", "3.5"), ("fill", color), ("stroke", "#ffffff"), ("stroke-width", "1")])
                    writer.element("title", text: markTooltip(category: categories[index], series: one.name, value: unit.format(value)))
                    writer.close("circle")
                }
                writer.close("g")
            }
        }
        return canvas.finish()
    }

    /// A dashed line across the plot, labelled at its right end with the
    /// target's value, so it reads the same in colour and on grey paper.
    private func drawTarget(_ target: ChartTarget, y: Double, plot: PlotArea, into writer: inout MarkupWriter) {
        let label = target.label + " " + unit.format(target.value)
        writer.open("g", [("class", "target")])
        writer.open("line", [("x1", SVGNumber.text(plot.left)), ("y1", SVGNumber.text(y)),
                             ("x2", SVGNumber.text(plot.right)), ("y2", SVGNumber.text(y)),
                             ("stroke", style.target), ("stroke-width", "1.5"), ("stroke-dasharray", "6 4")])
        writer.element("title", text: label)
        writer.close("line")
        writer.element("text", [("x", SVGNumber.text(plot.right)), ("y", SVGNumber.text(y - 4)),
                                ("text-anchor", "end"), ("fill", style.target)], text: label)
        writer.close("g")
    }

    /// Consecutive present values, so a missing month splits the line in two.
    static func runs(of series: ChartSeries, count: Int) -> [[(index: Int, value: Int64)]] {
        var runs: [[(index: Int, value: Int64)]] = []
        var current: [(index: Int, value: Int64)] = []
        for index in 0..<max(count, 0) {
            if let value = series.value(at: index) {
                current.append((index, value))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    var summary: String {
        var text = categorySummary(kind: "Line chart", categories: categories, series: series, unit: unit)
        if let target { text += " " + target.label + ": " + unit.format(target.value) + "." }
        return text
    }
}

/// A goal drawn as a reference line (charts) or a marker (terminal bars).
public struct ChartTarget: Sendable, Hashable {
    public var label: String
    public var value: Int64

    public init(label: String = "Target", value: Int64) {
        self.label = label
        self.value = value
    }
}
