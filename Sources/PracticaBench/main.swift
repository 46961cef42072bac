import BinaryCodec
import EventLog
import Foundation
import RevenueCycle

/// `tools/bench`: Practica's event log against raw LMDB, measured in one run.
/// Prints a table, and with --json one JSON object (keys documented in README).
let arguments = Array(CommandLine.arguments.dropFirst())
let json = arguments.contains("--json")
let large = arguments.contains("--large")
let events = arguments.firstIndex(of: "--events").flatMap { arguments.count > $0 + 1 ? Int(arguments[$0 + 1]) : nil } ?? (large ? 10_000_000 : 1_000_000)
let workDirectory = NSTemporaryDirectory() + "practica-bench-\(ProcessInfo.processInfo.processIdentifier)"
// PRACTICA_BENCH_KEEP=1 keeps the stores for a look afterwards (they are large).
defer { if ProcessInfo.processInfo.environment["PRACTICA_BENCH_KEEP"] != "1" { try? FileManager.default.removeItem(atPath: workDirectory) } }

func log(_ text: String) {
    FileHandle.standardError.write((text + "\n").data(using: .utf8) ?? Data())
}

do {
    let suite = BenchmarkSuite(directory: workDirectory, events: events, log: log,
                               only: arguments.firstIndex(of: "--only").flatMap { arguments.count > $0 + 1 ? arguments[$0 + 1] : nil })
    let report = try suite.run()
    print(json ? report.json : report.table)
} catch {
    log("bench failed: \(error)")
    exit(1)
}
