/// An HTML table whose cells are formatted from unit-tagged values, with an
/// optional inline bar per cell: the payer performance table, and a text
/// alternative to any chart.
///
/// Numbers are right-aligned so digits line up; a `.bar` cell adds a small
/// bar scaled against the column's maximum, which makes the table readable
/// as a chart at a glance without giving up exact figures.
///
/// ```swift
/// let table = DataTable(caption: "Payers", columns: [.init("Payer", alignment: .leading), .init("Paid")],
///                       rows: [[.text("Aetna"), .bar(1_234_56, .cents, maximum: 2_000_00)]])
/// let html = table.html()
/// ```
public struct DataTable: Sendable {
    public enum Alignment: Sendable, Hashable {
        case leading
        case trailing
    }

    public struct Column: Sendable, Hashable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, alignment: Alignment = .trailing) {
            self.title = title
            self.alignment = alignment
        }
    }

    public enum Cell: Sendable, Hashable {
        case text(String)
        case value(Int64, ValueUnit)
        /// A rate from its parts, shown as a percentage; "n/a" without a denominator.
        case rate(numerator: Int64, denominator: Int64)
        /// The value and a bar of length value ÷ maximum.
        case bar(Int64, ValueUnit, maximum: Int64)
        /// Shown as an em dash: no data, as opposed to zero.
        case missing

        /// The cell's text as shown.
        public var text: String {
            switch self {
            case let .text(text): return text
            case let .value(value, unit), let .bar(value, unit, _): return unit.format(value)
            case let .rate(numerator, denominator): return Percentage.text(numerator: numerator, denominator: denominator)
            case .missing: return "—"
            }
        }
    }

    public var caption: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// A last row set apart, e.g. totals.
    public var footer: [Cell]?
    /// Colour of inline bars.
    public var barColor: String

    public init(caption: String? = nil, columns: [Column], rows: [[Cell]], footer: [Cell]? = nil,
                barColor: String = ChartStyle.printSafePalette[0]) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.footer = footer
        self.barColor = barColor
    }

    /// The table as an XHTML-compatible `<table>` element.
    public func html() -> String {
        var writer = MarkupWriter()
        writer.open("table", [("class", "data")])
        if let caption { writer.element("caption", text: caption) }
        writer.open("thead")
        writer.open("tr")
        for column in columns {
            writer.element("th", [("scope", "col"), ("class", alignmentClass(column.alignment))], text: column.title)
        }
        writer.close("tr")
        writer.close("thead")
        writer.open("tbody")
        for row in rows { write(row, into: &writer) }
        writer.close("tbody")
        if let footer {
            writer.open("tfoot")
            write(footer, into: &writer)
            writer.close("tfoot")
        }
        writer.close("table")
        return writer.output
    }

    /// Cells beyond the column count are dropped and missing ones padded,
    /// so a ragged row can't shift the columns of the rows below.
    private func write(_ row: [Cell], into writer: inout MarkupWriter) {
        writer.open("tr")
        for (index, column) in columns.enumerated() {
            let cell = row.indices.contains(index) ? row[index] : .missing
            writer.open("td", [("class", alignmentClass(column.alignment))])
            if case let .bar(value, _, maximum) = cell {
                writeBar(value: value, maximum: maximum, into: &writer)
            }
            writer.text(cell.text)
            writer.close("td")
        }
        writer.close("tr")
    }

    /// A 60×10 bar; decorative, since the exact value follows it as text.
    private func writeBar(value: Int64, maximum: Int64, into writer: inout MarkupWriter) {
        let width = 60.0
        let fraction = maximum > 0 && value > 0 ? min(Double(value) / Double(maximum), 1) : 0
        writer.open("svg", [("class", "cell-bar"), ("width", "60"), ("height", "10"), ("viewBox", "0 0 60 10"),
                            ("aria-hidden", "true"), ("focusable", "false")])
        writer.empty("rect", [("x", "0"), ("y", "0"), ("width", SVGNumber.text(width)), ("height", "10"), ("fill", "#eeeeee")])
        writer.empty("rect", [("class", "bar"), ("x", "0"), ("y", "0"), ("width", SVGNumber.text(width * fraction)),
                              ("height", "10"), ("fill", barColor)])
        writer.close("svg")
        writer.text(" ")
    }

    private func alignmentClass(_ alignment: Alignment) -> String {
        alignment == .leading ? "text" : "number"
    }
}
