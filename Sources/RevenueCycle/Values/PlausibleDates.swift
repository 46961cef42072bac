/// The date half of "one rule for every input": which dates a person may type,
/// per kind of field. `LocalDate` itself accepts 0001–9999 (it must read any
/// stored date); these ranges are what an entry has to pass.
///
/// - every typed date: 1900-01-01 through 2199-12-31 (no year 10000 at the end of a slot);
/// - a date of birth: from 1900 and not after today;
/// - an appointment or an availability exception: not after today + `bookingHorizonDays`;
///   an appointment before now only with `--force`;
/// - a report's range: at most `maximumReportYears` long.
///
/// "Today" and "now" are always the session's clock (the demo's simulated one), never read here.
public enum PlausibleDates {
    public static let earliest = LocalDate(daysSinceEpoch: -25_567)       // 1900-01-01
    public static let latest = LocalDate(daysSinceEpoch: 84_005)          // 2199-12-31
    /// How far ahead bookings and exceptions may reach: two years.
    public static let bookingHorizonDays = 731
    /// The longest range a report covers.
    public static let maximumReportYears = 20

    /// A typed date, inside `earliest...latest`.
    public static func date(_ text: String) throws(ValueError) -> LocalDate {
        let d = try LocalDate.parse(text)
        try checkTyped(d, input: text)
        return d
    }

    /// A typed date and time, its date inside `earliest...latest`.
    public static func dateTime(_ text: String) throws(ValueError) -> LocalDateTime {
        let d = try LocalDateTime.parse(text)
        try checkTyped(d.date, input: text)
        return d
    }

    static func checkTyped(_ d: LocalDate, input: String) throws(ValueError) {
        guard earliest <= d, d <= latest else {
            throw ValueError(kind: "date", input: input, reason: "must be between \(earliest) and \(latest)")
        }
    }

    /// A date of birth: from 1900, not after `today`.
    public static func checkDateOfBirth(_ d: LocalDate, today: LocalDate) throws(Rejection) {
        guard d >= earliest else { throw .usage("dob", "\(d) is before \(earliest)") }
        guard d <= today else { throw .usage("dob", "\(d) is in the future (today is \(today))") }
    }

    /// The last day a booking or exception may touch, seen from `today`.
    public static func horizon(from today: LocalDate) -> LocalDate { today.adding(days: bookingHorizonDays) }

    /// A report's `from...to`: both typed dates, in order, at most `maximumReportYears` apart.
    public static func checkReportRange(from: LocalDate, to: LocalDate) throws(Rejection) {
        guard from <= to else { throw .usage("from", "\(from) is after --to \(to)") }
        // Twenty calendar years from `from` (Feb 29 falls back to Feb 28): `to` must come before that day.
        let year = from.year + maximumReportYears
        let limit = (try? LocalDate(year: year, month: from.month, day: min(from.day, LocalDate.daysIn(month: from.month, year: year))))
            ?? from.adding(days: maximumReportYears * 365)
        guard to < limit else {
            throw .usage("from", "the range \(from) to \(to) is longer than \(maximumReportYears) years",
                         hint: "report at most \(maximumReportYears) years at a time")
        }
    }
}
