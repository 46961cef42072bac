import BinaryCodec

/// The one convention every `--json` output follows for numbers (README,
/// "JSON output"): a quantity is a plain JSON number in the unit people read,
/// written from exact integers — never through floating point — and never a
/// scaled integer with a unit key beside it.
///
/// - money: currency units with exactly two decimals, `74296.43` (as in the 837/835);
/// - days: one decimal, `44.2`;
/// - percentages: two decimals, `12.34` meaning 12.34 % (keys end in `Percent` or the KPI says so);
/// - counts: integers.
///
/// ```swift
/// JSONNumbers.money(Money(cents: -12_345)).rendered      // -123.45
/// JSONNumbers.days(tenths: 442).rendered                 // 44.2
/// JSONNumbers.percent(basisPoints: 1_234).rendered       // 12.34
/// ```
public enum JSONNumbers {
    public static func money(_ m: Money) -> JSONValue { .number(m.description) }

    public static func days(tenths: Int64) -> JSONValue { .number(decimal(tenths, places: 1)) }

    public static func percent(basisPoints: Int64) -> JSONValue { .number(decimal(basisPoints, places: 2)) }

    /// `value / 10^places`, exactly.
    static func decimal(_ value: Int64, places: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let magnitude = value.magnitude
        let fraction = String(magnitude % scale)
        let padded = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
        return (value < 0 ? "-" : "") + String(magnitude / scale) + (places > 0 ? "." + padded : "")
    }
}
