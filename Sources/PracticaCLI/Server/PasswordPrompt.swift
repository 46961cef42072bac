import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a secret at the desk: from the terminal without echo (asked twice when
/// it is new), or one line of standard input when that is not a terminal (scripts,
/// tests). Never from the command line, where `ps` would show it.
enum PasswordPrompt {
    static func read(prompt: String, confirm: Bool) throws -> String {
        if isatty(0) == 1 {
            let first = try readHidden(prompt)
            if confirm {
                let second = try readHidden("again: ")
                guard first == second else { throw Failure.mismatch }
            }
            return first
        }
        guard let line = Swift.readLine(strippingNewline: true) else { throw Failure.noInput }
        return line
    }

    private static func readHidden(_ prompt: String) throws -> String {
        FileDescriptorWriter.write(prompt, to: 2)
        var saved = termios()
        tcgetattr(0, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &quiet)
        defer {
            tcsetattr(0, TCSANOW, &saved)
            FileDescriptorWriter.write("\n", to: 2)
        }
        guard let line = Swift.readLine(strippingNewline: true) else { throw Failure.noInput }
        return line
    }

    /// The two entries differed, or nothing was typed.
    enum Failure: Error {
        case mismatch, noInput
    }
}

/// Writes prompts straight to a descriptor (stderr), unbuffered.
enum FileDescriptorWriter {
    static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
}
