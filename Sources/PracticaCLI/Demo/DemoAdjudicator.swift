import RevenueCycle

/// A payer's claims system in miniature: turns a claim into the answer the
/// payer sends back, balanced by construction (each line's charge is split
/// into paid + CO-45 contractual + PR-1/2/3, or denied whole with a CO reason).
struct DemoAdjudicator {
    let payer: DemoPayer

    /// Evaluation and management codes: the visit itself, never line-denied, carrying the copay.
    static func isVisitCode(_ code: String) -> Bool { code.hasPrefix("992") || code.hasPrefix("993") }

    /// A primary payer's first answer to `claim`.
    /// - parameter deductibleLeft: what the member still owes toward this year's deductible; reduced here.
    func adjudicate(_ claim: ClaimCreated, copay: Int64, deductibleLeft: inout Int64, member: DemoMember,
                    payerClaimNumber: String, random: inout DemoRandom) -> DemoRemittanceClaim {
        let wholeDenial = random.chance(payer.claimDenialRate) ? random.pick(payer.claimDenialReasons) : nil
        var copayLeft = copay
        var lines: [DemoRemittanceClaim.Line] = []
        for (i, line) in claim.lines.enumerated() {
            let code = line.procedure.code
            let base = DemoRemittanceClaim.Line(code: code, modifiers: line.modifiers.map(\.code), charge: line.amount.cents, paid: 0,
                                                units: line.units, adjustments: [], control: "\(claim.claim)-\(i + 1)", allowed: 0)
            if let reason = wholeDenial ?? (!Self.isVisitCode(code) && random.chance(payer.lineDenialRate)
                                            ? random.pick(payer.lineDenialReasons) : nil) {
                lines.append(denied(base, reason: reason))
            } else {
                lines.append(paid(base, copayLeft: &copayLeft, deductibleLeft: &deductibleLeft))
            }
        }
        return DemoRemittanceClaim(claim: claim.claim.description, status: wholeDenial == nil ? "1" : "4",
                                   payerClaimNumber: payerClaimNumber, patientLast: member.last, patientFirst: member.first,
                                   memberID: member.memberID, serviceDate: Self.x12(claim.dateOfService), lines: lines,
                                   claimAdjustments: [], claimCharge: 0, claimPaid: 0)
    }

    /// The corrected answer after a won appeal: denied lines paid (coinsurance, no new deductible),
    /// paid lines as before.
    func overturned(_ previous: DemoRemittanceClaim) -> DemoRemittanceClaim {
        var corrected = previous
        corrected.status = "1"
        var noCopay: Int64 = 0
        var noDeductible: Int64 = 0
        corrected.lines = previous.lines.map { line in
            guard line.isDenied else { return line }
            var fresh = line
            fresh.adjustments = []
            return paid(fresh, copayLeft: &noCopay, deductibleLeft: &noDeductible)
        }
        return corrected
    }

    /// A fee-schedule correction: the payer allows 2% more on every paid line.
    func repriced(_ previous: DemoRemittanceClaim) -> DemoRemittanceClaim {
        var corrected = previous
        corrected.status = "1"
        corrected.lines = previous.lines.map { line in
            guard line.paid > 0, let co45 = line.adjustments.firstIndex(where: { $0.group == "CO" && $0.reason == "45" }) else { return line }
            var l = line
            let raise = min(l.adjustments[co45].cents, max(l.allowed * 2 / 100, 1))
            l.adjustments[co45] = .init(group: "CO", reason: "45", cents: l.adjustments[co45].cents - raise)
            l.adjustments.removeAll { $0.cents == 0 }
            l.paid += raise
            l.allowed += raise
            return l
        }
        return corrected
    }

    /// A supplement's answer to a secondary claim: it pays what the primary left to the
    /// patient except the deductible; OA-23 is the primary's share of the charge.
    func adjudicateSecondary(_ claim: ClaimCreated, primaryDeductible: Int64, member: DemoMember,
                             payerClaimNumber: String) -> DemoRemittanceClaim {
        let left = claim.priorAdjudication?.patientResponsibility.cents ?? 0
        let deductible = min(primaryDeductible, left)
        var adjustments = [DemoRemittanceClaim.Adjustment(group: "OA", reason: "23", cents: claim.total.cents - left)]
        if deductible > 0 { adjustments.append(.init(group: "PR", reason: "1", cents: deductible)) }
        return DemoRemittanceClaim(claim: claim.claim.description, status: "2", payerClaimNumber: payerClaimNumber,
                                   patientLast: member.last, patientFirst: member.first, memberID: member.memberID,
                                   serviceDate: Self.x12(claim.dateOfService), lines: [], claimAdjustments: adjustments,
                                   claimCharge: claim.total.cents, claimPaid: left - deductible)
    }

    private func denied(_ line: DemoRemittanceClaim.Line, reason: String) -> DemoRemittanceClaim.Line {
        var l = line
        l.adjustments = [.init(group: "CO", reason: reason, cents: line.charge)]
        return l
    }

    private func paid(_ line: DemoRemittanceClaim.Line, copayLeft: inout Int64, deductibleLeft: inout Int64) -> DemoRemittanceClaim.Line {
        var l = line
        let allowed = line.charge * payer.allowedBasisPoints / 10_000
        var open = allowed
        let copay = Self.isVisitCode(line.code) ? min(copayLeft, open) : 0
        copayLeft -= copay
        open -= copay
        // Copay plans cover the office visit itself without deductible or coinsurance.
        let deductible = copay > 0 ? 0 : min(deductibleLeft, open)
        deductibleLeft -= deductible
        open -= deductible
        let coinsurance = copay > 0 ? 0 : open * payer.coinsuranceBasisPoints / 10_000
        open -= coinsurance
        var adjustments: [DemoRemittanceClaim.Adjustment] = []
        if line.charge > allowed { adjustments.append(.init(group: "CO", reason: "45", cents: line.charge - allowed)) }
        for (reason, cents) in [("1", deductible), ("2", coinsurance), ("3", copay)] where cents > 0 {
            adjustments.append(.init(group: "PR", reason: reason, cents: cents))
        }
        l.adjustments = adjustments
        l.paid = open
        l.allowed = allowed
        return l
    }

    static func x12(_ date: LocalDate) -> String {
        func digits(_ n: Int, _ width: Int) -> String {
            let text = String(n)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(date.year, 4) + digits(date.month, 2) + digits(date.day, 2)
    }
}

/// The patient as the payer knows them (NM1*QC).
struct DemoMember {
    let last: String
    let first: String
    let memberID: String
}
