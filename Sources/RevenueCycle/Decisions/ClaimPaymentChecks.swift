import BinaryCodec
import X12

/// What a careful biller looks at before a payer's claim payment lands on a claim.
///
/// - A negative payment that is not a reversal (CLP02 22) is not applied: the
///   payer is taking money back without saying which adjudication it undoes, so it
///   goes to suspense with the reason, for a person to post or settle.
/// - A payment that takes the claim's insurance balance below zero (paid more than
///   was open, or a second full adjudication) is posted, since the money arrived,
///   and flagged into the overpayments queue with the reason. Never silently.
public enum ClaimPaymentChecks {
    /// Why the claim payment is sent to suspense instead of posted, or nil.
    /// - parameter paidBefore: what payers have paid on the claim so far (its payer payments).
    public static func suspenseReason(status: String, paid: Money, claim: ClaimID, paidBefore: Money) -> String? {
        guard paid.isNegative else { return nil }
        guard status == ClaimStatus835.reversal.rawValue else {
            return "negative payment \(paid) for \(claim) with CLP02 \(status), not a reversal (22): not applied;"
                + " post it to the claim once the payer's recoupment is understood"
        }
        guard -paid > paidBefore else { return nil }
        return "reversal takes back \(-paid) on \(claim) but only \(paidBefore) was paid on it: not applied;"
            + " find the payment it reverses before posting it"
    }

    /// What a posting takes off the claim's insurance balance: everything the payer
    /// adjudicated except what it denied (still open) and the prior payer's share.
    public static func insuranceMovement(_ p: ClaimPaymentPosted) -> Money {
        p.paid + p.writeOff + p.patientResponsibility
    }

    /// The overpayment flag for `posting` when it leaves the claim's insurance balance
    /// (`openBefore` before it) below zero; nil otherwise.
    public static func overpayment(_ posting: ClaimPaymentPosted, openBefore: Money) -> ClaimOverpaymentFlagged? {
        let openAfter = openBefore - insuranceMovement(posting)
        guard openAfter.isNegative else { return nil }
        let reason: String
        if posting.paid > openBefore {
            reason = "payer paid \(posting.paid) on \(posting.claim) with \(openBefore) open with insurance: "
                + "\(-openAfter) more than the claim's insurance balance"
        } else {
            reason = "the posting on \(posting.claim) (status \(posting.status), paid \(posting.paid)) takes \(insuranceMovement(posting))"
                + " off an insurance balance of \(openBefore): \(-openAfter) more than was open"
        }
        return ClaimOverpaymentFlagged(claim: posting.claim, remittance: posting.remittance, paid: posting.paid,
                                       openBefore: openBefore, openAfter: openAfter, reason: reason, flaggedOn: posting.paymentDate)
    }

    /// Appends an overpayment flag after each posting in `events` that needs one, tracking
    /// each claim's insurance balance through the batch from `open` (the ledger's, before it).
    public static func flagOverpayments(_ events: [any EventPayload], open: inout [ClaimID: Money],
                                        ledger: Ledger) -> [any EventPayload] {
        var out: [any EventPayload] = []
        for event in events {
            out.append(event)
            guard let posting = event as? ClaimPaymentPosted else { continue }
            let before = open[posting.claim] ?? ledger.claims[posting.claim]?.insuranceBalance ?? .zero
            open[posting.claim] = before - insuranceMovement(posting)
            if let flag = overpayment(posting, openBefore: before) { out.append(flag) }
        }
        return out
    }
}
