/// What an `Int64` in a chart means, so the chart can print it exactly.
///
/// Charts never receive floating-point numbers: money arrives as cents and
/// percentages as basis points, and every label is produced by integer
/// arithmetic, so a dashboard shows the same cents as the ledger.
///
/// ```swift
/// ValueUnit.cents.format(123456)          // "$1,234.56"
/// ValueUnit.basisPoints.format(1234)      // "12.34%"
/// ValueUnit.fixed(places: 1, suffix: " days").format(425)   // "42.5 days"
/// ```
public enum ValueUnit: Sendable, Hashable {
    /// US cents, printed as dollars: `-123456` → "-$1,234.56".
    case cents
    /// A whole number of things (claims, visits, no-shows): `12345` → "12,345".
    case count
    /// Hundredths of a percent: `1234` → "12.34%". See `Percentage` to get
    /// basis points from a numerator and a denominator.
    case basisPoints
    /// A decimal held as an integer scaled by 10^places, with a suffix:
    /// days in A/R kept in tenths are `.fixed(places: 1, suffix: " days")`.
    case fixed(places: Int, suffix: String)

    /// Whole days, e.g. "38 days".
    public static let days = ValueUnit.fixed(places: 0, suffix: " days")
    /// Days kept in tenths, e.g. 425 → "42.5 days".
    public static let tenthsOfDays = ValueUnit.fixed(places: 1, suffix: " days")

    /// The full, exact text for `value`, as shown in tooltips, tables and tiles.
    public func format(_ value: Int64) -> String {
        switch self {
        case .cents:
            return NumberText.money(cents: value)
        case .count:
            return NumberText.grouped(value)
        case .basisPoints:
            return NumberText.decimal(value, places: 2) + "%"
        case let .fixed(places, suffix):
            return NumberText.decimal(value, places: places) + suffix
        }
    }

    /// A shorter label for an axis tick, exact for every multiple of `step`.
    ///
    /// Ticks sit on 1-2-5 steps, so they rarely need all the digits `format`
    /// prints: a $20,000 step reads better as "$20k" than "$20,000.00". The
    /// precision is chosen from the step, not from each value, so all ticks of
    /// one axis look alike.
    public func tickLabel(_ value: Int64, step: Int64) -> String {
        switch self {
        case .cents:
            if step % 100_000_000 == 0 {
                return NumberText.scaledMoney(cents: value, divisor: 100_000_000, suffix: "M")
            }
            if step % 100_000 == 0 {
                return NumberText.scaledMoney(cents: value, divisor: 100_000, suffix: "k")
            }
            if step % 100 == 0 {
                return NumberText.scaledMoney(cents: value, divisor: 100, suffix: "")
            }
            return NumberText.money(cents: value)
        case .count:
            return NumberText.grouped(value)
        case .basisPoints:
            return NumberText.decimal(value, places: 2, trimmingTo: NumberText.placesNeeded(step: step, places: 2)) + "%"
        case let .fixed(places, suffix):
            return NumberText.decimal(value, places: places, trimmingTo: NumberText.placesNeeded(step: step, places: places)) + suffix
        }
    }

    /// The smallest step an axis of this unit should use: whole dollars for
    /// money (a "$0.01" tick is noise), one unit of the last printed digit otherwise.
    public var minimumTickStep: Int64 {
        switch self {
        case .cents: return 100
        case .count, .basisPoints, .fixed: return 1
        }
    }
}
