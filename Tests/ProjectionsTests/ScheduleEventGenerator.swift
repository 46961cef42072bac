import BinaryCodec
import RevenueCycle

/// A repeatable, deliberately messy stream of appointment events for the
/// schedule projection: bookings in several zones (including a southern
/// hemisphere one and starts near local midnight), reschedules across months,
/// cancellations (late or not), no-shows, check-ins and -outs, status changes
/// after a cancellation, and events for appointments that were never booked.
/// The projection must agree with any fold of it, sense or nonsense.
struct ScheduleEventGenerator {
    private var random: SplitMix64
    private var nextAppointment: UInt64 = 100_000
    private var nextVisit: UInt64 = 1
    private var booked: [UInt64] = []
    private let zones: [TimeZoneID]
    /// 2026-01-01T00:00:00Z.
    private let yearStart: Int64 = 1_767_225_600

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        zones = ["America/Chicago", "America/New_York", "America/Los_Angeles", "Pacific/Auckland"]
            .compactMap { try? TimeZoneID($0) }
    }

    mutating func next(_ count: Int) -> [any EventPayload] {
        (0..<count).map { _ in one() }
    }

    private mutating func below(_ n: UInt64) -> UInt64 { random.next() % n }

    /// Any quarter hour in 2026.
    private mutating func start() -> Instant {
        Instant(secondsSinceEpoch: yearStart + Int64(below(365 * 96)) * 900)
    }

    private mutating func one() -> any EventPayload {
        let roll = below(100)
        guard !booked.isEmpty, roll >= 30 else { return book() }
        let id = AppointmentID(booked[Int(below(UInt64(booked.count)))])
        switch roll {
        case ..<45:
            return AppointmentRescheduled(appointment: id, start: start(), minutes: [15, 30, 45, 60][Int(below(4))],
                                          zone: zones[Int(below(UInt64(zones.count)))],
                                          forcedReason: below(5) == 0 ? "moved by test" : nil)
        case ..<57:
            return AppointmentCancelled(appointment: id, reason: "test", by: below(2) == 0 ? .patient : .practice, isLate: below(3) == 0)
        case ..<70:
            return AppointmentNoShow(appointment: id)
        case ..<82:
            return PatientCheckedIn(appointment: id, copayDue: Money(cents: 2_500), coverage: nil)
        case ..<94:
            nextVisit += 1
            return PatientCheckedOut(appointment: id, visit: VisitID(nextVisit))
        default:
            // An appointment id never booked: ignored by every fold.
            return AppointmentNoShow(appointment: AppointmentID(1 + below(99)))
        }
    }

    private mutating func book() -> AppointmentBooked {
        nextAppointment += 1
        booked.append(nextAppointment)
        return AppointmentBooked(appointment: AppointmentID(nextAppointment), patient: PatientID(1 + below(150)),
                                 provider: ProviderID(1 + below(4)), location: LocationID(1 + below(2)),
                                 room: below(3) == 0 ? nil : RoomID(1 + below(5)), appointmentType: AppointmentTypeID(1 + below(3)),
                                 start: start(), minutes: [15, 30, 45, 60][Int(below(4))], zone: zones[Int(below(UInt64(zones.count)))],
                                 forcedReason: below(10) == 0 ? "forced by test" : nil,
                                 recurrenceGroup: below(8) == 0 ? AppointmentID(nextAppointment) : nil)
    }
}
