import BinaryCodec

/// The visit's financial class: self-pay (the patient is billed) or insurance (the
/// payer is claimed). Decided at check-in, where an explicit --self-pay wins over
/// active coverage; changed only by `change`, which records who, when and why.
public enum VisitFinancialClass {
    /// Changes a checked-out visit to insurance (`toInsurance`) or to self-pay.
    ///
    /// Refused while a claim for the visit is live (not voided or replaced): the payer
    /// has it or is about to, and money would be billed twice; void the claim first.
    /// To insurance needs a primary coverage active on the date of service, which is
    /// the coverage and payer recorded.
    /// - throws: `Rejection` for an unknown visit, an empty reason, the class it already
    ///   has, a live claim, or no primary coverage for insurance.
    public static func change(_ visit: VisitID, toInsurance: Bool, reason: String, today: LocalDate,
                              state: PracticeState) throws(Rejection) -> VisitFinancialClassChanged {
        let appt = try ChargeDecisions.checkedOutVisit(visit, state)
        let why = try ClaimCreation.nonEmpty(reason, "say why the visit's financial class changes")
        let current = state.receivables.ledger.isInsured(visit)
        guard current != toInsurance else {
            throw .refused("visit", "\(visit) is already \(name(current))")
        }
        let live = (state.claimsByVisit[visit] ?? []).compactMap { state.claims[$0] }
            .filter { !$0.status.isInactive && $0.created.frequency != .void }
        if let claim = live.first {
            let sent = claim.status.isWithPayer ? "was submitted to \(claim.created.payer)" : "is \(claim.status)"
            throw .refused("visit", "\(visit) has claim \(claim.id), which \(sent); its financial class cannot change while a claim is live",
                           hint: "void the claim first: `practica claim void \(claim.id) --reason \"…\"`")
        }
        guard toInsurance else {
            return VisitFinancialClassChanged(visit: visit, coverage: nil, payer: nil, reason: why, changedOn: today)
        }
        let patient = state.resolvedPatient(appt.patient)
        let dos = appt.localDate
        guard let coverage = CoverageDecisions.active(on: dos, among: state.coverages(of: patient)).first(where: { $0.rank == .primary }) else {
            throw .refused("visit", "\(patient) has no primary coverage active on \(dos)", hint: "add it with `practica coverage add` first")
        }
        return VisitFinancialClassChanged(visit: visit, coverage: coverage.coverage, payer: coverage.payer, reason: why, changedOn: today)
    }

    /// "insurance" or "self-pay", as messages and `--json` say it.
    public static func name(_ insured: Bool) -> String { insured ? "insurance" : "self-pay" }
}
