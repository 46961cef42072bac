/// A bar chart made of text, one row per label: `practica report days-in-ar`
/// in a terminal.
///
/// ```text
/// Oct 2026  41.2 days  ███████████████████████████████████│█
/// Nov 2026  39.8 days  ██████████████████████████████████▊│
/// Dec 2026  37.7 days  █████████████████████████████████  │
/// │ Target 40.0 days
/// ```
///
/// Unicode mode draws eighth-blocks so small differences show; ASCII mode
/// (`#` and `|`) is for terminals and logs that can't show them. Bars are
/// scaled so the longest value or the target fills `barWidth` columns, and the
/// target marker takes a column of its own between the cells it falls between; rows
/// whose value is missing or not positive get no bar but still show their value.
///
/// ```swift
/// let chart = TerminalBarChart(rows: [.init(label: "Oct 2026", value: 412)], unit: .tenthsOfDays,
///                              barWidth: 40, target: ChartTarget(value: 400))
/// print(chart.render(), terminator: "")
/// ```
public struct TerminalBarChart: Sendable {
    /// One labelled value; `nil` prints "n/a" without a bar.
    public struct Row: Sendable, Hashable {
        public var label: String
        public var value: Int64?

        public init(label: String, value: Int64?) {
            self.label = label
            self.value = value
        }
    }

    /// Which characters to draw with.
    public enum Glyphs: Sendable, Hashable {
        /// Full and eighth blocks, a box-drawing target marker.
        case unicode
        /// `#` bars in whole columns and a `|` target marker.
        case ascii
    }

    public var rows: [Row]
    public var unit: ValueUnit
    /// Columns used by the longest bar (or by the target, if it's further).
    public var barWidth: Int
    public var target: ChartTarget?
    public var glyphs: Glyphs

    public init(rows: [Row], unit: ValueUnit, barWidth: Int = 40, target: ChartTarget? = nil, glyphs: Glyphs = .unicode) {
        self.rows = rows
        self.unit = unit
        self.barWidth = max(barWidth, 1)
        self.target = target
        self.glyphs = glyphs
    }

    /// The chart as lines without newlines: one per row, then a line naming the
    /// target marker if there is a target.
    public func lines() -> [String] {
        let labelWidth = rows.map(\.label.count).max() ?? 0
        let values = rows.map { $0.value.map(unit.format) ?? "n/a" }
        let valueWidth = values.map(\.count).max() ?? 0
        let markerColumn = target.map { columns(for: $0.value, in: 1) }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            var cells = bar(for: row.value)
            if let markerColumn {
                // Inserted, not drawn over the bar: a bar one cell past the
                // target must still show that cell beyond the marker.
                while cells.count < markerColumn { cells.append(" ") }
                cells.insert(marker, at: markerColumn)
            }
            let line = pad(row.label, to: labelWidth) + "  " + padLeft(values[index], to: valueWidth) + "  " + String(cells)
            lines.append(trimmingTrailingSpaces(line))
        }
        if let target {
            lines.append(String(marker) + " " + target.label + " " + unit.format(target.value))
        }
        return lines
    }

    /// `lines()` joined, each ending in a newline; empty when there are no rows and no target.
    public func render() -> String {
        lines().map { $0 + "\n" }.joined()
    }

    /// The bar width that makes each line fit in `columns` terminal columns
    /// (at least 10), for callers that know the terminal's width.
    public func barWidth(fittingColumns columns: Int) -> Int {
        let labelWidth = rows.map(\.label.count).max() ?? 0
        let valueWidth = rows.map { ($0.value.map(unit.format) ?? "n/a").count }.max() ?? 0
        return max(columns - labelWidth - valueWidth - 4 - 1, 10)
    }

    /// The largest quantity a full-width bar stands for: the biggest value or the target.
    var scaleMaximum: Int64 {
        let candidates = rows.compactMap(\.value) + (target.map { [$0.value] } ?? [])
        return max(candidates.max() ?? 0, 0)
    }

    /// How many `1/resolution` columns `value` spans, rounded, from 0 to `barWidth × resolution`.
    /// Geometry only, so the ratio may go through Double.
    func columns(for value: Int64, in resolution: Int) -> Int {
        let maximum = scaleMaximum
        guard maximum > 0, value > 0 else { return 0 }
        let units = Double(barWidth * resolution) * (Double(value) / Double(maximum))
        return min(max(Int(units.rounded()), 0), barWidth * resolution)
    }

    /// The bar's characters, without padding.
    func bar(for value: Int64?) -> [Character] {
        guard let value else { return [] }
        switch glyphs {
        case .ascii:
            return Array(repeating: "#", count: columns(for: value, in: 1))
        case .unicode:
            let eighths = columns(for: value, in: 8)
            var cells = Array(repeating: Character("█"), count: eighths / 8)
            if eighths % 8 > 0 { cells.append(Self.partialBlocks[eighths % 8 - 1]) }
            return cells
        }
    }

    private var marker: Character { glyphs == .ascii ? "|" : "│" }

    /// One to seven eighths of a block, left-aligned.
    static let partialBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    private func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(width - text.count, 0))
    }

    private func padLeft(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(width - text.count, 0)) + text
    }

    private func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
