import BinaryCodec
import EventLog
import Foundation
import HTTPKit
import RevenueCycle

/// `tools/bench --only server`: what a desk waits for. A local `book` + `cancel`
/// pair (two `practica` processes, each folding the log before deciding) on a
/// store of the demo year's size and on a million events; then `practica serve`
/// on the million-event store under eight concurrent clients sending mixed
/// commands for a fixed time.
struct ServerBenchmarks {
    let directory: String
    let log: (String) -> Void
    /// The `practica` binary built beside this one.
    let practica = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("practica").path
    var clients = 8
    var seconds = 30.0

    static let password = "bench harbor lantern quietly"

    func measure(into report: inout BenchmarkReport, largeEvents: Int) throws {
        guard FileManager.default.isExecutableFile(atPath: practica) else { throw BenchError("no practica binary at \(practica)") }
        for (label, size) in [("66k", 66_000), ("1M", largeEvents)] {
            let store = try practiceStore(named: "server-\(label)", syntheticEvents: size)
            let pairs = try localBookCancelPairs(store: store, count: 10)
            report.extra.append((key: "command_latency_ms_p50_\(label)", value: percentile(pairs, 0.5), unit: "ms",
                                 label: "local book+cancel pair, p50, \(label) events"))
            report.extra.append((key: "command_latency_ms_p99_\(label)", value: percentile(pairs, 0.99), unit: "ms",
                                 label: "local book+cancel pair, p99, \(label) events"))
            if size == largeEvents { try measureServer(store: store, into: &report) }
        }
    }

    // MARK: the store

    /// A practice set up through the CLI (users, a provider with hours, a location, a type, a payer), then
    /// `syntheticEvents` billing events appended, with the id counters moved past the synthetic ids.
    private func practiceStore(named name: String, syntheticEvents: Int) throws -> String {
        let path = directory + "/" + name
        try cli(["init", "--store", path, "--practice", "Bench Family Medicine", "--as", "admin"])
        let setup: [[String]] = [
            ["provider", "add", "--name", "Ana Ruiz MD", "--npi", "1234567893", "--taxonomy", "207Q00000X"],
            ["location", "add", "--name", "Lakeside", "--address", "12 Shore Rd", "--pos", "11", "--timezone", "America/Chicago"],
            ["appointment-type", "add", "--name", "Follow-up", "--minutes", "15"],
            ["availability", "set", "--provider", "PR1001", "--location", "LO1001", "--from", "2026-01-01",
             "--block", "mon 08:00-18:00", "--block", "tue 08:00-18:00", "--block", "wed 08:00-18:00",
             "--block", "thu 08:00-18:00", "--block", "fri 08:00-18:00"],
        ]
        for command in setup { try cli(command + ["--store", path, "--as", "admin"]) }
        let store = try EventStore.open(at: path)
        var workload = SyntheticWorkload(seed: 7, streamPrefix: "", billing: true)
        var written = 0
        while written < syntheticEvents {
            let n = min(10_000, syntheticEvents - written)
            let batch = workload.next(n).map { NewEvent(stream: $0.stream, typeName: $0.typeName, schemaVersion: $0.schemaVersion, payload: $0.payload) }
            try store.append(batch, metadata: AppendMetadata(actor: "admin", causation: "bench"))
            written += n
        }
        // Synthetic ids start at 1; move the appointment counter past them so bookings get fresh ids.
        try store.append(AppendMetadata(actor: "admin", causation: "bench")) { context in
            for _ in 0..<(syntheticEvents / 3) { _ = try context.nextNumber(AppointmentID.prefix) }
            return [NewEvent(stream: "practice", try PracticeSettingChanged(key: .slotStepMinutes, value: "15"))]
        }
        return path
    }

    // MARK: local commands

    private func localBookCancelPairs(store: String, count: Int) throws -> [Double] {
        var times: [Double] = []
        for index in 0..<count {
            let at = String(format: "2027-03-01 %02d:%02d", 9 + index / 4, (index % 4) * 15)
            let start = Clock.now()
            let booked = try cli(["book", "--store", store, "--as", "admin", "--patient", "PT5", "--provider", "PR1001",
                                  "--location", "LO1001", "--type", "AT1001", "--at", at, "--json"])
            guard let appointment = Self.field("appointment", in: booked) else { throw BenchError("book printed no appointment: \(booked)") }
            try cli(["cancel", appointment, "--store", store, "--as", "admin", "--reason", "bench", "--by", "practice"])
            times.append((Clock.now() - start) * 1000)
        }
        return times
    }

    // MARK: the server

    private func measureServer(store: String, into report: inout BenchmarkReport) throws {
        try cli(["user", "passwd", "admin", "--store", store, "--as", "admin"], input: Self.password + "\n")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: practica)
        server.arguments = ["serve", "--store", store, "--listen", "127.0.0.1:0", "--workers", "8", "--as", "admin"]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let line = String(decoding: out.fileHandleForReading.availableDataUntilNewline(), as: UTF8.self)
        guard let range = line.range(of: "listening on "), let end = line.range(of: " (store") else { throw BenchError("serve did not start: \(line)") }
        let url = String(line[range.upperBound..<end.lowerBound])
        let login = try HTTPClient().post(url + "/api/v1/login", body: Array(#"{"user":"admin","password":"\#(Self.password)"}"#.utf8),
                                          headers: ["Content-Type: application/json"])
        guard let token = Self.field("token", in: String(decoding: login.body, as: UTF8.self)) else { throw BenchError("login failed: \(login.status)") }
        log("server: \(clients) clients × \(Int(seconds)) s of mixed commands against \(url)")

        let results = ServerResults()
        let deadline = Clock.now() + seconds
        let group = DispatchGroup()
        for client in 0..<clients {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                let http = HTTPClient(timeoutSeconds: 60)
                var round = 0
                while Clock.now() < deadline {
                    round += 1
                    let at = String(format: "2027-04-%02d %02d:%02d", 5 + client % 4, 9 + client / 4, 15 * (round % 4))
                    let mix: [(kind: String, argv: [String])] = [
                        ("single", ["patient", "find", "garcia"]),
                        ("single", ["claim", "show", "CL\(1 + (client * 97 + round) % 500)"]),
                        ("report", ["report", "ar-aging"]),
                    ]
                    for (kind, argv) in mix {
                        results.record(kind, Self.timed { try Self.run(http, url, token, argv) })
                    }
                    var appointment: String?
                    results.record("single", Self.timed {
                        let booked = try Self.run(http, url, token, ["book", "--patient", "PT7", "--provider", "PR1001", "--location", "LO1001",
                                                                      "--type", "AT1001", "--at", at, "--json"])
                        appointment = Self.field("appointment", in: booked)
                    })
                    if let appointment {
                        results.record("single", Self.timed { try Self.run(http, url, token, ["cancel", appointment, "--reason", "bench", "--by", "practice"]) })
                    }
                }
            }
        }
        group.wait()
        let all = results.all
        report.extra.append((key: "server_rps", value: Double(all.count) / seconds, unit: "cmd/s",
                             label: "server: commands per second (\(clients) clients, mixed)"))
        report.extra.append((key: "server_p50_ms", value: percentile(all, 0.5), unit: "ms", label: "server: p50, all commands"))
        report.extra.append((key: "server_p99_ms", value: percentile(all, 0.99), unit: "ms", label: "server: p99, all commands"))
        report.extra.append((key: "server_single_p99_ms", value: percentile(results.times("single"), 0.99), unit: "ms",
                             label: "server: p99, single-record commands"))
        report.extra.append((key: "server_report_p50_ms", value: percentile(results.times("report"), 0.5), unit: "ms",
                             label: "server: p50, report ar-aging"))
        report.extra.append((key: "server_errors", value: Double(results.errors), unit: "", label: "server: commands that failed"))
    }

    /// Runs one command on the server; throws unless it exited 0 or 1 (a refusal is a normal answer).
    static func run(_ http: HTTPClient, _ url: String, _ token: String, _ argv: [String]) throws -> String {
        let body = JSONValue.object([("argv", .array(argv.map(JSONValue.string)))]).rendered
        let reply = try http.post(url + "/api/v1/run", body: Array(body.utf8), headers: ["Authorization: Bearer \(token)", "Content-Type: application/json"])
        guard reply.status == 200 || reply.status == 422 else { throw BenchError("\(argv.prefix(2)) answered \(reply.status)") }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any] else { return "" }
        return object["stdout"] as? String ?? ""
    }

    static func timed(_ body: () throws -> Void) -> Double? {
        let start = Clock.now()
        do { try body() } catch { return nil }
        return (Clock.now() - start) * 1000
    }

    /// A string field of a JSON object, or of the first object of an array (`book --json` lists what it booked).
    static func field(_ name: String, in text: String) -> String? {
        guard let data = text.trimmingCharacters(in: .whitespacesAndNewlines).data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data) else { return nil }
        let object = (value as? [String: Any]) ?? (value as? [[String: Any]])?.first
        return object?[name] as? String
    }

    @discardableResult
    private func cli(_ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: practica)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("practica \(arguments.prefix(2).joined(separator: " ")): \(errors)") }
        return text
    }

    private func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
}

/// Latencies collected from the client threads.
final class ServerResults: @unchecked Sendable {
    private let lock = NSLock()
    private var byKind: [String: [Double]] = [:]
    private(set) var errors = 0

    func record(_ kind: String, _ milliseconds: Double?) {
        lock.lock()
        defer { lock.unlock() }
        if let milliseconds { byKind[kind, default: []].append(milliseconds) } else { errors += 1 }
    }

    func times(_ kind: String) -> [Double] {
        lock.lock()
        defer { lock.unlock() }
        return byKind[kind] ?? []
    }

    var all: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return byKind.values.flatMap { $0 }
    }
}

extension FileHandle {
    /// Reads one line (the server's first), byte by byte, without waiting for the end of the stream.
    func availableDataUntilNewline() -> Data {
        var line = Data()
        while true {
            let byte = readData(ofLength: 1)
            if byte.isEmpty || byte == Data([10]) { return line }
            line.append(byte)
        }
    }
}
