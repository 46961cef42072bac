import RevenueCycle

/// The part of the schedule each command's decision needs, so a booking on a
/// store with years of appointments looks at days, not at the whole history.
extension PracticeState {
    /// Everything near one appointment (for cancel, no-show, check-in, check-out);
    /// for an unknown id, no appointments at all (the decision then names the id).
    func snapshot(around id: AppointmentID) -> ScheduleSnapshot {
        guard let start = appointments[id]?.start else { return scheduleSnapshot(covering: Instant(secondsSinceEpoch: 0)...Instant(secondsSinceEpoch: 0)) }
        return scheduleSnapshot(covering: start...start, including: [id])
    }

    /// Everything within `days` days after a local wall-clock time; the local time is
    /// read as if it were UTC, which the snapshot's one-day margin on each side covers.
    func snapshot(from local: LocalDateTime, days: Int, including ids: [AppointmentID] = []) -> ScheduleSnapshot {
        let start = Instant(secondsSinceEpoch: local.secondsAsIfUTC)
        let end = Instant(secondsSinceEpoch: local.secondsAsIfUTC + Int64(max(days, 0)) * 86_400)
        return scheduleSnapshot(covering: start...end, including: ids)
    }
}
