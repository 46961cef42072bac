import BinaryCodec
import EventLog
import RevenueCycle

/// The schedule read model: every appointment by id, indexed by local day +
/// provider + start and by patient, plus booked / cancelled / no-show counters
/// per provider, appointment type and month for the KPI reports.
///
/// Each event rewrites one appointment: the old entry's index keys and counter
/// contribution are taken out and the new entry's put in. Doing it that way
/// (rather than patching counters per event type) keeps a reschedule into
/// another month, or a status change after a cancellation, correct by
/// construction. See `ScheduleKeys` for the key layout.
///
/// ```swift
/// let runner = try ReadModels.caughtUp(store)
/// let today = try runner.read("schedule") { try ScheduleReadModel($0).appointments(from: date, through: date) }
/// ```
public struct ScheduleProjection: Projection {
    public static let projectionName = "schedule"
    public var name: String { Self.projectionName }
    public let version = 1
    /// Its share of a rebuild's ~1 KB per event (by its share of the stored bytes at 1M billing events).
    public var rebuildBytesPerEvent: Int { 110 }
    public let eventTypes: Set<String> = [
        AppointmentBooked.typeName, AppointmentRescheduled.typeName, AppointmentCancelled.typeName,
        AppointmentNoShow.typeName, PatientCheckedIn.typeName, PatientCheckedOut.typeName,
    ]

    public init() {}

    public func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws {
        if let e = payload.exactly(AppointmentBooked.self) {
            try book(ScheduleEntry(e), in: table)
        } else if let e = payload.exactly(AppointmentRescheduled.self) {
            try change(e.appointment, in: table) { entry in
                entry.start = e.start
                entry.minutes = e.minutes
                entry.zone = e.zone
                entry.forcedReason = e.forcedReason
            }
        } else if let e = payload.exactly(AppointmentCancelled.self) {
            try setStatus(.cancelled, of: e.appointment, in: table) { $0.isLateCancellation = e.isLate }
        } else if let e = payload.exactly(AppointmentNoShow.self) {
            try setStatus(.noShow, of: e.appointment, in: table)
        } else if let e = payload.exactly(PatientCheckedIn.self) {
            try setStatus(.checkedIn, of: e.appointment, in: table)
        } else if let e = payload.exactly(PatientCheckedOut.self) {
            try setStatus(.checkedOut, of: e.appointment, in: table) { $0.visit = e.visit }
        }
    }

    private func setStatus(_ status: AppointmentStatus, of id: AppointmentID, in table: ProjectionTable,
                           _ more: (inout ScheduleEntry) -> Void = { _ in }) throws {
        try change(id, in: table) { entry in
            entry.status = status
            more(&entry)
        }
    }

    /// Puts a booked appointment's entry (replacing one a replayed booking left).
    private func book(_ entry: ScheduleEntry, in table: ProjectionTable) throws {
        let key = ScheduleKeys.appointment(entry.appointment)
        let before = try table.read(key, as: ScheduleEntry.self) { $0.map { SchedulePlace($0) } }
        let after = SchedulePlace(entry)
        try table.update(key, initial: entry) { $0 = entry }
        try move(from: before, to: after, in: table)
    }

    /// Changes one appointment's entry in place, then moves its index keys and counter
    /// contribution. An event for an appointment never booked changes nothing (as in `PracticeState`).
    private func change(_ id: AppointmentID, in table: ProjectionTable, _ body: (inout ScheduleEntry) -> Void) throws {
        let places = try table.updateIfPresent(ScheduleKeys.appointment(id), as: ScheduleEntry.self) { entry in
            let before = SchedulePlace(entry)
            let (start, zone) = (entry.start, entry.zone.identifier)
            body(&entry)
            // The local date asks the time zone database: found again only when the time moved.
            let sameTime = entry.start == start && entry.zone.identifier == zone
            return (before, SchedulePlace(entry, localDate: sameTime ? before.localDate : entry.localDate))
        }
        guard let (before, after) = places else { return }
        try move(from: before, to: after, in: table)
    }

    /// Index keys and counters are only touched when they move (most events change
    /// a status, not the day, the patient or the month).
    private func move(from old: SchedulePlace?, to new: SchedulePlace, in table: ProjectionTable) throws {
        if old?.day != new.day {
            if let oldDay = old?.day { try table.delete(oldDay) }
            try table.put(new.day, [])
        }
        if old?.patient != new.patient {
            if let oldPatient = old?.patient { try table.delete(oldPatient) }
            try table.put(new.patient, [])
        }
        if let old, old.counterKey == new.counterKey {
            var delta = new.contribution
            delta.add(old.contribution, sign: -1)
            if !delta.isZero { try addCounters(delta, at: new.counterKey, in: table) }
        } else {
            if let old {
                var removal = ScheduleCounters()
                removal.add(old.contribution, sign: -1)
                try addCounters(removal, at: old.counterKey, in: table)
            }
            try addCounters(new.contribution, at: new.counterKey, in: table)
        }
    }

    private func addCounters(_ delta: ScheduleCounters, at counterKey: ScheduleCounterKey, in table: ProjectionTable) throws {
        let key = ScheduleKeys.counter(counterKey)
        let isZero = try table.update(key, initial: ScheduleCounters()) { counters in
            counters.add(delta, sign: 1)
            return counters.isZero
        }
        if isZero { try table.delete(key) }
    }
}

/// Where an entry sits in the schedule's indexes and counters: comparing two tells
/// what an event moved, without keeping copies of the entries.
private struct SchedulePlace {
    let localDate: LocalDate
    let day: ViewKey
    let patient: ViewKey
    let counterKey: ScheduleCounterKey
    let contribution: ScheduleCounters

    init(_ entry: borrowing ScheduleEntry, localDate: LocalDate? = nil) {
        let date = localDate ?? entry.localDate
        self.localDate = date
        day = ScheduleKeys.day(entry, on: date)
        patient = ScheduleKeys.patient(entry)
        counterKey = ScheduleKeys.counterKey(of: entry, on: date)
        contribution = ScheduleCounters(contributionOf: entry)
    }
}
