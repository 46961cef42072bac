import RevenueCycle

/// Which days-in-A/R formula (DESIGN.md): the practice variant divides A/R by
/// average daily gross charges; the HFMA-style variant by average daily net
/// revenue (charges less adjustments posted). A/R is the ledger's open balance
/// (insurance + patient) in both: no allowance for expected contractuals is estimated.
public enum DaysInARVariant: String, CaseIterable, Sendable {
    case gross, net
}

/// Days in A/R at one month end.
public struct DaysInARPoint: Sendable, Equatable {
    public let monthEnd: LocalDate
    /// Open A/R at the end of the day, by effective dates.
    public let receivables: Money
    /// Charges (or net revenue) dated in the 90 days ending at `monthEnd`.
    public let revenue90: Money
    /// A/R ÷ (revenue90 ÷ 90), in tenths of a day; nil when nothing was charged in the window.
    public var tenthsOfDays: Int64? { Ratio(receivables.cents * 90, revenue90.cents).scaled(by: 10) }
}

/// Days in A/R at every month end in a range, from dated ledger postings in ONE
/// sweep: the postings are walked once in date order, keeping a running A/R and a
/// trailing 90-day revenue window, and each month end reads them as it is passed.
/// No replay or rescan per month.
public enum DaysInARHistory {
    /// The last day of every month from `from`'s month through `to`'s month.
    public static func monthEnds(from: LocalDate, to: LocalDate) -> [LocalDate] {
        var out: [LocalDate] = []
        var year = from.year
        var month = from.month
        while (year, month) <= (to.year, to.month) {
            if let end = try? LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year)) { out.append(end) }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return out
    }

    /// - parameter postings: dated ledger deltas in date order (e.g. `ARReadModel.dailyTotals()`).
    public static func compute(_ postings: [(date: LocalDate, totals: LedgerAccount)], monthEnds: [LocalDate],
                               variant: DaysInARVariant) -> [DaysInARPoint] {
        var out: [DaysInARPoint] = []
        var receivables = Money.zero
        var window = Money.zero
        var head = 0   // postings[..<head] are on or before the current month end
        var tail = 0   // postings[..<tail] are before the current 90-day window
        func revenue(_ a: LedgerAccount) -> Money { variant == .gross ? a.charges : a.charges - a.adjustments }
        for end in monthEnds.sorted() {
            while head < postings.count, postings[head].date <= end {
                receivables += postings[head].totals.openBalance
                window += revenue(postings[head].totals)
                head += 1
            }
            let windowStart = end.adding(days: -89)
            while tail < head, postings[tail].date < windowStart {
                window -= revenue(postings[tail].totals)
                tail += 1
            }
            out.append(DaysInARPoint(monthEnd: end, receivables: receivables, revenue90: window))
        }
        return out
    }
}
