/// An amount of US dollars held as whole cents, so sums reconcile to the cent.
///
/// No floating point is involved anywhere: parsing reads the digits, printing
/// writes them back.
///
/// ```swift
/// let fee = try Money.parse("125.00")   // 12500 cents
/// print(fee - Money(cents: 310))         // "121.90"
/// ```
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    /// The largest amount a person may type: far beyond any medical bill, and far enough
    /// below Int64's limit that sums over a practice's whole history cannot overflow.
    public static let largestEntered = Money(cents: 99_999_999_999)

    /// Parses "125", "125.5", "125.00" or "-3.10".
    /// - throws: `ValueError` for anything else: more than two decimals, a
    ///   thousands separator, a currency sign, letters, or more than 999,999,999.99 either way.
    public static func parse(_ text: String) throws(ValueError) -> Money {
        let input = text.trimmedForInput
        func fail(_ reason: String) -> ValueError { ValueError(kind: "amount", input: text, reason: reason) }
        var body = Substring(input)
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2 else { throw fail("expected a number like 125.00") }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard ASCII.allDigits(whole) else { throw fail("expected a number like 125.00") }
        if parts.count == 2 {
            guard !fraction.isEmpty else { throw fail("expected digits after the decimal point") }
            guard ASCII.allDigits(fraction) else { throw fail("expected a number like 125.00") }
            guard fraction.count <= 2 else { throw fail("more than two decimals") }
        }
        var cents: Int64 = 0
        for c in whole + fraction.padding(toLength: 2) {
            guard let d = ASCII.digitValue(c) else { throw fail("expected a number like 125.00") }
            let (times10, o1) = cents.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { throw fail("amount is too large") }
            cents = next
        }
        guard cents <= largestEntered.cents else { throw fail("amount is too large (at most 999999999.99)") }
        return Money(cents: negative ? -cents : cents)
    }

    /// "1234.56", "-3.10", "0.00": the form `parse` reads back.
    public var description: String {
        let magnitude = cents.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    public var isNegative: Bool { cents < 0 }

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    /// Arithmetic traps on overflow like `Int64`: amounts beyond ±92 quadrillion dollars are a bug, not data.
    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static prefix func - (a: Money) -> Money { Money(cents: -a.cents) }
    public static func * (a: Money, n: Int64) -> Money { Money(cents: a.cents * n) }
    public static func += (a: inout Money, b: Money) { a = a + b }
    public static func -= (a: inout Money, b: Money) { a = a - b }

    /// The total of a sequence of amounts.
    public static func sum<S: Sequence>(_ amounts: S) -> Money where S.Element == Money {
        amounts.reduce(.zero, +)
    }
}

private extension Substring {
    /// Right-pads with zeros so "5" becomes "50" cents.
    func padding(toLength n: Int) -> String {
        String(self) + String(repeating: "0", count: Swift.max(0, n - count))
    }
}
