/// One headline number on the dashboard, with its target and whether it meets it.
///
/// The verdict is shown as a word and a symbol as well as a colour, so it
/// survives a black-and-white printout and colour-blind readers.
///
/// ```swift
/// let tile = KPITile(label: "Days in A/R", value: 382, unit: .tenthsOfDays,
///                    target: 400, direction: .lowerIsBetter)
/// tile.status   // .good
/// ```
public struct KPITile: Sendable, Hashable {
    /// Which side of the target is good.
    public enum Direction: Sendable, Hashable {
        case higherIsBetter
        case lowerIsBetter
    }

    public enum Status: String, Sendable, Hashable {
        case good
        case bad
        /// No target, or no value to compare.
        case neutral
    }

    public var label: String
    /// `nil` when the KPI can't be computed (no claims yet for a denial rate).
    public var value: Int64?
    public var unit: ValueUnit
    public var target: Int64?
    public var direction: Direction
    /// A short explanation under the value, e.g. the period or the definition used.
    public var note: String?

    public init(label: String, value: Int64?, unit: ValueUnit, target: Int64? = nil,
                direction: Direction = .higherIsBetter, note: String? = nil) {
        self.label = label
        self.value = value
        self.unit = unit
        self.target = target
        self.direction = direction
        self.note = note
    }

    /// Good when the value is on the right side of the target or equal to it.
    public var status: Status {
        guard let value, let target else { return .neutral }
        switch direction {
        case .higherIsBetter: return value >= target ? .good : .bad
        case .lowerIsBetter: return value <= target ? .good : .bad
        }
    }

    /// "Target ≤ 40.0 days", or `nil` without a target.
    public var targetText: String? {
        guard let target else { return nil }
        return "Target " + (direction == .higherIsBetter ? "≥ " : "≤ ") + unit.format(target)
    }

    /// "✓ On target", "✗ Off target" or `nil` when neutral.
    public var verdictText: String? {
        switch status {
        case .good: return "✓ On target"
        case .bad: return "✗ Off target"
        case .neutral: return nil
        }
    }

    /// The tile as a `<div>`.
    func html() -> String {
        var writer = MarkupWriter()
        writer.open("div", [("class", "tile " + status.rawValue)])
        writer.element("div", [("class", "tile-label")], text: label)
        writer.element("div", [("class", "tile-value")], text: value.map(unit.format) ?? "n/a")
        if let targetText {
            writer.open("div", [("class", "tile-target")])
            writer.text(targetText)
            if let verdictText {
                writer.text(" · ")
                writer.element("strong", text: verdictText)
            }
            writer.close("div")
        }
        if let note { writer.element("div", [("class", "tile-note")], text: note) }
        writer.close("div")
        return writer.output
    }
}
