import CLIKit
import Foundation
import RevenueCycle

/// Where a session's "now" comes from: the system clock for people at the
/// CLI, or a simulated clock that `practica demo` moves forward through a
/// year of made-up activity.
///
/// Decisions that depend on the moment (late cancellations, no-shows, "not in
/// the future" checks, the date on a claim file) read it from here, and every
/// batch is recorded at it, so a demo store's recorded-at times follow the
/// simulated days: audits and `replay --until` by time work on it as on a real log.
///
/// ```swift
/// let time = SimulatedTime(start: Date(timeIntervalSince1970: 1_767_258_000))
/// session.clock = .simulated(time)
/// time.advance(to: later)   // never moves backwards
/// ```
struct PracticeClock {
    private let simulated: SimulatedTime?
    private let fixed: Date?

    /// The real time, read at each use.
    static var system: PracticeClock { PracticeClock(simulated: nil, fixed: nil) }

    /// A clock that reads `time`, which its owner moves forward.
    static func simulated(_ time: SimulatedTime) -> PracticeClock { PracticeClock(simulated: time, fixed: nil) }

    /// `$PRACTICA_CLOCK` ("2026-11-30T12:00:00Z") pins the moment decisions see, so
    /// tests and training stores don't depend on the day they run; batches are
    /// still recorded at the real time. Without it, the system clock.
    /// - throws: a usage error when it is set but not an ISO 8601 instant (a typo must not silently mean "now").
    static func from(environment: [String: String]) throws -> PracticeClock {
        guard let text = environment["PRACTICA_CLOCK"], !text.isEmpty else { return .system }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw CommandFailure("PRACTICA_CLOCK: \(EchoedInput.quoted(text)) is not an instant like 2026-11-30T12:00:00Z",
                                 hint: "unset PRACTICA_CLOCK to use the system clock", exitCode: .usage)
        }
        return PracticeClock(simulated: nil, fixed: date)
    }

    var date: Date { simulated?.date ?? fixed ?? Date() }
    var now: Instant { Instant(date) }

    /// The recorded-at override for a batch: nil (the store's own clock) unless simulated.
    var recordedAt: Date? { simulated?.date }

    /// Today's date in `zone` (the practice's or a location's), UTC without one.
    func today(in zone: TimeZoneID?) -> LocalDate {
        guard let zone else { return LocalDateTime(secondsAsIfUTC: now.secondsSinceEpoch).date }
        return zone.localDateTime(at: now).date
    }
}

/// The moment a simulation has reached. A class because the simulation and
/// the session it drives share one moment; it only moves forward, so the
/// batches recorded at it keep the log's recorded-at times monotonic.
final class SimulatedTime {
    private(set) var date: Date

    init(start: Date) { date = start }

    /// Moves to `moment`, or stays put when `moment` is not later.
    func advance(to moment: Date) {
        if moment > date { date = moment }
    }
}
