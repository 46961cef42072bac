import CLIKit
import Foundation
import RevenueCycle

/// The editing tables a practice keeps as files beside its log, because they
/// are published code lists (tens of thousands of lines, replaced yearly), not
/// decisions anyone makes:
///
/// - `<store>/tables/icd10cm.txt`: billable ICD-10-CM codes, CMS's
///   `icd10cm-codes-YYYY.txt` as published (code, spaces, description).
///   When present, `charge add --dx` refuses codes not on it and the scrubber
///   reports DX-CODE.
/// - `<store>/tables/ncci.csv`: procedure pairs not billed together,
///   `column1,column2,modifier-allowed` (see `ProcedurePairTable`); the
///   scrubber reports NCCI-PAIR.
/// - `<store>/tables/cpt.txt`: optional list of accepted CPT/HCPCS codes, one
///   per line; the scrubber reports CPT-CODE for others.
///
/// A missing file means "not configured" (format checks only); a file that is
/// there but unreadable or malformed refuses the command, since silently
/// skipping a configured edit would let bad claims out.
struct BillingTables {
    let directory: String

    init(storePath: String) {
        directory = (storePath as NSString).appendingPathComponent("tables")
    }

    static let diagnosisFile = "icd10cm.txt", pairFile = "ncci.csv", procedureFile = "cpt.txt"

    /// The ICD-10-CM list, or nil when not configured.
    func diagnosisCodes() throws -> DiagnosisCodeList? {
        try text(Self.diagnosisFile).map(DiagnosisCodeList.parse)
    }

    /// Everything the scrubber reads besides the log.
    func scrubTables() throws -> ScrubTables {
        var tables = ScrubTables(diagnosisCodes: try diagnosisCodes())
        if let csv = try text(Self.pairFile) {
            do {
                tables.procedurePairs = try ProcedurePairTable.parse(csv)
            } catch {
                throw CommandFailure("\(path(Self.pairFile)): \(error.description)",
                                     hint: "fix the line; each is column1,column2,modifier-allowed (0 or 1)")
            }
        }
        if let list = try text(Self.procedureFile) {
            tables.procedureCodes = Set(list.split(whereSeparator: \.isNewline).compactMap { line in
                line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).first.map { String($0).uppercased() }
            }.filter { !$0.hasPrefix("#") })
        }
        return tables
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    private func text(_ name: String) throws -> String? {
        let file = path(name)
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("\(file) cannot be read", hint: "check its permissions, or remove it to check formats only")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
