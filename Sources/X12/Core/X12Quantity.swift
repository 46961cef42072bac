import Foundation

/// Parses X12 quantities (units of service, CAS quantities) exactly.
///
/// Units are not money and may be fractional (anesthesia minutes, "1.5"),
/// so they are `Decimal`, which keeps decimal digits exactly, never `Double`.
public enum X12Quantity {
    /// - throws: `X12Error` of kind `.invalidValue`.
    public static func decimal(from text: String) throws(X12Error) -> Decimal {
        let trimmed = text.trimmingSpaces
        var body = Substring(trimmed)
        if body.first == "-" { body.removeFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              parts.contains(where: { !$0.isEmpty }), let value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")) else {
            throw X12Error(.invalidValue, "'\(text)' is not a quantity")
        }
        return value
    }

    /// Formats a quantity without needless trailing zeros ("1", "1.5").
    public static func string(from value: Decimal) -> String {
        var v = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &v, 3, .plain)
        return NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }
}

extension X12Segment {
    /// Element `position` as a quantity, `nil` when empty.
    func quantity(_ position: Int) throws(X12Error) -> Decimal? {
        guard let raw = value(position) else { return nil }
        do {
            return try X12Quantity.decimal(from: raw)
        } catch {
            throw X12Error(.invalidValue, at: self, "\(id)\(X12Tokenizer.twoDigits(position)) \(error.reason)")
        }
    }
}
