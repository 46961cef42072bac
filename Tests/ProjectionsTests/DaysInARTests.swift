import Foundation
@testable import Projections
import RevenueCycle
import XCTest

final class DaysInARTests: XCTestCase {
    func testOneSweepEqualsRecomputingEachMonthFromTheRawEvents() throws {
        let world = try ReportWorld()
        try world.appendSynthetic(8_000, seed: 3)
        let ends = DaysInARHistory.monthEnds(from: Make.date("2025-11-10"), to: Make.date("2026-06-02"))
        XCTAssertEqual(ends.first, Make.date("2025-11-30"))
        XCTAssertEqual(ends.last, Make.date("2026-06-30"))
        let daily = try world.runner.read(ARAgingProjection.projectionName) { try ARReadModel($0).dailyTotals() }
        for variant in DaysInARVariant.allCases {
            let swept = DaysInARHistory.compute(daily, monthEnds: ends, variant: variant)
            // Per month: fold the whole log again with the ledger and cut its journal at the month end.
            for (index, end) in ends.enumerated() {
                let ledger = Ledger(world.payloads)
                let upTo = ledger.entries.filter { $0.date <= end }
                let receivables = upTo.reduce(Money.zero) { $0 + $1.delta.openBalance }
                let window = upTo.filter { $0.date > end.adding(days: -90) }
                let revenue = window.reduce(Money.zero) { $0 + $1.delta.charges - (variant == .net ? $1.delta.adjustments : .zero) }
                XCTAssertEqual(swept[index].receivables, receivables, "\(variant) A/R at \(end)")
                XCTAssertEqual(swept[index].revenue90, revenue, "\(variant) revenue at \(end)")
                if revenue == .zero { XCTAssertNil(swept[index].tenthsOfDays) }
                if revenue > .zero, receivables >= .zero {
                    let expected = (receivables.cents * 900 * 2 + revenue.cents) / (revenue.cents * 2)
                    XCTAssertEqual(swept[index].tenthsOfDays, expected, "\(variant) days at \(end)")
                }
            }
        }
    }

    func testDaysInARFromKnownNumbers() {
        // 9,000.00 charged over 90 days (100.00 a day), 4,000.00 still open: 40.0 days.
        let start = Make.date("2026-01-01")
        var postings: [(date: LocalDate, totals: LedgerAccount)] = []
        for day in 0..<90 {
            let open = day < 40 ? Money(cents: 10_000) : .zero
            postings.append((start.adding(days: day), LedgerAccount(charges: Money(cents: 10_000), payerPayments: Money(cents: 10_000) - open, insuranceBalance: open)))
        }
        let point = DaysInARHistory.compute(postings, monthEnds: [start.adding(days: 89)], variant: .gross)
        XCTAssertEqual(point.first?.tenthsOfDays, 400)
        XCTAssertEqual(DaysInARHistory.compute([], monthEnds: [start], variant: .gross).first?.tenthsOfDays, nil)
    }

    func testRatiosRoundHalfAwayFromZeroWithoutFloatingPoint() {
        XCTAssertEqual(Ratio(1, 3).basisPoints, 3_333)
        XCTAssertEqual(Ratio(2, 3).basisPoints, 6_667)
        XCTAssertEqual(Ratio(-2, 3).basisPoints, -6_667)
        XCTAssertEqual(Ratio(1, 0).basisPoints, nil)
        XCTAssertEqual(Ratio(Money(cents: 8_000), Money(cents: 28_000)).basisPoints, 2_857)
    }
}
