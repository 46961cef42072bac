/// Vertical bars, grouped by category: charges and collections by month,
/// appointment volume and no-shows by month.
///
/// Bars start at zero and negative values (refunds exceeding collections)
/// hang below the zero line, so bar length is always proportional to value.
///
/// ```swift
/// let chart = VerticalBarChart(
///     title: "Charges and collections by month", unit: .cents,
///     categories: ["Jan 2026", "Feb 2026"],
///     series: [ChartSeries(name: "Charges", values: [1_250_000, 1_310_000]),
///              ChartSeries(name: "Collections", values: [980_000, 1_020_000])])
/// let svg = chart.svg(id: "charges")
/// ```
public struct VerticalBarChart: SVGChart {
    public var title: String
    /// Read by screen readers; a summary is generated when `nil`.
    public var description: String?
    public var unit: ValueUnit
    public var categories: [String]
    public var series: [ChartSeries]
    public var style: ChartStyle

    public init(title: String, description: String? = nil, unit: ValueUnit,
                categories: [String], series: [ChartSeries], style: ChartStyle = ChartStyle()) {
        self.title = title
        self.description = description
        self.unit = unit
        self.categories = categories
        self.series = series
        self.style = style
    }

    public func svg(id: String) -> String {
        var canvas = ChartCanvas(style: style)
        let headingBottom = canvas.begin(id: id, title: title, description: description ?? summary)
        let legendBottom = canvas.legend(series.map(\.name), top: headingBottom, minimumCount: 2)

        let values = series.flatMap { $0.values.compactMap { $0 } }
        let scale = AxisScale(covering: values, unit: unit)
        let plot = PlotArea(left: 8 + canvas.valueLabelWidth(scale, unit: unit), top: legendBottom + style.fontSize / 2,
                            right: style.width - 12, bottom: style.height - style.fontSize * 2 - 4)
        canvas.verticalValueAxis(scale, unit: unit, plot: plot)
        canvas.categoryLabels(categories, plot: plot)
        if values.isEmpty { canvas.noDataNote(plot: plot) }

        let slot = plot.width / Double(max(categories.count, 1))
        let group = slot * 0.8
        let barWidth = group / Double(max(series.count, 1))
        let zeroY = plot.bottom - scale.fraction(of: 0) * plot.height
        canvas.raw { writer in
            for (seriesIndex, one) in series.enumerated() {
                writer.open("g", [("class", "series"), ("fill", style.color(seriesIndex))])
                for (categoryIndex, category) in categories.enumerated() {
                    guard let value = one.value(at: categoryIndex) else { continue }
                    let valueY = plot.bottom - scale.fraction(of: value) * plot.height
                    let x = plot.left + slot * Double(categoryIndex) + (slot - group) / 2 + barWidth * Double(seriesIndex)
                    writer.open("rect", [
                        ("class", "bar s\(seriesIndex)"),
                        ("x", SVGNumber.text(x)), ("y", SVGNumber.text(min(valueY, zeroY))),
                        ("width", SVGNumber.text(barWidth)), ("height", SVGNumber.text(abs(zeroY - valueY))),
                        ("stroke", style.ink), ("stroke-width", "0.5"),
                    ])
                    writer.element("title", text: markTooltip(category: category, series: one.name, value: unit.format(value)))
                    writer.close("rect")
                }
                writer.close("g")
            }
        }
        return canvas.finish()
    }

    /// "Bar chart, 12 categories from Jan 2026 to Dec 2026; series: Charges, Collections. Jan 2026: Charges $1.00, …"
    var summary: String {
        categorySummary(kind: "Bar chart", categories: categories, series: series, unit: unit)
    }
}

/// The generated `<desc>` of category charts: what kind, how many, the
/// range, which series, then every value. `role="img"` hides the marks'
/// tooltips from screen readers, so the description must carry the data.
func categorySummary(kind: String, categories: [String], series: [ChartSeries], unit: ValueUnit) -> String {
    var text = kind
    if let first = categories.first, let last = categories.last {
        text += categories.count == 1 ? ", 1 category: \(first)" : ", \(categories.count) categories from \(first) to \(last)"
    } else {
        return text + " with no data."
    }
    let names = series.map(\.name).filter { !$0.isEmpty }
    if !names.isEmpty { text += "; series: " + names.joined(separator: ", ") }
    text += "."
    let perCategory = categories.enumerated().map { index, category in
        let values = series.map { one in
            let value = one.value(at: index).map(unit.format) ?? "no data"
            return one.name.isEmpty ? value : one.name + " " + value
        }
        return category + ": " + values.joined(separator: ", ")
    }
    if !series.isEmpty { text += " " + perCategory.joined(separator: "; ") + "." }
    return text
}
