/// Integer-only number printing: digit grouping, fixed decimals and dollars.
///
/// Foundation's formatters go through `Double` and the process locale; a
/// report must print "$1,234.56" for 123456 cents on every machine, and must
/// not round a large balance. Everything here works on the `UInt64` magnitude,
/// so `Int64.min` prints too.
public enum NumberText {
    /// "1,234,567" for 1234567; "-12" for -12.
    public static func grouped(_ value: Int64) -> String {
        sign(value) + groupedDigits(value.magnitude)
    }

    /// "$1,234.56" for 123456 cents, "-$0.05" for -5, "$0.00" for 0.
    public static func money(cents: Int64) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return sign(cents) + "$" + groupedDigits(magnitude / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `value` as a decimal with `places` digits after the point, grouped:
    /// `decimal(123456, places: 2)` → "1,234.56". Places are clamped to 0...18.
    public static func decimal(_ value: Int64, places: Int) -> String {
        let places = min(max(places, 0), 18)
        let magnitude = value.magnitude
        guard places > 0 else { return sign(value) + groupedDigits(magnitude) }
        let divisor = powerOfTen(places)
        let fraction = String(magnitude % divisor)
        let padded = String(repeating: "0", count: places - fraction.count) + fraction
        return sign(value) + groupedDigits(magnitude / divisor) + "." + padded
    }

    /// Like `decimal(_:places:)` but drops trailing zero decimals down to
    /// `shown` places: 1250 basis points with one place shown is "12.5".
    /// Only zeros are dropped, so a value that needs its digits keeps them.
    static func decimal(_ value: Int64, places: Int, trimmingTo shown: Int) -> String {
        var text = decimal(value, places: places)
        var droppable = min(max(places, 0), 18) - max(shown, 0)
        while droppable > 0, text.last == "0", text.contains(".") {
            text.removeLast()
            droppable -= 1
        }
        if text.last == "." { text.removeLast() }
        return text
    }

    /// Dollars divided by `divisor` cents with a suffix ("$20k", "$1.5M"),
    /// falling back to the exact amount when the division isn't whole
    /// (a tick label must never be rounded into a different number).
    static func scaledMoney(cents: Int64, divisor: UInt64, suffix: String) -> String {
        let magnitude = cents.magnitude
        guard divisor > 0, magnitude % divisor == 0 else { return money(cents: cents) }
        if magnitude == 0 { return "$0" }
        return sign(cents) + "$" + groupedDigits(magnitude / divisor) + suffix
    }

    /// How many of `places` decimals the multiples of `step` need: a step of
    /// 50 basis points needs one ("12.5%"), a step of 100 none ("12%").
    static func placesNeeded(step: Int64, places: Int) -> Int {
        var needed = min(max(places, 0), 18)
        var remaining = step.magnitude
        while needed > 0, remaining > 0, remaining % 10 == 0 {
            remaining /= 10
            needed -= 1
        }
        return needed
    }

    private static func sign(_ value: Int64) -> String { value < 0 ? "-" : "" }

    private static func powerOfTen(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// Digits with a comma every three, from the right.
    private static func groupedDigits(_ magnitude: UInt64) -> String {
        let digits = Array(String(magnitude))
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
