/// A wall-clock time of day to the minute, as people enter it: "09:00", "14:30".
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0 ..< 1440.
    public let minutesSinceMidnight: Int

    public init(hour: Int, minute: Int) throws(ValueError) {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            throw ValueError(kind: "time", input: pad(hour, 2) + ":" + pad(minute, 2),
                             reason: "hours run 00-23 and minutes 00-59")
        }
        minutesSinceMidnight = hour * 60 + minute
    }

    public init(minutesSinceMidnight: Int) throws(ValueError) {
        guard (0..<1440).contains(minutesSinceMidnight) else {
            throw ValueError(kind: "time", input: String(minutesSinceMidnight), reason: "minutes since midnight must be 0-1439")
        }
        self.minutesSinceMidnight = minutesSinceMidnight
    }

    /// For minute counts computed by this module (already in range); clamps rather than traps.
    init(clamping minutes: Int) { minutesSinceMidnight = Swift.min(Swift.max(minutes, 0), 1439) }

    /// Parses "HH:MM" (a one-digit hour like "9:00" is accepted).
    public static func parse(_ text: String) throws(ValueError) -> LocalTime {
        let parts = text.trimmedForInput.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              ASCII.allDigits(parts[0]), ASCII.allDigits(parts[1]),
              let h = Int(parts[0]), let m = Int(parts[1])
        else { throw ValueError(kind: "time", input: text, reason: "expected HH:MM") }
        do {
            return try LocalTime(hour: h, minute: m)
        } catch {
            throw ValueError(kind: "time", input: text, reason: error.reason)
        }
    }

    public var hour: Int { minutesSinceMidnight / 60 }
    public var minute: Int { minutesSinceMidnight % 60 }

    public var description: String { pad(hour, 2) + ":" + pad(minute, 2) }

    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }
}
