/// A wall-clock time as a person types it for an appointment, with an
/// optional UTC offset: "2026-11-01 01:30", or "2026-11-01 01:30-05:00" for
/// the first of the two 01:30s when clocks fall back.
///
/// ```swift
/// let t = try TypedDateTime.parse("2026-11-01 01:30-06:00")
/// try chicago.instant(for: t)   // the second 01:30 (CST)
/// ```
public struct TypedDateTime: Hashable, Sendable, CustomStringConvertible {
    public let local: LocalDateTime
    /// Seconds east of UTC, when typed.
    public let offsetSeconds: Int64?

    public init(local: LocalDateTime, offsetSeconds: Int64? = nil) {
        self.local = local
        self.offsetSeconds = offsetSeconds
    }

    /// Parses "YYYY-MM-DD HH:MM" with an optional "+HH:MM", "-HH:MM" or "Z" after the time;
    /// the date must be a plausible typed date (`PlausibleDates`).
    public static func parse(_ text: String) throws(ValueError) -> TypedDateTime {
        let input = text.trimmedForInput
        var body = Substring(input)
        var offset: Int64?
        if body.hasSuffix("Z") {
            body = body.dropLast()
            offset = 0
        } else if body.count > 6 {
            let tail = body.suffix(6)
            if let sign = tail.first, sign == "+" || sign == "-" {
                let parts = tail.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && ASCII.allDigits($0) }),
                      let h = Int64(parts[0]), let m = Int64(parts[1]), h <= 14, m < 60
                else { throw ValueError(kind: "date and time", input: text, reason: "expected an offset like -05:00 after the time") }
                offset = (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
                body = body.dropLast(6)
            }
        }
        let local: LocalDateTime
        do {
            local = try PlausibleDates.dateTime(String(body))
        } catch {
            throw ValueError(kind: error.kind, input: text, reason: error.reason)
        }
        return TypedDateTime(local: local, offsetSeconds: offset)
    }

    public var description: String {
        guard let offset = offsetSeconds else { return local.description }
        return local.description + Self.offsetText(offset)
    }

    /// "-05:00".
    public static func offsetText(_ seconds: Int64) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        let h = minutes / 60, m = minutes % 60
        return sign + (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

extension TimeZoneID {
    /// The instant a typed time denotes in this zone, refusing what a person
    /// can't have meant unambiguously: a time the clocks skip (spring forward),
    /// and — unless the offset was typed — a time that happens twice (fall back),
    /// whose message names both offsets to choose from.
    /// - throws: `ValueError` naming the time and the zone.
    public func instant(for typed: TypedDateTime) throws(ValueError) -> Instant {
        let candidates = occurrences(of: typed.local)
        guard !candidates.isEmpty else {
            throw ValueError(kind: "local time", input: typed.description,
                             reason: "does not exist in \(identifier) (clocks skip it for daylight saving time)")
        }
        if let offset = typed.offsetSeconds {
            guard let match = candidates.first(where: { offsetSeconds(at: $0) == offset }) else {
                let valid = candidates.map { TypedDateTime.offsetText(offsetSeconds(at: $0)) }.joined(separator: " or ")
                throw ValueError(kind: "local time", input: typed.description,
                                 reason: "\(identifier) is at \(valid) then, not \(TypedDateTime.offsetText(offset))")
            }
            return match
        }
        guard candidates.count == 1, let only = candidates.first else {
            let choices = candidates.map { "\(typed.local)\(TypedDateTime.offsetText(offsetSeconds(at: $0)))" }
            throw ValueError(kind: "local time", input: typed.description,
                             reason: "happens twice in \(identifier) (clocks fall back); type \(choices.joined(separator: " (first) or ")) (second)")
        }
        return only
    }

    /// Every instant `local` denotes here, earliest first: none in a gap, two in the fall-back hour.
    func occurrences(of local: LocalDateTime) -> [Instant] {
        let naive = local.secondsAsIfUTC
        var offsets: [Int64] = []
        for probe in [naive - 86_400, naive, naive + 86_400] {
            let o = offsetSeconds(at: Instant(secondsSinceEpoch: probe))
            if !offsets.contains(o) { offsets.append(o) }
        }
        return offsets
            .map { Instant(secondsSinceEpoch: naive - $0) }
            .filter { offsetSeconds(at: $0) == naive - $0.secondsSinceEpoch }
            .sorted()
    }
}
