/// An availability exception, "AX1001".
///
/// Exceptions were recorded without an id, so the id is their place in the log:
/// the n-th `AvailabilityExceptionAdded` ever appended is AX(1000 + n). The log is
/// append-only, so every reader that folds it from the start agrees on the number,
/// and stores written before ids existed get them too.
public struct AvailabilityExceptionID: PrefixedID {
    public static let prefix = "AX"
    public static let kind = "exception id"
    public let number: UInt64
    public init(_ number: UInt64) { self.number = number }

    /// The id of the exception added `ordinal`-th (1-based).
    public init(ordinal: Int) { number = 1_000 + UInt64(max(ordinal, 0)) }
}

/// An exception with the id its place in the log gives it.
public struct NumberedException: Sendable, Equatable {
    public let id: AvailabilityExceptionID
    public let exception: AvailabilityExceptionAdded

    public init(id: AvailabilityExceptionID, exception: AvailabilityExceptionAdded) {
        self.id = id
        self.exception = exception
    }
}
