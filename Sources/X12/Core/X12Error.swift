/// A failure reading or writing X12, phrased so a biller can act on it.
///
/// Every error names the segment it is about (1-based position in the
/// interchange, ISA being segment 1) when there is one, because that is what a
/// person opens the file to look for. `description` is one line:
///
/// ```
/// segment 14 (SE): SE01 says 12 segments, the set has 13
/// ```
public struct X12Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, so callers can branch without parsing the text.
    public enum Kind: Sendable, Equatable {
        /// The bytes do not start with a well-formed ISA segment.
        case invalidHeader
        /// Delimiters are unusable (clash, alphanumeric) or the file does not use the declared ones.
        case invalidDelimiters
        /// The file stops before the interchange is complete.
        case truncated
        /// A required envelope or transaction segment is missing.
        case missingSegment
        /// A segment appears where the structure does not allow it.
        case unexpectedSegment
        /// SE01, GE01 or IEA01 disagree with what was counted.
        case countMismatch
        /// A trailer's control number differs from its header's.
        case controlNumberMismatch
        /// An amount is not a valid X12 decimal with at most two significant decimals.
        case invalidAmount
        /// A date is not a valid CCYYMMDD calendar date.
        case invalidDate
        /// A required element is missing or holds a value that cannot be used.
        case invalidValue
        /// Money does not add up (835 balancing).
        case unbalanced
        /// Input given to a writer cannot be expressed as valid X12.
        case invalidInput
        /// The transaction set is not the one this reader handles.
        case unsupportedTransaction
    }

    public let kind: Kind
    /// 1-based position of the segment in the interchange, when the error is about one.
    public let segmentNumber: Int?
    /// A short label for the segment: its id, sometimes with a key ("CLP PCN123").
    public let segmentLabel: String?
    /// One line, without the segment prefix.
    public let reason: String

    public init(_ kind: Kind, segment: Int? = nil, label: String? = nil, _ reason: String) {
        self.kind = kind
        self.segmentNumber = segment
        self.segmentLabel = label
        self.reason = reason
    }

    /// Builds an error about a parsed segment, labelled with its id.
    public init(_ kind: Kind, at segment: X12Segment, label: String? = nil, _ reason: String) {
        self.init(kind, segment: segment.number, label: label ?? segment.id, reason)
    }

    public var description: String {
        switch (segmentNumber, segmentLabel) {
        case let (number?, label?): return "segment \(number) (\(label)): \(reason)"
        case let (number?, nil): return "segment \(number): \(reason)"
        default: return reason
        }
    }
}

/// Something a reader accepted but a biller should know about: a deviation
/// from the implementation guide that does not make money ambiguous.
public struct X12Warning: Sendable, Equatable, CustomStringConvertible {
    public let segmentNumber: Int?
    public let segmentLabel: String?
    public let message: String

    public init(segment: Int? = nil, label: String? = nil, _ message: String) {
        self.segmentNumber = segment
        self.segmentLabel = label
        self.message = message
    }

    public init(at segment: X12Segment, _ message: String) {
        self.init(segment: segment.number, label: segment.id, message)
    }

    public var description: String {
        X12Error(.invalidValue, segment: segmentNumber, label: segmentLabel, message).description
    }
}
