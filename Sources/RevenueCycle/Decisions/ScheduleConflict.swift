/// One reason one occurrence of a booking cannot take its slot.
public struct ScheduleConflict: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case providerBusy(AppointmentID)
        case roomBusy(AppointmentID)
        case patientBusy(AppointmentID)
        /// Another occurrence of the same recurring request (0-based index).
        case overlapsOccurrence(Int)
        case outsideAvailability
        case providerAway(AvailabilityExceptionReason)
        case nonexistentLocalTime
        /// The local time happens twice (clocks fall back); only the first occurrence can carry a typed offset.
        case ambiguousLocalTime
    }

    /// 0-based index in a recurring series; 0 for a single booking.
    public let occurrence: Int
    /// The wall-clock start requested, in the location's zone.
    public let start: LocalDateTime
    public let kind: Kind

    public init(occurrence: Int, start: LocalDateTime, kind: Kind) {
        self.occurrence = occurrence
        self.start = start
        self.kind = kind
    }

    /// Whether `--force --reason` may override it: availability may be
    /// overridden, a double booking never.
    public var isOverridable: Bool {
        switch kind {
        case .outsideAvailability, .providerAway: return true
        default: return false
        }
    }

    public var description: String {
        let what: String
        switch kind {
        case .providerBusy(let a): what = "the provider is booked (\(a))"
        case .roomBusy(let a): what = "the room is booked (\(a))"
        case .patientBusy(let a): what = "the patient is already booked (\(a))"
        case .overlapsOccurrence(let i): what = "overlaps occurrence \(i + 1) of this series"
        case .outsideAvailability: what = "outside the provider's availability"
        case .providerAway(let r): what = "the provider is away (\(r))"
        case .nonexistentLocalTime: what = "this local time does not exist (daylight saving time change)"
        case .ambiguousLocalTime: what = "this local time happens twice (clocks fall back); book this day on its own with an offset"
        }
        return "\(start): \(what)"
    }
}
