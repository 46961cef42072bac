import BinaryCodec
import EventLog
import RevenueCycle

/// The KPI read model: sums per month for every KPI of `practica report kpi`,
/// each dated by its own effective date (charges by date of service and by
/// entry, payments by payment date, denials by denial date, claims by first
/// submission and first adjudication), plus per-payer months and denial reasons.
///
/// A claim is counted once per KPI: per-claim facts (`k`) remember whether it
/// was submitted, adjudicated, denied or counted as first-pass, so a later
/// denial, rejection, resubmission or replacement takes a first-pass count back.
/// No-show rates come from the schedule model's counters.
///
/// | key                          | value                                  |
/// |------------------------------|----------------------------------------|
/// | `a` · appointment            | checked in with coverage (1 byte)       |
/// | `v` · visit                  | insured (1 byte), its live charge ids   |
/// | `c` · charge                 | DOS, entry date, amount, self-pay, visit |
/// | `k` · claim                  | `KPIClaimRecord`                        |
/// | `M` · month                  | `KPIMonth`                              |
/// | `Y` · payer · month          | `PayerMonth`                            |
/// | `R` · month · CARC           | denials: count, dollars                 |
///
/// Version 2 follows a visit's financial class changes (issue 15): the visit keeps
/// its live charges so a change moves them in or out of patient responsibility.
public struct KPIProjection: Projection {
    public static let projectionName = "kpi"
    public var name: String { Self.projectionName }
    public let version = 2
    /// Its share of a rebuild's ~1 KB per event (by its share of the stored bytes at 1M billing events).
    public var rebuildBytesPerEvent: Int { 85 }
    public let eventTypes: Set<String> = [
        PatientCheckedIn.typeName, PatientCheckedOut.typeName, ChargeEntered.typeName, ChargeVoided.typeName,
        ClaimCreated.typeName, ClaimScrubbed.typeName, ClaimFindingOverridden.typeName, ClaimSubmitted.typeName,
        ClaimAcknowledged.typeName, ClaimRejectedByPayer.typeName, ClaimReplaced.typeName, ClaimPaymentPosted.typeName,
        ProviderAdjustmentPosted.typeName, DenialOpened.typeName, DenialWrittenOff.typeName, PatientPaymentPosted.typeName,
        PatientRefunded.typeName, PatientAdjustmentPosted.typeName, PatientPaymentVoided.typeName, VisitFinancialClassChanged.typeName,
    ]

    public init() {}

    public func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws {
        let t = KPITable(table: table)
        if let e = payload.exactly(PatientCheckedIn.self) {
            try table.put(KPIKeys.appointment(e.appointment), [e.coverage != nil ? 1 : 0])
        } else if let e = payload.exactly(PatientCheckedOut.self) {
            // The ledger's rule: a visit is insured when its patient was checked in with coverage.
            let insured = try table.get(KPIKeys.appointment(e.appointment)).flatMap(\.first) ?? 0
            try table.put(KPIKeys.visit(e.visit), [insured])
        } else if let e = payload.exactly(ChargeEntered.self) {
            var visit = try KPIVisit.read(e.visit, in: table)
            let charge = KPICharge(service: e.dateOfService, entry: e.enteredOn, amount: e.amount, selfPay: !visit.insured, visit: e.visit)
            try charge.write(e.charge, in: table)
            visit.charges.append(e.charge)
            try visit.write(e.visit, in: table)
            try t.addCharge(service: e.dateOfService, entry: e.enteredOn, amount: e.amount, selfPay: charge.selfPay, sign: 1)
        } else if let e = payload.exactly(ChargeVoided.self) {
            guard let charge = try KPICharge.read(e.charge, in: table) else { return }
            try table.delete(KPIKeys.charge(e.charge))
            if let id = charge.visit {
                var visit = try KPIVisit.read(id, in: table)
                visit.charges.removeAll { $0 == e.charge }
                try visit.write(id, in: table)
            }
            try t.addCharge(service: charge.service, entry: charge.entry, amount: charge.amount, selfPay: charge.selfPay, sign: -1)
        } else if let e = payload.exactly(VisitFinancialClassChanged.self) {
            // The ledger's rule: the visit's live charges move in or out of patient responsibility.
            var visit = try KPIVisit.read(e.visit, in: table)
            guard visit.insured != e.isInsured else { return }
            visit.insured = e.isInsured
            try visit.write(e.visit, in: table)
            for id in visit.charges {
                guard var charge = try KPICharge.read(id, in: table) else { continue }
                charge.selfPay = !e.isInsured
                try charge.write(id, in: table)
                try t.month(charge.service) { m in m.patientResponsibility += e.isInsured ? -charge.amount : charge.amount }
            }
        } else if let e = payload.exactly(ClaimCreated.self) {
            try t.updateClaim(e.claim) { c in
                c.payer = e.payer
                c.total = e.total
                c.isOriginal = e.frequency == .original
            }
        } else if let e = payload.exactly(ClaimScrubbed.self) {
            try t.updateClaim(e.claim) { c in if !e.findings.isEmpty && c.submissions == 0 { c.hadFindings = true } }
        } else if let e = payload.exactly(ClaimFindingOverridden.self) {
            try t.updateClaim(e.claim) { c in if c.submissions == 0 { c.overridden = true } }
        } else if let e = payload.exactly(ClaimSubmitted.self) {
            try t.submitted(e)
        } else if let e = payload.exactly(ClaimAcknowledged.self), !e.accepted {
            try t.reworked(e.claim) { $0.rejected = true }
        } else if let e = payload.exactly(ClaimRejectedByPayer.self) {
            try t.reworked(e.claim) { $0.rejected = true }
        } else if let e = payload.exactly(ClaimReplaced.self) {
            try t.reworked(e.claim) { $0.rejected = true }
        } else if let e = payload.exactly(ClaimPaymentPosted.self) {
            try t.payment(e)
        } else if let e = payload.exactly(ProviderAdjustmentPosted.self) {
            try t.month(e.paymentDate) { $0.providerAdjustments += e.amount }
        } else if let e = payload.exactly(DenialOpened.self) {
            try t.denial(e)
        } else if let e = payload.exactly(DenialWrittenOff.self) {
            try t.month(e.writtenOffOn) { $0.deniedWrittenOff += e.amount }
        } else if let e = payload.exactly(PatientPaymentPosted.self) {
            try t.month(e.receivedOn) { $0.patientPayments += e.amount }
        } else if let e = payload.exactly(PatientRefunded.self) {
            try t.month(e.refundedOn) { $0.patientPayments -= e.amount }
        } else if let e = payload.exactly(PatientPaymentVoided.self) {
            // A void takes the payment back like a refund, in the month it is voided.
            try t.month(e.voidedOn) { $0.patientPayments -= e.amount }
        } else if let e = payload.exactly(PatientAdjustmentPosted.self) {
            try t.month(e.postedOn) { $0.patientAdjustments += e.amount }
        }
    }
}

/// The KPI table's keys; months and dates as signed big-endian numbers so they scan in order.
enum KPIKeys {
    static let monthTag: Unicode.Scalar = "M"
    static let payerTag: Unicode.Scalar = "Y"
    static let reasonTag: Unicode.Scalar = "R"

    static func appointment(_ id: AppointmentID) -> ViewKey { ViewKey("a").id(id) }
    static func visit(_ id: VisitID) -> ViewKey { ViewKey("v").id(id) }
    static func charge(_ id: ChargeID) -> ViewKey { ViewKey("c").id(id) }
    static func claim(_ id: ClaimID) -> ViewKey { ViewKey("k").id(id) }
    static func month(_ m: MonthKey) -> ViewKey { ViewKey(monthTag).signed(m.value) }
    static func payer(_ p: PayerID, _ m: MonthKey) -> ViewKey { ViewKey(payerTag).id(p).signed(m.value) }
    static func reason(_ m: MonthKey, _ carc: String) -> ViewKey { ViewKey(reasonTag).signed(m.value).text(carc) }
}

/// The KPI projection's writes, one rule per KPI.
struct KPITable {
    let table: ProjectionTable

    func month(_ date: LocalDate, _ change: (inout KPIMonth) -> Void) throws {
        try table.update(KPIKeys.month(MonthKey(date)), initial: KPIMonth(), change)
    }

    func payerMonth(_ payer: PayerID?, _ date: LocalDate, _ change: (inout PayerMonth) -> Void) throws {
        guard let payer else { return }
        try table.update(KPIKeys.payer(payer, MonthKey(date)), initial: PayerMonth(), change)
    }

    func claim(_ id: ClaimID) throws -> KPIClaimRecord? { try table.record(KPIKeys.claim(id)) }

    @discardableResult
    func updateClaim(_ id: ClaimID, _ change: (inout KPIClaimRecord) throws -> Void) throws -> KPIClaimRecord {
        try table.update(KPIKeys.claim(id), initial: KPIClaimRecord()) { c in
            try change(&c)
            return c
        }
    }

    func addCharge(service: LocalDate, entry: LocalDate, amount: Money, selfPay: Bool, sign: Int64) throws {
        try month(service) { m in
            m.chargesByService += amount * sign
            if selfPay { m.patientResponsibility += amount * sign }
        }
        try month(entry) { m in
            m.chargesByEntry += amount * sign
            m.chargeLagDays += Int64(service.days(to: entry)) * sign
            m.chargeLines += sign
        }
    }

    func submitted(_ e: ClaimSubmitted) throws {
        var first = false
        let c = try updateClaim(e.claim) { c in
            c.submissions += 1
            first = c.firstSubmitted == nil
            c.firstSubmitted = c.firstSubmitted ?? e.submittedOn
        }
        if first {
            let clean = !c.hadFindings && !c.overridden && c.isOriginal
            try month(e.submittedOn) { m in
                m.claimsSubmitted += 1
                if clean { m.claimsClean += 1 }
            }
            try payerMonth(c.payer, e.submittedOn) { p in
                p.claimsSubmitted += 1
                p.billed += c.total
            }
        } else {
            try takeBackFirstPass(e.claim)
        }
    }

    /// Rework after the fact: a first-pass count no longer stands.
    func reworked(_ id: ClaimID, _ change: (inout KPIClaimRecord) -> Void) throws {
        try updateClaim(id, change)
        try takeBackFirstPass(id)
    }

    private func takeBackFirstPass(_ id: ClaimID) throws {
        guard let c = try claim(id), let counted = c.firstPassMonth else { return }
        try month(MonthKey(value: counted).first) { $0.claimsFirstPass -= 1 }
        try updateClaim(id) { $0.firstPassMonth = nil }
    }

    func payment(_ e: ClaimPaymentPosted) throws {
        let before = try claim(e.claim) ?? KPIClaimRecord()
        let firstAdjudication = !before.adjudicated && !e.isReversal
        let firstPaid = !before.paid && !e.isReversal && e.paid > .zero
        let firstPass = firstAdjudication && e.paid > .zero && before.submissions <= 1 && !before.rejected
            && !before.denied && before.isOriginal
        try month(e.paymentDate) { m in
            m.payerPaid += e.paid
            m.contractualAdjustments += e.writeOff
            m.patientResponsibility += e.patientResponsibility
            if firstAdjudication {
                m.claimsAdjudicated += 1
                m.adjudicatedDollars += e.charge
                if firstPass { m.claimsFirstPass += 1 }
            }
        }
        try payerMonth(before.payer, e.paymentDate) { p in
            p.paid += e.paid
            if firstPaid, let sent = before.firstSubmitted {
                p.daysToPaySum += Int64(sent.days(to: e.paymentDate))
                p.claimsPaid += 1
            }
        }
        try updateClaim(e.claim) { c in
            c.adjudicated = c.adjudicated || firstAdjudication
            c.paid = c.paid || firstPaid
            if firstPass { c.firstPassMonth = MonthKey(e.paymentDate).value }
        }
    }

    func denial(_ e: DenialOpened) throws {
        let before = try claim(e.claim) ?? KPIClaimRecord()
        let reasonKey = KPIKeys.reason(MonthKey(e.openedOn), e.carc)
        var reason = try table.get(reasonKey).map { bytes -> (Int64, Int64) in
            var r = ByteReader(bytes)
            return (try r.readVarInt(), try r.readVarInt())
        } ?? (0, 0)
        reason = (reason.0 + 1, reason.1 + e.amount.cents)
        var w = ByteWriter()
        w.writeVarInt(reason.0)
        w.writeVarInt(reason.1)
        try table.put(reasonKey, w.bytes)
        try month(e.openedOn) { m in
            m.deniedDollars += e.amount
            if !before.denied { m.claimsDenied += 1 }
        }
        if !before.denied { try payerMonth(before.payer, e.openedOn) { $0.claimsDenied += 1 } }
        try reworked(e.claim) { $0.denied = true }
    }
}
