import Foundation
import XCTest

/// A `practica serve` started by a test on a loopback port, with desks signed in to it.
final class ServerProcess {
    let store: String
    let url: String
    let process: Process
    private let out: Pipe
    private let err: Pipe
    /// Everything the server wrote to stderr (the access log), read when it stops.
    private(set) var accessLog = ""

    /// Starts `practica serve` on `store`; `extra` adds options (TLS, limits).
    init(store: String, extra: [String] = [], environment: [String: String] = [:]) throws {
        self.store = store
        (process, out, err) = try CLI.start(["serve", "--store", store, "--listen", "127.0.0.1:0"] + extra, environment: environment)
        // The first line says where it listens.
        var line = Data()
        let handle = out.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data([10]) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "listening on "), let end = text.range(of: " (store") else {
            process.terminate()
            throw NSError(domain: "ServerProcess", code: 1, userInfo: [NSLocalizedDescriptionKey: "serve did not start: \(text)"])
        }
        url = String(text[range.upperBound..<end.lowerBound])
    }

    /// SIGTERM, then waits; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        accessLog = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// A desk: its own credentials file, signed in to a server as one user.
struct Desk {
    let server: ServerProcess
    let config: String
    var environment: [String: String] { ["PRACTICA_CONFIG": config, "PRACTICA_SERVER": server.url] }

    /// Signs in as `user` with `password`; fails the test if refused.
    static func signIn(_ server: ServerProcess, user: String, password: String, extra: [String: String] = [:],
                       file: StaticString = #filePath, line: UInt = #line) throws -> Desk {
        let desk = Desk(server: server, config: temporaryStore("desk") + ".credentials")
        let result = try CLI.runWithInput(["login", "--server", server.url, "--user", user], input: password + "\n",
                                          environment: ["PRACTICA_CONFIG": desk.config].merging(extra) { $1 })
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return desk
    }

    @discardableResult
    func run(_ arguments: [String], extra: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(arguments, environment: environment.merging(extra) { $1 })
    }
}

extension CLI {
    /// Runs `practica` with `input` on its standard input (a password, as a script would give it).
    static func runWithInput(_ arguments: [String], input: String, environment: [String: String] = [:]) throws -> CLIResult {
        let stdin = Pipe()
        let (process, out, err) = try start(arguments, environment: environment, input: stdin)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
    }
}
