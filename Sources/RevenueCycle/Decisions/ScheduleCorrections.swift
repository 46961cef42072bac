/// Decisions for `availability exception remove`, `room remove` and `waitlist remove`.
public enum ScheduleCorrections {
    /// - throws: `Rejection` for an id never given, or an exception already removed.
    public static func removeException(_ id: AvailabilityExceptionID, reason: String?,
                                       state: PracticeState) throws(Rejection) -> AvailabilityExceptionRemoved {
        guard let found = state.numberedExceptions.first(where: { $0.id == id }) else {
            let everGiven = (AvailabilityExceptionID(ordinal: 1)...AvailabilityExceptionID(ordinal: max(state.exceptionsAdded, 1))).contains(id)
                && state.exceptionsAdded > 0
            if everGiven {
                throw .refused("exception", "\(id) was already removed")
            }
            throw .refused("exception", "unknown exception \(id)", hint: "list them with `practica availability exception list`")
        }
        return AvailabilityExceptionRemoved(exception: id, provider: found.exception.provider, reason: CoverageCorrections.trimmed(reason))
    }

    /// A room leaves the directory. Refused while appointments not yet over are
    /// booked in it (each named), so nobody is sent to a room that is gone.
    /// - throws: `Rejection` for an unknown room or one with appointments to come.
    public static func removeRoom(_ id: RoomID, reason: String?, now: Instant, state: PracticeState) throws(Rejection) -> RoomRemoved {
        guard let room = state.directory.rooms[id] else {
            throw .refused("room", "unknown room \(id)", hint: "list rooms with `practica room list`")
        }
        let upcoming = self.upcoming(state, now: now) { $0.room == id }
        guard upcoming.isEmpty else {
            throw .refused("room", "\(id) (\(room.name)) is booked for " + describe(upcoming),
                           hint: "cancel those appointments or book them into another room first")
        }
        return RoomRemoved(room: id, location: room.location, reason: CoverageCorrections.trimmed(reason))
    }

    /// A withdrawn waitlist entry, with why.
    /// - throws: `Rejection` when the entry is not open, or (usage) the reason is empty.
    public static func withdraw(_ entry: WaitlistEntryID, reason: String, state: PracticeState) throws(Rejection) -> WaitlistEntryRemoved {
        guard state.waitlist[entry] != nil else {
            throw .refused("entry", "\(entry) is not on the waitlist", hint: "open entries are listed by `practica waitlist list`")
        }
        let why = reason.trimmedForInput
        guard !why.isEmpty else { throw .usage("reason", "say why the entry leaves the waitlist") }
        return WaitlistEntryRemoved(entry: entry, bookedAs: nil, reason: why)
    }

    /// Appointments that still hold their slot and have not ended by `now`, earliest first.
    static func upcoming(_ state: PracticeState, now: Instant, where matches: (ScheduledAppointment) -> Bool) -> [ScheduledAppointment] {
        state.appointments.values
            .filter { ($0.status == .booked || $0.status == .checkedIn) && $0.start.adding(minutes: $0.minutes) > now && matches($0) }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// "AP1003 (2026-12-08 09:00), AP1004 (…)", the first five and a count of the rest.
    static func describe(_ appointments: [ScheduledAppointment]) -> String {
        let named = appointments.prefix(5).map { "\($0.id) (\($0.zone.localDateTime(at: $0.start)))" }
        let more = appointments.count > 5 ? " and \(appointments.count - 5) more" : ""
        return named.joined(separator: ", ") + more
    }
}
