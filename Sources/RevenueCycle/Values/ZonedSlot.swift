/// A booked stretch of time: an unambiguous start instant, a length, and the
/// zone it is shown in.
///
/// ```swift
/// let zone = try TimeZoneID("America/Chicago")
/// let slot = try ZonedSlot(local: .parse("2026-12-01 09:00"), minutes: 30, zone: zone)
/// slot.localStart   // 2026-12-01 09:00
/// ```
public struct ZonedSlot: Hashable, Sendable, CustomStringConvertible {
    public let start: Instant
    public let minutes: Int
    public let zone: TimeZoneID

    public init(start: Instant, minutes: Int, zone: TimeZoneID) {
        self.start = start
        self.minutes = minutes
        self.zone = zone
    }

    /// - throws: `ValueError` when the local start does not exist in `zone`.
    public init(local: LocalDateTime, minutes: Int, zone: TimeZoneID) throws(ValueError) {
        self.init(start: try zone.instant(for: local), minutes: minutes, zone: zone)
    }

    /// Exclusive end: back-to-back slots do not overlap.
    public var end: Instant { start.adding(minutes: minutes) }
    public var localStart: LocalDateTime { zone.localDateTime(at: start) }
    public var localEnd: LocalDateTime { zone.localDateTime(at: end) }

    public func overlaps(_ other: ZonedSlot) -> Bool { start < other.end && other.start < end }

    public var description: String { "\(localStart) (\(minutes) min, \(zone))" }
}

/// Half-open intervals [start, end) overlap when each starts before the other ends.
func intervalsOverlap(_ aStart: Instant, _ aEnd: Instant, _ bStart: Instant, _ bEnd: Instant) -> Bool {
    aStart < bEnd && bStart < aEnd
}
