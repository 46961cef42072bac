import CLIKit
import Dispatch
import EventLog
import Foundation
import HTTPKit
#if canImport(Glibc)
import Glibc
#endif

/// `practica serve`: one long-running process per store that every desk shares.
enum ServeCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "serve", abstract: "Run the practice server: the CLI over HTTP(S) for every desk.",
        discussion: "Keeps the store open with the decision state and read models in memory, caught up before each command, so a "
            + "command's cost does not grow with the log. Desks sign in with 'practica login' and run any command with --server. "
            + "Stops on SIGTERM or Ctrl-C after the commands under way finish (new requests get 503). One access-log line per "
            + "request on stderr: time, user, command name, status, milliseconds (never arguments).",
        options: [
            .value("listen", valueName: "host:port", help: "Address to listen on, e.g. 127.0.0.1:8443 or [::1]:8443 (port 0: any free port).", isRequired: true),
            .value("tls-cert", valueName: "file", help: "PEM certificate (chain) for HTTPS; with --tls-key."),
            .value("tls-key", valueName: "file", help: "PEM private key for HTTPS (keep it mode 0600)."),
            .value("workers", valueName: "n", help: "Connection threads.", defaultValue: "4"),
            .value("max-body-mb", valueName: "n", help: "Largest request body (uploaded 835s and 999s); larger ones get 413.", defaultValue: "16"),
            .value("idle-hours", valueName: "n", help: "A session unused this long ends.", defaultValue: "12"),
            .flag("insecure-http", help: "Allow plain HTTP on an address other than this machine's loopback (passwords and patient data then travel unencrypted)."),
        ],
        examples: [Example("practica serve --store /srv/clinic --listen 0.0.0.0:8443 --tls-cert /etc/practica/cert.pem --tls-key /etc/practica/key.pem",
                           "Serve the clinic's store over HTTPS."),
                   Example("practica serve --listen 127.0.0.1:8080", "Serve ./practica-data on this machine only, over plain HTTP.")])

    static let handlers: [String: CommandHandler] = ["serve": serve]

    static func serve(_ command: ParsedCommand, _ context: CommandContext) throws {
        let listen = try command.required("listen")
        let workers = try command.int("workers") ?? 4
        let maxBody = try command.int("max-body-mb") ?? 16
        let idleHours = try command.int("idle-hours") ?? 12
        guard (1...64).contains(workers) else { throw CommandFailure("--workers: must be from 1 to 64", exitCode: .usage) }
        guard (1...1024).contains(maxBody) else { throw CommandFailure("--max-body-mb: must be from 1 to 1024", exitCode: .usage) }
        guard (1...720).contains(idleHours) else { throw CommandFailure("--idle-hours: must be from 1 to 720", exitCode: .usage) }
        let tls = try tlsPair(command)
        if tls == nil, !command.flag("insecure-http"), !ListeningSocketAddress.isLoopback(listen) {
            throw CommandFailure("--listen: plain HTTP on \(listen) would send passwords and patient data unencrypted",
                                 hint: "give --tls-cert and --tls-key, listen on 127.0.0.1, or add --insecure-http if a TLS proxy sits in front",
                                 exitCode: .usage)
        }
        // Signals are caught from here on, so a SIGTERM during start-up still drains.
        let stop = StopSignal()
        let store = try context.store()
        var policy = SignInPolicy()
        policy.idleLimit = Int64(idleHours) * 3600
        let resident = try ResidentStore(store: store, clock: context.clock, policy: policy)
        // Warm the decision state and the read models before taking requests.
        try resident.exclusively {
            _ = try resident.frontDesk(actor: context.actor)
            _ = try resident.readModels()
        }
        // One folder per server process: a second server on the same store never touches this one's requests.
        let staging = URL(fileURLWithPath: store.paths.root).appendingPathComponent(".serve-staging-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let practice = PracticeServer(resident: resident, accessLog: context.errors, staging: staging)
        let server: HTTPServer
        do {
            server = try HTTPServer(.init(listen: listen, tls: tls, workers: workers, maxBodyBytes: maxBody << 20),
                                    admit: { practice.admit($0) }, handler: { practice.handle($0) })
        } catch {
            throw CommandFailure(error.description, hint: "choose another address or port", exitCode: .usage)
        }
        let scheme = tls == nil ? "http" : "https"
        let host = ListeningSocketAddress.host(of: listen)
        context.print("practica serve: listening on \(scheme)://\(host):\(server.port) (store \(store.paths.root), \(workers) workers)")
        stop.wait()
        context.note("practica serve: stopping; waiting for \(server.runningHandlers) command(s) under way (a second signal stops at once)")
        stop.onSecondSignal { exit(1) }
        server.drain()
        try? FileManager.default.removeItem(at: staging)
        context.note("practica serve: stopped")
    }

    private static func tlsPair(_ command: ParsedCommand) throws -> (certificate: String, key: String)? {
        switch (command.string("tls-cert"), command.string("tls-key")) {
        case (nil, nil):
            return nil
        case let (certificate?, key?):
            guard let certificateText = try? String(contentsOfFile: certificate, encoding: .utf8) else {
                throw CommandFailure("--tls-cert: cannot read \(certificate)", hint: "give a PEM certificate file", exitCode: .usage)
            }
            guard let keyText = try? String(contentsOfFile: key, encoding: .utf8) else {
                throw CommandFailure("--tls-key: cannot read \(key)", hint: "give a PEM private key file", exitCode: .usage)
            }
            return (certificateText, keyText)
        default:
            throw CommandFailure("--tls-cert and --tls-key go together", hint: "give both, or neither for plain HTTP", exitCode: .usage)
        }
    }
}

/// SIGTERM and SIGINT, caught from the moment it is made: `wait` blocks until the
/// first, and a second one runs what `onSecondSignal` gave (a stuck drain can be ended).
final class StopSignal: @unchecked Sendable {
    private let first = DispatchSemaphore(value: 0)
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var count = 0
    private var second: (() -> Void)?

    init() {
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.received() }
            source.resume()
            sources.append(source)
        }
    }

    private func received() {
        lock.lock()
        count += 1
        let now = count
        let action = second
        lock.unlock()
        if now == 1 { first.signal() } else { action?() }
    }

    func wait() { first.wait() }

    func onSecondSignal(_ action: @escaping () -> Void) {
        lock.lock()
        second = action
        lock.unlock()
    }
}

/// The host part of a `--listen` address as a URL writes it.
enum ListeningSocketAddress {
    /// True for 127.0.0.0/8, ::1 and localhost: only this machine can connect.
    static func isLoopback(_ listen: String) -> Bool {
        let host = self.host(of: listen).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host.hasPrefix("127.") || host == "::1" || host == "localhost"
    }

    static func host(of listen: String) -> String {
        if listen.hasPrefix("["), let close = listen.firstIndex(of: "]") { return String(listen[...close]) }
        guard let colon = listen.lastIndex(of: ":") else { return listen }
        let host = String(listen[..<colon])
        return host.isEmpty ? "0.0.0.0" : host
    }
}
