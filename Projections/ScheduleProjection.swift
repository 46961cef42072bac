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
    /// Its share of a rebuild's ~0.9 KB per event (by its share of the stored bytes at 1M billing events).
    public var rebuildBytesPerEvent: Int { 110 }
    public let eventTypes: Set<String> = [
        AppointmentBooked.typeName, AppointmentRescheduled.typeName, AppointmentCancelled.typeName,
        AppointmentNoShow.typeName, PatientCheckedIn.typeName, PatientCheckedOut.typeName,
    ]

    public init() {}

    public func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws {
        if let e = payload.exactly(AppointmentBooked.self) {
            try update(e.appointment, in: table) { _ in ScheduleEntry(e) }
        } else if let e = payload.exactly(AppointmentRescheduled.self) {
            try update(e.appointment, in: table) { old in
                guard var entry = old else { return nil }
                entry.start = e.start
                entry.minutes = e.minutes
                entry.zone = e.zone
                entry.forcedReason = e.forcedReason
                return entry
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
        try update(id, in: table) { old in
            guard var entry = old else { return nil }
            entry.status = status
            more(&entry)
            return entry
        }
    }

    /// Replaces one appointment's entry, index keys and counter contribution.
    /// An event for an appointment never booked changes nothing (as in `PracticeState`).
    private func update(_ id: AppointmentID, in table: ProjectionTable,
                        _ change: (ScheduleEntry?) -> ScheduleEntry?) throws {
        let old: ScheduleEntry? = try table.record(ScheduleKeys.appointment(id))
        guard let new = change(old) else { return }
        try table.update(ScheduleKeys.appointment(id), initial: new) { $0 = new }
        // Index keys and counters are only touched when they move (most events
        // change a status, not the day, the patient or the month). The local date
        // asks the time zone database, so it is found again only when the time moved.
        let newDate = new.localDate
        let oldDate = old.map { $0.start == new.start && $0.zone == new.zone ? newDate : $0.localDate }
        let newDay = ScheduleKeys.day(new, on: newDate)
        let newPatient = ScheduleKeys.patient(new)
        let oldDay = old.flatMap { entry in oldDate.map { ScheduleKeys.day(entry, on: $0) } }
        let oldPatient = old.map(ScheduleKeys.patient)
        if oldDay != newDay {
            if let oldDay { try table.delete(oldDay) }
            try table.put(newDay, [])
        }
        if oldPatient != newPatient {
            if let oldPatient { try table.delete(oldPatient) }
            try table.put(newPatient, [])
        }
        let newCounterKey = ScheduleKeys.counterKey(of: new, on: newDate)
        let oldCounterKey = old.flatMap { entry in oldDate.map { ScheduleKeys.counterKey(of: entry, on: $0) } }
        if let old, oldCounterKey == newCounterKey {
            var delta = ScheduleCounters(contributionOf: new)
            delta.add(ScheduleCounters(contributionOf: old), sign: -1)
            if !delta.isZero { try addCounters(delta, at: newCounterKey, in: table) }
        } else {
            if let old, let oldCounterKey {
                var removal = ScheduleCounters()
                removal.add(ScheduleCounters(contributionOf: old), sign: -1)
                try addCounters(removal, at: oldCounterKey, in: table)
            }
            try addCounters(ScheduleCounters(contributionOf: new), at: newCounterKey, in: table)
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
