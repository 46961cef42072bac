/// One claim payment as a payer answers it: what `DemoAdjudicator` decides and
/// `DemoRemittanceFile` writes as CLP/CAS/SVC. Amounts are cents.
struct DemoRemittanceClaim {
    struct Adjustment {
        let group: String
        let reason: String
        let cents: Int64
    }

    struct Line {
        let code: String
        let modifiers: [String]
        let charge: Int64
        var paid: Int64
        let units: Int
        var adjustments: [Adjustment]
        let control: String
        var allowed: Int64

        var patientCents: Int64 { adjustments.filter { $0.group == "PR" }.reduce(0) { $0 + $1.cents } }
        var isDenied: Bool { paid == 0 && adjustments.contains { $0.group == "CO" && $0.reason != "45" } }
    }

    let claim: String
    /// CLP02: 1 primary, 2 secondary, 4 denied, 22 reversal.
    var status: String
    let payerClaimNumber: String
    let patientLast: String
    let patientFirst: String
    let memberID: String
    /// CCYYMMDD.
    let serviceDate: String
    var lines: [Line]
    /// Claim-level CAS (a secondary payer's answer carries no lines).
    var claimAdjustments: [Adjustment]
    /// Only for claims without lines.
    var claimCharge: Int64
    var claimPaid: Int64

    var charge: Int64 { lines.isEmpty ? claimCharge : lines.reduce(0) { $0 + $1.charge } }
    var paid: Int64 { lines.isEmpty ? claimPaid : lines.reduce(0) { $0 + $1.paid } }
    var patientCents: Int64 {
        lines.reduce(0) { $0 + $1.patientCents } + claimAdjustments.filter { $0.group == "PR" }.reduce(0) { $0 + $1.cents }
    }

    /// The payer taking its answer back (CLP02 22): every amount negated.
    var reversal: DemoRemittanceClaim {
        var r = self
        r.status = "22"
        r.lines = lines.map { l in
            var n = l
            n.paid = -l.paid
            n.allowed = -l.allowed
            n.adjustments = l.adjustments.map { Adjustment(group: $0.group, reason: $0.reason, cents: -$0.cents) }
            return Line(code: n.code, modifiers: n.modifiers, charge: -l.charge, paid: n.paid, units: n.units,
                        adjustments: n.adjustments, control: n.control, allowed: n.allowed)
        }
        r.claimAdjustments = claimAdjustments.map { Adjustment(group: $0.group, reason: $0.reason, cents: -$0.cents) }
        r.claimCharge = -claimCharge
        r.claimPaid = -claimPaid
        return r
    }
}

