import BinaryCodec
import X12

/// One matched claim payment turned into its posting and denials.
///
/// The split that moves money is decided here, once, and written into the
/// event: PR adjustments go to the patient; on a line (or a claim without
/// lines) paid nothing, each non-PR adjustment with a denial reason opens a
/// denial and stays open; CARC 23 on a secondary claim is the prior payer's
/// share; everything else is written off.
struct ClaimPaymentBuilder {
    /// CLP02.
    let status: String
    let charge: Money
    let paid: Money
    let payerClaimControlNumber: String?
    let claimAdjustments: [PostedAdjustment]
    /// With our charges already matched.
    let lines: [PostedLine]
    let remarks: [String]
    let record: ClaimRecord
    let remittance: RemittanceID
    let date: LocalDate
    let state: PracticeState

    /// CARCs that reduce a payment without denying anything: contractual (45, A2),
    /// sequestration (253), the prior payer's share (23), over charges (94), capitation (24),
    /// multiple-procedure (59) and maximum-allowable (42) reductions.
    static let nonDenialReasons: Set<String> = ["45", "A2", "253", "23", "94", "24", "59", "42"]

    func events(denialIDs: inout IDSequence<DenialID>) -> [any EventPayload] {
        let all = claimAdjustments + lines.flatMap(\.adjustments)
        let isReversal = status == ClaimStatus835.reversal.rawValue

        var denials: [DenialOpened] = []
        if !isReversal {
            for (i, line) in lines.enumerated() where line.paid == .zero && line.billed > .zero {
                for a in line.adjustments where Self.isDenial(a) {
                    denials.append(denial(denialIDs.next(), a, line: i + 1, charge: line.charge, rarcs: line.remarks + remarks))
                }
            }
            if paid == .zero && charge > .zero {
                for a in claimAdjustments where Self.isDenial(a) {
                    denials.append(denial(denialIDs.next(), a, line: nil, charge: nil, rarcs: remarks))
                }
            }
        }
        // A reversal negates what it reverses: its denials' amounts come back negative too.
        let deniedOnLines = isReversal ? reversedDenials() : Money.sum(denials.map(\.amount))
        let prior = record.created.isSecondary
            ? Money.sum(all.filter { $0.group != .patient && $0.reason == "23" }.map(\.amount)) : .zero
        let posting = ClaimPaymentPosted(
            claim: record.id, remittance: remittance, status: status, charge: charge, paid: paid,
            patientResponsibility: Money.sum(all.filter { $0.group == .patient }.map(\.amount)),
            denied: deniedOnLines, priorPayerImpact: prior, payerClaimControlNumber: payerClaimControlNumber,
            adjustments: claimAdjustments, lines: lines, remarks: remarks, paymentDate: date)
        var out: [any EventPayload] = [posting]
        if isReversal {
            // The adjudication those denials were about is withdrawn.
            for open in state.receivables.openDenials(of: record.id) {
                out.append(DenialResolved(denial: open.id, note: "the payer reversed its adjudication in \(remittance)", resolvedOn: date))
            }
        }
        return out + denials
    }

    static func isDenial(_ a: PostedAdjustment) -> Bool {
        a.group != .patient && a.amount > .zero && !nonDenialReasons.contains(a.reason)
    }

    /// The denied amounts a reversal takes back: the same rule applied to the negated lines.
    func reversedDenials() -> Money {
        var total = Money.zero
        for line in lines where line.paid == .zero && line.billed < .zero {
            total += Money.sum(line.adjustments.filter { $0.group != .patient && $0.amount < .zero && !Self.nonDenialReasons.contains($0.reason) }.map(\.amount))
        }
        if paid == .zero && charge < .zero {
            total += Money.sum(claimAdjustments.filter { $0.group != .patient && $0.amount < .zero && !Self.nonDenialReasons.contains($0.reason) }.map(\.amount))
        }
        return total
    }

    func denial(_ id: DenialID, _ a: PostedAdjustment, line: Int?, charge: ChargeID?, rarcs: [String]) -> DenialOpened {
        let carc = "\(a.group)-\(a.reason): " + (ClaimAdjustmentReasonCodes.text(for: a.reason) ?? "reason code \(a.reason)")
        let remarks = rarcs.map { "\($0): " + (RemittanceRemarkCodes.text(for: $0) ?? "remark code \($0)") }
        return DenialOpened(denial: id, claim: record.id, remittance: remittance, line: line, charge: charge, group: a.group,
                            carc: a.reason, rarcs: rarcs, amount: a.amount, text: ([carc] + remarks).joined(separator: " "),
                            openedOn: date)
    }
}
