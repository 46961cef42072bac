import BinaryCodec
import X12

/// Applying what came back for sent claims: 999s (was the file readable?) and
/// 277CAs (did the payer take each claim in?).
///
/// A file is applied whole or not at all: one control number or claim id we
/// never sent refuses the file, naming every unknown one, because it means the
/// file belongs to another practice or another system.
public enum AcknowledgmentDecisions {
    /// One `ClaimAcknowledged` per claim in each acknowledged transaction set.
    /// A group acknowledged without set detail applies its verdict to all its sets.
    /// Claims already past `submitted`, or since resubmitted, are skipped so a
    /// file read twice changes nothing.
    /// - throws: `Rejection` on field "file" naming unknown group or set control
    ///   numbers, a group that is not claims (AK101 ≠ HC), or a file already applied.
    public static func apply999(_ acks: [Acknowledgment999], receivedOn: LocalDate,
                                state: PracticeState) throws(Rejection) -> [ClaimAcknowledged] {
        var unknown: [String] = []
        var events: [ClaimAcknowledged] = []
        var matched = 0
        var passed: [ClaimRecord] = []
        for ack in acks {
            for group in ack.groups {
                guard group.functionalIdentifier == "HC" else {
                    throw .refused("file", "999 \(ack.controlNumber) acknowledges a \(group.functionalIdentifier) group, not claims (HC)")
                }
                let groupNumber = Int(group.groupControlNumber)
                // (set control number or nil for the whole group, its label, verdict, reasons)
                let verdicts: [(set: Int?, label: String, accepted: Bool, reasons: [String])] = group.transactionSets.isEmpty
                    ? [(nil, "segment \(group.segmentNumber) (AK1): group \(group.groupControlNumber) was never sent",
                        group.status.isAccepted, group.errors)]
                    : group.transactionSets.map { s in
                        (Int(s.controlNumber) ?? -1,
                         "segment \(s.segmentNumber) (AK2): group \(group.groupControlNumber) set \(s.controlNumber) was never sent",
                         s.status.isAccepted, s.setErrors + s.segmentErrors)
                    }
                for verdict in verdicts {
                    func carried(_ s: ClaimSubmission?) -> Bool {
                        guard let s else { return false }
                        return s.groupControlNumber == groupNumber && (verdict.set == nil || s.transactionSetControlNumber == verdict.set)
                    }
                    let claims = state.claims.values.filter { $0.submissions.contains(where: carried) }.sorted { $0.id < $1.id }
                    guard !claims.isEmpty else {
                        unknown.append(verdict.label)
                        continue
                    }
                    matched += claims.count
                    // A claim sent again since is answered by that file's 999, not this one.
                    for claim in claims {
                        guard claim.status == .submitted && carried(claim.lastSubmission) else {
                            passed.append(claim)
                            continue
                        }
                        events.append(ClaimAcknowledged(claim: claim.id, accepted: verdict.accepted, reasons: verdict.reasons,
                                                        receivedOn: receivedOn))
                    }
                }
            }
        }
        guard unknown.isEmpty else {
            throw .refused("file", "the 999 answers control numbers never sent: " + unknown.joined(separator: "; "),
                           hint: "check the file is for this practice; nothing was applied")
        }
        guard !events.isEmpty else {
            guard matched > 0 else { throw .refused("file", "the 999 acknowledges no transaction set") }
            let states = passed.prefix(5).map { "\($0.id) \($0.status)" }.joined(separator: ", ") + (passed.count > 5 ? ", …" : "")
            if passed.contains(where: \.wasAcknowledged) {
                throw .refused("file", "the 999 was already applied: its \(matched) claims are past submitted (\(states))",
                               hint: "nothing to do; each 999 is applied once")
            }
            throw .refused("file", "its \(matched) claims were answered by the payer before any 999 came (\(states)); a late 999 changes nothing",
                           hint: "nothing to do; keep the file with the claims' 837")
        }
        return events
    }

    /// `ClaimAcceptedByPayer` or `ClaimRejectedByPayer` per claim the 277CA
    /// decides; undetermined statuses (pending) record nothing. Claims already
    /// answered, replaced or voided are skipped so a file read twice changes nothing.
    /// - throws: `Rejection` on field "file" naming every patient control number
    ///   that is not one of our claims, a claim that was never sent, or a file already applied.
    public static func apply277(_ acks: [ClaimAcknowledgment277], receivedOn: LocalDate,
                                state: PracticeState) throws(Rejection) -> [any EventPayload] {
        var unknown: [String] = []
        var unsent: [String] = []
        var events: [any EventPayload] = []
        for status in acks.flatMap(\.claims) {
            guard let id = try? ClaimID.parse(status.patientControlNumber), let claim = state.claims[id] else {
                unknown.append("segment \(status.segmentNumber) (HL): \(status.patientControlNumber)")
                continue
            }
            switch claim.status {
            case .draft, .clean, .held:
                unsent.append("segment \(status.segmentNumber) (HL): \(id)")
                continue
            case .submitted, .acknowledged, .acknowledgmentRejected:
                break
            default:
                continue
            }
            let statuses = status.statuses.map {
                PayerClaimStatus(category: $0.category, code: $0.code, entity: $0.entity, text: $0.explanation)
            }
            switch status.acceptance {
            case .accepted:
                events.append(ClaimAcceptedByPayer(claim: id, statuses: statuses, payerClaimNumber: status.payerClaimControlNumber,
                                                   receivedOn: receivedOn))
            case .rejected:
                events.append(ClaimRejectedByPayer(claim: id, statuses: statuses, receivedOn: receivedOn))
            case .undetermined:
                continue
            }
        }
        guard unknown.isEmpty else {
            throw .refused("file", "the 277CA names claims that do not exist: " + unknown.joined(separator: "; "),
                           hint: "check the file is for this practice; nothing was applied")
        }
        guard unsent.isEmpty else {
            throw .refused("file", "the 277CA answers claims never sent: " + unsent.joined(separator: "; "))
        }
        guard !events.isEmpty else { throw .refused("file", "the 277CA changes nothing: its claims are pending or already answered") }
        return events
    }
}
