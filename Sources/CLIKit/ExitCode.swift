/// The process exit status, with Practica's meanings as named constants.
///
/// ```swift
/// exit(ExitCode.usage.rawValue)
/// ```
public struct ExitCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// 0: the command did its work.
    public static let success = ExitCode(rawValue: 0)
    /// 1: the command was refused (slot taken, claim not clean, unbalanced 835).
    public static let refused = ExitCode(rawValue: 1)
    /// 2: the command line was wrong.
    public static let usage = ExitCode(rawValue: 2)
    /// 3: the store is missing, locked or corrupt.
    public static let storeUnavailable = ExitCode(rawValue: 3)

    public var description: String { String(rawValue) }
}
