import EventLog
import Foundation
import Projections
import RevenueCycle

/// The reporting measurements on the bench's main store, once its read models
/// are built: what `practica report ar-aging` and `report days-in-ar` cost after
/// the catch-up, i.e. reading the A/R model and computing the report.
struct ReportBenchmarks {
    let path: String

    /// Milliseconds for the aging as of the last date of service, with its ledger reconciliation.
    func agingMilliseconds() throws -> (ms: Double, openItems: Int, total: Money) {
        let runner = try openRunner()
        let start = Clock.now()
        let (report, ledger) = try runner.read(ARAgingProjection.projectionName) { table in
            let model = ARReadModel(table)
            let daily = try model.dailyTotals()
            let asOf = daily.last?.date ?? LocalDate(daysSinceEpoch: 0)
            return (ARAgingReport.compute(try model.items(), asOf: asOf, by: .payer, merges: try model.merges()),
                    try model.ledgerTotals(asOf: asOf))
        }
        let ms = (Clock.now() - start) * 1000
        guard report.total == ledger.openBalance else { throw BenchError("aging \(report.total) does not reconcile to the ledger \(ledger.openBalance)") }
        return (ms, report.rows.count, report.total)
    }

    /// Milliseconds for days in A/R at 24 month ends, in one sweep over the dated postings.
    func daysInARMilliseconds() throws -> Double {
        let runner = try openRunner()
        let start = Clock.now()
        let points = try runner.read(ARAgingProjection.projectionName) { table -> [DaysInARPoint] in
            let daily = try ARReadModel(table).dailyTotals()
            return DaysInARHistory.compute(daily, monthEnds: Self.last24MonthEnds(daily), variant: .gross)
        }
        let ms = (Clock.now() - start) * 1000
        guard points.count == 24 else { throw BenchError("days in A/R gave \(points.count) months, not 24") }
        return ms
    }

    /// Milliseconds for the month-end close over 24 months, from the same dated postings.
    func activityMilliseconds() throws -> Double {
        let runner = try openRunner()
        let start = Clock.now()
        let months = try runner.read(ARAgingProjection.projectionName) { table -> [ARActivityMonth] in
            let daily = try ARReadModel(table).dailyTotals()
            return ARActivity.compute(daily, monthEnds: Self.last24MonthEnds(daily))
        }
        let ms = (Clock.now() - start) * 1000
        guard months.count == 24, months.allSatisfy({ $0.closing == $0.rolledForward }) else {
            throw BenchError("the month-end close gave \(months.count) months or did not roll forward")
        }
        return ms
    }

    /// Milliseconds to fold the whole log into the practice state: what a
    /// front-desk command (book, check in, post a payment) pays before it decides.
    func stateFoldMilliseconds() throws -> (ms: Double, claims: Int) {
        let store = try EventStore.open(at: path)
        let start = Clock.now()
        var state = PracticeState()
        // As the CLI's session does on a long log: decoding runs a chunk ahead on another thread.
        let types = Set(EventRegistry.allTypes.map { $0.typeName })
        try LogReadAhead.forEach(store, from: 1, through: try store.lastPosition(), types: types) { _, payload in state.apply(payload) }
        let ms = (Clock.now() - start) * 1000
        guard !state.claims.isEmpty else { throw BenchError("the fold saw no claims") }
        return (ms, state.claims.count)
    }

    /// The 24 month ends through the month of the last dated posting.
    static func last24MonthEnds(_ daily: [(date: LocalDate, totals: LedgerAccount)]) -> [LocalDate] {
        let last = daily.last?.date ?? LocalDate(daysSinceEpoch: 0)
        return DaysInARHistory.monthEnds(from: MonthKey(value: MonthKey(last).value - 23).first, to: last)
    }

    private func openRunner() throws -> ProjectionRunner {
        let store = try EventStore.open(at: path)
        let runner = try ReadModels.runner(store)
        try runner.catchUp()
        return runner
    }
}
