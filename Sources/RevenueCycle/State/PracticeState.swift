import BinaryCodec

/// Every event folded into memory: setup, patients, coverage, availability,
/// appointments, the waitlist, charges and claims.
///
/// Tests build decision inputs with it, and projections can reuse `apply`.
/// Events of types it does not know are ignored, so it can be fed a whole log.
///
/// ```swift
/// var state = PracticeState()
/// for event in events { state.apply(event) }
/// let booked = try Scheduling.book(request, ids: [AppointmentID(7)], snapshot: state.scheduleSnapshot())
/// ```
public struct PracticeState: Sendable {
    public var directory = PracticeDirectory()
    public var patients: [PatientID: PatientRecord] = [:]
    public var coverages: [CoverageID: CoverageAdded] = [:]
    public var templates: [AvailabilityTemplate] = []
    /// Exceptions not removed, with the ids their place in the log gives them.
    public private(set) var numberedExceptions: [NumberedException] = []
    /// How many exceptions were ever added: the next one is AX(1001 + this).
    public private(set) var exceptionsAdded = 0
    public var appointments: [AppointmentID: ScheduledAppointment] = [:]
    /// Open waitlist entries.
    public var waitlist: [WaitlistEntryID: WaitlistEntryAdded] = [:]
    /// Visit → the appointment checked out as it.
    public var visits: [VisitID: AppointmentID] = [:]
    public var charges: [ChargeID: ChargeRecord] = [:]
    /// Visit → its charges in entry order.
    public var chargesByVisit: [VisitID: [ChargeID]] = [:]
    public var claims: [ClaimID: ClaimRecord] = [:]
    public var claimsByVisit: [VisitID: [ClaimID]] = [:]
    public var controlNumbers = ControlNumberMarks()
    /// The ledger, remittances, suspense, denials and patient payments.
    public var receivables = Receivables()
    /// Appointments by the UTC day they start on, so a decision about one slot
    /// looks at the few appointments near it rather than the whole history.
    public private(set) var appointmentsByDay: [Int64: Set<AppointmentID>] = [:]
    /// Patients not merged into another chart, kept as they change.
    public private(set) var activePatients: Set<PatientID> = []

    public init() {}

    public init(_ events: [any EventPayload]) {
        for e in events { apply(e) }
    }

    public mutating func apply(_ event: any EventPayload) {
        receivables.apply(event)
        if Self.frontDeskTypes.contains(event) {
            _ = applyFrontDesk(event)
        } else if Self.billingTypes.contains(event) {
            _ = applyBilling(event)
        } else if Self.settlementTypes.contains(event) {
            _ = applySettlement(event)
        }
    }

    /// Folds setup, patient and scheduling events; false for any other (a test holds
    /// each chain's answer to its type set, which `apply` asks first).
    mutating func applyFrontDesk(_ event: any EventPayload) -> Bool {
        if let e = event.exactly(PracticeInitialized.self) {
            directory.practice = e
        } else if let e = event.exactly(UserAdded.self) {
            directory.users[e.user] = e.role
            directory.userNames[e.user] = e.fullName
        } else if let e = event.exactly(UserDisabled.self) {
            directory.disabledUsers.insert(e.user)
        } else if let e = event.exactly(UserEnabled.self) {
            directory.disabledUsers.remove(e.user)
        } else if let e = event.exactly(UserRoleChanged.self) {
            directory.users[e.user] = e.role
        } else if let e = event.exactly(PracticeSettingChanged.self) {
            directory.settings.set(e.key, to: e.value)
        } else if let e = event.exactly(ProviderAdded.self) {
            directory.providers[e.provider] = e
        } else if let e = event.exactly(LocationAdded.self) {
            directory.locations[e.location] = e
        } else if let e = event.exactly(RoomAdded.self) {
            directory.rooms[e.room] = e
        } else if let e = event.exactly(AppointmentTypeAdded.self) {
            directory.appointmentTypes[e.appointmentType] = e
        } else if let e = event.exactly(PayerAdded.self) {
            directory.payers[e.payer] = e
        } else if let e = event.exactly(FeeSet.self) {
            directory.fees[FeeKey(code: e.code, modifier: e.modifier)] = e.amount
        } else if let e = event.exactly(BillingProfileSet.self) {
            directory.billingProfile = e
        } else if let e = event.exactly(PatientRegistered.self) {
            patients[e.patient] = PatientRecord(e)
            activePatients.insert(e.patient)
        } else if let e = event.exactly(PatientUpdated.self) {
            patients[e.patient]?.apply(e)
        } else if let e = event.exactly(PatientsMerged.self) {
            patients[e.dropped]?.mergedInto = e.kept
            activePatients.remove(e.dropped)
        } else if let e = event.exactly(CoverageAdded.self) {
            coverages[e.coverage] = e
        } else if let e = event.exactly(AvailabilitySet.self) {
            templates.append(AvailabilityTemplate(e))
        } else if let e = event.exactly(AvailabilityExceptionAdded.self) {
            exceptionsAdded += 1
            numberedExceptions.append(NumberedException(id: AvailabilityExceptionID(ordinal: exceptionsAdded), exception: e))
        } else if let e = event.exactly(AppointmentBooked.self) {
            appointments[e.appointment] = ScheduledAppointment(e)
            appointmentsByDay[Self.utcDay(e.start), default: []].insert(e.appointment)
        } else if let e = event.exactly(AppointmentRescheduled.self) {
            if let old = appointments[e.appointment]?.start {
                appointmentsByDay[Self.utcDay(old)]?.remove(e.appointment)
                appointmentsByDay[Self.utcDay(e.start), default: []].insert(e.appointment)
            }
            appointments[e.appointment]?.start = e.start
            appointments[e.appointment]?.minutes = e.minutes
            appointments[e.appointment]?.zone = e.zone
            appointments[e.appointment]?.forcedReason = e.forcedReason
        } else if let e = event.exactly(AppointmentCancelled.self) {
            appointments[e.appointment]?.status = .cancelled
        } else if let e = event.exactly(AppointmentNoShow.self) {
            appointments[e.appointment]?.status = .noShow
        } else if let e = event.exactly(PatientCheckedIn.self) {
            appointments[e.appointment]?.status = .checkedIn
        } else if let e = event.exactly(PatientCheckedOut.self) {
            appointments[e.appointment]?.status = .checkedOut
            appointments[e.appointment]?.visit = e.visit
            visits[e.visit] = e.appointment
        } else if let e = event.exactly(WaitlistEntryAdded.self) {
            waitlist[e.entry] = e
        } else if let e = event.exactly(WaitlistEntryRemoved.self) {
            waitlist[e.entry] = nil
        } else {
            return applyCorrection(event)
        }
        return true
    }

    /// Folds the corrections of issue 15; false for any other event.
    mutating func applyCorrection(_ event: any EventPayload) -> Bool {
        if let e = event.exactly(CoverageEnded.self) {
            if let c = coverages[e.coverage] { coverages[e.coverage] = e.applied(to: c) }
        } else if let e = event.exactly(CoverageUpdated.self) {
            if let c = coverages[e.coverage] { coverages[e.coverage] = e.applied(to: c) }
        } else if let e = event.exactly(AvailabilityExceptionRemoved.self) {
            numberedExceptions.removeAll { $0.id == e.exception }
        } else if let e = event.exactly(RoomRemoved.self) {
            directory.rooms[e.room] = nil
        } else if let e = event.exactly(ProviderUpdated.self) {
            if let p = directory.providers[e.provider] { directory.providers[e.provider] = e.applied(to: p) }
        } else if let e = event.exactly(PayerUpdated.self) {
            if let p = directory.payers[e.payer] { directory.payers[e.payer] = e.applied(to: p) }
        } else if let e = event.exactly(LocationUpdated.self) {
            if let l = directory.locations[e.location] { directory.locations[e.location] = e.applied(to: l) }
        } else if let e = event.exactly(AppointmentTypeUpdated.self) {
            if let t = directory.appointmentTypes[e.appointmentType] { directory.appointmentTypes[e.appointmentType] = e.applied(to: t) }
        } else {
            return false
        }
        return true
    }

    /// Exceptions still in force, in the order they were added.
    public var exceptions: [AvailabilityExceptionAdded] { numberedExceptions.map(\.exception) }

    /// The types `applyFrontDesk` folds; the rest go to billing and settlement.
    static let frontDeskTypes = EventTypeSet([
        PracticeInitialized.self, UserAdded.self, PracticeSettingChanged.self, ProviderAdded.self, LocationAdded.self,
        RoomAdded.self, AppointmentTypeAdded.self, PayerAdded.self, FeeSet.self, BillingProfileSet.self,
        PatientRegistered.self, PatientUpdated.self, PatientsMerged.self, CoverageAdded.self,
        AvailabilitySet.self, AvailabilityExceptionAdded.self,
        AppointmentBooked.self, AppointmentRescheduled.self, AppointmentCancelled.self, AppointmentNoShow.self,
        PatientCheckedIn.self, PatientCheckedOut.self, WaitlistEntryAdded.self, WaitlistEntryRemoved.self,
        // Corrections (issue 15).
        CoverageEnded.self, CoverageUpdated.self, AvailabilityExceptionRemoved.self, RoomRemoved.self,
        ProviderUpdated.self, PayerUpdated.self, LocationUpdated.self, AppointmentTypeUpdated.self,
        UserDisabled.self, UserEnabled.self, UserRoleChanged.self,
    ])

    /// Follows merges to the chart that is kept.
    public func resolvedPatient(_ id: PatientID) -> PatientID {
        var current = id
        var hops = 0
        while let next = patients[current]?.mergedInto, hops < 64 {
            current = next
            hops += 1
        }
        return current
    }

    /// The patient's coverages, including those recorded on charts merged into it.
    public func coverages(of patient: PatientID) -> [CoverageAdded] {
        coverages.values
            .filter { resolvedPatient($0.patient) == patient }
            .sorted { $0.coverage < $1.coverage }
    }

    /// Every appointment and template: fine for tests and small practices;
    /// the CLI narrows this down from its projection.
    static func utcDay(_ instant: Instant) -> Int64 {
        instant.secondsSinceEpoch >= 0 ? instant.secondsSinceEpoch / 86_400 : (instant.secondsSinceEpoch - 86_399) / 86_400
    }

    /// The schedule as far as a decision about `window` can see it: every appointment
    /// starting within a day of the window (appointments last at most 12 hours), plus
    /// `including` wherever they are. Cheap on a long history, unlike `scheduleSnapshot()`.
    public func scheduleSnapshot(covering window: ClosedRange<Instant>, including ids: [AppointmentID] = []) -> ScheduleSnapshot {
        var chosen = Set(ids.filter { appointments[$0] != nil })
        let firstDay = Self.utcDay(window.lowerBound) - 1
        let lastDay = Self.utcDay(window.upperBound) + 1
        if lastDay - firstDay <= 800 {
            for day in firstDay...lastDay { chosen.formUnion(appointmentsByDay[day] ?? []) }
        } else {
            chosen.formUnion(appointments.keys)
        }
        return snapshot(of: chosen.compactMap { appointments[$0] })
    }

    public func scheduleSnapshot() -> ScheduleSnapshot {
        snapshot(of: Array(appointments.values))
    }

    private func snapshot(of chosen: [ScheduledAppointment]) -> ScheduleSnapshot {
        ScheduleSnapshot(
            appointments: chosen.sorted { $0.id < $1.id },
            templates: templates,
            exceptions: exceptions,
            locationZones: directory.locations.mapValues(\.timeZone),
            rooms: directory.rooms.mapValues(\.location),
            appointmentTypes: directory.appointmentTypes.mapValues(\.minutes),
            providers: Set(directory.providers.keys),
            patients: activePatients,
            settings: directory.settings)
    }
}
