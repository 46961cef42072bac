/// How a booking repeats: `--every week --count 6`.
public struct Recurrence: Sendable, Equatable {
    public enum Unit: String, Sendable, CaseIterable { case day, week }

    public let unit: Unit
    /// Number of appointments in the series, including the first.
    public let count: Int

    public init(unit: Unit, count: Int) {
        self.unit = unit
        self.count = count
    }

    var daysBetween: Int { unit == .day ? 1 : 7 }
}

/// What `practica book` asks for, already parsed.
public struct BookingRequest: Sendable, Equatable {
    public var patient: PatientID
    public var provider: ProviderID
    public var location: LocationID
    public var room: RoomID?
    public var appointmentType: AppointmentTypeID
    /// Wall-clock start in the location's zone.
    public var at: LocalDateTime
    /// Overrides the appointment type's length.
    public var minutes: Int?
    /// `--force --reason`: book outside availability, recording why.
    public var forceReason: String?
    public var recurrence: Recurrence?
    /// The UTC offset typed after `at` ("-05:00"), which picks one of the two
    /// times the fall-back hour has; required then (`TimeZoneID.instant(for:)`).
    public var offsetSeconds: Int64?

    public init(patient: PatientID, provider: ProviderID, location: LocationID, room: RoomID? = nil,
                appointmentType: AppointmentTypeID, at: LocalDateTime, minutes: Int? = nil,
                forceReason: String? = nil, recurrence: Recurrence? = nil, offsetSeconds: Int64? = nil) {
        self.offsetSeconds = offsetSeconds
        self.patient = patient
        self.provider = provider
        self.location = location
        self.room = room
        self.appointmentType = appointmentType
        self.at = at
        self.minutes = minutes
        self.forceReason = forceReason
        self.recurrence = recurrence
    }

    /// How many appointment ids the store must allocate for this request.
    public var occurrenceCount: Int { recurrence?.count ?? 1 }
}

/// Booking and rescheduling: nobody double-booked, inside availability unless forced.
public enum Scheduling {
    public static let maximumOccurrences = 104
    public static let maximumMinutes = 720

    /// Books one appointment, or a whole recurring series, or nothing.
    ///
    /// Occurrences repeat the same wall-clock time (09:00 stays 09:00 across a
    /// daylight-saving change). Every clash of every occurrence is collected
    /// into `Rejection.conflicts` so the user sees them all at once.
    ///
    /// - parameter ids: one id per occurrence (`request.occurrenceCount`), allocated by the store.
    /// - throws: `Rejection` — usage for unknown-shape input (zero minutes, a
    ///   start that does not exist locally), refused for unknown ids or conflicts.
    public static func book(_ request: BookingRequest, ids: [AppointmentID],
                            snapshot: ScheduleSnapshot) throws(Rejection) -> [AppointmentBooked] {
        let r = request
        guard snapshot.patients.contains(r.patient) else { throw .refused("patient", "unknown or merged patient \(r.patient)") }
        guard snapshot.providers.contains(r.provider) else { throw .refused("provider", "unknown provider \(r.provider)") }
        guard let zone = snapshot.locationZones[r.location] else { throw .refused("location", "unknown location \(r.location)") }
        if let room = r.room {
            guard let roomLocation = snapshot.rooms[room] else { throw .refused("room", "unknown room \(room)") }
            guard roomLocation == r.location else { throw .refused("room", "\(room) is at \(roomLocation), not \(r.location)") }
        }
        guard let typeMinutes = snapshot.appointmentTypes[r.appointmentType] else {
            throw .refused("type", "unknown appointment type \(r.appointmentType)")
        }
        let minutes = try validMinutes(r.minutes ?? typeMinutes)
        let force = try validForceReason(r.forceReason)
        let count = r.occurrenceCount
        guard (1...maximumOccurrences).contains(count) else {
            throw .usage("count", "must be between 1 and \(maximumOccurrences), got \(count)")
        }
        guard ids.count == count else {
            throw .usage("ids", "\(count) occurrences need \(count) appointment ids, got \(ids.count)")
        }
        let first: Instant
        do {
            first = try zone.instant(for: TypedDateTime(local: r.at, offsetSeconds: r.offsetSeconds))
        } catch {
            throw .invalid("at", error)
        }

        var conflicts: [ScheduleConflict] = []
        var planned: [(start: Instant, end: Instant)] = []
        var events: [AppointmentBooked] = []
        let group = count > 1 ? ids.first : nil
        for i in 0..<count {
            let local = LocalDateTime(date: r.at.date.adding(days: i * (r.recurrence?.daysBetween ?? 0)), time: r.at.time)
            let occurrences = i == 0 ? [first] : zone.occurrences(of: local)
            guard occurrences.count == 1, let start = occurrences.first else {
                conflicts.append(ScheduleConflict(occurrence: i, start: local,
                                                  kind: occurrences.isEmpty ? .nonexistentLocalTime : .ambiguousLocalTime))
                planned.append((Instant(secondsSinceEpoch: .min), Instant(secondsSinceEpoch: .min)))
                continue
            }
            let end = start.adding(minutes: minutes)
            var found = clashes(provider: r.provider, room: r.room, patient: r.patient, start: start, end: end,
                                ignoring: nil, snapshot: snapshot)
            for (j, p) in planned.enumerated() where intervalsOverlap(start, end, p.start, p.end) {
                found.append(.overlapsOccurrence(j))
            }
            if force == nil {
                found += availabilityProblems(provider: r.provider, location: r.location, start: start,
                                              minutes: minutes, zone: zone, snapshot: snapshot)
            }
            conflicts += found.map { ScheduleConflict(occurrence: i, start: local, kind: $0) }
            planned.append((start, end))
            events.append(AppointmentBooked(appointment: ids[i], patient: r.patient, provider: r.provider,
                                            location: r.location, room: r.room, appointmentType: r.appointmentType,
                                            start: start, minutes: minutes, zone: zone, forcedReason: force,
                                            recurrenceGroup: group))
        }
        guard conflicts.isEmpty else { throw rejection(for: conflicts, occurrences: count) }
        return events
    }

    /// Moves a booked appointment to a new wall-clock time at its location (same room).
    /// - throws: `Rejection` for an unknown or no-longer-booked appointment, bad minutes, or conflicts.
    public static func reschedule(_ id: AppointmentID, to at: LocalDateTime, minutes: Int? = nil, forceReason: String? = nil,
                                  offsetSeconds: Int64? = nil, snapshot: ScheduleSnapshot) throws(Rejection) -> AppointmentRescheduled {
        guard let appt = snapshot.appointment(id) else { throw .refused("appointment", "unknown appointment \(id)") }
        guard appt.status == .booked else { throw .refused("appointment", "\(id) is \(appt.status); only booked appointments move") }
        let zone = snapshot.locationZones[appt.location] ?? appt.zone
        let minutes = try validMinutes(minutes ?? appt.minutes)
        let force = try validForceReason(forceReason)
        let start: Instant
        do {
            start = try zone.instant(for: TypedDateTime(local: at, offsetSeconds: offsetSeconds))
        } catch {
            throw .invalid("at", error)
        }
        guard start != appt.start || minutes != appt.minutes else {
            throw .usage("at", "\(id) is already at \(at) for \(minutes) minutes")
        }
        var found = clashes(provider: appt.provider, room: appt.room, patient: appt.patient, start: start,
                            end: start.adding(minutes: minutes), ignoring: id, snapshot: snapshot)
        if force == nil {
            found += availabilityProblems(provider: appt.provider, location: appt.location, start: start,
                                          minutes: minutes, zone: zone, snapshot: snapshot)
        }
        guard found.isEmpty else {
            throw rejection(for: found.map { ScheduleConflict(occurrence: 0, start: at, kind: $0) }, occurrences: 1)
        }
        return AppointmentRescheduled(appointment: id, start: start, minutes: minutes, zone: zone, forcedReason: force)
    }

    /// Double bookings of the provider, the room or the patient.
    static func clashes(provider: ProviderID, room: RoomID?, patient: PatientID, start: Instant, end: Instant,
                        ignoring: AppointmentID?, snapshot: ScheduleSnapshot) -> [ScheduleConflict.Kind] {
        var found: [ScheduleConflict.Kind] = []
        for a in snapshot.appointments where a.status.occupiesSlot && a.id != ignoring
            && intervalsOverlap(start, end, a.start, a.end) {
            if a.provider == provider { found.append(.providerBusy(a.id)) }
            if let room, a.room == room { found.append(.roomBusy(a.id)) }
            if a.patient == patient { found.append(.patientBusy(a.id)) }
        }
        return found
    }

    static func availabilityProblems(provider: ProviderID, location: LocationID, start: Instant, minutes: Int,
                                     zone: TimeZoneID, snapshot: ScheduleSnapshot) -> [ScheduleConflict.Kind] {
        var found: [ScheduleConflict.Kind] = []
        if let e = AvailabilityDecisions.exception(provider: provider, start: start, minutes: minutes, zone: zone, snapshot: snapshot) {
            found.append(.providerAway(e.reason))
        } else if !AvailabilityDecisions.isInsideTemplate(provider: provider, location: location, start: start,
                                                          minutes: minutes, zone: zone, snapshot: snapshot) {
            found.append(.outsideAvailability)
        }
        return found
    }

    static func validMinutes(_ minutes: Int) throws(Rejection) -> Int {
        guard minutes > 0 else { throw .usage("minutes", "must be greater than zero, got \(minutes)") }
        guard minutes <= maximumMinutes else { throw .usage("minutes", "must be at most \(maximumMinutes), got \(minutes)") }
        return minutes
    }

    static func validForceReason(_ reason: String?) throws(Rejection) -> String? {
        guard let reason else { return nil }
        let t = reason.trimmedForInput
        guard !t.isEmpty else { throw .usage("reason", "--force needs a --reason saying why") }
        return t
    }

    static func rejection(for conflicts: [ScheduleConflict], occurrences: Int) -> Rejection {
        let overridable = conflicts.allSatisfy(\.isOverridable)
        let hint = overridable ? "pick another time (`practica slots find`), or book anyway with --force --reason TEXT"
                               : "pick another time; `practica slots find` lists free slots"
        let reason: String
        if occurrences == 1, let first = conflicts.first {
            reason = first.description
        } else {
            let bad = Set(conflicts.map(\.occurrence)).count
            reason = "\(bad) of \(occurrences) occurrences conflict; nothing was booked"
        }
        return Rejection(.refused, field: "at", reason: reason, hint: hint, conflicts: conflicts)
    }
}
