import Foundation

/// Readers of element layouts shared by several transaction sets (CAS, NM1, procedure composites).
extension X12Segment {
    /// CAS: a group code then up to six (reason, amount, quantity) triplets.
    /// - throws: `X12Error` for an unknown group code or an unusable amount — adjustments are money.
    func claimAdjustments(label: String? = nil) throws(X12Error) -> [ClaimAdjustment] {
        guard let group = AdjustmentGroup(rawValue: self[1].trimmingSpaces) else {
            throw X12Error(.invalidValue, at: self, label: label, "CAS01 '\(self[1])' is not an adjustment group code (CO, PR, OA, PI, CR)")
        }
        var result: [ClaimAdjustment] = []
        for start in stride(from: 2, through: 17, by: 3) {
            guard let reason = value(start) else {
                if value(start + 1) != nil {
                    throw X12Error(.invalidValue, at: self, label: label, "CAS\(X12Tokenizer.twoDigits(start + 1)) has an amount without a reason code")
                }
                continue
            }
            guard let amount = try self.amount(start + 1, label: label) else {
                throw X12Error(.invalidAmount, at: self, label: label, "reason \(reason) in CAS\(X12Tokenizer.twoDigits(start)) has no amount")
            }
            result.append(ClaimAdjustment(group: group, reasonCode: reason, amountCents: amount, quantity: try quantity(start + 2)))
        }
        if result.isEmpty {
            throw X12Error(.invalidValue, at: self, label: label, "CAS has no reason code")
        }
        return result
    }

    /// A procedure composite such as "HC:99213:25" (SVC01, SVD03, SVC06).
    func procedure(_ position: Int) -> ProcedureCode? {
        let parts = components(position)
        guard parts.count >= 2 else { return nil }
        let modifiers = parts.dropFirst(2).prefix(4).filter { !$0.isEmpty }
        return ProcedureCode(qualifier: parts[0], code: parts[1], modifiers: Array(modifiers))
    }

    /// NM103…NM107 as a name.
    var personOrOrganizationName: X12Name? {
        guard let last = value(3) else { return nil }
        if self[2] == "2" { return .organization(last) }
        return .person(last: last, first: self[4], middle: value(5), suffix: value(7))
    }
}
