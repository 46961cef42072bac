import BinaryCodec

/// One visit as a statement shows it, as of the statement's date.
public struct StatementVisit: Sendable, Equatable {
    public let visit: VisitID
    public let dateOfService: LocalDate
    /// "99213 Office visit" lines: code and amount of each charge not voided.
    public let services: [(code: String, amount: Money)]
    public let account: LedgerAccount

    public static func == (a: StatementVisit, b: StatementVisit) -> Bool {
        a.visit == b.visit && a.dateOfService == b.dateOfService && a.account == b.account
            && a.services.map(\.code) == b.services.map(\.code) && a.services.map(\.amount) == b.services.map(\.amount)
    }
}

/// A patient statement: the event that records it, and what is mailed.
public struct PatientStatement: Sendable {
    public let issued: StatementIssued
    public let patientName: String
    public let practiceName: String
    public let visits: [StatementVisit]
    /// Payments and credits not applied to a visit (negative: a credit).
    public let accountLevel: Money
    public var text: String { StatementRenderer.text(self) }
    public var html: String { StatementRenderer.html(self) }
}

/// Statements from the ledger's journal, cut by effective date ("as of").
public enum Statements {
    /// Every journal entry that names a patient, under the chart it resolves to
    /// (merges followed), in log order: a statement run groups the journal once
    /// instead of reading all of it for every patient.
    public static func journalByPatient(_ state: PracticeState) -> [PatientID: [LedgerEntry]] {
        let ledger = state.receivables.ledger
        var out: [PatientID: [LedgerEntry]] = [:]
        for entry in ledger.entries {
            if let patient = entry.patient { out[ledger.resolved(patient), default: []].append(entry) }
        }
        return out
    }

    /// - parameter journal: the patient's entries from `journalByPatient`, when issuing many
    ///   statements; nil reads the whole journal for this one.
    /// - throws: `Rejection` for an unknown patient, or a balance below `minBalance` (nothing to send).
    public static func issue(patient: PatientID, asOf: LocalDate, id: StatementID, minBalance: Money = .zero,
                             state: PracticeState, journal: [LedgerEntry]? = nil) throws(Rejection) -> PatientStatement {
        guard let record = state.patients[state.resolvedPatient(patient)] else { throw .refused("patient", "unknown patient \(patient)") }
        let ledger = state.receivables.ledger
        let entries = journal ?? ledger.entries.filter { $0.patient.map(ledger.resolved) == record.id }
        var byVisit: [VisitID: LedgerAccount] = [:]
        var accountLevel = Money.zero
        for entry in entries where entry.date <= asOf {
            if let visit = entry.visit { byVisit[visit, default: LedgerAccount()] += entry.delta } else { accountLevel += entry.delta.patientBalance }
        }
        var aging = AgingBuckets()
        aging.add(accountLevel, ageInDays: 0)
        var visits: [StatementVisit] = []
        for (visit, account) in byVisit {
            let date = ledger.visitDates[visit] ?? asOf
            aging.add(account.patientBalance, ageInDays: date.days(to: asOf))
            let services = state.charges(ofVisit: visit).filter { !$0.isVoided }
                .map { (code: $0.entered.procedure.code, amount: $0.entered.amount) }
            visits.append(StatementVisit(visit: visit, dateOfService: date, services: services, account: account))
        }
        visits.sort { ($0.dateOfService, $0.visit) < ($1.dateOfService, $1.visit) }
        // An unapplied payment pays the oldest balance first, not a negative "current" beside it.
        aging = aging.creditsAppliedOldestFirst
        let balance = aging.total
        guard balance >= minBalance, balance > .zero || minBalance == .zero else {
            throw .refused("patient", "\(record.id) owes \(balance) as of \(asOf), below the minimum \(minBalance) for a statement")
        }
        let practice = state.directory.practice?.practiceName.text ?? "Practice"
        return PatientStatement(issued: StatementIssued(statement: id, patient: record.id, asOf: asOf, balance: balance, aging: aging),
                                patientName: "\(record.name.first) \(record.name.last)", practiceName: practice,
                                visits: visits, accountLevel: accountLevel)
    }
}
