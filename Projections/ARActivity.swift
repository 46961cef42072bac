import RevenueCycle

/// One month of the A/R roll-forward: what was open when it began, what the
/// month's postings did, and what was open when it ended.
public struct ARActivityMonth: Sendable, Equatable {
    /// The month's last day.
    public let monthEnd: LocalDate
    /// Open A/R (insurance + patient) at the end of the day before the month began.
    public let opening: Money
    /// The month's postings summed by effective date: charges, payer payments,
    /// adjustments, patient payments and the change in each balance.
    public let activity: LedgerAccount

    /// Open A/R at the end of the month.
    public var closing: Money { opening + activity.openBalance }

    /// Opening + charges − payer payments − adjustments − patient payments:
    /// what closing must be if every posting of the month balanced.
    public var rolledForward: Money {
        opening + activity.charges - activity.payerPayments - activity.adjustments - activity.patientPayments
    }

    /// "2026-03".
    public var monthText: String { String(monthEnd.description.prefix(7)) }
}

/// The month-end close: for each month, opening A/R + charges − payments −
/// adjustments = closing A/R, from the ledger's postings by effective date
/// (date of service for charges, payment date for payments), in one sweep.
///
/// ```swift
/// let months = ARActivity.compute(try ARReadModel(table).dailyTotals(),
///                                 monthEnds: DaysInARHistory.monthEnds(from: from, to: to))
/// ```
public enum ARActivity {
    /// - parameter postings: dated ledger deltas in date order (`ARReadModel.dailyTotals()`).
    /// - parameter monthEnds: month ends in order, as `DaysInARHistory.monthEnds` gives them.
    public static func compute(_ postings: [(date: LocalDate, totals: LedgerAccount)], monthEnds: [LocalDate]) -> [ARActivityMonth] {
        var out: [ARActivityMonth] = []
        var open = Money.zero
        var next = 0
        for end in monthEnds.sorted() {
            let start = end.adding(days: 1 - end.day)
            // Postings dated before the month (before the first one, or in a gap between months) are opening A/R.
            while next < postings.count, postings[next].date < start {
                open += postings[next].totals.openBalance
                next += 1
            }
            var month = LedgerAccount()
            while next < postings.count, postings[next].date <= end {
                month += postings[next].totals
                next += 1
            }
            out.append(ARActivityMonth(monthEnd: end, opening: open, activity: month))
            open += month.openBalance
        }
        return out
    }
}
