/// A practice-wide setting people can change with `practica setting set KEY VALUE`.
public enum PracticeSettingKey: String, CaseIterable, Sendable, CustomStringConvertible {
    /// A patient cancellation this many hours or less before the start is flagged late.
    case lateCancelHours = "late-cancel-hours"
    /// Granularity of `slots find` proposals, in minutes.
    case slotStepMinutes = "slot-step-minutes"

    public static func parse(_ text: String) throws(ValueError) -> PracticeSettingKey {
        guard let k = PracticeSettingKey(rawValue: text.trimmedForInput.lowercased()) else {
            throw ValueError(kind: "setting", input: text,
                             reason: "known settings: " + allCases.map(\.rawValue).joined(separator: ", "))
        }
        return k
    }

    /// Checks a value for this key and returns it in canonical form.
    public func validate(_ value: String) throws(ValueError) -> String {
        let t = value.trimmedForInput
        let range: ClosedRange<Int>
        switch self {
        case .lateCancelHours: range = 0...720
        case .slotStepMinutes: range = 5...240
        }
        guard ASCII.allDigits(t), let n = Int(t), range.contains(n) else {
            throw ValueError(kind: rawValue, input: value, reason: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return String(n)
    }

    public var description: String { rawValue }
}

/// Current values of every practice setting, with defaults for those never set.
public struct PracticeSettings: Hashable, Sendable {
    public var lateCancelHours: Int
    public var slotStepMinutes: Int

    public init(lateCancelHours: Int = 24, slotStepMinutes: Int = 15) {
        self.lateCancelHours = lateCancelHours
        self.slotStepMinutes = slotStepMinutes
    }

    /// Applies a validated value; an unreadable one (only possible from a bug) leaves the setting alone.
    public mutating func set(_ key: PracticeSettingKey, to value: String) {
        guard let n = Int(value) else { return }
        switch key {
        case .lateCancelHours: lateCancelHours = n
        case .slotStepMinutes: slotStepMinutes = n
        }
    }
}
