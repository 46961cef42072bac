import EventLog
import RevenueCycle

/// The front desk's commands as one call each: the decision, the streams and
/// the command name a batch is recorded under. The CLI handlers parse and
/// print around these; `practica demo` calls the same ones, so a demo store
/// holds exactly what people at the desk would have produced.
extension FrontDeskSession {
    /// `patient register`: refused as a likely duplicate unless `confirmNew`.
    func registerPatient(_ registration: PatientRegistration, confirmNew: Bool) throws -> PatientRegistered {
        try append(permission: .registerPatients, command: "patient register") { state, ids in
            let event = try PatientDecisions.register(registration, id: try ids.next(PatientID.self),
                                                      candidates: Array(state.patients.values), confirmNew: confirmNew,
                                                      today: self.today)
            return ([NewEvent(stream: "patient-\(event.patient)", event)], event)
        }.1
    }

    /// `patient update` with a new address (the one change the demo's holds queue needs).
    func updatePatientAddress(_ patient: PatientID, to address: String) throws -> PatientUpdated {
        try append(permission: .registerPatients, command: "patient update") { state, _ in
            let event = try PatientDecisions.update(patient, current: state.patients[patient], address: .set(address), today: self.today)
            return ([NewEvent(stream: "patient-\(patient)", event)], event)
        }.1
    }

    /// `coverage add`; coverage belongs to the chart, so it goes to the patient's stream.
    func addCoverage(_ request: CoverageRequest) throws -> CoverageAdded {
        try append(permission: .manageCoverage, command: "coverage add") { state, ids in
            let event = try CoverageDecisions.add(request, id: try ids.next(CoverageID.self), patient: state.patients[request.patient],
                                                  directory: state.directory, existing: Array(state.coverages.values))
            return ([NewEvent(stream: "patient-\(event.patient)", event)], event)
        }.1
    }

    /// `book`: one appointment or a series, decided on the schedule around the requested days.
    func book(_ request: BookingRequest) throws -> [AppointmentBooked] {
        let now = clock.now
        return try append(permission: .schedule, command: "book") { state, ids in
            let appointmentIDs = try (0..<request.occurrenceCount).map { _ in try ids.next(AppointmentID.self) }
            let span = request.recurrence.map { ($0.count - 1) * ($0.unit == .week ? 7 : 1) } ?? 0
            let snapshot = state.snapshot(from: request.at, days: span)
            if let zone = snapshot.locationZones[request.location] {
                try Scheduling.checkWindow(request, zone: zone, now: now)
            }
            let events = try Scheduling.book(request, ids: appointmentIDs, snapshot: snapshot)
            return (events.map { NewEvent(stream: AppointmentText.stream($0.appointment), $0) }, events)
        }.1
    }

    /// `cancel`: the event and the waitlist entries that fit the freed slot.
    func cancel(_ id: AppointmentID, reason: String, by: CancelledBy) throws -> (AppointmentCancelled, [WaitlistEntryAdded]) {
        let now = clock.now
        return try append(permission: .schedule, command: "cancel") { state, _ in
            let snapshot = state.snapshot(around: id)
            let e = try AppointmentLifecycle.cancel(id, reason: reason, by: by, now: now, snapshot: snapshot)
            let matches = snapshot.appointment(id).map {
                WaitlistDecisions.matches(for: $0, openEntries: Array(state.waitlist.values), snapshot: snapshot)
            } ?? []
            return ([NewEvent(stream: AppointmentText.stream(id), e)], (e, matches))
        }.1
    }

    /// `no-show`: only once the start has passed.
    func noShow(_ id: AppointmentID) throws -> AppointmentNoShow {
        let now = clock.now
        return try append(permission: .schedule, command: "no-show") { state, _ in
            let e = try AppointmentLifecycle.noShow(id, now: now, snapshot: state.snapshot(around: id))
            return ([NewEvent(stream: AppointmentText.stream(id), e)], e)
        }.1
    }

    /// `check-in`: needs coverage active on the day unless `selfPay`; the event carries the copay due.
    func checkIn(_ id: AppointmentID, selfPay: Bool) throws -> PatientCheckedIn {
        try checkInDecidingClass(id, selfPay: selfPay).event
    }

    /// `check-in`, with the coverage that was active but not used because `selfPay` won over it.
    func checkInDecidingClass(_ id: AppointmentID, selfPay: Bool) throws -> (event: PatientCheckedIn, declined: CoverageID?) {
        try append(permission: .checkInOut, command: "check-in") { state, _ in
            let coverages = state.appointments[id].map { state.coverages(of: $0.patient) } ?? []
            let e = try AppointmentLifecycle.checkIn(id, coverages: coverages, selfPay: selfPay, snapshot: state.snapshot(around: id))
            var declined: CoverageID?
            if selfPay, let appt = state.appointments[id] {
                declined = CoverageDecisions.active(on: appt.localDate, among: coverages.filter { $0.patient == appt.patient }).first?.coverage
            }
            return ([NewEvent(stream: AppointmentText.stream(id), e)], (e, declined))
        }.1
    }

    /// `check-out`: opens the visit charges are entered against.
    func checkOut(_ id: AppointmentID) throws -> PatientCheckedOut {
        try append(permission: .checkInOut, command: "check-out") { state, ids in
            let e = try AppointmentLifecycle.checkOut(id, visit: try ids.next(VisitID.self), snapshot: state.snapshot(around: id))
            return ([NewEvent(stream: AppointmentText.stream(id), e)], e)
        }.1
    }
}
