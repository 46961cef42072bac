import XCTest
@testable import Charts

/// Renders and parses each chart type; geometry is read back from the markup.
final class SVGChartTests: XCTestCase {
    static let hostile = "Aetna <PPO> & \"Blue\" 'Cross'"

    func testGroupedBarHeightsAreProportionalToValuesOnACommonBaseline() {
        let chart = VerticalBarChart(title: "Charges and collections", unit: .cents, categories: ["Jan", "Feb", "Mar"],
                                     series: [ChartSeries(name: "Charges", values: [100_000, 200_000, 0]),
                                              ChartSeries(name: "Collections", values: [50_000, 150_000, 300_000])])
        let parsed = ParsedMarkup(chart.svg(id: "c"))
        let bars = parsed.all("rect", withClass: "bar")
        XCTAssertEqual(bars.count, 6)
        let values: [Double] = [100_000, 200_000, 0, 50_000, 150_000, 300_000]
        let heights = bars.compactMap { $0.number("height") }
        let perUnit = heights[5] / 300_000
        for (height, value) in zip(heights, values) {
            XCTAssertEqual(height, value * perUnit, accuracy: 0.05)
        }
        let bottoms = bars.compactMap { bar in bar.number("y").flatMap { y in bar.number("height").map { y + $0 } } }
        XCTAssertEqual(Set(bottoms.map { ($0 * 100).rounded() }).count, 1, "all bars stand on the zero line")
        // Within a month the series sit side by side, months left to right.
        let xs = bars.compactMap { $0.number("x") }
        XCTAssertLessThan(xs[0], xs[3])
        XCTAssertLessThan(xs[3], xs[1])
        XCTAssertLessThan(xs[1], xs[4])
        XCTAssertEqual(bars[4].tooltip, "Feb · Collections: $1,500.00")
    }

    func testNegativeBarsHangBelowTheZeroLine() {
        let chart = VerticalBarChart(title: "Net", unit: .count, categories: ["a", "b"],
                                     series: [ChartSeries(name: "Net", values: [-100, 200])])
        let bars = ParsedMarkup(chart.svg()).all("rect", withClass: "bar")
        guard bars.count == 2, let negY = bars[0].number("y"), let negH = bars[0].number("height"),
              let posY = bars[1].number("y"), let posH = bars[1].number("height") else { return XCTFail("two bars") }
        XCTAssertEqual(negY, posY + posH, accuracy: 0.05, "the negative bar starts at zero")
        XCTAssertEqual(posH, 2 * negH, accuracy: 0.05)
    }

    func testMissingValuesDrawNoBarAndEmptyChartsSayNoData() {
        let chart = VerticalBarChart(title: "Gaps", unit: .count, categories: ["a", "b", "c"],
                                     series: [ChartSeries(name: "x", values: [1, nil])])
        XCTAssertEqual(ParsedMarkup(chart.svg()).all("rect", withClass: "bar").count, 1)
        let empty = ParsedMarkup(VerticalBarChart(title: "Empty", unit: .cents, categories: [], series: []).svg())
        XCTAssertTrue(empty.texts().contains("No data"))
    }

    func testTheDescriptionCarriesEveryValueForScreenReaders() {
        let chart = VerticalBarChart(title: "Charges", unit: .cents, categories: ["Jan", "Feb"],
                                     series: [ChartSeries(name: "Charges", values: [123_456, nil]),
                                              ChartSeries(name: "Collections", values: [100, 200])])
        XCTAssertEqual(ParsedMarkup(chart.svg()).all("desc").first?.text,
                       "Bar chart, 2 categories from Jan to Feb; series: Charges, Collections. "
                       + "Jan: Charges $1,234.56, Collections $1.00; Feb: Charges no data, Collections $2.00.")
    }

    func testTickLabelsAreNiceAndFormattedInTheUnit() {
        let chart = VerticalBarChart(title: "Charges", unit: .cents, categories: ["Jan"],
                                     series: [ChartSeries(name: "Charges", values: [930_000])])
        let parsed = ParsedMarkup(chart.svg())
        let ticks = parsed.elements.filter { $0.name == "text" && $0.attributes["text-anchor"] == "end" }.map(\.text)
        XCTAssertEqual(ticks, ["$0", "$2k", "$4k", "$6k", "$8k", "$10k"])
    }

    func testLinePointsAreProportionalAndTheTargetLineSitsAtItsValue() {
        let chart = LineChart(title: "Days in A/R", unit: .tenthsOfDays, categories: ["Oct", "Nov", "Dec", "Jan"],
                              series: [ChartSeries(name: "Days in A/R", values: [400, nil, 300, 200])],
                              target: ChartTarget(label: "Target", value: 350))
        let parsed = ParsedMarkup(chart.svg())
        let points = parsed.all("circle", withClass: "point")
        XCTAssertEqual(points.count, 3)
        XCTAssertEqual(parsed.all("polyline").count, 1, "the gap leaves a single point and one line from Dec to Jan")
        let zeroY = parsed.elements.first { $0.name == "line" && $0.attributes["stroke-width"] == "1" }?.number("y1") ?? 0
        let ys = points.compactMap { $0.number("cy") }
        let perUnit = (zeroY - ys[0]) / 400
        XCTAssertEqual(zeroY - ys[1], 300 * perUnit, accuracy: 0.05)
        XCTAssertEqual(zeroY - ys[2], 200 * perUnit, accuracy: 0.05)
        let target = parsed.elements.first { $0.name == "line" && $0.attributes["stroke-dasharray"] != nil }
        XCTAssertEqual(target?.number("y1") ?? 0, zeroY - 350 * perUnit, accuracy: 0.05)
        XCTAssertTrue(parsed.texts().contains("Target 35.0 days"))
        XCTAssertEqual(points[0].tooltip, "Oct · Days in A/R: 40.0 days")
    }

    func testStackedSegmentsHaveTheirOwnLengthsAndTotalsAreExact() {
        let chart = StackedBarChart(title: "A/R aging", unit: .cents, categories: StackedBarChart.agingBuckets,
                                    series: [ChartSeries(name: "Insurance", values: [400_00, 300_00, 0, 100_00, 50_00]),
                                             ChartSeries(name: "Patient", values: [100_00, -50_00, 20_00, 0, 1])])
        let parsed = ParsedMarkup(chart.svg())
        let bars = parsed.all("rect", withClass: "bar")
        XCTAssertEqual(bars.count, 8, "zero parts draw nothing")
        let first = bars[0], second = bars[1]
        guard let y0 = first.number("y"), let h0 = first.number("height"), let y1 = second.number("y"),
              let h1 = second.number("height") else { return XCTFail("geometry") }
        XCTAssertEqual(h0, 4 * h1, accuracy: 0.05, "insurance $400 is four times patient $100")
        XCTAssertEqual(y1 + h1, y0, accuracy: 0.05, "patient sits on top of insurance")
        let credit = bars.first { $0.tooltip.contains("-$50.00") }
        let insurance31 = bars.first { $0.tooltip.hasPrefix("31–60 · Insurance") }
        XCTAssertEqual(credit?.number("y") ?? 0, (insurance31?.number("y") ?? 0) + (insurance31?.number("height") ?? 0), accuracy: 0.05,
                       "a credit hangs below zero")
        XCTAssertEqual(parsed.all("text", withClass: "total").map(\.text),
                       ["$500.00", "$250.00", "$20.00", "$100.00", "$50.01"])
    }

    func testHorizontalBarWidthsAreProportionalAndLongLabelsShortened() {
        let long = String(repeating: "x", count: 50)
        let chart = HorizontalBarChart(title: "Denials by reason", unit: .count,
                                       bars: [.init(label: "CO-16", value: 40), .init(label: long, value: 10), .init(label: "PR-1", value: 0)])
        let parsed = ParsedMarkup(chart.svg())
        let widths = parsed.all("rect", withClass: "bar").compactMap { $0.number("width") }
        XCTAssertEqual(widths.count, 3)
        XCTAssertEqual(widths[0], 4 * widths[1], accuracy: 0.05)
        XCTAssertEqual(widths[2], 0)
        let labels = parsed.all("text", withClass: "label").map(\.text)
        XCTAssertEqual(labels[1], String(repeating: "x", count: 31) + "…")
        XCTAssertEqual(parsed.all("text", withClass: "value").map(\.text), ["40", "10", "0"])
        XCTAssertTrue(parsed.all("desc").first?.text.contains(long) ?? false, "the full label stays readable")
    }

    func testHorizontalChartsGrowWithTheirRows() {
        let bars = (1...30).map { HorizontalBarChart.Bar(label: "reason \($0)", value: Int64($0)) }
        let parsed = ParsedMarkup(HorizontalBarChart(title: "Many", unit: .count, bars: bars).svg())
        let height = parsed.all("svg").first?.number("height") ?? 0
        let lowest = parsed.all("rect", withClass: "bar").compactMap { rect in rect.number("y").map { $0 + (rect.number("height") ?? 0) } }.max() ?? 0
        XCTAssertLessThan(lowest, height)
    }

    func testEveryChartIsWellFormedSelfContainedAndAccessible() {
        for chart in Self.allCharts(label: "Jan") {
            let svg = chart.svg(id: "x1")
            let parsed = ParsedMarkup(svg)
            assertSelfContained(svg)
            XCTAssertEqual(parsed.elements.first?.name, "svg")
            XCTAssertEqual(parsed.elements.first?.attributes["aria-labelledby"], "x1-title x1-desc")
            XCTAssertEqual(parsed.all("title").first?.attributes["id"], "x1-title")
            XCTAssertEqual(parsed.all("title").first?.text, chart.title)
            XCTAssertFalse(parsed.all("desc").first?.text.isEmpty ?? true)
        }
    }

    func testLabelsWithMarkupCharactersAreEscapedEverywhere() {
        for chart in Self.allCharts(label: Self.hostile) {
            let svg = chart.svg()
            XCTAssertFalse(svg.contains(Self.hostile), "\(type(of: chart)) left a label unescaped")
            XCTAssertFalse(svg.contains("<PPO>"))
            let texts = ParsedMarkup(svg).elements.map(\.text)
            XCTAssertTrue(texts.contains { $0.contains(Self.hostile) }, "\(type(of: chart)) lost the label")
        }
        XCTAssertEqual(XMLText.escape("<&\"'>"), "&lt;&amp;&quot;&#39;&gt;")
        XCTAssertEqual(XMLText.escape("bell\u{7}null\u{0}"), "bell\u{FFFD}null\u{FFFD}")
    }

    func testStandaloneSVGDeclaresOnlyTheNamespace() {
        let chart = HorizontalBarChart(title: "Denials", unit: .count, bars: [.init(label: "CO-16", value: 1)])
        let document = chart.standaloneSVG()
        XCTAssertTrue(document.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="))
        _ = ParsedMarkup(document)
        assertSelfContained(document.replacingOccurrences(of: "xmlns=\"" + ChartID.svgNamespace + "\"", with: ""))
        XCTAssertEqual(ChartID.make(from: "Days in A/R (HFMA)"), "chart-days-in-a-r-hfma")
        XCTAssertEqual(ChartID.make(from: "§§"), "chart")
    }

    /// One chart of each kind, `label` used as a title, category, series and row label.
    static func allCharts(label: String) -> [any SVGChart] {
        [
            VerticalBarChart(title: label, unit: .cents, categories: [label, "Feb"],
                             series: [ChartSeries(name: label, values: [123_456, 7])]),
            LineChart(title: label, unit: .tenthsOfDays, categories: [label, "Feb"],
                      series: [ChartSeries(name: label, values: [412, 398])], target: ChartTarget(label: label, value: 400)),
            StackedBarChart(title: label, unit: .cents, categories: [label],
                            series: [ChartSeries(name: label, values: [5]), ChartSeries(name: "Patient", values: [6])]),
            HorizontalBarChart(title: label, unit: .basisPoints, bars: [.init(label: label, value: 1234)]),
        ]
    }
}
