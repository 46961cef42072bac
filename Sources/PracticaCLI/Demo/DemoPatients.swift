import RevenueCycle

/// How a patient treats a bill: what gives patient A/R its shape (most paid
/// within a month or two, some in part, some never: the aging tail).
enum DemoPaymentHabit {
    case prompt, afterStatement, partial, never
}

/// One member of the made-up panel, drawn up front so the same seed makes the
/// same people; `id` is set once the front desk has registered them.
struct DemoPatient {
    let first: String
    let last: String
    let birth: LocalDate
    let sex: Sex
    let phone: String
    let address: String
    /// Registered without an address (their claims are held until the desk adds it).
    var addressMissing: Bool
    /// Their usual provider (index in the catalog).
    let provider: Int
    /// How often they come, relative to others (chronic conditions come more).
    let visitWeight: Int
    let chronic: [String]
    let habit: DemoPaymentHabit
    /// Primary payer (index in `DemoPayer.all`), nil for self-pay.
    let primary: Int?
    let copay: Int64
    let memberID: String
    let hasSupplement: Bool
    var id: PatientID?
    var upcoming: AppointmentID?
    var lastAnnualYear = 0
}

extension DemoSimulation {
    /// Draws the whole panel; the first 70% are the practice's existing patients.
    func drawPatients() {
        let payerWeights = DemoPayer.all.enumerated().filter { $0.offset != DemoPayer.medicareIndex && $0.element.primaryShare > 0 }
            .map { ($0.offset, $0.element.primaryShare) }
        for n in 0..<options.patients {
            let age = random.weighted([(random.int(1...17), 15), (random.int(18...64), 60), (random.int(65...92), 25)])
            let birth = options.start.adding(days: -(age * 365 + random.int(0...364)))
            let insured = random.chance(0.85)
            let primary: Int? = insured ? (age >= 65 ? DemoPayer.medicareIndex : random.weighted(payerWeights)) : nil
            let payer = primary.map { DemoPayer.all[$0] }
            let chronicCount = age >= 50 ? random.weighted([(0, 3), (1, 4), (2, 3)]) : random.weighted([(0, 7), (1, 3)])
            var chronic: [String] = []
            while chronic.count < chronicCount {
                let dx = random.pick(DemoCatalog.chronicDiagnoses)
                if !chronic.contains(dx) { chronic.append(dx) }
            }
            let street = "\(random.int(10...9899)) \(random.pick(DemoCatalog.streets)), \(random.pick(DemoCatalog.cities))"
            let area = DemoCatalog.areaCodes[(n / 10_000) % DemoCatalog.areaCodes.count]
            let line = String(n % 10_000)
            patients.append(DemoPatient(
                first: random.pick(DemoCatalog.firstNames), last: random.pick(DemoCatalog.lastNames), birth: birth,
                sex: random.chance(0.52) ? .female : .male,
                phone: "\(area)-555-" + String(repeating: "0", count: 4 - line.count) + line,
                address: street, addressMissing: random.chance(0.02),
                provider: random.weighted([(0, 30), (1, 25), (2, 28), (3, 17)]),
                visitWeight: 1 + chronic.count + (age >= 65 ? 1 : 0), chronic: chronic,
                habit: random.weighted([(.prompt, 55), (.afterStatement, 22), (.partial, 11), (.never, 12)]),
                primary: primary, copay: payer.map { random.pick($0.copays) } ?? 0,
                memberID: (payer.map { String($0.electronicID.prefix(2)) } ?? "") + "X" + String(random.int(100_000_000...999_999_999)),
                hasSupplement: primary == DemoPayer.medicareIndex && random.chance(0.45)))
        }
    }

    /// The existing panel, entered on the first morning (the practice moving onto Practica).
    func registerFirstPatients() throws {
        drawPatients()
        let first = max(1, options.patients * 7 / 10)
        let spacing = Int64(max(1, 18_000 / first))
        let opening = instant(options.start, hour: 7, minute: 0)
        for index in 0..<first {
            time.advance(to: opening.adding(seconds: Int64(index) * spacing).date)
            try register(index)
        }
    }

    /// The rest arrive through the year as new patients, each booking a first visit.
    func planNewPatients() {
        let first = max(1, options.patients * 7 / 10)
        let days = options.start.days(to: options.end) - 1
        guard days > 1, first < options.patients else { return }
        for index in first..<options.patients {
            let day = weekday(options.start.adding(days: random.int(1...(days - 1))))
            guard day < options.end else { continue }
            agenda.add(.registerNewPatient(index), at: instant(day, hour: random.int(8...16), minute: random.int(0...59)))
        }
    }

    func registerNewPatient(_ index: Int) throws {
        try register(index)
        try book(patient: index, kind: .newPatient, lead: random.int(2...10))
    }

    /// `patient register` (confirming a likely duplicate as someone else, as the desk
    /// would after checking), then `coverage add` for each insurance card.
    func register(_ index: Int) throws {
        let p = patients[index]
        let registration = PatientRegistration(
            name: try PersonName(first: p.first, last: p.last), dateOfBirth: p.birth, sex: p.sex, phone: try PhoneNumber(p.phone),
            email: random.chance(0.4) ? try EmailAddress("\(p.first).\(p.last)\(index)@example.com".lowercased()) : nil,
            address: p.addressMissing ? nil : p.address)
        let desk = frontDesk
        let registered = try attempt("patient register", as: desk) { try session.registerPatient(registration, confirmNew: false) }
            ?? command("patient register", as: desk) { try session.registerPatient(registration, confirmNew: true) }
        patients[index].id = registered.patient
        patientIndex[registered.patient] = index
        guard let primary = p.primary else { return }
        let from = try LocalDate(year: options.start.year - 1, month: 1, day: 1)
        let minor = p.birth.days(to: options.start) < 18 * 365
        let parent = minor ? Subscriber(name: try PersonName(first: random.pick(DemoCatalog.firstNames), last: p.last)) : nil
        try command("coverage add", as: desk) {
            try session.addCoverage(CoverageRequest(
                patient: registered.patient, payer: practice.payers[primary], memberID: p.memberID,
                groupNumber: primary == DemoPayer.medicareIndex ? nil : "GRP\(1_000 + index % 37)",
                relationship: minor ? .child : .self, subscriber: parent, rank: .primary, span: try DateSpan(from: from, to: nil),
                copay: p.copay > 0 ? Money(cents: p.copay) : nil))
        }
        if p.hasSupplement {
            try command("coverage add", as: desk) {
                try session.addCoverage(CoverageRequest(
                    patient: registered.patient, payer: practice.payers[DemoPayer.supplementIndex],
                    memberID: "AA" + String(random.int(100_000_000...999_999_999)), rank: .secondary,
                    span: try DateSpan(from: from, to: nil)))
            }
        }
    }
}
