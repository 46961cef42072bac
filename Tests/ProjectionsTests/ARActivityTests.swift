import Foundation
@testable import Projections
import RevenueCycle
import XCTest

final class ARActivityTests: XCTestCase {
    private func money(_ cents: Int64) -> Money { Money(cents: cents) }

    func testMonthsRollForwardFromKnownPostings() {
        let postings: [(date: LocalDate, totals: LedgerAccount)] = [
            // Before the first month: opening A/R of 100.00.
            (Make.date("2026-01-20"), LedgerAccount(charges: money(10_000), insuranceBalance: money(10_000))),
            // February: 300.00 charged; the January claim paid 60.00 with 40.00 written off.
            (Make.date("2026-02-01"), LedgerAccount(charges: money(30_000), insuranceBalance: money(30_000))),
            (Make.date("2026-02-28"), LedgerAccount(payerPayments: money(6_000), adjustments: money(4_000), insuranceBalance: money(-10_000))),
            // March: nothing. April (outside the months asked): a patient payment of 25.00 after the last month.
            (Make.date("2026-04-01"), LedgerAccount(charges: money(2_500), patientPayments: money(2_500))),
        ]
        let months = ARActivity.compute(postings, monthEnds: DaysInARHistory.monthEnds(from: Make.date("2026-02-14"), to: Make.date("2026-03-01")))
        XCTAssertEqual(months.map(\.monthText), ["2026-02", "2026-03"])
        XCTAssertEqual(months[0].opening, money(10_000))
        XCTAssertEqual(months[0].activity.charges, money(30_000))
        XCTAssertEqual(months[0].activity.payerPayments, money(6_000))
        XCTAssertEqual(months[0].activity.adjustments, money(4_000))
        XCTAssertEqual(months[0].closing, money(30_000))
        XCTAssertEqual(months[0].rolledForward, months[0].closing)
        XCTAssertEqual(months[1].opening, money(30_000))
        XCTAssertEqual(months[1].activity, LedgerAccount())
        XCTAssertEqual(months[1].closing, money(30_000))
    }

    func testAGapBetweenMonthsCountsTowardTheNextOpeningAndAnUnbalancedPostingShows() {
        let postings: [(date: LocalDate, totals: LedgerAccount)] = [
            (Make.date("2026-01-10"), LedgerAccount(charges: money(5_000), patientBalance: money(5_000))),
            (Make.date("2026-02-10"), LedgerAccount(charges: money(7_000), patientBalance: money(7_000))),
            // Charged 10.00 but only 9.00 landed in a balance: the roll-forward must say so.
            (Make.date("2026-03-10"), LedgerAccount(charges: money(1_000), patientBalance: money(900))),
        ]
        let months = ARActivity.compute(postings, monthEnds: [Make.date("2026-03-31"), Make.date("2026-01-31")])
        XCTAssertEqual(months.map(\.monthText), ["2026-01", "2026-03"], "month ends are taken in order")
        XCTAssertEqual(months[1].opening, money(12_000), "February, between the months asked, is in March's opening")
        XCTAssertEqual(months[1].closing, money(12_900))
        XCTAssertEqual(months[1].rolledForward, money(13_000))
    }

    /// Against the ledger folded from raw events and cut at each month's start and end.
    func testEachMonthEqualsTheLedgerCutAtItsEnds() throws {
        let world = try ReportWorld()
        try world.appendSynthetic(8_000, seed: 5)
        let ends = DaysInARHistory.monthEnds(from: Make.date("2025-11-01"), to: Make.date("2026-06-30"))
        let daily = try world.runner.read(ARAgingProjection.projectionName) { try ARReadModel($0).dailyTotals() }
        let months = ARActivity.compute(daily, monthEnds: ends)
        let entries = Ledger(world.payloads).entries
        var sawPayments = false
        for month in months {
            let start = month.monthEnd.adding(days: 1 - month.monthEnd.day)
            let before = entries.filter { $0.date < start }.reduce(Money.zero) { $0 + $1.delta.openBalance }
            let within = entries.filter { $0.date >= start && $0.date <= month.monthEnd }.reduce(LedgerAccount()) { $0 + $1.delta }
            XCTAssertEqual(month.opening, before, "opening of \(month.monthText)")
            XCTAssertEqual(month.activity, within, "activity of \(month.monthText)")
            XCTAssertEqual(month.closing, month.rolledForward, "\(month.monthText) rolls forward")
            sawPayments = sawPayments || month.activity.payerPayments > .zero
        }
        XCTAssertTrue(sawPayments, "the synthetic log pays claims in these months")
    }
}
