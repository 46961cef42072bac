import RevenueCycle

/// Which charges a collection rate divides by: dated by service or by entry.
public enum ChargeBasis: String, CaseIterable, Sendable { case service, entry }
/// Denial rate counted in claims or in dollars.
public enum DenialBasis: String, CaseIterable, Sendable { case claims, dollars }
/// Net collection rate over the chosen period, or the 12 months ending with it (HFMA's rolling variant).
public enum NetCollectionWindow: String, CaseIterable, Sendable { case period, rolling12 }

/// The KPI variants a report was asked for (DESIGN.md: name the variant, let the user choose).
public struct KPIVariants: Sendable, Equatable {
    public var charges: ChargeBasis = .service
    public var denials: DenialBasis = .claims
    public var netWindow: NetCollectionWindow = .rolling12

    public init(charges: ChargeBasis = .service, denials: DenialBasis = .claims, netWindow: NetCollectionWindow = .rolling12) {
        self.charges = charges
        self.denials = denials
        self.netWindow = netWindow
    }
}

/// One KPI figure with the numbers it is made of, so a reader can redo the division.
public struct KPIFigure: Sendable, Equatable {
    public enum Unit: String, Sendable { case percent, days }
    public let name: String
    /// The definition and variant, as the report prints it.
    public let definition: String
    public let unit: Unit
    public let numerator: Int64
    public let denominator: Int64
    public let target: String
    /// Whether numerator and denominator are money (cents), so reports print them as amounts.
    public var isMoney = false
    /// The payer a per-payer figure is about, so a report can name it.
    public var payer: PayerID?

    /// Basis points for percentages, tenths of a day for days; nil without a denominator.
    public var value: Int64? { Ratio(numerator, denominator).scaled(by: unit == .percent ? 10_000 : 10) }
}

/// The KPIs of one period from read-model sums: exact ratios of integers.
public enum KPISummary {
    /// - parameters:
    ///   - months: KPI months of the period; `rolling`: the 12 months ending with the period's last.
    ///   - aging: the aging as of the period's end, for A/R over 90 and 120 days.
    ///   - schedule: no-shows and scheduled appointments (booked − cancelled in advance) of the period.
    public static func figures(months: [KPIMonth], rolling: [KPIMonth], payers: [PayerID: PayerMonth], aging: ARAgingReport,
                               noShows: Int64, scheduled: Int64, variants: KPIVariants) -> [KPIFigure] {
        let p = months.reduce(KPIMonth(), +)
        let r = variants.netWindow == .rolling12 ? rolling.reduce(KPIMonth(), +) : p
        func charges(_ m: KPIMonth) -> Money { variants.charges == .service ? m.chargesByService : m.chargesByEntry }
        let chargeText = variants.charges == .service ? "charges by date of service" : "charges by entry date"
        let window = variants.netWindow == .rolling12 ? "rolling 12 months to the period's end" : "the period"
        var out = [
            KPIFigure(name: "gross collection rate", definition: "payments (payer + patient, net of refunds and PLB) ÷ gross \(chargeText)",
                      unit: .percent, numerator: p.payments.cents, denominator: charges(p).cents, target: "trend", isMoney: true),
            KPIFigure(name: "net collection rate", definition: "payments ÷ (\(chargeText) − contractual adjustments), over \(window)",
                      unit: .percent, numerator: r.payments.cents, denominator: (charges(r) - r.contractualAdjustments).cents,
                      target: "≥ 95%", isMoney: true),
            variants.denials == .claims
                ? KPIFigure(name: "denial rate", definition: "claims denied in full or in part ÷ claims remitted (claims variant)",
                            unit: .percent, numerator: p.claimsDenied, denominator: p.claimsAdjudicated, target: "< 5%")
                : KPIFigure(name: "denial rate", definition: "dollars denied ÷ dollars remitted (billed on claims first remitted; dollars variant)",
                            unit: .percent, numerator: p.deniedDollars.cents, denominator: p.adjudicatedDollars.cents, target: "< 5%", isMoney: true),
            KPIFigure(name: "clean-claim rate", definition: "claims first submitted with no scrubber finding, override or replacement ÷ claims first submitted",
                      unit: .percent, numerator: p.claimsClean, denominator: p.claimsSubmitted, target: "≥ 95%"),
            KPIFigure(name: "first-pass resolution rate", definition: "claims paid on first adjudication, never rejected, denied or resubmitted ÷ claims adjudicated",
                      unit: .percent, numerator: p.claimsFirstPass, denominator: p.claimsAdjudicated, target: "≥ 90%"),
            KPIFigure(name: "A/R over 90 days", definition: "billed A/R (claims + patient) older than 90 days from DOS ÷ billed A/R, as of \(aging.asOf)",
                      unit: .percent, numerator: (aging.billed.days91to120 + aging.billed.over120).cents, denominator: aging.billed.total.cents,
                      target: "12–15%", isMoney: true),
            KPIFigure(name: "A/R over 120 days", definition: "billed A/R older than 120 days from DOS ÷ billed A/R, as of \(aging.asOf)",
                      unit: .percent, numerator: aging.billed.over120.cents, denominator: aging.billed.total.cents, target: "—", isMoney: true),
            KPIFigure(name: "no-show rate", definition: "no-shows ÷ appointments scheduled (booked − cancelled in advance), by appointment month",
                      unit: .percent, numerator: noShows, denominator: scheduled, target: "5–7%"),
            KPIFigure(name: "charge lag", definition: "average (charge entry date − date of service) in days, by entry month",
                      unit: .days, numerator: p.chargeLagDays, denominator: p.chargeLines, target: "< 2 days"),
            KPIFigure(name: "patient collection rate", definition: "patient payments ÷ patient responsibility (PR on remittances + self-pay charges)",
                      unit: .percent, numerator: p.patientPayments.cents, denominator: p.patientResponsibility.cents, target: "trend", isMoney: true),
        ]
        for (payer, m) in payers.sorted(by: { $0.key < $1.key }) where m.claimsPaid > 0 {
            out.append(KPIFigure(name: "days to pay \(payer)", definition: "average (first payment date − first submission date), claims first paid in the period",
                                 unit: .days, numerator: m.daysToPaySum, denominator: m.claimsPaid, target: "—", payer: payer))
        }
        return out
    }
}
