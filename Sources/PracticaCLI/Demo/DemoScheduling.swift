import RevenueCycle

/// An appointment as the simulation follows it.
struct DemoAppointment {
    let patient: Int
    let provider: Int
    let kind: DemoCatalog.VisitKind
    let date: LocalDate
    /// Minutes after midnight, local.
    let minute: Int
    var visit: VisitID?
    var copayDue: Int64 = 0
    var insured = false
}

/// The front desk: booking into free slots (another slot when one was just
/// taken), and each appointment's fate decided when it is booked: cancelled
/// early or late, a no-show, or seen.
extension DemoSimulation {
    /// Booking lead time in days and how often each is chosen: mostly within a week.
    static let leadWeights: [(Int, Int)] = [(1, 10), (2, 10), (3, 9), (4, 8), (5, 8), (6, 7), (7, 8)]
        + (8...14).map { ($0, 4) } + (15...21).map { ($0, 2) }

    var bookingsPerDay: Double { Double(options.patients) * 3.1 / 250 }

    /// On the first afternoon, the appointments that were already on the books.
    func bookBacklog() throws {
        let total = Self.leadWeights.reduce(0) { $0 + $1.1 }
        time.advance(to: instant(options.start, hour: 12, minute: 30).date)
        for lead in 1...21 {
            let share = Double(Self.leadWeights.filter { $0.0 >= lead }.reduce(0) { $0 + $1.1 }) / Double(total)
            for _ in 0..<Int((bookingsPerDay * share).rounded()) {
                time.advance(to: now.adding(seconds: 20).date)
                guard let patient = pickPatient() else { continue }
                try book(patient: patient, kind: visitKind(for: patient), lead: lead)
            }
        }
    }

    func bookingRound(_ count: Int) throws {
        for _ in 0..<count {
            guard let patient = pickPatient() else { continue }
            let kind = visitKind(for: patient)
            try book(patient: patient, kind: kind, lead: kind == .sick ? random.int(1...2) : random.weighted(Self.leadWeights))
            time.advance(to: now.adding(seconds: 90).date)
        }
    }

    /// A registered patient with nothing booked, the frequent visitors more often.
    func pickPatient() -> Int? {
        for _ in 0..<40 {
            let index = random.int(0...(patients.count - 1))
            let p = patients[index]
            if p.id != nil, p.upcoming == nil, random.chance(Double(p.visitWeight) / 5) { return index }
        }
        return nil
    }

    func visitKind(for index: Int) -> DemoCatalog.VisitKind {
        if patients[index].lastAnnualYear < today.year, random.chance(0.25) { return .annual }
        return random.chance(0.35) ? .sick : .followUp
    }

    /// Books the patient about `lead` days ahead with their own provider (sometimes another),
    /// trying free slots on that day and the next ones.
    @discardableResult
    func book(patient index: Int, kind: DemoCatalog.VisitKind, lead: Int) throws -> Bool {
        guard let patientID = patients[index].id, patients[index].upcoming == nil else { return false }
        let provider = random.chance(0.8) ? patients[index].provider : random.int(0...(DemoCatalog.providers.count - 1))
        var date = today.adding(days: max(lead, 1))
        for _ in 0..<10 {
            for _ in 0..<3 {
                guard let (location, minute) = freeSlot(provider: provider, on: date, minutes: kind.minutes) else { break }
                let at = LocalDateTime(date: date, time: try LocalTime(minutesSinceMidnight: minute))
                let request = BookingRequest(patient: patientID, provider: practice.providers[provider],
                                             location: practice.locations[location],
                                             room: practice.rooms[location][DemoCatalog.room(provider: provider, location: location)],
                                             appointmentType: practice.types[kind.rawValue], at: at)
                let key = DemoProviderDay(provider: provider, day: date.daysSinceEpoch)
                busy[key, default: []].append((minute, minute + kind.minutes))
                guard let booked = try attempt("book", as: frontDesk, { try session.book(request) }), let e = booked.first else { continue }
                appointments[e.appointment] = DemoAppointment(patient: index, provider: provider, kind: kind, date: date, minute: minute)
                patients[index].upcoming = e.appointment
                if kind == .annual { patients[index].lastAnnualYear = date.year }
                planFate(of: e.appointment, start: e.start, minutes: e.minutes)
                return true
            }
            date = date.adding(days: 1)
        }
        return false
    }

    /// A start inside the provider's hours that day, not yet taken, or nil.
    func freeSlot(provider: Int, on date: LocalDate, minutes: Int) -> (location: Int, minute: Int)? {
        guard !vacations.contains(DemoProviderDay(provider: provider, day: date.daysSinceEpoch)) else { return nil }
        let taken = busy[DemoProviderDay(provider: provider, day: date.daysSinceEpoch)] ?? []
        var free: [(Int, Int)] = []
        for (day, location, spans) in DemoCatalog.providers[provider].hours where day == date.weekday {
            for span in spans {
                let parts = span.split(separator: "-").map { $0.split(separator: ":").compactMap { Int($0) } }
                guard parts.count == 2, parts[0].count == 2, parts[1].count == 2 else { continue }
                let (open, close) = (parts[0][0] * 60 + parts[0][1], parts[1][0] * 60 + parts[1][1])
                for start in stride(from: open, through: close - minutes, by: 20)
                    where !taken.contains(where: { start < $0.1 && $0.0 < start + minutes }) {
                    free.append((location, start))
                }
            }
        }
        return free.isEmpty ? nil : random.pick(free)
    }

    /// Decides now what will happen to the appointment, and puts it on the agenda.
    func planFate(of id: AppointmentID, start: Instant, minutes: Int) {
        let roll = random.unit()
        let hoursAhead = now.seconds(to: start) / 3_600
        if roll < 0.065 {
            let late = random.chance(0.3) || hoursAhead < 30
            let at = late ? start.adding(seconds: -Int64(random.int(1...20)) * 3_600)
                          : now.adding(seconds: Int64(random.int(1...Int(max(hoursAhead - 26, 1)))) * 3_600)
            agenda.add(.cancel(id, byPractice: false), at: max(at, now.adding(seconds: 600)))
        } else if roll < 0.08 {
            let at = now.adding(seconds: Int64(random.int(1...Int(max(hoursAhead - 25, 1)))) * 3_600)
            agenda.add(.cancel(id, byPractice: true), at: max(at, now.adding(seconds: 600)))
        } else if random.chance(0.105) {
            agenda.add(.noShow(id), at: start.adding(minutes: 20))
        } else {
            agenda.add(.checkIn(id), at: start.adding(minutes: -random.int(3...15)))
        }
    }

    func cancel(_ id: AppointmentID, byPractice: Bool) throws {
        let reason = byPractice ? random.pick(["provider out sick", "schedule change", "equipment down"])
                                : random.pick(["patient is sick", "work conflict", "transportation", "feeling better", "childcare"])
        try command("cancel", as: frontDesk) { _ = try session.cancel(id, reason: reason, by: byPractice ? .practice : .patient) }
        free(id)
    }

    func noShow(_ id: AppointmentID) throws {
        try command("no-show", as: frontDesk) { _ = try session.noShow(id) }
        free(id)
    }

    /// The slot and the patient are free again.
    func free(_ id: AppointmentID) {
        guard let a = appointments[id] else { return }
        busy[DemoProviderDay(provider: a.provider, day: a.date.daysSinceEpoch)]?.removeAll { $0.0 == a.minute }
        if patients[a.patient].upcoming == id { patients[a.patient].upcoming = nil }
    }
}
