/// The ICD-10-CM codes a practice may bill, loaded from a code list file
/// (CMS publishes `icd10cm-codes-YYYY.txt`: one code per line, no dot, then
/// spaces and the description). Format alone accepts "E11", which is a
/// category, not a billable code; the list catches that.
///
/// ```swift
/// let list = DiagnosisCodeList.parse("E119    Type 2 diabetes mellitus without complications\nI10 Essential hypertension")
/// list.contains(try DiagnosisCode("E11.9"))   // true
/// ```
public struct DiagnosisCodeList: Sendable, Equatable {
    /// Codes without the dot, upper case.
    public let codes: Set<String>

    public init(codes: Set<String>) { self.codes = codes }

    /// Reads the first word of each non-empty line; lines starting with `#` are comments.
    /// Words that are not ICD-10-CM codes (a header, say) are skipped rather than refused,
    /// because only the codes that are there matter.
    public static func parse(_ text: String) -> DiagnosisCodeList {
        var codes = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard !trimmed.hasPrefix("#"), let word = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
                  let code = try? DiagnosisCode(String(word)) else { continue }
            codes.insert(code.compact)
        }
        return DiagnosisCodeList(codes: codes)
    }

    public func contains(_ code: DiagnosisCode) -> Bool { codes.contains(code.compact) }
}
