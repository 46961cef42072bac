/// One bar per row, running rightwards, with the value printed at its end:
/// denials by reason, where labels are long and there may be many rows.
///
/// Rows are drawn in the order given (sort before if you want a ranking).
/// The chart grows taller with the number of rows instead of squeezing
/// them, and labels too long for the label column are shortened with "…"
/// (the full text stays in the bar's tooltip and in `<desc>`).
///
/// ```swift
/// let denials = HorizontalBarChart(title: "Denials by reason", unit: .count, bars: [
///     .init(label: "CO-16 Missing information", value: 42),
///     .init(label: "CO-197 No prior authorization", value: 17),
/// ])
/// ```
public struct HorizontalBarChart: SVGChart {
    /// One labelled value.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Int64

        public init(label: String, value: Int64) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    /// Read by screen readers; a summary listing every row is generated when `nil`.
    public var description: String?
    public var unit: ValueUnit
    public var bars: [Bar]
    /// Labels longer than this many characters are shortened on the chart.
    public var maximumLabelLength: Int
    /// Used for width, font and colour; `style.height` is ignored, the height follows from the row count.
    public var style: ChartStyle

    public init(title: String, description: String? = nil, unit: ValueUnit, bars: [Bar],
                maximumLabelLength: Int = 32, style: ChartStyle = ChartStyle()) {
        self.title = title
        self.description = description
        self.unit = unit
        self.bars = bars
        self.maximumLabelLength = max(maximumLabelLength, 4)
        self.style = style
    }

    /// Height of one row in pixels.
    var rowHeight: Double { style.fontSize * 2 }

    public func svg(id: String) -> String {
        var sized = style
        let headingRoom = style.fontSize * 2.5
        let axisRoom = style.fontSize * 2 + 8
        sized.height = headingRoom + rowHeight * Double(max(bars.count, 1)) + axisRoom + 8
        var canvas = ChartCanvas(style: sized)
        let headingBottom = canvas.begin(id: id, title: title, description: description ?? summary)

        let scale = AxisScale(covering: bars.map(\.value), unit: unit)
        let labels = bars.map { Self.shortened($0.label, to: maximumLabelLength) }
        let labelWidth = (labels.map(sized.textWidth).max() ?? 0) + 12
        let valueWidth = (bars.map { sized.textWidth(unit.format($0.value)) }.max() ?? 0) + 12
        let plot = PlotArea(left: 8 + labelWidth, top: headingBottom + 4,
                            right: max(sized.width - 8 - valueWidth, 8 + labelWidth + 40),
                            bottom: headingBottom + 4 + rowHeight * Double(max(bars.count, 1)))
        canvas.horizontalValueAxis(scale, unit: unit, plot: plot)
        if bars.isEmpty { canvas.noDataNote(plot: plot) }

        let zeroX = plot.left + scale.fraction(of: 0) * plot.width
        let barHeight = rowHeight * 0.65
        canvas.raw { writer in
            writer.open("g", [("class", "series"), ("fill", sized.color(0))])
            for (index, bar) in bars.enumerated() {
                let top = plot.top + rowHeight * Double(index)
                let middle = top + rowHeight / 2
                let valueX = plot.left + scale.fraction(of: bar.value) * plot.width
                writer.element("text", [("class", "label"), ("x", SVGNumber.text(plot.left - 8)), ("y", SVGNumber.text(middle)),
                                        ("text-anchor", "end"), ("dominant-baseline", "middle"), ("fill", sized.ink)],
                               text: labels[index])
                writer.open("rect", [
                    ("class", "bar s0"),
                    ("x", SVGNumber.text(min(zeroX, valueX))), ("y", SVGNumber.text(middle - barHeight / 2)),
                    ("width", SVGNumber.text(abs(valueX - zeroX))), ("height", SVGNumber.text(barHeight)),
                    ("stroke", sized.ink), ("stroke-width", "0.5"),
                ])
                writer.element("title", text: markTooltip(category: bar.label, series: nil, value: unit.format(bar.value)))
                writer.close("rect")
                writer.element("text", [("class", "value"), ("x", SVGNumber.text(max(zeroX, valueX) + 4)),
                                        ("y", SVGNumber.text(middle)), ("dominant-baseline", "middle"), ("fill", sized.ink)],
                               text: unit.format(bar.value))
            }
            writer.close("g")
        }
        return canvas.finish()
    }

    /// `text` cut to `length` characters, the last one replaced by "…".
    static func shortened(_ text: String, to length: Int) -> String {
        guard text.count > length, length > 1 else { return text }
        return String(text.prefix(length - 1)) + "…"
    }

    var summary: String {
        guard !bars.isEmpty else { return "Bar chart with no data." }
        return "Bar chart, \(bars.count) rows: " + bars.map { $0.label + " " + unit.format($0.value) }.joined(separator: "; ") + "."
    }
}
