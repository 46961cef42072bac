/// A plain-text table with aligned columns, for human-readable command output.
///
/// Widths are measured in display columns (``DisplayWidth``), so accented and
/// CJK names line up. Numeric columns are right-aligned by choosing
/// ``Alignment/right`` for that column. An optional total row is set off by a
/// rule. Missing cells render empty; cells beyond the column count are ignored.
///
/// ```swift
/// var table = TextTable(columns: [.init("Payer"), .init("Claims", alignment: .right),
///                                 .init("Balance", alignment: .right)])
/// table.append(["Aetna", "3", "120.00"])
/// table.append(["Cigna", "12", "1,045.50"])
/// table.totalRow = ["Total", "15", "1,165.50"]
/// print(table.render(), terminator: "")
/// ```
public struct TextTable: Sendable, Equatable {
    /// Which side of its column a cell hugs.
    public enum Alignment: Sendable, Equatable {
        case left
        case right
    }

    /// A column's header and alignment.
    public struct Column: Sendable, Equatable {
        public var header: String
        public var alignment: Alignment

        /// Declares a column; numbers read best with `.right`.
        public init(_ header: String, alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// Body rows in insertion order.
    public private(set) var rows: [[String]] = []
    /// A final row set off by a rule, e.g. totals; `nil` for none.
    public var totalRow: [String]?
    /// Spaces between columns.
    public var gap = 2

    /// Creates an empty table.
    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Adds a body row.
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines ending in newlines; trailing spaces are trimmed.
    public func render() -> String {
        let header = columns.map(\.header)
        let allRows = [header] + rows + (totalRow.map { [$0] } ?? [])
        let widths = columns.indices.map { column in
            allRows.map { DisplayWidth.of(cell($0, column)) }.max() ?? 0
        }
        let rule = widths.map { String(repeating: "-", count: $0) }

        var lines = [line(header, widths: widths), line(rule, widths: widths)]
        lines += rows.map { line($0, widths: widths) }
        if let totalRow {
            lines.append(line(rule, widths: widths))
            lines.append(line(totalRow, widths: widths))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Cells show stored text, which may predate the input rule: escaped, so
    /// no value can break a line or reorder a row (a U+202E in a name).
    private func cell(_ row: [String], _ column: Int) -> String {
        column < row.count ? EchoedWord.escapingAll(row[column]) : ""
    }

    private func line(_ row: [String], widths: [Int]) -> String {
        let cells = columns.indices.map { column -> String in
            let text = cell(row, column)
            switch columns[column].alignment {
            case .left: return DisplayWidth.padRight(text, to: widths[column])
            case .right: return DisplayWidth.padLeft(text, to: widths[column])
            }
        }
        var text = cells.joined(separator: String(repeating: " ", count: gap))
        while text.last == " " { text.removeLast() }
        return text
    }
}
