/// Rates as basis points, computed from counts or cents without floating point.
///
/// KPIs such as the denial rate are a numerator over a denominator. Charts
/// take basis points (hundredths of a percent), so the rounding happens once,
/// here, the same way everywhere: half away from zero.
///
/// ```swift
/// Percentage.basisPoints(numerator: 1, denominator: 3)    // 3333 → "33.33%"
/// Percentage.basisPoints(numerator: 5, denominator: 0)    // nil: no rate without a denominator
/// ```
public enum Percentage {
    /// `numerator / denominator` in basis points, rounded half away from zero;
    /// `nil` when the denominator is zero or the rate doesn't fit in an `Int64`.
    public static func basisPoints(numerator: Int64, denominator: Int64) -> Int64? {
        guard denominator != 0 else { return nil }
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude
        let d = denominator.magnitude
        // n × 10,000 can exceed 64 bits for large cent amounts: multiply full width.
        let product = n.multipliedFullWidth(by: 10_000)
        guard product.high < d else { return nil }  // the quotient would not fit in 64 bits
        let (quotient, remainder) = d.dividingFullWidth(product)
        // Round half up on the magnitude: remainder ≥ d/2, written without overflow.
        let roundsUp = remainder >= d - remainder
        let (rounded, overflow) = quotient.addingReportingOverflow(roundsUp ? 1 : 0)
        guard !overflow, rounded <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(rounded) : Int64(rounded)
    }

    /// The rate as text, e.g. "33.33%", or "n/a" when there is no denominator.
    public static func text(numerator: Int64, denominator: Int64) -> String {
        guard let points = basisPoints(numerator: numerator, denominator: denominator) else { return "n/a" }
        return ValueUnit.basisPoints.format(points)
    }
}
