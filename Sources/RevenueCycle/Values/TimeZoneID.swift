import Foundation

/// An IANA time zone name that this system's tz database knows ("America/Chicago").
///
/// Locations carry one; appointments store it next to their instant so the
/// local wall-clock time can always be shown again.
public struct TimeZoneID: Hashable, Sendable, CustomStringConvertible {
    public let identifier: String
    /// The Foundation zone, resolved once when the value is made.
    public let timeZone: TimeZone

    /// - throws: `ValueError` when the tz database has no such zone.
    public init(_ text: String) throws(ValueError) {
        let input = text.trimmedForInput
        guard !input.isEmpty, let zone = TimeZone(identifier: input) else {
            throw ValueError(kind: "time zone", input: text, reason: "not an IANA time zone name like America/Chicago")
        }
        identifier = input
        timeZone = zone
    }

    public static func parse(_ text: String) throws(ValueError) -> TimeZoneID { try TimeZoneID(text) }

    /// A zone typed for a practice or location: a region name ("America/New_York"),
    /// whose rules follow the region's daylight saving time. Abbreviations and
    /// POSIX-style names the tz database also knows ("EST", "PST8PDT", "Etc/GMT+5")
    /// are refused, since a clinic in New York typed as "EST" would stay on
    /// standard time all summer. "UTC" stays allowed for tests and servers.
    /// Stored events are read with `init`, so zones recorded before this check still load.
    public static func parseRegion(_ text: String) throws(ValueError) -> TimeZoneID {
        let zone = try TimeZoneID(text)
        let name = zone.identifier
        let isRegion = name.contains("/") && !name.hasPrefix("Etc/") && !name.hasPrefix("SystemV/")
        guard isRegion || name == "UTC" else {
            throw ValueError(kind: "time zone", input: text,
                             reason: "\(name) is an abbreviation, not a region: give the IANA region name, e.g. America/New_York")
        }
        return zone
    }

    public var description: String { identifier }

    public static func == (a: TimeZoneID, b: TimeZoneID) -> Bool { a.identifier == b.identifier }
    public func hash(into h: inout Hasher) { h.combine(identifier) }

    /// Offset from UTC in seconds in effect at `instant` (-21600 for CST, -18000 for CDT).
    public func offsetSeconds(at instant: Instant) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: instant.date))
    }

    /// The wall-clock time at `instant` in this zone, for display.
    public func localDateTime(at instant: Instant) -> LocalDateTime {
        LocalDateTime(secondsAsIfUTC: instant.secondsSinceEpoch + offsetSeconds(at: instant))
    }

    /// The instant a wall-clock time in this zone denotes.
    ///
    /// A time skipped by a spring-forward change (02:30 on 2026-03-08 in
    /// America/Chicago) is refused: booking it would silently move the patient
    /// an hour. A time that occurs twice at a fall-back change (01:30 on
    /// 2026-11-01) resolves to the **earliest** occurrence (the daylight-time
    /// one), the same choice `java.time` and RFC 5545 make, so a slot is never
    /// later than what the person read on the clock the first time.
    ///
    /// - throws: `ValueError` when the local time does not exist in this zone.
    public func instant(for local: LocalDateTime) throws(ValueError) -> Instant {
        let naive = local.secondsAsIfUTC
        // Offsets in effect a day either side cover any single transition near `local`.
        var offsets: [Int64] = []
        for probe in [naive - 86_400, naive, naive + 86_400] {
            let o = offsetSeconds(at: Instant(secondsSinceEpoch: probe))
            if !offsets.contains(o) { offsets.append(o) }
        }
        let candidates = offsets
            .map { Instant(secondsSinceEpoch: naive - $0) }
            .filter { offsetSeconds(at: $0) == naive - $0.secondsSinceEpoch }
        guard let earliest = candidates.min() else {
            throw ValueError(kind: "local time", input: local.description,
                             reason: "does not exist in \(identifier) (clocks skip it for daylight saving time)")
        }
        return earliest
    }

    /// True when `local` happens twice in this zone (the fall-back hour).
    public func isAmbiguous(_ local: LocalDateTime) -> Bool {
        let naive = local.secondsAsIfUTC
        var seen = Set<Int64>()
        for probe in [naive - 86_400, naive, naive + 86_400] {
            let o = offsetSeconds(at: Instant(secondsSinceEpoch: probe))
            if offsetSeconds(at: Instant(secondsSinceEpoch: naive - o)) == o { seen.insert(o) }
        }
        return seen.count > 1
    }
}
