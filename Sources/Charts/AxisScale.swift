/// A value axis with "nice" ticks on a 1-2-5 progression.
///
/// Readers compare bars against gridlines, so ticks must be round numbers
/// (0, 20, 40… or 0, 50, 100…), not `max / 5`. The scale covers every value,
/// starts at zero by default (bars that don't start at zero misstate ratios),
/// and handles the awkward inputs reports produce: no data, all zeros,
/// negative balances (credits) and values near `Int64`'s limits.
///
/// ```swift
/// let scale = AxisScale(covering: [1_234_56, 9_870_00], unit: .cents)
/// scale.ticks   // [0, 200000, 400000, 600000, 800000, 1000000] → "$0" … "$10k"
/// ```
public struct AxisScale: Sendable, Hashable {
    /// The value at the bottom (or left) of the axis; a multiple of `step`.
    public let lower: Int64
    /// The value at the top (or right) of the axis; a multiple of `step`.
    public let upper: Int64
    /// The distance between ticks: 1, 2 or 5 times a power of ten.
    public let step: Int64
    /// Every multiple of `step` from `lower` to `upper`, in order.
    public let ticks: [Int64]

    /// - Parameters:
    ///   - values: the data the axis must show; empty means "no data yet".
    ///   - minimumStep: no tick step below this (whole dollars for money).
    ///   - targetTickCount: roughly how many intervals to aim for (at least 1).
    ///   - includeZero: keep zero on the axis, as bars need.
    public init(covering values: [Int64], minimumStep: Int64 = 1, targetTickCount: Int = 5, includeZero: Bool = true) {
        let minimumStep = max(minimumStep, 1)
        var low = values.min() ?? 0
        var high = values.max() ?? 0
        if includeZero || values.isEmpty {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            // A flat line still needs an interval to draw: one step above (or below) it.
            if high >= 0 {
                let (raised, overflow) = high.addingReportingOverflow(minimumStep)
                if overflow { low -= minimumStep } else { high = raised }
            } else {
                let (lowered, overflow) = low.subtractingReportingOverflow(minimumStep)
                if overflow { high += minimumStep } else { low = lowered }
            }
        }
        // high ≥ low, so the true span fits in UInt64 even across the full Int64 range.
        let span = UInt64(bitPattern: high &- low)
        let intervals = UInt64(max(targetTickCount, 1))
        let rawStep = span / intervals + (span % intervals == 0 ? 0 : 1)
        let step = AxisScale.niceStep(atLeast: max(rawStep, UInt64(minimumStep)))

        let lower = AxisScale.floorMultiple(of: step, atOrBelow: low)
        let upper = AxisScale.ceilingMultiple(of: step, atOrAbove: high)
        var ticks: [Int64] = []
        var tick = lower
        while tick <= upper {
            ticks.append(tick)
            let (next, overflow) = tick.addingReportingOverflow(step)
            if overflow { break }
            tick = next
        }
        self.lower = lower
        self.upper = upper
        self.step = step
        self.ticks = ticks
    }

    /// Convenience taking the unit's minimum step (whole dollars for cents).
    public init(covering values: [Int64], unit: ValueUnit, targetTickCount: Int = 5, includeZero: Bool = true) {
        self.init(covering: values, minimumStep: unit.minimumTickStep, targetTickCount: targetTickCount, includeZero: includeZero)
    }

    /// Where `value` sits between `lower` (0) and `upper` (1).
    ///
    /// Geometry only: pixels are Doubles, amounts stay Int64 everywhere else.
    /// Values outside the axis are clamped so a bad input can't draw off the chart.
    public func fraction(of value: Int64) -> Double {
        let span = Double(upper) - Double(lower)
        guard span > 0 else { return 0 }
        let f = (Double(value) - Double(lower)) / span
        return min(max(f, 0), 1)
    }

    /// The smallest 1, 2 or 5 × 10^k that is ≥ `minimum` and fits in `Int64`.
    static func niceStep(atLeast minimum: UInt64) -> Int64 {
        var power: UInt64 = 1
        while true {
            for multiplier: UInt64 in [1, 2, 5] {
                let (candidate, overflow) = power.multipliedReportingOverflow(by: multiplier)
                if overflow || candidate > UInt64(Int64.max) { return Int64(clamping: minimum) }
                if candidate >= minimum { return Int64(candidate) }
            }
            let (next, overflow) = power.multipliedReportingOverflow(by: 10)
            if overflow { return Int64(clamping: minimum) }
            power = next
        }
    }

    /// The largest multiple of `step` ≤ `value`, or `value` itself if that multiple doesn't fit.
    static func floorMultiple(of step: Int64, atOrBelow value: Int64) -> Int64 {
        var quotient = value / step
        if value % step != 0, value < 0 { quotient -= 1 }
        let (result, overflow) = quotient.multipliedReportingOverflow(by: step)
        return overflow ? value : result
    }

    /// The smallest multiple of `step` ≥ `value`, or `value` itself if that multiple doesn't fit.
    static func ceilingMultiple(of step: Int64, atOrAbove value: Int64) -> Int64 {
        var quotient = value / step
        if value % step != 0, value > 0 { quotient += 1 }
        let (result, overflow) = quotient.multipliedReportingOverflow(by: step)
        return overflow ? value : result
    }
}
