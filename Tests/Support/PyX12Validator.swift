import Foundation

/// Runs pyx12's `x12valid` on a file the project wrote: an independent reading
/// of the implementation guide, so our reader agreeing with our writer is not
/// the only evidence a file is right. Shared by every test target that writes X12.
///
/// The validator comes from `$PRACTICA_X12VALID` (tools/test sets it to the
/// venv it installs), else `.venv-x12/bin/x12valid` in this checkout. A missing
/// validator is an error, never a skip.
public enum PyX12Validator {
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "pyx12 validator not found at \(path): run tools/test (it installs it), or set PRACTICA_X12VALID"
        }
    }

    public static var path: String {
        if let configured = ProcessInfo.processInfo.environment["PRACTICA_X12VALID"] { return configured }
        // This file sits in <checkout>/Tests/Support/.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return checkout.appendingPathComponent(".venv-x12/bin/x12valid").path
    }

    /// The verdict line (`NAME: OK` / `NAME: Failure`) decides, not the exit code,
    /// which is 1 either way. Runs in a fresh folder since x12valid drops a .997 next
    /// to its input. `report` holds the ERROR lines (or the whole output when there are none).
    public static func validate(_ text: String, name: String) throws -> (ok: Bool, report: String) {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing(path: path) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12valid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [file.path]
        process.currentDirectoryURL = folder
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = output.split(separator: "\n").map(String.init)
        let ok = lines.contains { $0.hasSuffix("\(name): OK") }
        let failed = lines.contains { $0.hasSuffix("\(name): Failure") }
        guard ok || failed else { return (false, "x12valid gave no verdict for \(name):\n\(output)") }
        let errors = lines.filter { $0.contains("ERROR") }.joined(separator: "\n")
        return (ok, errors.isEmpty ? output : errors)
    }
}
