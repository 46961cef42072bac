import Foundation
import X12

/// The prior payer's adjudication as the 837P carries it on a secondary claim.
extension Claim837Builder {
    /// Loops 2320 (SBR, CAS, AMT*D), 2330A (that policy's subscriber) and 2330B (that payer).
    func otherPayer(_ p: PriorAdjudication, claim: ClaimID) throws(Rejection) -> OtherPayer837 {
        func missing(_ what: String) -> Rejection { .refused("claim", "\(claim): \(what)", hint: "fix it, then scrub the claim again") }
        guard let coverage = state.coverages[p.coverage] else { throw missing("the primary's coverage \(p.coverage) is not on file") }
        guard let payer = state.directory.payers[p.payer] else { throw missing("the primary's payer \(p.payer) is not on file") }
        let patientID = state.resolvedPatient(coverage.patient)
        guard let patient = state.patients[patientID] else { throw missing("patient \(patientID) is not on file") }
        let insured = coverage.relationship == .self ? patient.name : (coverage.subscriber?.name ?? patient.name)
        return OtherPayer837(responsibility: .primary, relationshipCode: coverage.relationship.x12Code, groupNumber: coverage.groupNumber,
                             claimFilingIndicator: setup.claimFilingIndicator, subscriberName: X12Text.name(insured),
                             subscriberMemberID: coverage.memberID, payerName: X12Text.clean(payer.name.text),
                             payerID: payer.electronicPayerID, paidCents: p.paid.cents, claimAdjustments: p.adjustments.map(Self.cas),
                             adjudicationDate: try X12Text.date(p.adjudicatedOn))
    }

    /// Loop 2430 for one line, when the prior payer answered line by line.
    func lineAdjudications(_ p: PriorAdjudication?, _ payerID: String?, _ line: ClaimLine) throws(Rejection) -> [LineAdjudication837] {
        guard let p, let payerID, let answer = p.lines.first(where: { $0.charge == line.charge }) else { return [] }
        return [LineAdjudication837(otherPayerID: payerID, paidCents: answer.paid.cents,
                                    procedure: X12.ProcedureCode(code: answer.procedure, modifiers: line.modifiers.map(\.code)),
                                    paidUnits: Decimal(line.units), adjustments: answer.adjustments.map(Self.cas),
                                    adjudicationDate: try X12Text.date(p.adjudicatedOn))]
    }

    static func cas(_ a: PostedAdjustment) -> ClaimAdjustment {
        ClaimAdjustment(group: AdjustmentGroup(rawValue: a.group.rawValue) ?? .other, reasonCode: a.reason, amountCents: a.amount.cents)
    }
}
