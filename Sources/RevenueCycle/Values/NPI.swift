/// A National Provider Identifier: ten digits whose last is a Luhn check digit
/// computed over the card-issuer prefix 80840 followed by the first nine digits
/// (CMS, "Requirements for NPI check digit").
///
/// ```swift
/// let npi = try NPI.parse("1234567893")   // valid
/// try NPI.parse("1234567890")             // throws: check digit should be 3, not 0
/// ```
public struct NPI: Hashable, Sendable, CustomStringConvertible {
    /// The ten digits.
    public let digits: String

    public init(_ text: String) throws(ValueError) {
        let input = text.trimmedForInput
        func fail(_ reason: String) -> ValueError { ValueError(kind: "NPI", input: text, reason: reason) }
        guard input.count == 10, ASCII.allDigits(input) else { throw fail("an NPI is exactly 10 digits") }
        let values = input.compactMap(ASCII.digitValue)
        let expected = NPI.checkDigit(forFirstNine: Array(values.prefix(9)))
        guard values[9] == expected else { throw fail("check digit should be \(expected), not \(values[9])") }
        digits = input
    }

    public static func parse(_ text: String) throws(ValueError) -> NPI { try NPI(text) }

    /// Luhn over "80840" + the nine leading digits: doubling starts at the
    /// rightmost payload digit because the check digit will sit to its right.
    static func checkDigit(forFirstNine nine: [Int]) -> Int {
        let payload = [8, 0, 8, 4, 0] + nine
        var sum = 0
        for (i, d) in payload.reversed().enumerated() {
            if i % 2 == 0 {
                let doubled = d * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += d
            }
        }
        return (10 - sum % 10) % 10
    }

    public var description: String { digits }
}
