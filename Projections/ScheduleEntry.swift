import BinaryCodec
import RevenueCycle

/// One appointment as the schedule read model keeps it: where it is, when, and
/// how it stands. Enough to draw a calendar and list appointments without
/// reading the log.
public struct ScheduleEntry: Sendable, Equatable {
    public let appointment: AppointmentID
    public let patient: PatientID
    public let provider: ProviderID
    public let location: LocationID
    public let room: RoomID?
    public let appointmentType: AppointmentTypeID
    public var start: Instant
    public var minutes: Int
    public var zone: TimeZoneID
    public var status: AppointmentStatus
    /// A patient cancellation inside the practice's late-cancel window.
    public var isLateCancellation: Bool
    public var forcedReason: String?
    public let recurrenceGroup: AppointmentID?
    public var visit: VisitID?

    public init(_ e: borrowing AppointmentBooked) {
        appointment = e.appointment
        patient = e.patient
        provider = e.provider
        location = e.location
        room = e.room
        appointmentType = e.appointmentType
        start = e.start
        minutes = e.minutes
        zone = e.zone
        status = .booked
        isLateCancellation = false
        forcedReason = e.forcedReason
        recurrenceGroup = e.recurrenceGroup
        visit = nil
    }

    public var end: Instant { start.adding(minutes: minutes) }
    public var localStart: LocalDateTime { zone.localDateTime(at: start) }
    public var localEnd: LocalDateTime { zone.localDateTime(at: end) }
    /// The date of service: the start's date in the location's zone.
    public var localDate: LocalDate { localStart.date }

    // MARK: - Value encoding

    /// Status codes on disk, fixed independently of the enum's declaration order.
    static let statusCodes: [AppointmentStatus] = [.booked, .checkedIn, .checkedOut, .noShow, .cancelled]
    static let encodingVersion: UInt8 = 1

    /// v1: version byte; appointment, patient, provider, location ids; room (0 = none);
    /// type id; start seconds; minutes; zone; status code; late flag; forced reason;
    /// recurrence group (0 = none); visit (0 = none).
    func encode(into w: inout ByteWriter) {
        w.writeByte(Self.encodingVersion)
        w.writeVarUInt(appointment.number)
        w.writeVarUInt(patient.number)
        w.writeVarUInt(provider.number)
        w.writeVarUInt(location.number)
        w.writeVarUInt(room?.number ?? 0)
        w.writeVarUInt(appointmentType.number)
        w.writeVarInt(start.secondsSinceEpoch)
        w.writeVarInt(Int64(minutes))
        w.writeString(zone.identifier)
        w.writeByte(UInt8(Self.statusCodes.firstIndex(of: status) ?? 0))
        w.writeBool(isLateCancellation)
        w.writeOptionalString(forcedReason)
        w.writeVarUInt(recurrenceGroup?.number ?? 0)
        w.writeVarUInt(visit?.number ?? 0)
    }

    /// - throws: `ProjectionError.damaged` for bytes this version did not write.
    static func decode(_ bytes: [UInt8]) throws -> ScheduleEntry {
        var r = ByteReader(bytes)
        func damaged(_ why: String) -> ProjectionError { .damaged(ScheduleProjection.projectionName, why) }
        guard try r.readByte() == encodingVersion else { throw damaged("unknown entry version") }
        let id = AppointmentID(try r.readVarUInt())
        let patient = PatientID(try r.readVarUInt())
        let provider = ProviderID(try r.readVarUInt())
        let location = LocationID(try r.readVarUInt())
        let room = try r.readVarUInt()
        let type = AppointmentTypeID(try r.readVarUInt())
        let start = Instant(secondsSinceEpoch: try r.readVarInt())
        let minutes = Int(try r.readVarInt())
        let zoneName = try r.readString()
        let statusCode = Int(try r.readByte())
        let late = try r.readBool()
        let forced = try r.readOptionalString()
        let group = try r.readVarUInt()
        let visit = try r.readVarUInt()
        guard statusCode < statusCodes.count else { throw damaged("status code \(statusCode) for \(id)") }
        let zone: TimeZoneID
        do {
            zone = try TimeZoneID(zoneName)
        } catch {
            throw damaged("zone \(zoneName) of \(id) is unknown here")
        }
        let booked = AppointmentBooked(appointment: id, patient: patient, provider: provider, location: location,
                                       room: room == 0 ? nil : RoomID(room), appointmentType: type, start: start,
                                       minutes: minutes, zone: zone, forcedReason: forced,
                                       recurrenceGroup: group == 0 ? nil : AppointmentID(group))
        var entry = ScheduleEntry(booked)
        entry.status = statusCodes[statusCode]
        entry.isLateCancellation = late
        entry.visit = visit == 0 ? nil : VisitID(visit)
        return entry
    }
}

/// Appointment counts for one provider, appointment type and month, kept for
/// the KPI reports (no-show rate = no-shows ÷ scheduled).
public struct ScheduleCounters: Sendable, Equatable {
    /// Every appointment booked for this month, whatever became of it.
    public var booked: Int64 = 0
    /// Cancelled in advance (by the practice, or by the patient outside the late window).
    public var cancelledInAdvance: Int64 = 0
    /// Cancelled by the patient inside the practice's late-cancel window.
    public var lateCancelled: Int64 = 0
    public var noShows: Int64 = 0

    public init() {}

    /// The no-show rate's denominator: booked and not cancelled in advance
    /// (a late cancellation still counts, as MGMA's definition has it).
    public var scheduled: Int64 { booked - cancelledInAdvance }
    public var cancelled: Int64 { cancelledInAdvance + lateCancelled }
    public var isZero: Bool { booked == 0 && cancelledInAdvance == 0 && lateCancelled == 0 && noShows == 0 }

    /// What one appointment contributes, given how it stands now.
    init(contributionOf entry: borrowing ScheduleEntry) {
        booked = 1
        if entry.status == .cancelled {
            if entry.isLateCancellation { lateCancelled = 1 } else { cancelledInAdvance = 1 }
        }
        if entry.status == .noShow { noShows = 1 }
    }

    mutating func add(_ other: ScheduleCounters, sign: Int64) {
        booked += sign * other.booked
        cancelledInAdvance += sign * other.cancelledInAdvance
        lateCancelled += sign * other.lateCancelled
        noShows += sign * other.noShows
    }

    func encode(into w: inout ByteWriter) {
        for n in [booked, cancelledInAdvance, lateCancelled, noShows] { w.writeVarInt(n) }
    }

    static func decode(_ bytes: [UInt8]) throws -> ScheduleCounters {
        var r = ByteReader(bytes)
        var c = ScheduleCounters()
        c.booked = try r.readVarInt()
        c.cancelledInAdvance = try r.readVarInt()
        c.lateCancelled = try r.readVarInt()
        c.noShows = try r.readVarInt()
        return c
    }
}

/// Which bucket a counter row belongs to.
public struct ScheduleCounterKey: Hashable, Sendable, Comparable {
    public let year: Int
    public let month: Int
    public let provider: ProviderID
    public let appointmentType: AppointmentTypeID

    public init(year: Int, month: Int, provider: ProviderID, appointmentType: AppointmentTypeID) {
        self.year = year
        self.month = month
        self.provider = provider
        self.appointmentType = appointmentType
    }

    /// "2026-12".
    public var monthText: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.year, a.month, a.provider.number, a.appointmentType.number) < (b.year, b.month, b.provider.number, b.appointmentType.number)
    }
}
