/// What happens to a booked appointment: cancel, no-show, check-in, check-out.
public enum AppointmentLifecycle {
    /// Cancels a booked appointment. A patient's cancellation less than the
    /// practice's `late-cancel-hours` before the start (or after it) is flagged
    /// late; the practice's own cancellations never are, since the patient is
    /// not at fault.
    /// - throws: `Rejection` for an unknown appointment, one not booked, or an empty reason.
    public static func cancel(_ id: AppointmentID, reason: String, by: CancelledBy, now: Instant,
                              snapshot: ScheduleSnapshot) throws(Rejection) -> AppointmentCancelled {
        let appt = try booked(id, snapshot, doing: "cancelled")
        let why = reason.trimmedForInput
        guard !why.isEmpty else { throw .usage("reason", "say why the appointment is cancelled") }
        // An appointment that has happened is a visit or a no-show, not a cancellation:
        // the patient's side once it has started, the practice's once it is over.
        let over = by == .patient ? appt.start <= now : appt.end <= now
        guard !over else {
            throw .refused("appointment", "\(id) \(by == .patient ? "started" : "ended") before now (\(appt.slot.localStart) \(appt.zone)); "
                           + "it cannot be cancelled any more",
                           hint: "record what happened: 'practica no-show \(id)' or 'practica check-in \(id)'")
        }
        let lateWindow = Int64(snapshot.settings.lateCancelHours) * 3600
        let isLate = by == .patient && now.seconds(to: appt.start) < lateWindow
        return AppointmentCancelled(appointment: id, reason: why, by: by, isLate: isLate)
    }

    /// Marks a booked appointment whose start has come as a no-show.
    /// - throws: `Rejection` when it has not started yet, or is not booked (checked in, cancelled...).
    public static func noShow(_ id: AppointmentID, now: Instant, snapshot: ScheduleSnapshot) throws(Rejection) -> AppointmentNoShow {
        let appt = try booked(id, snapshot, doing: "marked a no-show")
        guard appt.start <= now else {
            throw .refused("appointment", "\(id) starts at \(appt.slot.localStart) \(appt.zone); it cannot be a no-show yet")
        }
        return AppointmentNoShow(appointment: id)
    }

    /// Checks a patient in and decides the visit's financial class. Needs coverage
    /// active on the date of service (local date of the start) unless `selfPay`,
    /// which wins over active coverage and is recorded as self-pay (no coverage, no
    /// copay): the ledger then bills the patient and no claim is made unless the class
    /// is changed (`VisitFinancialClass.change`). Otherwise the copay due is the
    /// primary active coverage's copay, or zero.
    ///
    /// - parameter coverages: the patient's coverages (any superset is fine).
    /// - throws: `Rejection` for an appointment that is not booked, or no active coverage.
    public static func checkIn(_ id: AppointmentID, coverages: [CoverageAdded], selfPay: Bool = false,
                               snapshot: ScheduleSnapshot) throws(Rejection) -> PatientCheckedIn {
        let appt = try booked(id, snapshot, doing: "checked in")
        let date = appt.localDate
        if selfPay { return PatientCheckedIn(appointment: id, copayDue: .zero, coverage: nil) }
        let active = CoverageDecisions.active(on: date, among: coverages.filter { $0.patient == appt.patient })
        guard let primary = active.first else {
            guard selfPay else {
                throw .refused("appointment", "\(appt.patient) has no coverage active on \(date)",
                               hint: "add it with `practica coverage add`, or check in with --self-pay")
            }
            return PatientCheckedIn(appointment: id, copayDue: .zero, coverage: nil)
        }
        return PatientCheckedIn(appointment: id, copayDue: primary.copay ?? .zero, coverage: primary.coverage)
    }

    /// Checks a patient out and opens visit `visit` for charges.
    /// - throws: `Rejection` unless the appointment is checked in.
    public static func checkOut(_ id: AppointmentID, visit: VisitID, snapshot: ScheduleSnapshot) throws(Rejection) -> PatientCheckedOut {
        guard let appt = snapshot.appointment(id) else { throw .refused("appointment", "unknown appointment \(id)") }
        guard appt.status == .checkedIn else {
            throw .refused("appointment", "\(id) is \(appt.status); only a checked-in patient can be checked out")
        }
        return PatientCheckedOut(appointment: id, visit: visit)
    }

    static func booked(_ id: AppointmentID, _ snapshot: ScheduleSnapshot, doing: String) throws(Rejection) -> ScheduledAppointment {
        guard let appt = snapshot.appointment(id) else { throw .refused("appointment", "unknown appointment \(id)") }
        guard appt.status == .booked else {
            throw .refused("appointment", "\(id) is \(appt.status) and cannot be \(doing)")
        }
        return appt
    }
}
