/// Billing the next payer once the primary has adjudicated: a claim to the
/// patient's secondary coverage carrying the primary's answer, which the 837P
/// sends in loops 2320/2330B (claim) and 2430 (lines).
public enum SecondaryClaim {
    /// - throws: `Rejection` for an unknown claim, one that is itself secondary, one the
    ///   primary has not adjudicated, no secondary coverage active on the date of service,
    ///   an unknown payer, a secondary claim already made, or nothing left to the patient.
    public static func create(primaryClaim: ClaimID, id: ClaimID, today: LocalDate, state: PracticeState) throws(Rejection) -> ClaimCreated {
        guard let primary = state.claims[primaryClaim] else { throw .refused("claim", "unknown claim \(primaryClaim)") }
        let c = primary.created
        guard !c.isSecondary else { throw .refused("claim", "\(primaryClaim) is itself a secondary claim") }
        guard primary.isAdjudicated else {
            throw .refused("claim", "\(primaryClaim) is \(primary.status): the primary payer has not adjudicated it yet",
                           hint: "post its remittance first")
        }
        let patient = state.resolvedPatient(c.patient)
        let dos = c.dateOfService
        let active = CoverageDecisions.active(on: dos, among: state.coverages(of: patient))
        guard let coverage = active.first(where: { $0.rank == .secondary }) else {
            throw .refused("claim", "\(patient) has no secondary coverage active on \(dos)", hint: "add it with `practica coverage add --patient \(patient) --payer PAYER --member-id ID --rank secondary --from DATE`")
        }
        guard state.directory.payers[coverage.payer] != nil else {
            throw .refused("claim", "coverage \(coverage.coverage) names unknown payer \(coverage.payer)")
        }
        if let existing = state.claims.values.first(where: {
            $0.created.priorAdjudication?.claim == primaryClaim && !$0.status.isInactive && $0.created.frequency != .void
        }) {
            throw .refused("claim", "\(existing.id) already bills \(primaryClaim) to the secondary payer")
        }
        let left = primary.netPatientResponsibility
        guard left > .zero else {
            throw .refused("claim", "the primary payer left nothing to the patient on \(primaryClaim); there is nothing to bill the secondary for")
        }
        let prior = adjudication(of: primary, left: left)
        return ClaimCreated(claim: id, visit: c.visit, patient: patient, coverage: coverage.coverage, payer: coverage.payer,
                            billingProvider: c.billingProvider, renderingProvider: c.renderingProvider, placeOfService: c.placeOfService,
                            lines: c.lines, diagnoses: c.diagnoses, total: c.total, createdOn: today, priorAdjudication: prior)
    }

    /// The net of every posting (a reversal and its correction cancel out): claim-level
    /// adjustments summed by group and reason; per line when every posted line was
    /// matched to a charge and every claim line was answered, else all at claim level.
    static func adjudication(of primary: ClaimRecord, left: Money) -> PriorAdjudication {
        let postings = primary.postings
        let postedLines = postings.flatMap(\.lines)
        let claimLines = primary.created.lines
        let byLine = claimLines.allSatisfy { line in postedLines.contains { $0.charge == line.charge } }
            && postedLines.allSatisfy { $0.charge != nil }
        var lines: [PriorLineAdjudication] = []
        var claimLevel = postings.flatMap(\.adjustments)
        if byLine {
            for line in claimLines {
                let mine = postedLines.filter { $0.charge == line.charge }
                let paid = Money.sum(mine.map(\.paid))
                lines.append(PriorLineAdjudication(charge: line.charge, procedure: mine.last?.procedure ?? line.procedure.code,
                                                   paid: paid, adjustments: net(mine.flatMap(\.adjustments))))
            }
        } else {
            claimLevel += postedLines.flatMap(\.adjustments)
        }
        return PriorAdjudication(claim: primary.id, payer: primary.created.payer, coverage: primary.created.coverage,
                                 payerClaimControlNumber: primary.payerClaimNumber, paid: primary.netPaid, patientResponsibility: left,
                                 adjustments: net(claimLevel), lines: lines, adjudicatedOn: postings.last?.paymentDate ?? primary.created.createdOn)
    }

    /// Sums by group and reason in first-seen order, dropping what nets to zero.
    static func net(_ adjustments: [PostedAdjustment]) -> [PostedAdjustment] {
        var order: [String] = []
        var sums: [String: PostedAdjustment] = [:]
        for a in adjustments {
            let key = "\(a.group)-\(a.reason)"
            if let s = sums[key] {
                sums[key] = PostedAdjustment(group: a.group, reason: a.reason, amount: s.amount + a.amount)
            } else {
                order.append(key)
                sums[key] = a
            }
        }
        return order.compactMap { sums[$0] }.filter { $0.amount != .zero }
    }
}
