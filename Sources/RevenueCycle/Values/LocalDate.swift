/// A calendar date with no time and no zone: a date of birth, a date of
/// service, the first day a template applies.
///
/// Day arithmetic uses the proleptic Gregorian day count (Howard Hinnant's
/// `days_from_civil`), so it needs no `Calendar` and no time zone.
///
/// ```swift
/// let d = try LocalDate.parse("2026-02-28")
/// d.adding(days: 1)          // 2026-03-01
/// d.weekday                  // .saturday
/// try LocalDate.parse("2026-02-30")   // throws: February 2026 has 28 days
/// ```
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// - throws: `ValueError` when the year is outside 1...9999 or the day does not exist.
    public init(year: Int, month: Int, day: Int) throws(ValueError) {
        let shown = LocalDate.format(year, month, day)
        func fail(_ reason: String) -> ValueError { ValueError(kind: "date", input: shown, reason: reason) }
        guard (1...9999).contains(year) else { throw fail("year must be between 0001 and 9999") }
        guard (1...12).contains(month) else { throw fail("month must be 01 to 12") }
        let last = LocalDate.daysIn(month: month, year: year)
        guard (1...last).contains(day) else {
            throw fail("\(LocalDate.monthNames[month - 1]) \(year) has \(last) days")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Counts days from 1970-01-01 (day 0); always a real date. Inlinable, like
    /// `daysSinceEpoch`: read models convert dates on nearly every event.
    @inlinable
    public init(daysSinceEpoch: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0))
        month = Int(m)
        day = Int(d)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public static func parse(_ text: String) throws(ValueError) -> LocalDate {
        let input = text.trimmedForInput
        let parts = input.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ ASCII.allDigits($0) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { throw ValueError(kind: "date", input: text, reason: "expected YYYY-MM-DD") }
        do {
            return try LocalDate(year: y, month: m, day: d)
        } catch {
            throw ValueError(kind: "date", input: text, reason: error.reason)
        }
    }

    @inlinable
    public var daysSinceEpoch: Int64 {
        let y = Int64(year) - (month <= 2 ? 1 : 0)
        let m = Int64(month)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + Int64(days)) }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: LocalDate) -> Int { Int(other.daysSinceEpoch - daysSinceEpoch) }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO weekday 4).
        let mod = ((daysSinceEpoch + 3) % 7 + 7) % 7
        return Weekday(rawValue: Int(mod) + 1) ?? .monday
    }

    public var description: String { LocalDate.format(year, month, day) }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }
}

/// Zero-pads a non-negative number for fixed-width date and time text.
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
