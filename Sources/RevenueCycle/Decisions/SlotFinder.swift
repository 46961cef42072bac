/// A free slot proposed by `practica slots find`.
public struct ProposedSlot: Sendable, Equatable, CustomStringConvertible {
    public let provider: ProviderID
    public let location: LocationID
    public let slot: ZonedSlot

    public var description: String { "\(slot.localStart) at \(location) (\(slot.minutes) min)" }
}

/// Finds the earliest free slots in a provider's availability.
public enum SlotFinder {
    /// Walks forward from `from`, day by day up to `horizonDays`, trying starts
    /// every `stepMinutes` from each block's start, and keeps slots that fit
    /// the block, miss every exception, do not overlap the provider's
    /// occupying appointments, and start no earlier than `notBefore`.
    ///
    /// - parameter location: only this location; nil for every location with a template.
    /// - returns: at most `count` slots, earliest first.
    public static func earliest(provider: ProviderID, minutes: Int, from: LocalDate, count: Int,
                                location: LocationID? = nil, notBefore: Instant? = nil, stepMinutes: Int? = nil,
                                horizonDays: Int = 90, snapshot: ScheduleSnapshot) -> [ProposedSlot] {
        guard minutes > 0, count > 0 else { return [] }
        let step = max(1, stepMinutes ?? snapshot.settings.slotStepMinutes)
        let locations = Set(snapshot.templates.filter { $0.provider == provider }.map(\.location))
            .filter { location == nil || $0 == location }
            .sorted()
        let busy = snapshot.appointments.filter { $0.provider == provider && $0.status.occupiesSlot }
        var found: [ProposedSlot] = []
        for offset in 0..<max(0, horizonDays) {
            let date = from.adding(days: offset)
            var today: [ProposedSlot] = []
            for loc in locations {
                guard let zone = snapshot.locationZones[loc],
                      let template = snapshot.template(provider: provider, location: loc, on: date) else { continue }
                for block in template.blocks where block.weekday == date.weekday {
                    var t = block.start.minutesSinceMidnight
                    while t + minutes <= block.end.minutesSinceMidnight {
                        defer { t += step }
                        let local = LocalDateTime(date: date, time: LocalTime(clamping: t))
                        guard let start = try? zone.instant(for: local) else { continue }
                        if let notBefore, start < notBefore { continue }
                        let end = start.adding(minutes: minutes)
                        if busy.contains(where: { intervalsOverlap(start, end, $0.start, $0.end) }) { continue }
                        if AvailabilityDecisions.exception(provider: provider, start: start, minutes: minutes,
                                                           zone: zone, snapshot: snapshot) != nil { continue }
                        // A block spanning the fall-back hour could make the real length differ; re-check the fit.
                        guard AvailabilityDecisions.isInsideTemplate(provider: provider, location: loc, start: start,
                                                                     minutes: minutes, zone: zone, snapshot: snapshot)
                        else { continue }
                        today.append(ProposedSlot(provider: provider, location: loc,
                                                  slot: ZonedSlot(start: start, minutes: minutes, zone: zone)))
                    }
                }
            }
            found += today.sorted { $0.slot.start < $1.slot.start }
            if found.count >= count { break }
        }
        return Array(found.prefix(count))
    }
}
