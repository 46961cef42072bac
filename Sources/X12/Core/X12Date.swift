/// A calendar date as X12 writes it (CCYYMMDD), with no time zone.
///
/// Dates of service, birth and payment are calendar days, not instants, so
/// this is deliberately a plain (year, month, day) triple validated against
/// the Gregorian calendar.
///
/// ```
/// let dos = try X12Date(year: 2024, month: 3, day: 15)
/// dos.ccyymmdd                      // "20240315"
/// try X12Date(ccyymmdd: "20240230") // throws: February 30th
/// ```
public struct X12Date: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// - throws: `X12Error` of kind `.invalidDate` when the day does not exist.
    public init(year: Int, month: Int, day: Int) throws(X12Error) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...X12Date.daysIn(month: month, year: year)).contains(day) else {
            throw X12Error(.invalidDate, "\(year)-\(month)-\(day) is not a calendar date")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "CCYYMMDD".
    /// - throws: `X12Error` of kind `.invalidDate`.
    public init(ccyymmdd text: String) throws(X12Error) {
        let chars = Array(text)
        guard chars.count == 8, chars.allSatisfy(\.isASCIIDigit),
              let y = Int(String(chars[0..<4])), let m = Int(String(chars[4..<6])), let d = Int(String(chars[6..<8])) else {
            throw X12Error(.invalidDate, "'\(text)' is not a CCYYMMDD date")
        }
        do {
            try self.init(year: y, month: m, day: d)
        } catch {
            throw X12Error(.invalidDate, "'\(text)' is not a calendar date")
        }
    }

    /// "CCYYMMDD".
    public var ccyymmdd: String {
        pad(year, 4) + pad(month, 2) + pad(day, 2)
    }

    /// "YYMMDD", as ISA09 wants it.
    var yymmdd: String { String(ccyymmdd.dropFirst(2)) }

    /// ISO 8601 "CCYY-MM-DD".
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    public static func < (a: X12Date, b: X12Date) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

/// A time of day as ISA10/GS05 write it (HHMM).
public struct X12Time: Sendable, Hashable {
    public let hour: Int
    public let minute: Int

    /// - throws: `X12Error` of kind `.invalidValue` outside 00:00–23:59.
    public init(hour: Int, minute: Int) throws(X12Error) {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            throw X12Error(.invalidValue, "\(hour):\(minute) is not a time of day")
        }
        self.hour = hour
        self.minute = minute
    }

    /// "HHMM".
    public var hhmm: String {
        (hour < 10 ? "0" : "") + "\(hour)" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

extension X12Segment {
    /// Element `position` as a CCYYMMDD date, `nil` when empty.
    func date(_ position: Int) throws(X12Error) -> X12Date? {
        guard let raw = value(position) else { return nil }
        do {
            return try X12Date(ccyymmdd: raw)
        } catch {
            throw X12Error(.invalidDate, at: self, "\(id)\(X12Tokenizer.twoDigits(position)) \(error.reason)")
        }
    }
}
