import Foundation

/// Conversion between X12 decimal amounts and whole cents.
///
/// X12 "R" amounts carry an explicit decimal point only when needed
/// ("125", "125.5", "-12.00", ".5"). Money here is `Int64` cents, so parsing
/// is exact digit work — never through floating point — and refuses anything
/// that would lose a fraction of a cent.
///
/// ```
/// try X12Amount.cents(from: "125.5")   // 12550
/// X12Amount.string(fromCents: 12550)   // "125.5"
/// X12Amount.dollars(12550)             // "125.50" (for messages)
/// ```
public enum X12Amount {
    /// Parses an X12 decimal amount into cents.
    ///
    /// Accepts an optional leading minus, digits with at most one decimal point,
    /// and more than two decimals only when the extra ones are zeros ("1.500").
    /// - throws: `X12Error` of kind `.invalidAmount`.
    public static func cents(from text: String) throws(X12Error) -> Int64 {
        let trimmed = text.trimmingSpaces
        var digits = Substring(trimmed)
        var negative = false
        if digits.first == "-" { negative = true; digits.removeFirst() }
        let parts = digits.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard !digits.isEmpty, parts.count <= 2 else {
            throw X12Error(.invalidAmount, "'\(text)' is not an amount")
        }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
              whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit) else {
            throw X12Error(.invalidAmount, "'\(text)' is not an amount")
        }
        guard fraction.dropFirst(2).allSatisfy({ $0 == "0" }) else {
            throw X12Error(.invalidAmount, "'\(text)' has fractions of a cent")
        }
        let centsText = String(fraction.prefix(2)).padding(toLength: 2, withPad: "0", startingAt: 0)
        let wholeDigits = whole.drop { $0 == "0" }
        guard wholeDigits.count <= 16, let units = Int64(wholeDigits.isEmpty ? "0" : String(wholeDigits)),
              let cents = Int64(centsText) else {
            throw X12Error(.invalidAmount, "'\(text)' is too large")
        }
        let magnitude = units * 100 + cents
        return negative ? -magnitude : magnitude
    }

    /// Formats cents as the guide recommends: no trailing zeros, no needless point.
    /// 12500 → "125", 12550 → "125.5", 12505 → "125.05", -50 → "-0.5".
    public static func string(fromCents cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let units = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(units)" }
        if fraction % 10 == 0 { return "\(sign)\(units).\(fraction / 10)" }
        return "\(sign)\(units).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Formats cents with exactly two decimals, for messages people read ("150.00").
    public static func dollars(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension X12Segment {
    /// Element `position` as cents, or `nil` when the element is empty.
    /// - throws: `X12Error` naming this segment when the element is not a valid amount.
    func amount(_ position: Int, label: String? = nil) throws(X12Error) -> Int64? {
        guard let raw = value(position) else { return nil }
        do {
            return try X12Amount.cents(from: raw)
        } catch {
            throw X12Error(.invalidAmount, at: self, label: label,
                           "\(id)\(X12Tokenizer.twoDigits(position)) \(error.reason)")
        }
    }

    /// Element `position` as cents; a missing amount is an error.
    func requiredAmount(_ position: Int, label: String? = nil) throws(X12Error) -> Int64 {
        guard let cents = try amount(position, label: label) else {
            throw X12Error(.invalidAmount, at: self, label: label,
                           "\(id)\(X12Tokenizer.twoDigits(position)) amount is missing")
        }
        return cents
    }
}
