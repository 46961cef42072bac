#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Somewhere text can be written, and whether a person is watching it.
///
/// ``ProgressBar`` writes through this so tests can inject a recorder and
/// prove it stays silent when the output isn't a terminal.
///
/// ```swift
/// let out: any TextOutput = FileDescriptorOutput.standardError
/// if out.isTerminal { out.write("\rworking…") }
/// ```
public protocol TextOutput: Sendable {
    /// True when the output is an interactive terminal.
    var isTerminal: Bool { get }
    /// Writes `text` as UTF-8, unbuffered.
    func write(_ text: String)
}

/// A ``TextOutput`` over a POSIX file descriptor (stdout, stderr, a pipe).
///
/// ```swift
/// FileDescriptorOutput.standardError.write("error: store is locked\n")
/// ```
public struct FileDescriptorOutput: TextOutput {
    /// The descriptor written to; not closed by this type.
    public let fileDescriptor: Int32

    /// Wraps `fileDescriptor`.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// Standard output (descriptor 1).
    public static let standardOutput = FileDescriptorOutput(fileDescriptor: 1)
    /// Standard error (descriptor 2).
    public static let standardError = FileDescriptorOutput(fileDescriptor: 2)

    public var isTerminal: Bool { Terminal.isInteractive(fileDescriptor: fileDescriptor) }

    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                #if canImport(Glibc)
                return Glibc.write(fileDescriptor, base + offset, buffer.count - offset)
                #else
                return Darwin.write(fileDescriptor, base + offset, buffer.count - offset)
                #endif
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return  // A closed pipe isn't worth crashing a command over.
            }
        }
    }
}
