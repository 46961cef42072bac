import XCTest
@testable import Charts

final class TerminalBarChartTests: XCTestCase {
    /// The part of a line after the value column.
    private func barPart(_ line: String, after value: String) -> String {
        guard let range = line.range(of: value + "  ") else { return "" }
        return String(line[range.upperBound...])
    }

    func testASCIIBarsAreScaledToTheLargestValue() {
        let chart = TerminalBarChart(rows: [.init(label: "Oct 2026", value: 400), .init(label: "Nov", value: 200),
                                            .init(label: "Dec 2026", value: 50)],
                                     unit: .tenthsOfDays, barWidth: 20, glyphs: .ascii)
        XCTAssertEqual(chart.lines(), [
            "Oct 2026  40.0 days  ####################",
            "Nov       20.0 days  ##########",
            "Dec 2026   5.0 days  ###",   // 2.5 columns rounds to 3
        ])
    }

    func testTargetMarkerSitsAtTheTargetsColumnOnEveryRow() {
        let chart = TerminalBarChart(rows: [.init(label: "a", value: 400), .init(label: "b", value: 200)],
                                     unit: .count, barWidth: 20, target: ChartTarget(label: "Target", value: 300), glyphs: .ascii)
        let lines = chart.lines()
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(barPart(lines[0], after: "400"), "###############|#####")
        XCTAssertEqual(barPart(lines[1], after: "200"), "##########     |")
        XCTAssertEqual(lines[2], "| Target 300")
    }

    func testATargetBeyondEveryValueSetsTheScale() {
        let chart = TerminalBarChart(rows: [.init(label: "a", value: 100)], unit: .count, barWidth: 10,
                                     target: ChartTarget(value: 200), glyphs: .ascii)
        XCTAssertEqual(barPart(chart.lines()[0], after: "100"), "#####     |")
    }

    func testUnicodeBarsUseEighthBlocks() {
        let chart = TerminalBarChart(rows: [.init(label: "a", value: 80), .init(label: "b", value: 13)], unit: .count, barWidth: 10)
        let lines = chart.lines()
        XCTAssertEqual(barPart(lines[0], after: "80"), String(repeating: "█", count: 10))
        // 13/80 of 80 eighths = 13 eighths: one full block and five eighths.
        XCTAssertEqual(barPart(lines[1], after: "13"), "█▋")
    }

    func testMissingZeroAndNegativeValuesGetNoBar() {
        let chart = TerminalBarChart(rows: [.init(label: "a", value: nil), .init(label: "b", value: 0),
                                            .init(label: "c", value: -30), .init(label: "d", value: 10)],
                                     unit: .count, barWidth: 10, glyphs: .ascii)
        XCTAssertEqual(chart.lines(), ["a  n/a", "b    0", "c  -30", "d   10  ##########"])
    }

    func testAllZeroRowsDoNotDivideByZero() {
        let chart = TerminalBarChart(rows: [.init(label: "a", value: 0)], unit: .cents, barWidth: 10, target: ChartTarget(value: 0))
        XCTAssertEqual(chart.lines(), ["a  $0.00  │", "│ Target $0.00"])
        XCTAssertEqual(TerminalBarChart(rows: [], unit: .count).render(), "")
    }

    func testBarWidthFitsTheTerminal() {
        let chart = TerminalBarChart(rows: [.init(label: "Oct 2026", value: 412)], unit: .tenthsOfDays, glyphs: .ascii)
        var fitted = chart
        fitted.barWidth = chart.barWidth(fittingColumns: 60)
        XCTAssertLessThan(fitted.lines()[0].count, 60)
        XCTAssertGreaterThanOrEqual(fitted.lines()[0].count, 55)
        XCTAssertEqual(chart.barWidth(fittingColumns: 5), 10)
    }
}
