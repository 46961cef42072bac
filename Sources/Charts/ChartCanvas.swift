/// The rectangle inside the axes where data is drawn, in SVG pixels.
struct PlotArea {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { max(right - left, 1) }
    var height: Double { max(bottom - top, 1) }
}

/// The parts every chart shares: the `<svg>` element with its accessible
/// `<title>` and `<desc>`, a visible heading, a legend, and value axes with
/// gridlines. Each chart type only adds its own marks, so all charts on a
/// dashboard look alike and are equally accessible.
struct ChartCanvas {
    let style: ChartStyle
    private(set) var writer = MarkupWriter()

    init(style: ChartStyle) {
        self.style = style
    }

    /// Opens the `<svg>` and draws the heading; returns the y below it.
    mutating func begin(id: String, title: String, description: String) -> Double {
        let width = SVGNumber.text(style.width)
        let height = SVGNumber.text(style.height)
        writer.open("svg", [
            ("id", id), ("class", "chart"), ("role", "img"),
            ("aria-labelledby", id + "-title " + id + "-desc"),
            ("viewBox", "0 0 " + width + " " + height), ("width", width), ("height", height),
            ("font-family", ChartStyle.fontFamily), ("font-size", SVGNumber.text(style.fontSize)),
        ])
        writer.element("title", [("id", id + "-title")], text: title)
        writer.element("desc", [("id", id + "-desc")], text: description)
        writer.empty("rect", [("class", "background"), ("x", "0"), ("y", "0"),
                              ("width", width), ("height", height), ("fill", "#ffffff")])
        let baseline = style.fontSize * 1.5
        writer.element("text", [("class", "heading"), ("x", "8"), ("y", SVGNumber.text(baseline)),
                                ("font-weight", "bold"), ("fill", style.ink)], text: title)
        return baseline + style.fontSize * 0.75
    }

    /// Draws a swatch and name per series, wrapping to more rows when needed;
    /// returns the y below the legend. Nothing is drawn for fewer than `minimumCount` names.
    mutating func legend(_ names: [String], top: Double, swatch: LegendSwatch = .box, minimumCount: Int = 1) -> Double {
        guard names.count >= minimumCount, !names.isEmpty else { return top }
        let rowHeight = style.fontSize * 1.6
        let size = style.fontSize * 0.9
        var x = 8.0
        var y = top
        writer.open("g", [("class", "legend")])
        for (index, name) in names.enumerated() {
            let itemWidth = size + 6 + style.textWidth(name) + 16
            if x > 8, x + itemWidth > style.width - 8 {
                x = 8
                y += rowHeight
            }
            let middle = y + rowHeight / 2
            switch swatch {
            case .box:
                writer.empty("rect", [("x", SVGNumber.text(x)), ("y", SVGNumber.text(middle - size / 2)),
                                      ("width", SVGNumber.text(size)), ("height", SVGNumber.text(size)),
                                      ("fill", style.color(index)), ("stroke", style.ink), ("stroke-width", "0.5")])
            case .line:
                writer.empty("line", [("x1", SVGNumber.text(x)), ("y1", SVGNumber.text(middle)),
                                      ("x2", SVGNumber.text(x + size)), ("y2", SVGNumber.text(middle)),
                                      ("stroke", style.color(index)), ("stroke-width", "3")])
            }
            writer.element("text", [("x", SVGNumber.text(x + size + 6)), ("y", SVGNumber.text(middle)),
                                    ("dominant-baseline", "middle"), ("fill", style.ink)], text: name)
            x += itemWidth
        }
        writer.close("g")
        return y + rowHeight + 4
    }

    /// Horizontal gridlines and tick labels left of `plot`, for charts whose values run upwards.
    mutating func verticalValueAxis(_ scale: AxisScale, unit: ValueUnit, plot: PlotArea) {
        writer.open("g", [("class", "value-axis")])
        for tick in scale.ticks {
            let y = plot.bottom - scale.fraction(of: tick) * plot.height
            writer.empty("line", [("x1", SVGNumber.text(plot.left)), ("y1", SVGNumber.text(y)),
                                  ("x2", SVGNumber.text(plot.right)), ("y2", SVGNumber.text(y)),
                                  ("stroke", tick == 0 ? style.ink : style.grid), ("stroke-width", tick == 0 ? "1" : "0.5")])
            writer.element("text", [("x", SVGNumber.text(plot.left - 6)), ("y", SVGNumber.text(y)),
                                    ("text-anchor", "end"), ("dominant-baseline", "middle"), ("fill", style.ink)],
                           text: unit.tickLabel(tick, step: scale.step))
        }
        writer.close("g")
    }

    /// Vertical gridlines and tick labels under `plot`, for charts whose values run rightwards.
    mutating func horizontalValueAxis(_ scale: AxisScale, unit: ValueUnit, plot: PlotArea) {
        writer.open("g", [("class", "value-axis")])
        for tick in scale.ticks {
            let x = plot.left + scale.fraction(of: tick) * plot.width
            writer.empty("line", [("x1", SVGNumber.text(x)), ("y1", SVGNumber.text(plot.top)),
                                  ("x2", SVGNumber.text(x)), ("y2", SVGNumber.text(plot.bottom)),
                                  ("stroke", tick == 0 ? style.ink : style.grid), ("stroke-width", tick == 0 ? "1" : "0.5")])
            writer.element("text", [("x", SVGNumber.text(x)), ("y", SVGNumber.text(plot.bottom + style.fontSize + 4)),
                                    ("text-anchor", "middle"), ("fill", style.ink)],
                           text: unit.tickLabel(tick, step: scale.step))
        }
        writer.close("g")
    }

    /// Category names centred under equal slots; when they would overlap only
    /// every n-th is printed (24 months don't fit side by side), the others
    /// remain in each mark's tooltip.
    mutating func categoryLabels(_ categories: [String], plot: PlotArea) {
        guard !categories.isEmpty else { return }
        let slot = plot.width / Double(categories.count)
        let widest = categories.map(style.textWidth).max() ?? 0
        let stride = max(1, Int(((widest + 6) / slot).rounded(.up)))
        writer.open("g", [("class", "category-axis")])
        for (index, label) in categories.enumerated() where index % stride == 0 {
            let x = plot.left + slot * (Double(index) + 0.5)
            writer.element("text", [("x", SVGNumber.text(x)), ("y", SVGNumber.text(plot.bottom + style.fontSize + 4)),
                                    ("text-anchor", "middle"), ("fill", style.ink)], text: label)
        }
        writer.close("g")
    }

    /// Room needed left of the plot for the widest tick label.
    func valueLabelWidth(_ scale: AxisScale, unit: ValueUnit) -> Double {
        let widest = scale.ticks.map { style.textWidth(unit.tickLabel($0, step: scale.step)) }.max() ?? 0
        return widest + 12
    }

    /// A centred "No data" note, so an empty chart says why it's empty.
    mutating func noDataNote(plot: PlotArea) {
        writer.element("text", [("class", "no-data"), ("x", SVGNumber.text(plot.left + plot.width / 2)),
                                ("y", SVGNumber.text(plot.top + plot.height / 2)), ("text-anchor", "middle"),
                                ("fill", style.ink)], text: "No data")
    }

    mutating func raw(_ build: (inout MarkupWriter) -> Void) {
        build(&writer)
    }

    /// Closes the `<svg>` and returns the markup.
    mutating func finish() -> String {
        writer.close("svg")
        return writer.output
    }
}

/// How a legend entry shows its series: a filled box for bars, a stroke for lines.
enum LegendSwatch {
    case box
    case line
}

/// "Jan 2026 · Charges: $1,234.56" — the tooltip text of one mark.
func markTooltip(category: String, series: String?, value: String) -> String {
    var parts = [category]
    if let series, !series.isEmpty { parts.append(series + ": " + value) } else { parts.append(value) }
    return parts.joined(separator: " · ")
}
