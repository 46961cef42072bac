import CLIKit
import EventLog
import Foundation
import RevenueCycle

/// What `practica demo` was asked for.
struct DemoOptions {
    let months: Int
    let patients: Int
    let seed: UInt64
    /// The first day simulated, and the day the demo ends on (not simulated: its
    /// schedule is what was booked before, as on a real morning).
    let start: LocalDate
    let end: LocalDate
    let storePath: String
    /// Who ran the demo: the store's first admin, as with `practica init`.
    let admin: UserID
}

/// A year of a practice, played day by day through the same session calls
/// (and so the same decisions, streams and command names) the CLI uses.
///
/// Each task of the agenda runs at its simulated moment: the clock is moved
/// there first, so the decision sees that "now" and the batch is recorded at
/// it. Tasks are taken in time order, so recorded-at never goes backwards.
/// The simulation's own bookkeeping (who is booked when, what each payer owes
/// an answer to) only proposes actions; every one is decided on the log's state.
final class DemoSimulation {
    let options: DemoOptions
    let session: FrontDeskSession
    let time: SimulatedTime
    let zone: TimeZoneID
    let files: URL
    var random: DemoRandom
    var agenda = DemoAgenda()
    var practice = DemoPracticeIDs()
    var patients: [DemoPatient] = []
    var patientIndex: [PatientID: Int] = [:]
    var appointments: [AppointmentID: DemoAppointment] = [:]
    /// Provider and day → busy minutes of the day, as [start, end) pairs.
    var busy: [DemoProviderDay: [(Int, Int)]] = [:]
    /// Provider and day of a week off.
    var vacations: Set<DemoProviderDay> = []
    /// Payer and day → the claims it answers that day (and reprocessings).
    var payerWork: [DemoPayerDay: [DemoPayerWork]] = [:]
    /// Each claim's latest answer from its payer, to reverse or correct it later.
    var answers: [ClaimID: DemoRemittanceClaim] = [:]
    /// Patient and year → deductible still open.
    var deductibles: [DemoPatientYear: Int64] = [:]
    var visitsWithPaymentPlan: Set<VisitID> = []
    var claimsWithSecondary: Set<ClaimID> = []
    /// Claims whose hold was worked once already.
    var fixedHolds: Set<ClaimID> = []
    var stats = DemoStats()
    var controlNumber = 0

    /// The demo's files sit inside the store and are as private as it is.
    var permissions: StorePermissions { session.store.permissions }

    init(options: DemoOptions, session: FrontDeskSession, time: SimulatedTime, zone: TimeZoneID) {
        self.options = options
        self.session = session
        self.time = time
        self.zone = zone
        random = DemoRandom(seed: options.seed)
        files = URL(fileURLWithPath: options.storePath).appendingPathComponent("demo-files")
    }

    /// Plays every day from the start up to (not including) the last day.
    func run(progress: ProgressBar) throws {
        try permissions.createDirectory(files.appendingPathComponent("837").path)
        try permissions.createDirectory(files.appendingPathComponent("835").path)
        try setUpPractice()
        try registerFirstPatients()
        planNewPatients()
        try bookBacklog()
        var day = options.start
        while day < options.end {
            planDay(day)
            let next = instant(day.adding(days: 1), hour: 0, minute: 0)
            while let (at, task) = agenda.next(before: next) {
                time.advance(to: at.date)
                try perform(task)
            }
            progress.advance()
            day = day.adding(days: 1)
        }
    }

    /// The day's recurring work: booking sessions at the desk, the biller's scrub,
    /// Tuesday's claim file, and statements on the first weekday of a month.
    func planDay(_ day: LocalDate) {
        guard day.weekday.rawValue <= 5 else { return }
        /// The first day's morning went to setting up; its plan starts from now.
        func plan(_ task: DemoTask, _ hour: Int, _ minute: Int) {
            let at = instant(day, hour: hour, minute: minute)
            if at > now { agenda.add(task, at: at) }
        }
        for (hour, minute) in [(8, 15), (10, 40), (13, 20), (15, 50)] {
            let count = Int((bookingsPerDay / 4 + random.unit()).rounded(.down))
            if count > 0 { plan(.bookingRound(count: count), hour, minute) }
        }
        plan(.scrubAll, 18, 30)
        if day.weekday == .tuesday { plan(.submitClean, 10, 30) }
        let firstWeekdayOfMonth = !(1..<day.day).contains { day.adding(days: -$0).weekday.rawValue <= 5 }
        if firstWeekdayOfMonth, day.month != options.start.month || day.year != options.start.year { plan(.statementRun, 7, 0) }
    }

    func perform(_ task: DemoTask) throws {
        switch task {
        case .registerNewPatient(let index): try registerNewPatient(index)
        case .bookingRound(let count): try bookingRound(count)
        case .cancel(let id, let byPractice): try cancel(id, byPractice: byPractice)
        case .checkIn(let id): try checkIn(id)
        case .noShow(let id): try noShow(id)
        case .checkOut(let id): try checkOut(id)
        case .enterCharges(let id): try enterCharges(id)
        case .scrubAll: try scrubAll()
        case .fixHold(let claim, let rule): try fixHold(claim, rule: rule)
        case .submitClean: try submitClean()
        case .remittance(let payer): try remittance(payer)
        case .secondaryClaim(let claim): try secondaryClaim(claim)
        case .patientPays(let visit, let patient, let share): try patientPays(visit, patient: patient, share: share)
        case .statementRun: try statementRun()
        case .workDenials(let claim): try workDenials(claim)
        case .writeOffDenials(let claim): try writeOffDenials(claim)
        }
    }

    /// Runs one command as `user`, counting it; a refusal the simulation did not
    /// expect stops the demo with the day and command named.
    @discardableResult
    func command<T>(_ name: String, as user: String, _ body: () throws -> T) throws -> T {
        session.actor = user
        stats.commands[name, default: 0] += 1
        do {
            return try body()
        } catch let failure as RejectionFailure {
            throw CommandFailure("demo stopped on \(today) (\(name)): \(failure.message)",
                                 hint: "this is a bug in the demo; please report it with the seed")
        }
    }

    /// Like `command`, but a refusal is an expected outcome (a slot taken meanwhile), returned as nil.
    func attempt<T>(_ name: String, as user: String, _ body: () throws -> T) throws -> T? {
        session.actor = user
        do {
            let result = try body()
            stats.commands[name, default: 0] += 1
            return result
        } catch is RejectionFailure {
            stats.refusals[name, default: 0] += 1
            return nil
        }
    }

    var now: Instant { Instant(time.date) }
    var today: LocalDate { zone.localDateTime(at: now).date }

    /// A wall-clock moment at the practice; a time skipped by daylight saving moves an hour on.
    func instant(_ date: LocalDate, hour: Int, minute: Int) -> Instant {
        guard let clock = try? LocalTime(minutesSinceMidnight: min(max(hour * 60 + minute, 0), 1439)) else {
            return Instant(secondsSinceEpoch: date.daysSinceEpoch * 86_400)
        }
        let local = LocalDateTime(date: date, time: clock)
        return (try? zone.instant(for: local)) ?? (try? zone.instant(for: local.adding(minutes: 60)))
            ?? Instant(secondsSinceEpoch: local.secondsAsIfUTC)
    }

    /// `date` moved to a weekday (Saturday and Sunday go to Monday).
    func weekday(_ date: LocalDate) -> LocalDate {
        switch date.weekday {
        case .saturday: return date.adding(days: 2)
        case .sunday: return date.adding(days: 1)
        default: return date
        }
    }

    /// A moment `days` days after today at a random office hour.
    func later(days: Int, from: Int = 8, to: Int = 17) -> Instant {
        instant(today.adding(days: days), hour: random.int(from...to), minute: random.int(0...59))
    }

    var frontDesk: String { random.chance(0.5) ? "jo" : "lee" }
    var biller: String { random.chance(0.5) ? "sam" : "kim" }
}

struct DemoProviderDay: Hashable {
    let provider: Int
    let day: Int64
}

struct DemoPayerDay: Hashable {
    let payer: Int
    let day: Int64
}

struct DemoPatientYear: Hashable {
    let patient: PatientID
    let year: Int
}

enum DemoPayerWork {
    case answer(ClaimID)
    case overturn(ClaimID)
    case reprice(ClaimID)
}

/// What the demo did, for its summary.
struct DemoStats {
    var commands: [String: Int] = [:]
    var refusals: [String: Int] = [:]
    var remittanceFiles = 0
}
