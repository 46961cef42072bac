/// A practice-wide setting people can change with `practica setting set KEY VALUE`.
public enum PracticeSettingKey: String, CaseIterable, Sendable, CustomStringConvertible {
    /// A patient cancellation this many hours or less before the start is flagged late.
    case lateCancelHours = "late-cancel-hours"
    /// Granularity of `slots find` proposals, in minutes.
    case slotStepMinutes = "slot-step-minutes"
    /// `on`: after an 835 posts, a secondary claim is created for each adjudicated
    /// primary claim whose patient has secondary coverage and something left to bill.
    case autoSecondary = "auto-secondary"

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
        if self == .autoSecondary {
            guard let on = PracticeSettings.onOff(t) else {
                throw ValueError(kind: rawValue, input: value, reason: "expected on or off")
            }
            return on ? "on" : "off"
        }
        let range: ClosedRange<Int>
        switch self {
        case .lateCancelHours: range = 0...720
        case .slotStepMinutes: range = 5...240
        case .autoSecondary: range = 0...1
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
    public var autoSecondary: Bool

    public init(lateCancelHours: Int = 24, slotStepMinutes: Int = 15, autoSecondary: Bool = false) {
        self.lateCancelHours = lateCancelHours
        self.slotStepMinutes = slotStepMinutes
        self.autoSecondary = autoSecondary
    }

    /// "on"/"off" (also yes/no, true/false, 1/0); nil for anything else.
    public static func onOff(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "on", "yes", "true", "1": return true
        case "off", "no", "false", "0": return false
        default: return nil
        }
    }

    /// The canonical text of a setting's current value, as `setting list` shows it.
    public func value(of key: PracticeSettingKey) -> String {
        switch key {
        case .lateCancelHours: return String(lateCancelHours)
        case .slotStepMinutes: return String(slotStepMinutes)
        case .autoSecondary: return autoSecondary ? "on" : "off"
        }
    }

    /// Applies a validated value; an unreadable one (only possible from a bug) leaves the setting alone.
    public mutating func set(_ key: PracticeSettingKey, to value: String) {
        if key == .autoSecondary {
            if let on = Self.onOff(value) { autoSecondary = on }
            return
        }
        guard let n = Int(value) else { return }
        switch key {
        case .lateCancelHours: lateCancelHours = n
        case .slotStepMinutes: slotStepMinutes = n
        case .autoSecondary: break
        }
    }
}
