/// A date and wall-clock time with no zone: what a person types in `--at
/// "2026-12-01 09:00"`. It becomes an `Instant` only together with a `TimeZoneID`.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    public let time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// The wall clock read as if it were UTC; lets zone conversion and display work with plain integers.
    public init(secondsAsIfUTC: Int64) {
        let days = secondsAsIfUTC >= 0 ? secondsAsIfUTC / 86_400 : (secondsAsIfUTC - 86_399) / 86_400
        let rest = Int(secondsAsIfUTC - days * 86_400) / 60
        date = LocalDate(daysSinceEpoch: days)
        time = LocalTime(clamping: rest)
    }

    /// Parses "YYYY-MM-DD HH:MM" (a "T" between the parts is accepted too).
    public static func parse(_ text: String) throws(ValueError) -> LocalDateTime {
        let input = text.trimmedForInput
        let parts = input.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2 else {
            throw ValueError(kind: "date and time", input: text, reason: "expected \"YYYY-MM-DD HH:MM\"")
        }
        do {
            return LocalDateTime(date: try LocalDate.parse(String(parts[0])), time: try LocalTime.parse(String(parts[1])))
        } catch {
            throw ValueError(kind: "date and time", input: text, reason: error.reason)
        }
    }

    public var secondsAsIfUTC: Int64 { date.daysSinceEpoch * 86_400 + Int64(time.minutesSinceMidnight) * 60 }

    public func adding(minutes: Int) -> LocalDateTime {
        LocalDateTime(secondsAsIfUTC: secondsAsIfUTC + Int64(minutes) * 60)
    }

    public var description: String { "\(date) \(time)" }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { (a.date, a.time) < (b.date, b.time) }

}
