import Foundation

/// A point in time, as whole seconds since 1970-01-01T00:00:00Z.
///
/// Booked slots are stored as an instant plus the zone they were entered in,
/// so a slot means the same moment whatever machine replays the log.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// Drops sub-second precision: schedules are kept to the minute.
    public init(_ date: Date) { secondsSinceEpoch = Int64(date.timeIntervalSince1970.rounded(.down)) }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)) }

    public func adding(minutes: Int) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + Int64(minutes) * 60) }
    public func adding(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    /// Seconds from `self` to `other`.
    public func seconds(to other: Instant) -> Int64 { other.secondsSinceEpoch - secondsSinceEpoch }

    /// ISO 8601 in UTC: "2026-03-08T08:30:00Z".
    public var description: String {
        let local = LocalDateTime(secondsAsIfUTC: secondsSinceEpoch)
        let seconds = Int(((secondsSinceEpoch % 60) + 60) % 60)
        return "\(local.date)T\(local.time):\(pad(seconds, 2))Z"
    }

    public static func < (a: Instant, b: Instant) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }
}
