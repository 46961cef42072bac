/// Administrative sex as claims carry it (837P DMG03): F, M or U (unknown).
public enum Sex: String, CaseIterable, Sendable, CustomStringConvertible {
    case female = "F"
    case male = "M"
    case unknown = "U"

    /// Accepts "F", "M", "U" in either case.
    public static func parse(_ text: String) throws(ValueError) -> Sex {
        guard let s = Sex(rawValue: text.trimmedForInput.uppercased()) else {
            throw ValueError(kind: "sex", input: text, reason: "expected F, M or U")
        }
        return s
    }

    public var description: String { rawValue }
}
