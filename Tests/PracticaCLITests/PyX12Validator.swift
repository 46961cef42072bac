import Foundation
import XCTest

/// Runs pyx12's `x12valid` on a file `claim submit` wrote, as X12Tests/PyX12ValidationTests
/// does: an independent reading of the implementation guide.
enum PyX12Validator {
    static var path: String {
        ProcessInfo.processInfo.environment["PRACTICA_X12VALID"] ?? "/work/main/.venv-x12/bin/x12valid"
    }

    /// The verdict line (`NAME: OK` / `NAME: Failure`) decides, not the exit code,
    /// which is 1 either way. Runs in a fresh folder since x12valid drops a .997 next to its input.
    static func validate(_ text: String, name: String) throws -> (ok: Bool, report: String) {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            XCTFail("pyx12 validator not found at \(path): set PRACTICA_X12VALID")
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
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
        XCTAssertTrue(ok || failed, "x12valid gave no verdict for \(name):\n\(output)")
        let errors = lines.filter { $0.contains("ERROR") }.joined(separator: "\n")
        return (ok, errors.isEmpty ? output : errors)
    }
}
