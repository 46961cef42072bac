/// When an appointment may be: not before now unless forced (booking the past
/// is recording what happened, and says why), and never beyond the booking
/// horizon (`PlausibleDates.bookingHorizonDays`), which also keeps a slot's end
/// out of year 10000. "Now" is the session's clock, passed in.
extension Scheduling {
    /// - parameter start: the first occurrence's start; `lastDate`: the last occurrence's local date.
    /// - throws: `Rejection` — refused for a past start without `forced`, usage beyond the horizon.
    public static func checkWindow(start: Instant, lastDate: LocalDate, zone: TimeZoneID, now: Instant,
                                   forced: Bool) throws(Rejection) {
        let today = zone.localDateTime(at: now).date
        let horizon = PlausibleDates.horizon(from: today)
        guard lastDate <= horizon else {
            throw .usage("at", "\(lastDate) is more than two years ahead (the last bookable day is \(horizon))",
                         hint: "book nearer dates; the schedule reaches two years ahead")
        }
        guard forced || now <= start else {
            let local = zone.localDateTime(at: start)
            throw .refused("at", "\(local) \(zone) is in the past (now it is \(zone.localDateTime(at: now)))",
                           hint: "to record an appointment that already took place, add --force --reason TEXT")
        }
    }

    /// `checkWindow` for a booking request; a start that doesn't resolve is left to `book` to report.
    public static func checkWindow(_ r: BookingRequest, zone: TimeZoneID, now: Instant) throws(Rejection) {
        guard let start = try? zone.instant(for: TypedDateTime(local: r.at, offsetSeconds: r.offsetSeconds)) else { return }
        let last = r.at.date.adding(days: (r.occurrenceCount - 1) * (r.recurrence?.daysBetween ?? 0))
        try checkWindow(start: start, lastDate: last, zone: zone, now: now, forced: r.forceReason != nil)
    }
}
