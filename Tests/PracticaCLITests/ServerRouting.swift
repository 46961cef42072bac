import EventLog
import Foundation
@testable import PracticaCLI
import RevenueCycle
import XCTest

/// Runs the CLI scenario tests through `practica serve`: while a router is set,
/// `CLI.run` sends every command that names `--store S` to a server started for S
/// (with `--server`, signed in as the acting user), so the same assertions check
/// the remote path's output, exit codes and files.
///
/// Sessions are opened straight in the store's credential table rather than by
/// `practica login`, so routing appends nothing to the log a test is counting.
final class ServerRouter {
    private var servers: [String: ServerProcess] = [:]
    private var credentials: [String: StaffCredentials] = [:]
    private var configs: [String: String] = [:]
    /// How many commands went through a server (a test that routed none proved nothing).
    private(set) var routed = 0

    static let password = "routed scenario passphrase"

    /// The routed result, or nil to run locally (no --store, a local-only command, help, a store that does not exist).
    func run(_ arguments: [String], environment: [String: String]) throws -> CLIResult? {
        guard let storeIndex = arguments.firstIndex(of: "--store"), storeIndex + 1 < arguments.count else { return nil }
        let store = arguments[storeIndex + 1]
        let words = arguments.prefix { !$0.hasPrefix("-") }
        let command = words.prefix(2).joined(separator: " ")
        let first = words.first ?? ""
        guard !RemoteFiles.localOnly.contains(first), !RemoteFiles.localOnly.contains(command), !RemoteFiles.signsIn.contains(first),
              !arguments.contains("--help"), !arguments.contains("-h"), !arguments.contains("--follow"),
              FileManager.default.fileExists(atPath: store + "/log/data.mdb") else { return nil }
        var user = environment["PRACTICA_USER"] ?? ProcessInfo.processInfo.environment["PRACTICA_USER"] ?? "tester"
        var kept = arguments
        kept.removeSubrange(storeIndex...(storeIndex + 1))
        if let asIndex = kept.firstIndex(of: "--as"), asIndex + 1 < kept.count {
            user = kept[asIndex + 1]
            kept.removeSubrange(asIndex...(asIndex + 1))
        }
        guard (try? UserID(user)) != nil else { return nil }
        // The server runs on the clock the test pins for this command ($PRACTICA_CLOCK), so one per store and clock.
        let clock = environment["PRACTICA_CLOCK"] ?? ""
        let key = store + "\u{0}" + clock
        // A store the server cannot open (a damage test) is left to the local run, which reports it.
        guard let server = try? servers[key] ?? ServerProcess(store: store, environment: clock.isEmpty ? [:] : ["PRACTICA_CLOCK": clock]) else {
            return nil
        }
        servers[key] = server
        let config = try signIn(user, store: store, server: server, clock: clock)
        routed += 1
        return try CLI.runUnrouted(kept, environment: environment.merging(["PRACTICA_SERVER": server.url, "PRACTICA_CONFIG": config]) { $1 })
    }

    private func signIn(_ user: String, store: String, server: ServerProcess, clock: String) throws -> String {
        let key = store + "\u{0}" + user + "\u{0}" + clock
        if let config = configs[key] { return config }
        let table = try credentials[store] ?? StaffCredentials(store: StorePaths(root: store))
        credentials[store] = table
        if try !table.hasPassword(user) { try table.setPassword(Self.password, for: user) }
        guard case .signedIn(let token, _) = try table.signIn(user, password: Self.password, now: Int64(Date().timeIntervalSince1970)) else {
            throw NSError(domain: "ServerRouter", code: 1, userInfo: [NSLocalizedDescriptionKey: "could not open a session for \(user)"])
        }
        let config = temporaryStore("routed") + ".credentials"
        try "\(server.url) \(user) \(token)\n".write(toFile: config, atomically: true, encoding: .utf8)
        configs[key] = config
        return config
    }

    func stop() {
        for server in servers.values { server.stop() }
        servers = [:]
        credentials = [:]
        configs = [:]
        routed = 0
    }
}

extension CLI {
    /// With `PRACTICA_TEST_VIA_SERVER=1` (tools/test's second pass), every CLI test's commands go through servers.
    static var router: ServerRouter? { RoutingSwitch.shared.router }
}

/// Turns routing on for the whole test process from the environment, and stops each test's servers when it ends.
final class RoutingSwitch: NSObject, XCTestObservation, @unchecked Sendable {
    static let shared = RoutingSwitch()
    let router: ServerRouter?

    override init() {
        router = ProcessInfo.processInfo.environment["PRACTICA_TEST_VIA_SERVER"] == "1" ? ServerRouter() : nil
        super.init()
        if router != nil { XCTestObservationCenter.shared.addTestObserver(self) }
    }

    func testCaseDidFinish(_ testCase: XCTestCase) {
        guard let router else { return }
        print("\(testCase.name): \(router.routed) command(s) went through practica serve")
        router.stop()
    }
}
