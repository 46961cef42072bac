/// A day of the week, numbered as ISO 8601 does (Monday = 1 ... Sunday = 7).
public enum Weekday: Int, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Accepts "mon", "Monday", "MON" or the ISO number "1".
    public static func parse(_ text: String) throws(ValueError) -> Weekday {
        let t = text.trimmedForInput.lowercased()
        if let n = Int(t), let w = Weekday(rawValue: n) { return w }
        if t.count >= 3, let w = allCases.first(where: { $0.name.hasPrefix(t) }) { return w }
        throw ValueError(kind: "weekday", input: text, reason: "expected mon, tue, wed, thu, fri, sat or sun")
    }

    /// Lower-case English name: "monday".
    public var name: String {
        switch self {
        case .monday: return "monday"
        case .tuesday: return "tuesday"
        case .wednesday: return "wednesday"
        case .thursday: return "thursday"
        case .friday: return "friday"
        case .saturday: return "saturday"
        case .sunday: return "sunday"
        }
    }

    /// Three-letter form used in JSON and tables: "mon".
    public var description: String { String(name.prefix(3)) }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}
