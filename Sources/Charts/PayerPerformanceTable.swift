/// The dashboard's payer performance panel: one row per payer with claims,
/// amounts, denial rate and days to pay, bars on the columns worth comparing.
///
/// It is a table rather than a chart because each payer has several
/// measures in different units; the inline bars give the chart-like reading.
///
/// ```swift
/// let payers = PayerPerformanceTable(rows: [
///     .init(payer: "Aetna", claims: 412, billedCents: 8_450_000, paidCents: 5_120_000, denied: 31, daysToPayTenths: 182),
/// ])
/// let html = payers.table().html()
/// ```
public struct PayerPerformanceTable: Sendable {
    public struct Row: Sendable, Hashable {
        public var payer: String
        public var claims: Int64
        public var billedCents: Int64
        public var paidCents: Int64
        public var denied: Int64
        /// Average days from submission to payment, in tenths; `nil` when nothing was paid yet.
        public var daysToPayTenths: Int64?

        public init(payer: String, claims: Int64, billedCents: Int64, paidCents: Int64, denied: Int64, daysToPayTenths: Int64?) {
            self.payer = payer
            self.claims = claims
            self.billedCents = billedCents
            self.paidCents = paidCents
            self.denied = denied
            self.daysToPayTenths = daysToPayTenths
        }
    }

    public var caption: String
    public var rows: [Row]

    public init(caption: String = "Payer performance", rows: [Row]) {
        self.caption = caption
        self.rows = rows
    }

    /// Columns: payer, claims, billed, paid (bar), denial rate, days to pay (bar).
    public func table() -> DataTable {
        let maxPaid = rows.map(\.paidCents).max() ?? 0
        let maxDays = rows.compactMap(\.daysToPayTenths).max() ?? 0
        return DataTable(
            caption: caption,
            columns: [.init("Payer", alignment: .leading), .init("Claims"), .init("Billed"), .init("Paid"),
                      .init("Denial rate"), .init("Days to pay")],
            rows: rows.map { row in
                [.text(row.payer), .value(row.claims, .count), .value(row.billedCents, .cents),
                 .bar(row.paidCents, .cents, maximum: maxPaid),
                 .rate(numerator: row.denied, denominator: row.claims),
                 row.daysToPayTenths.map { .bar($0, .tenthsOfDays, maximum: maxDays) } ?? .missing]
            })
    }
}
