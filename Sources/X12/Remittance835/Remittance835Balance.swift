/// The balancing rules of the 835 guide, checked before a remittance is used.
///
/// Posting an unbalanced remittance would put money on the wrong account or
/// nowhere, so any difference rejects the whole transaction set, naming the
/// segment and the difference in dollars.
enum Remittance835Balance {
    static func check(_ r: Remittance835, bpr: X12Segment?) throws(X12Error) {
        for claim in r.claims {
            let label = "CLP \(claim.patientControlNumber)"
            for line in claim.lines {
                try balance(charge: line.chargeCents, paid: line.paidCents, adjustments: line.totalAdjustmentCents,
                            segment: line.segmentNumber, label: "SVC \(line.procedure) in \(label)")
            }
            try balance(charge: claim.chargeCents, paid: claim.paidCents, adjustments: claim.totalAdjustmentCents,
                        segment: claim.segmentNumber, label: label)
        }
        let expected = r.totalClaimPaidCents - r.totalProviderAdjustmentCents
        guard expected == r.payment.amountCents else {
            throw X12Error(.unbalanced, segment: bpr?.number, label: "BPR",
                           "BPR02 says \(d(r.payment.amountCents)) but claims paid \(d(r.totalClaimPaidCents)) − provider adjustments \(d(r.totalProviderAdjustmentCents)) = \(d(expected)), off by \(d(r.payment.amountCents - expected))")
        }
    }

    static func balance(charge: Int64, paid: Int64, adjustments: Int64, segment: Int, label: String) throws(X12Error) {
        let difference = charge - paid
        guard difference == adjustments else {
            throw X12Error(.unbalanced, segment: segment, label: label,
                           "charge \(d(charge)) − paid \(d(paid)) = \(d(difference)) but adjustments total \(d(adjustments)), off by \(d(difference - adjustments))")
        }
    }

    static func d(_ cents: Int64) -> String { X12Amount.dollars(cents) }
}
