/// What `patient find TEXT` asks for, decided once from the text so the
/// in-memory match (`PatientRecord.matches`) and the patients projection's
/// index lookups can never disagree about what a search means.
///
/// ```swift
/// PatientQuery("1980-04-02")   // .dateOfBirth(1980-04-02)
/// PatientQuery("555-0100")     // .phoneDigits("5550100")
/// PatientQuery("José Nú")      // .name(["jose", "nu"])
/// ```
public enum PatientQuery: Equatable, Sendable {
    /// A whole date matches the date of birth exactly.
    case dateOfBirth(LocalDate)
    /// Four or more digits (and phone punctuation only) match part of the phone number.
    case phoneDigits(String)
    /// Every folded word must be a prefix of the folded first, middle or last name.
    case name([String])

    /// Phone digits shorter than this are too ambiguous to search by.
    public static let minimumPhoneDigits = 4

    /// `nil` when the text holds nothing to search by.
    public init?(_ text: String) {
        let t = text.trimmedForInput
        if let date = try? LocalDate.parse(t) {
            self = .dateOfBirth(date)
            return
        }
        let digits = PhoneNumber.searchDigits(t)
        if digits.count >= Self.minimumPhoneDigits, digits.count == t.filter({ !" ()-.+".contains($0) }).count {
            self = .phoneDigits(digits)
            return
        }
        let words = SearchText.fold(t).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !words.isEmpty else { return nil }
        self = .name(words)
    }

    /// The folded name parts a name query is matched against, and the patients projection indexes.
    public static func nameKeys(_ name: PersonName) -> [String] {
        [name.firstKey, name.lastKey] + (name.middle.map { [SearchText.fold($0)] } ?? [])
    }

    public func matches(_ record: PatientRecord) -> Bool {
        switch self {
        case .dateOfBirth(let date): return record.dateOfBirth == date
        case .phoneDigits(let digits): return record.phone?.digits.contains(digits) ?? false
        case .name(let words):
            let keys = Self.nameKeys(record.name)
            return words.allSatisfy { w in keys.contains { $0.hasPrefix(w) } }
        }
    }
}
