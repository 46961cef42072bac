import BinaryCodec
import CLIKit

/// One listing printed the three ways people and scripts ask for it: an
/// aligned table (default), one JSON array (`--json`) or RFC 4180 CSV (`--csv`).
/// Built once from the same rows so the three never drift apart.
struct Listing {
    var columns: [TextTable.Column]
    var rows: [[String]] = []
    var objects: [JSONValue] = []
    /// Printed instead of an empty table, e.g. "no payers yet".
    var emptyNote: String

    init(columns: [TextTable.Column], emptyNote: String) {
        self.columns = columns
        self.emptyNote = emptyNote
    }

    mutating func append(_ row: [String], json: JSONValue) {
        rows.append(row)
        objects.append(json)
    }

    func print(_ command: ParsedCommand, _ context: CommandContext) {
        if context.json {
            context.printJSON(.array(objects))
        } else if command.flag("csv") {
            context.output.write(CSVWriter().document(header: columns.map(\.header), rows: rows))
        } else if rows.isEmpty {
            context.print(emptyNote)
        } else {
            var table = TextTable(columns: columns)
            for row in rows { table.append(row) }
            context.output.write(table.render())
        }
    }

    /// The `--csv` flag every listing declares.
    static let csvFlag = OptionSpec.flag("csv", help: "Print CSV (RFC 4180) instead of a table.")
}
