/// Availability rules: whether a slot is inside a provider's hours, and the
/// decisions for `availability set` and `availability exception add`.
public enum AvailabilityDecisions {
    /// True when the whole slot lies in one block of the template in effect
    /// that day at that location (read in the location's zone). A slot that
    /// crosses midnight is never inside availability.
    public static func isInsideTemplate(provider: ProviderID, location: LocationID, start: Instant, minutes: Int,
                                        zone: TimeZoneID, snapshot: ScheduleSnapshot) -> Bool {
        let localStart = zone.localDateTime(at: start)
        let localEnd = zone.localDateTime(at: start.adding(minutes: minutes))
        guard localEnd.date == localStart.date,
              let template = snapshot.template(provider: provider, location: location, on: localStart.date)
        else { return false }
        return template.blocks.contains { b in
            b.weekday == localStart.date.weekday && b.start <= localStart.time && localEnd.time <= b.end
        }
    }

    /// The first exception overlapping the slot, compared in the location's wall-clock time.
    public static func exception(provider: ProviderID, start: Instant, minutes: Int, zone: TimeZoneID,
                                 snapshot: ScheduleSnapshot) -> AvailabilityExceptionAdded? {
        let localStart = zone.localDateTime(at: start)
        let localEnd = zone.localDateTime(at: start.adding(minutes: minutes))
        return snapshot.exceptions.first { e in
            e.provider == provider && localStart < e.end && e.start < localEnd
        }
    }

    /// Sets a provider's weekly template at a location from `effectiveFrom`.
    ///
    /// - throws: `Rejection` for an unknown provider or location, blocks that
    ///   overlap each other (usage), or blocks that overlap the provider's
    ///   template at another location in effect on or after `effectiveFrom` (refused).
    public static func setTemplate(provider: ProviderID, location: LocationID, effectiveFrom: LocalDate,
                                   blocks: [AvailabilityBlock], directory: PracticeDirectory,
                                   templates: [AvailabilityTemplate]) throws(Rejection) -> AvailabilitySet {
        guard directory.providers[provider] != nil else { throw .refused("provider", "unknown provider \(provider)") }
        guard directory.locations[location] != nil else { throw .refused("location", "unknown location \(location)") }
        let sorted = blocks.sorted { ($0.weekday, $0.start) < ($1.weekday, $1.start) }
        for (i, a) in sorted.enumerated() {
            for b in sorted[(i + 1)...] where a.overlaps(b) {
                throw .usage("block", "\(a) overlaps \(b)")
            }
        }
        let elsewhere = templates.filter { $0.provider == provider && $0.location != location }
        for other in Set(elsewhere.map(\.location)).sorted() {
            let mine = elsewhere.filter { $0.location == other }
            // The template in force at `effectiveFrom`, and every later one.
            let current = mine.filter { $0.effectiveFrom <= effectiveFrom }.max { $0.effectiveFrom < $1.effectiveFrom }
            let relevant = (current.map { [$0] } ?? []) + mine.filter { $0.effectiveFrom > effectiveFrom }
            for t in relevant {
                for a in sorted {
                    if let b = t.blocks.first(where: a.overlaps) {
                        throw .refused("block", "\(a) overlaps \(provider)'s hours at \(other) (\(b), from \(t.effectiveFrom))",
                                       hint: "a provider can be at one location at a time")
                    }
                }
            }
        }
        return AvailabilitySet(provider: provider, location: location, effectiveFrom: effectiveFrom, blocks: sorted)
    }

    /// The times of an exception as `book` holds its times: each must exist on
    /// the clocks of every zone the provider works in (not in a spring-forward
    /// gap), and the end may not reach past the booking horizon (nothing can be
    /// booked there, and an exception "until 9999" would block the provider forever).
    /// - parameter zones: the zones of the provider's locations (or the practice's).
    public static func checkExceptionTimes(start: LocalDateTime, end: LocalDateTime, zones: [TimeZoneID],
                                           today: LocalDate) throws(Rejection) {
        for (field, local) in [("start", start), ("end", end)] {
            for zone in zones where zone.occurrences(of: local).isEmpty {
                throw .usage(field, "\(local) does not exist in \(zone) (clocks skip it for daylight saving time)",
                             hint: "pick a time outside the skipped hour")
            }
        }
        let horizon = PlausibleDates.horizon(from: today)
        guard end.date <= horizon.adding(days: 1) else {
            throw .usage("end", "\(end.date) is more than two years ahead (bookings reach \(horizon))",
                         hint: "end the exception by \(horizon); add another later if it lasts longer")
        }
    }

    /// The zones a provider's wall-clock times are read in: those of the
    /// locations the provider has hours at, else every location's.
    public static func zones(of provider: ProviderID, snapshot: ScheduleSnapshot) -> [TimeZoneID] {
        let own = Set(snapshot.templates.filter { $0.provider == provider }.map(\.location))
        let zones = snapshot.locationZones.filter { own.isEmpty || own.contains($0.key) }.map(\.value)
        return Array(Set(zones)).sorted { $0.identifier < $1.identifier }
    }

    /// - throws: `Rejection` for an unknown provider or an exception that does not end after it starts.
    public static func addException(provider: ProviderID, start: LocalDateTime, end: LocalDateTime,
                                    reason: AvailabilityExceptionReason, note: String? = nil,
                                    directory: PracticeDirectory) throws(Rejection) -> AvailabilityExceptionAdded {
        guard directory.providers[provider] != nil else { throw .refused("provider", "unknown provider \(provider)") }
        guard start < end else { throw .usage("to", "\(end) is not after \(start)") }
        let note = note?.trimmedForInput
        return AvailabilityExceptionAdded(provider: provider, start: start, end: end, reason: reason,
                                          note: note?.isEmpty == true ? nil : note)
    }
}
