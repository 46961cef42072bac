import BinaryCodec

/// A repeatable stream of realistic front-desk events: patients registering
/// with coverage, then being booked, checked in and out, with cancellations
/// and no-shows mixed in. Used by `practica store synth`, the benchmark and the
/// crash tests, so the log is measured on payloads shaped like a practice's.
///
/// The events are not decided by command handlers: they are for exercising the
/// store, and go to streams under their own prefix.
public struct SyntheticWorkload {
    private var random: SplitMix64
    private let prefix: String
    private var nextPatient: UInt64 = 1
    private var nextAppointment: UInt64 = 1
    private var nextVisit: UInt64 = 1
    private var pending: [(stream: String, typeName: String, schemaVersion: UInt8, payload: [UInt8])] = []
    private var clock = Instant(secondsSinceEpoch: 1_767_258_000) // 2026-01-01 09:00 UTC
    /// Charges, claims, remittances, denials and patient payments after each visit (nil: front desk only).
    private var billing: SyntheticBilling?

    /// - parameter billing: also emit each visit's money (`SyntheticBilling`), so the store has A/R; appointments
    ///   then come about eight times as often, so a million events span about two years rather than fifteen.
    public init(seed: UInt64, streamPrefix: String = "synthetic-", billing: Bool = false) {
        random = SplitMix64(seed: seed)
        prefix = streamPrefix
        self.billing = billing ? SyntheticBilling() : nil
    }

    /// The next `count` events as (stream, type, schema version, payload) tuples.
    public mutating func next(_ count: Int) -> [(stream: String, typeName: String, schemaVersion: UInt8, payload: [UInt8])] {
        while pending.count < count { generateEpisode() }
        let out = Array(pending.prefix(count))
        pending.removeFirst(count)
        return out
    }

    private static let firstNames = ["Maria", "James", "Ana", "Robert", "Linh", "Michael", "Sofia", "David", "Aisha", "John",
                                     "Emma", "Carlos", "Olivia", "Wei", "Noah", "Fatima", "Liam", "Chloé", "Mateo", "Grace"]
    private static let lastNames = ["Garcia", "Smith", "Nguyen", "Johnson", "Williams", "Brown", "Martinez", "Davis", "Lopez",
                                    "Miller", "Wilson", "Anderson", "Thomas", "Hernández", "Moore", "Jackson", "Lee", "Patel"]
    private static let streets = ["Oak St", "Maple Ave", "Elm St", "Cedar Rd", "Pine St", "Lakeview Dr", "Main St", "Hill Rd"]
    private static let cities = ["Springfield, IL 62704", "Chicago, IL 60614", "Peoria, IL 61602", "Naperville, IL 60540"]

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    private mutating func emit<P: EventPayload>(_ stream: String, _ event: P) {
        pending.append((prefix + stream, P.typeName, P.schemaVersion, event.encoded()))
    }

    /// One patient's registration and coverage, then a few visits.
    private mutating func generateEpisode() {
        let patient = PatientID(nextPatient)
        nextPatient += 1
        guard let name = try? PersonName(first: pick(Self.firstNames), last: pick(Self.lastNames)),
              let dob = try? LocalDate(year: 1940 + Int(random.next() % 80), month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28)),
              let phone = try? PhoneNumber("312555\(1000 + random.next() % 9000)"),
              let zone = try? TimeZoneID("America/Chicago"),
              let from = try? LocalDate(year: 2026, month: 1, day: 1),
              let span = try? DateSpan(from: from, to: nil) else { return }
        let address = "\(100 + random.next() % 9000) \(pick(Self.streets)), \(pick(Self.cities))"
        emit(patient.description, PatientRegistered(patient: patient, name: name, dateOfBirth: dob, sex: random.next() % 2 == 0 ? .female : .male,
                                                    phone: phone, address: address))
        let payer = PayerID(1 + random.next() % 6)
        emit(patient.description, CoverageAdded(coverage: CoverageID(patient.number), patient: patient, payer: payer,
                                                memberID: "XEH\(100_000_000 + random.next() % 900_000_000)", groupNumber: "GRP\(1000 + random.next() % 50)",
                                                rank: .primary, span: span, copay: Money(cents: Int64(1000 + 500 * (random.next() % 6)))))
        for _ in 0..<(1 + random.next() % 4) {
            let appointment = AppointmentID(nextAppointment)
            nextAppointment += 1
            let step = Int64(900 * (1 + random.next() % 8))
            clock = Instant(secondsSinceEpoch: clock.secondsSinceEpoch + (billing == nil ? step : step / 8))
            let stream = appointment.description
            let provider = ProviderID(1 + random.next() % 4)
            emit(stream, AppointmentBooked(appointment: appointment, patient: patient, provider: provider,
                                           location: LocationID(1 + random.next() % 2), room: RoomID(1 + random.next() % 6),
                                           appointmentType: AppointmentTypeID(1 + random.next() % 5), start: clock,
                                           minutes: [15, 20, 30, 45, 60][Int(random.next() % 5)], zone: zone))
            switch random.next() % 10 {
            case 0:
                emit(stream, AppointmentNoShow(appointment: appointment))
            case 1:
                emit(stream, AppointmentCancelled(appointment: appointment, reason: "patient called to cancel", by: .patient, isLate: random.next() % 3 == 0))
            default:
                emit(stream, PatientCheckedIn(appointment: appointment, copayDue: Money(cents: 2500), coverage: CoverageID(patient.number)))
                emit(stream, PatientCheckedOut(appointment: appointment, visit: VisitID(nextVisit)))
                if var money = billing {
                    pending += money.visit(VisitID(nextVisit), patient: patient, provider: provider, payer: payer, coverage: CoverageID(patient.number),
                                           on: LocalDate(daysSinceEpoch: clock.secondsSinceEpoch / 86_400), prefix: prefix, random: &random)
                    billing = money
                }
                nextVisit += 1
            }
        }
    }
}

/// A small, fast, seedable generator (SplitMix64), so synthetic data repeats exactly.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
