import BinaryCodec
import RevenueCycle

/// The ledger's facts kept in the A/R table, so `LedgerRules` runs on the read
/// model exactly as on the in-memory `Ledger`; postings become dated changes of
/// open items and daily totals (see `ARAgingProjection` for the key layout).
struct StoredLedgerBook: LedgerBook {
    typealias Failure = any Error

    let table: ProjectionTable
    /// The date of claim-level changes whose event carries no effective date (a
    /// claim replaced or voided): chosen by `ARAgingProjection` per event.
    var undatedChangeDate: LocalDate

    // MARK: facts

    func appointmentInsured(_ appointment: AppointmentID) throws -> Bool? {
        try table.get(ARKeys.appointmentInsured(appointment)).flatMap(\.first).map { $0 != 0 }
    }

    func setAppointmentInsured(_ appointment: AppointmentID, _ insured: Bool) throws {
        try table.put(ARKeys.appointmentInsured(appointment), [insured ? 1 : 0])
    }

    func visitInsured(_ visit: VisitID) throws -> Bool? { try visitRecord(visit)?.insured }

    func setVisitInsured(_ visit: VisitID, _ insured: Bool) throws {
        try updateVisit(visit) { $0.insured = insured }
    }

    func mergedInto(_ patient: PatientID) throws -> PatientID? {
        try table.get(ARKeys.merge(patient)).flatMap { ViewKey.trailingNumber($0) }.map(PatientID.init)
    }

    func setMerged(_ dropped: PatientID, into kept: PatientID) throws {
        try table.put(ARKeys.merge(dropped), ViewKey.bigEndian(kept.number))
    }

    /// Nothing to move: items keep the chart they were posted to, and reports
    /// resolve merges when they group by patient.
    func movePatientAccount(from dropped: PatientID, to target: PatientID) throws {}

    func visitFacts(_ visit: VisitID) throws -> LedgerVisitFacts? {
        guard let v = try visitRecord(visit), let patient = v.patient, let date = v.dateOfService else { return nil }
        return LedgerVisitFacts(patient: patient, dateOfService: date)
    }

    func setVisitFacts(_ visit: VisitID, _ facts: LedgerVisitFacts) throws {
        try updateVisit(visit) {
            $0.patient = facts.patient
            $0.dateOfService = facts.dateOfService
        }
    }

    func chargePosting(_ charge: ChargeID) throws -> LedgerChargePosting? {
        guard let bytes = try table.get(ARKeys.charge(charge)) else { return nil }
        var r = ByteReader(bytes)
        return LedgerChargePosting(visit: VisitID(try r.readVarUInt()), patient: PatientID(try r.readVarUInt()),
                                   date: LocalDate(daysSinceEpoch: try r.readVarInt()), delta: try ARCoding.readAccount(&r))
    }

    func setChargePosting(_ charge: ChargeID, _ posting: LedgerChargePosting?) throws {
        guard let posting else { return try table.delete(ARKeys.charge(charge)) }
        var w = ByteWriter()
        w.writeVarUInt(posting.visit.number)
        w.writeVarUInt(posting.patient.number)
        w.writeVarInt(posting.date.daysSinceEpoch)
        ARCoding.write(posting.delta, to: &w)
        try table.put(ARKeys.charge(charge), w.bytes)
    }

    func claimVisit(_ claim: ClaimID) throws -> VisitID? { try claimRecord(claim)?.visit }

    func addClaim(_ claim: ClaimID, toVisit visit: VisitID) throws {
        try updateClaim(claim) { $0.visit = visit }
        try updateVisit(visit) { $0.claims.append(claim) }
    }

    func claims(ofVisit visit: VisitID) throws -> [ClaimID] { try visitRecord(visit)?.claims ?? [] }

    func claimAccount(_ claim: ClaimID) throws -> LedgerAccount? { try claimRecord(claim)?.account }

    func postOnClaimAccount(_ claim: ClaimID, _ delta: LedgerAccount, on date: LocalDate?) throws {
        var record = try claimRecord(claim) ?? ARClaimRecord()
        record.account = (record.account ?? LedgerAccount()) + delta
        try table.put(ARKeys.claim(claim), record.encoded())
        guard delta.insuranceBalance != .zero else { return }
        // The claim's insurance balance comes from (or goes back to) the visit's unbilled balance.
        let day = date ?? undatedChangeDate
        try addToItem(.claimInsurance, claim.number, delta.insuranceBalance, on: day)
        if let visit = record.visit {
            try addToItem(.unbilledInsurance, visit.number, -delta.insuranceBalance, on: day)
        } else {
            try addToItem(.practiceInsurance, 0, -delta.insuranceBalance, on: day)
        }
    }

    func denialClaim(_ denial: DenialID) throws -> ClaimID? {
        try table.get(ARKeys.denial(denial)).flatMap { ViewKey.trailingNumber($0) }.map(ClaimID.init)
    }

    func setDenialClaim(_ denial: DenialID, _ claim: ClaimID) throws {
        try table.put(ARKeys.denial(denial), ViewKey.bigEndian(claim.number))
    }

    func suspended(_ key: SuspenseKey) throws -> Money? {
        try table.get(ARKeys.suspense(key)).map { var r = ByteReader($0); return Money(cents: try r.readVarInt()) }
    }

    func setSuspended(_ key: SuspenseKey, _ paid: Money?) throws {
        guard let paid else { return try table.delete(ARKeys.suspense(key)) }
        var w = ByteWriter()
        w.writeVarInt(paid.cents)
        try table.put(ARKeys.suspense(key), w.bytes)
    }

    func addUnappliedPayerCash(_ amount: Money) throws {
        let old: Int64 = try table.get(ARKeys.unapplied).map { bytes -> Int64 in var r = ByteReader(bytes); return try r.readVarInt() } ?? 0
        var w = ByteWriter()
        w.writeVarInt(old + amount.cents)
        try table.put(ARKeys.unapplied, w.bytes)
    }

    // MARK: postings

    /// A visit-level posting: the day's totals, and the visit's (or account's) open items.
    func post(_ entry: LedgerEntry) throws {
        let dayKey = ARKeys.day(entry.date)
        let day = try table.get(dayKey).map(ARCoding.account) ?? LedgerAccount()
        try table.put(dayKey, ARCoding.encoded(day + entry.delta))
        if let visit = entry.visit {
            try addToItem(.unbilledInsurance, visit.number, entry.delta.insuranceBalance, on: entry.date)
            try addToItem(.visitPatient, visit.number, entry.delta.patientBalance, on: entry.date)
        } else {
            try addToItem(.practiceInsurance, 0, entry.delta.insuranceBalance, on: entry.date)
            try addToItem(.accountPatient, entry.patient?.number ?? 0, entry.delta.patientBalance, on: entry.date)
        }
    }

    /// Adds a dated change to an item and refreshes the dimensions it is aged and grouped by.
    private func addToItem(_ kind: AROpenItem.Kind, _ owner: UInt64, _ amount: Money, on date: LocalDate) throws {
        guard amount != .zero else { return }
        let key = AROpenItem.key(kind, owner)
        var item = try table.get(key).map { try AROpenItem.decode(key, $0) } ?? AROpenItem(kind: kind, owner: owner)
        switch kind {
        case .claimInsurance:
            if let c = try claimRecord(ClaimID(owner)) {
                let visit = try c.visit.flatMap(visitRecord)
                item.payer = c.payer
                item.patient = c.patient ?? visit?.patient
                item.provider = c.provider ?? visit?.provider
                item.dateOfService = c.dateOfService ?? visit?.dateOfService
                item.location = visit?.location
            }
        case .unbilledInsurance, .visitPatient:
            if let v = try visitRecord(VisitID(owner)) {
                item.patient = v.patient
                item.provider = v.provider
                item.dateOfService = v.dateOfService
                item.location = v.location
            }
        case .accountPatient:
            item.patient = owner == 0 ? nil : PatientID(owner)
        case .practiceInsurance:
            break
        }
        item.add(amount, on: date)
        try table.put(key, item.encoded())
    }

    // MARK: records

    func visitRecord(_ visit: VisitID) throws -> ARVisitRecord? {
        try table.get(ARKeys.visit(visit)).map(ARVisitRecord.decode)
    }

    func updateVisit(_ visit: VisitID, _ change: (inout ARVisitRecord) -> Void) throws {
        var record = try visitRecord(visit) ?? ARVisitRecord()
        change(&record)
        try table.put(ARKeys.visit(visit), record.encoded())
    }

    func claimRecord(_ claim: ClaimID) throws -> ARClaimRecord? {
        try table.get(ARKeys.claim(claim)).map(ARClaimRecord.decode)
    }

    func updateClaim(_ claim: ClaimID, _ change: (inout ARClaimRecord) -> Void) throws {
        var record = try claimRecord(claim) ?? ARClaimRecord()
        change(&record)
        try table.put(ARKeys.claim(claim), record.encoded())
    }
}
