import Foundation
import XCTest

/// Runs the built `practica` binary the way a user would, capturing its output.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLI {
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["PRACTICA_BIN"] { return path }
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent(), dir.deletingLastPathComponent().deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("practica").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return dir.appendingPathComponent("practica").path
    }

    /// Starts `practica` with arguments; the caller waits or kills it.
    static func start(_ arguments: [String], environment: [String: String] = [:], input: Pipe? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PRACTICA_USER"] = env["PRACTICA_USER"] ?? "tester"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input { process.standardInput = input }
        try process.run()
        return (process, out, err)
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        if let router, let routed = try router.run(arguments, environment: environment) { return routed }
        return try runUnrouted(arguments, environment: environment)
    }

    /// Runs the local binary as it is, even while a test routes commands through a server.
    static func runUnrouted(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        let (process, out, err) = try start(arguments, environment: environment)
        // Read before waiting so a large output can't fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
    }
}

func temporaryStore(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let base = NSTemporaryDirectory() + "practica-cli-tests"
    try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    return base + "/\(safe)-\(UUID().uuidString.prefix(8))"
}

extension XCTestCase {
    /// Asserts the command failed with `status`, one `error:` line naming `fragment`, and a hint.
    func assertRefused(_ result: CLIResult, status: Int32, mentioning fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, status, "stderr: \(result.stderr)", file: file, line: line)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("error: ") }.count, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(fragment), "expected '\(fragment)' in: \(result.stderr)", file: file, line: line)
        XCTAssertTrue(result.stderr.contains("hint: "), "a hint is expected: \(result.stderr)", file: file, line: line)
        XCTAssertFalse(result.stderr.contains("Fatal error"), file: file, line: line)
    }
}
