import BinaryCodec
import RevenueCycle

/// How the ledger's journal becomes what the aging reads: every posting lands
/// in exactly one open item (with its effective date), so the items sum to the
/// ledger's open balance to the cent on any date.
extension StoredLedgerBook {
    /// A visit-level posting: the journal, the day's totals, and the visit's (or account's) open items.
    mutating func journal(_ entry: LedgerEntry) throws {
        try table.put(ARKeys.journal(entry.patient, position: position, index: journalIndex), LedgerCoding.encode(entry))
        journalIndex += 1
        try table.update(ARKeys.day(entry.date), initial: LedgerAccount()) { $0 = $0 + entry.delta }
        if let visit = entry.visit {
            try addToItem(.unbilledInsurance, visit.number, entry.delta.insuranceBalance, on: entry.date)
            try addToItem(.visitPatient, visit.number, entry.delta.patientBalance, on: entry.date)
        } else {
            try addToItem(.practiceInsurance, 0, entry.delta.insuranceBalance, on: entry.date)
            try addToItem(.accountPatient, entry.patient?.number ?? 0, entry.delta.patientBalance, on: entry.date)
        }
    }

    /// A claim-level change: the claim's insurance balance comes from (or goes back
    /// to) its visit's unbilled balance, so the day's totals do not move. Patient
    /// money spread over claims moves no insurance and leaves the items alone.
    func journal(_ entry: LedgerClaimEntry) throws {
        let amount = entry.delta.insuranceBalance
        guard amount != .zero else { return }
        let day = entry.date ?? undatedChangeDate
        try addToItem(.claimInsurance, entry.claim.number, amount, on: day)
        if let visit = try claim(entry.claim, { $0?.visit }) {
            try addToItem(.unbilledInsurance, visit.number, -amount, on: day)
        } else {
            try addToItem(.practiceInsurance, 0, -amount, on: day)
        }
    }

    /// Adds a dated change to an item and refreshes the dimensions it is aged and grouped by.
    private func addToItem(_ kind: AROpenItem.Kind, _ owner: UInt64, _ amount: Money, on date: LocalDate) throws {
        guard amount != .zero else { return }
        // The dimensions, read from the claim's and visit's records before the item is changed in place.
        let claim = kind == .claimInsurance ? try self.claim(ClaimID(owner)) { $0.map(ItemDimensions.init) } : nil
        let visit: ItemDimensions?
        switch kind {
        case .claimInsurance: visit = try claim?.visit.flatMap { try self.visit($0) { $0.map(ItemDimensions.init) } }
        case .unbilledInsurance, .visitPatient: visit = try self.visit(VisitID(owner)) { $0.map(ItemDimensions.init) }
        case .accountPatient, .practiceInsurance: visit = nil
        }
        try table.update(AROpenItem.key(kind, owner), initial: AROpenItem(kind: kind, owner: owner)) { item in
            switch kind {
            case .claimInsurance:
                if let c = claim {
                    item.payer = c.payer
                    item.patient = c.patient ?? visit?.patient
                    item.provider = c.provider ?? visit?.provider
                    item.dateOfService = c.dateOfService ?? visit?.dateOfService
                    item.location = visit?.location
                }
            case .unbilledInsurance, .visitPatient:
                if let v = visit {
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
        }
    }
}

/// The fields of a claim's or visit's A/R record that its open items are grouped and
/// aged by: read out of the record where it lies, without copying the rest of it.
private struct ItemDimensions {
    var visit: VisitID?
    var payer: PayerID?
    var patient: PatientID?
    var provider: ProviderID?
    var dateOfService: LocalDate?
    var location: LocationID?

    init(_ claim: borrowing ARClaimRecord) {
        visit = claim.visit
        payer = claim.payer
        patient = claim.patient
        provider = claim.provider
        dateOfService = claim.dateOfService
    }

    init(_ visit: borrowing ARVisitRecord) {
        patient = visit.patient
        provider = visit.provider
        dateOfService = visit.dateOfService
        location = visit.location
    }
}
