/// Procedure pairs that may not be billed together on one day (NCCI-style
/// procedure-to-procedure edits), read from a small CSV file the practice keeps:
///
/// ```
/// # column1,column2,modifier-allowed
/// 99213,36415,0
/// 11042,97597,1
/// ```
/// `column1` is the comprehensive code, `column2` the component that is bundled
/// into it; `modifier-allowed` 1 means the pair may be billed when the
/// column-2 line carries a distinct-service modifier (59, XE, XP, XS, XU, or
/// 25/57 on E/M), 0 means never. A header line starting with "column1" is skipped.
public struct ProcedurePairTable: Sendable, Equatable {
    public struct Edit: Sendable, Hashable {
        public let column1: ProcedureCode
        public let column2: ProcedureCode
        public let modifierAllowed: Bool

        public init(column1: ProcedureCode, column2: ProcedureCode, modifierAllowed: Bool) {
            self.column1 = column1
            self.column2 = column2
            self.modifierAllowed = modifierAllowed
        }
    }

    public let edits: [Edit]

    public init(edits: [Edit] = []) { self.edits = edits }

    public static let empty = ProcedurePairTable()

    /// Modifiers that mark a component as a separate service where the edit allows it.
    public static let bypassModifiers: Set<String> = ["59", "XE", "XP", "XS", "XU", "25", "57", "91"]

    /// - throws: `ValueError` naming the line for a row that is not `code,code,0|1`.
    public static func parse(_ text: String) throws(ValueError) -> ProcedurePairTable {
        var edits: [Edit] = []
        // `isNewline` also matches "\r\n", which Swift holds as one Character.
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(raw).trimmedForInput
            if line.isEmpty || line.hasPrefix("#") || line.lowercased().hasPrefix("column1") { continue }
            func fail(_ reason: String) -> ValueError {
                ValueError(kind: "procedure pair table line \(index + 1)", input: line, reason: reason)
            }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmedForInput }
            guard cells.count == 3 else { throw fail("expected column1,column2,modifier-allowed") }
            guard let c1 = try? ProcedureCode(cells[0]), let c2 = try? ProcedureCode(cells[1]) else {
                throw fail("column1 and column2 must be CPT or HCPCS codes")
            }
            guard cells[2] == "0" || cells[2] == "1" else { throw fail("modifier-allowed must be 0 or 1") }
            edits.append(Edit(column1: c1, column2: c2, modifierAllowed: cells[2] == "1"))
        }
        return ProcedurePairTable(edits: edits)
    }
}
