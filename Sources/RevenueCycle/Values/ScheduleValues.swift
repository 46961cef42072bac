/// One weekly stretch a provider works at a location: "mon 09:00-12:00".
public struct AvailabilityBlock: Hashable, Sendable, CustomStringConvertible {
    public let weekday: Weekday
    public let start: LocalTime
    /// Exclusive; a block never crosses midnight.
    public let end: LocalTime

    /// - throws: `ValueError` when `end` is not after `start`.
    public init(weekday: Weekday, start: LocalTime, end: LocalTime) throws(ValueError) {
        guard start < end else {
            throw ValueError(kind: "availability block", input: "\(weekday) \(start)-\(end)", reason: "must end after it starts")
        }
        self.weekday = weekday
        self.start = start
        self.end = end
    }

    /// Parses "mon 09:00-12:00".
    public static func parse(_ text: String) throws(ValueError) -> AvailabilityBlock {
        let parts = text.trimmedForInput.split(separator: " ", omittingEmptySubsequences: true)
        let times = parts.count == 2 ? parts[1].split(separator: "-") : []
        guard parts.count == 2, times.count == 2 else {
            throw ValueError(kind: "availability block", input: text, reason: "expected like \"mon 09:00-12:00\"")
        }
        do {
            return try AvailabilityBlock(weekday: Weekday.parse(String(parts[0])),
                                         start: LocalTime.parse(String(times[0])), end: LocalTime.parse(String(times[1])))
        } catch {
            throw ValueError(kind: "availability block", input: text, reason: error.reason)
        }
    }

    public func overlaps(_ other: AvailabilityBlock) -> Bool {
        weekday == other.weekday && start < other.end && other.start < end
    }

    public var description: String { "\(weekday) \(start)-\(end)" }
}

/// Why a provider is unavailable for a stretch of time.
public enum AvailabilityExceptionReason: String, CaseIterable, Sendable, CustomStringConvertible {
    case vacation, blocked

    public static func parse(_ text: String) throws(ValueError) -> AvailabilityExceptionReason {
        guard let r = AvailabilityExceptionReason(rawValue: text.trimmedForInput.lowercased()) else {
            throw ValueError(kind: "exception reason", input: text, reason: "expected vacation or blocked")
        }
        return r
    }

    public var description: String { rawValue }
}

/// Who cancelled: only a patient's own cancellation can be late.
public enum CancelledBy: String, CaseIterable, Sendable, CustomStringConvertible {
    case patient, practice

    public static func parse(_ text: String) throws(ValueError) -> CancelledBy {
        guard let r = CancelledBy(rawValue: text.trimmedForInput.lowercased()) else {
            throw ValueError(kind: "cancelled by", input: text, reason: "expected patient or practice")
        }
        return r
    }

    public var description: String { rawValue }
}

extension AvailabilityExceptionReason: BinaryTagged {
    static let codecOrder: [AvailabilityExceptionReason] = [.vacation, .blocked]
    static let tagName = "exception reason"
}

extension CancelledBy: BinaryTagged {
    static let codecOrder: [CancelledBy] = [.patient, .practice]
    static let tagName = "cancelled by"
}
