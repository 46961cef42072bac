/// Where an appointment stands.
public enum AppointmentStatus: String, CaseIterable, Sendable, CustomStringConvertible {
    case booked
    case checkedIn = "checked-in"
    case checkedOut = "checked-out"
    case noShow = "no-show"
    case cancelled

    /// Whether the appointment still holds its provider, room and patient.
    /// A no-show frees the slot for a walk-in; a cancellation frees it for anyone.
    public var occupiesSlot: Bool { self == .booked || self == .checkedIn || self == .checkedOut }

    public var description: String { rawValue }
}

/// An appointment as scheduling decisions see it.
public struct ScheduledAppointment: Sendable, Equatable {
    public let id: AppointmentID
    public let patient: PatientID
    public let provider: ProviderID
    public let location: LocationID
    public let room: RoomID?
    public let appointmentType: AppointmentTypeID
    public var start: Instant
    public var minutes: Int
    public var zone: TimeZoneID
    public var status: AppointmentStatus
    public var forcedReason: String?
    public let recurrenceGroup: AppointmentID?
    public var visit: VisitID?

    public init(_ e: borrowing AppointmentBooked) {
        id = e.appointment
        patient = e.patient
        provider = e.provider
        location = e.location
        room = e.room
        appointmentType = e.appointmentType
        start = e.start
        minutes = e.minutes
        zone = e.zone
        status = .booked
        forcedReason = e.forcedReason
        recurrenceGroup = e.recurrenceGroup
        visit = nil
    }

    public var end: Instant { start.adding(minutes: minutes) }
    public var slot: ZonedSlot { ZonedSlot(start: start, minutes: minutes, zone: zone) }
    /// The local date of the start, in the appointment's zone: the date of service.
    public var localDate: LocalDate { zone.localDateTime(at: start).date }
}

/// A provider's weekly template at a location from a date on.
public struct AvailabilityTemplate: Sendable, Equatable {
    public let provider: ProviderID
    public let location: LocationID
    public let effectiveFrom: LocalDate
    public let blocks: [AvailabilityBlock]

    public init(_ e: AvailabilitySet) {
        provider = e.provider
        location = e.location
        effectiveFrom = e.effectiveFrom
        blocks = e.blocks
    }
}

/// Everything a scheduling decision reads, as plain values.
///
/// The CLI fills it from the schedule projection with the appointments that
/// matter (the provider's, the room's and the patient's around the requested
/// time); tests and `PracticeState.scheduleSnapshot()` fill it with everything.
/// Appointments in any status may be present; only `occupiesSlot` ones clash.
public struct ScheduleSnapshot: Sendable, Equatable {
    public var appointments: [ScheduledAppointment]
    public var templates: [AvailabilityTemplate]
    public var exceptions: [AvailabilityExceptionAdded]
    public var locationZones: [LocationID: TimeZoneID]
    /// Room → the location it is in.
    public var rooms: [RoomID: LocationID]
    /// Appointment type → default minutes.
    public var appointmentTypes: [AppointmentTypeID: Int]
    public var providers: Set<ProviderID>
    /// Active (unmerged) patients; merged ones are refused.
    public var patients: Set<PatientID>
    public var settings: PracticeSettings

    public init(appointments: [ScheduledAppointment] = [], templates: [AvailabilityTemplate] = [],
                exceptions: [AvailabilityExceptionAdded] = [], locationZones: [LocationID: TimeZoneID] = [:],
                rooms: [RoomID: LocationID] = [:], appointmentTypes: [AppointmentTypeID: Int] = [:],
                providers: Set<ProviderID> = [], patients: Set<PatientID> = [], settings: PracticeSettings = PracticeSettings()) {
        self.appointments = appointments
        self.templates = templates
        self.exceptions = exceptions
        self.locationZones = locationZones
        self.rooms = rooms
        self.appointmentTypes = appointmentTypes
        self.providers = providers
        self.patients = patients
        self.settings = settings
    }

    public func appointment(_ id: AppointmentID) -> ScheduledAppointment? { appointments.first { $0.id == id } }

    /// The template for `provider` at `location` in effect on `date`: the latest starting on or before it.
    public func template(provider: ProviderID, location: LocationID, on date: LocalDate) -> AvailabilityTemplate? {
        templates
            .filter { $0.provider == provider && $0.location == location && $0.effectiveFrom <= date }
            .max { $0.effectiveFrom < $1.effectiveFrom }
    }
}
