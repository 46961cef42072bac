#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One of the process's standard streams, named so callers don't pass raw descriptors.
public enum StandardStream: Sendable {
    case standardOutput
    case standardError

    /// The POSIX file descriptor (1 or 2).
    public var fileDescriptor: Int32 {
        switch self {
        case .standardOutput: return 1
        case .standardError: return 2
        }
    }
}

/// Questions about the terminal, asked once at the edge so the rest of the
/// code can be told "interactive or not" instead of calling `isatty` itself.
///
/// ```swift
/// if Terminal.isInteractive(.standardError) { /* draw a progress bar */ }
/// ```
public enum Terminal {
    /// True when `stream` is attached to a terminal (not a pipe or file).
    public static func isInteractive(_ stream: StandardStream) -> Bool {
        isInteractive(fileDescriptor: stream.fileDescriptor)
    }

    /// True when `fileDescriptor` refers to a terminal.
    public static func isInteractive(fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1
    }

    /// The terminal's width in columns, or `nil` when `stream` isn't a terminal.
    public static func columns(_ stream: StandardStream) -> Int? {
        var size = winsize()
        #if canImport(Glibc)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = TIOCGWINSZ
        #endif
        guard ioctl(stream.fileDescriptor, request, &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
