import BinaryCodec
import EventLog
import Foundation
import Projections
import RevenueCycle

/// The measurements of one bench run.
struct BenchmarkReport {
    var events = 0
    var rawAppend = 0.0
    var rawScan = 0.0
    var rawBytesPerEvent = 0.0
    var appendSingle = 0.0
    var appendBatch100 = 0.0
    var appendBatch10000 = 0.0
    var readDecode = 0.0
    var bytesPerEvent = 0.0
    var extra: [(key: String, value: Double, unit: String, label: String)] = []

    var json: String {
        var pairs: [(String, JSONValue)] = [
            ("events", .int(Int64(events))),
            ("raw_append_eps", .int(Int64(rawAppend))), ("raw_scan_eps", .int(Int64(rawScan))),
            ("append_single_eps", .int(Int64(appendSingle))), ("append_batch100_eps", .int(Int64(appendBatch100))),
            ("append_batch10000_eps", .int(Int64(appendBatch10000))), ("read_decode_eps", .int(Int64(readDecode))),
            ("bytes_per_event", .number(String(format: "%.1f", bytesPerEvent))),
            ("raw_bytes_per_event", .number(String(format: "%.1f", rawBytesPerEvent))),
        ]
        for e in extra { pairs.append((e.key, .number(String(format: "%.1f", e.value)))) }
        return JSONValue.object(pairs).rendered
    }

    var table: String {
        func fmt(_ v: Double) -> String {
            let n = Int64(v.rounded())
            var s = String(n)
            var i = s.count - 3
            while i > 0 { s.insert(",", at: s.index(s.startIndex, offsetBy: i)); i -= 3 }
            return s
        }
        func ratio(_ v: Double, _ base: Double) -> String { base > 0 ? String(format: "%.2f×", v / base) : "-" }
        var rows: [[String]] = [
            ["raw LMDB append (batches of 10,000, durable)", fmt(rawAppend) + " ev/s", "1.00×"],
            ["raw LMDB cursor scan", fmt(rawScan) + " ev/s", "1.00×"],
            ["Practica append, 1 event per batch (durable)", fmt(appendSingle) + " ev/s", ratio(appendSingle, rawAppend)],
            ["Practica append, batches of 100", fmt(appendBatch100) + " ev/s", ratio(appendBatch100, rawAppend)],
            ["Practica append, batches of 10,000", fmt(appendBatch10000) + " ev/s", ratio(appendBatch10000, rawAppend)],
            ["Practica read + decompress + decode", fmt(readDecode) + " ev/s", ratio(readDecode, rawScan)],
            ["bytes per event on disk (raw LMDB, 100-byte values)", String(format: "%.1f", rawBytesPerEvent), ""],
            ["bytes per event on disk (Practica)", String(format: "%.1f", bytesPerEvent), ratio(bytesPerEvent, rawBytesPerEvent)],
        ]
        for e in extra { rows.append([e.label, e.unit == "ms" ? String(format: "%.1f ms", e.value) : fmt(e.value) + " " + e.unit, ""]) }
        let widths = (0..<3).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = "Practica benchmark — \(fmt(Double(events))) events\n"
        for row in rows {
            out += row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0) + "  "
            out += String(repeating: " ", count: widths[1] - row[1].count) + row[1] + "  " + row[2] + "\n"
        }
        return out
    }
}

/// Runs every measurement on fresh stores under one directory.
struct BenchmarkSuite {
    let directory: String
    let events: Int
    let log: (String) -> Void
    /// `--only append` measures just the big-batch append (for profiling).
    var only: String?

    func run() throws -> BenchmarkReport {
        var report = BenchmarkReport()
        report.events = events
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if let only {
            report.appendBatch10000 = try appendRate(store: "main", total: events, batch: 10_000)
            if only == "read" { report.readDecode = try readRate(directory + "/main") }
            if only == "rebuild" || only == "reports" { try measureRebuild(directory + "/main", into: &report) }
            if only == "reports" { try measureReports(directory + "/main", into: &report) }
            if only == "server" { try ServerBenchmarks(directory: directory, log: log).measure(into: &report, largeEvents: events) }
            return report
        }

        log("raw LMDB baseline: \(events) events…")
        let raw = try RawLMDBBaseline(directory: directory + "/raw", events: events, batch: 10_000).run()
        report.rawAppend = raw.appendEventsPerSecond
        report.rawScan = raw.scanEventsPerSecond
        report.rawBytesPerEvent = raw.bytesPerEvent

        log("Practica single-event appends…")
        report.appendSingle = try appendRate(store: "single", total: min(events / 100, 2_000), batch: 1)
        log("Practica batches of 100…")
        report.appendBatch100 = try appendRate(store: "batch100", total: min(events / 2, 200_000), batch: 100)
        log("Practica batches of 10,000: \(events) events…")
        let mainStore = directory + "/main"
        report.appendBatch10000 = try appendRate(store: "main", total: events, batch: 10_000)

        log("reading the whole log with decompress + decode…")
        report.bytesPerEvent = try EventStore.open(at: mainStore).statistics().bytesPerEvent
        report.readDecode = try readRate(mainStore)
        log("rebuilding every read model from the log…")
        try measureRebuild(mainStore, into: &report)
        try measureReports(mainStore, into: &report)
        return report
    }

    /// The aging and days-in-A/R reports from the read models just rebuilt.
    private func measureReports(_ path: String, into report: inout BenchmarkReport) throws {
        let reports = ReportBenchmarks(path: path)
        log("aging report from the A/R read model…")
        let aging = try reports.agingMilliseconds()
        report.extra.append((key: "aging_report_ms", value: aging.ms, unit: "ms",
                             label: "A/R aging report by payer (\(aging.total) open, reconciled to the ledger)"))
        log("days in A/R over 24 months…")
        report.extra.append((key: "days_in_ar_ms", value: try reports.daysInARMilliseconds(), unit: "ms",
                             label: "days in A/R, 24 month ends, one sweep"))
        report.extra.append((key: "activity_report_ms", value: try reports.activityMilliseconds(), unit: "ms",
                             label: "month-end close, 24 months, one sweep"))
        log("folding the whole log into the front desk's state…")
        let fold = try reports.stateFoldMilliseconds()
        report.extra.append((key: "state_fold_ms", value: fold.ms, unit: "ms",
                             label: "front-desk state folded from the whole log (\(fold.claims) claims)"))
    }

    /// Rebuilds every read model from scratch (log scan, decode, apply, sort, write, swap)
    /// and reports the rate with where the time went.
    private func measureRebuild(_ path: String, into report: inout BenchmarkReport) throws {
        let store = try EventStore.open(at: path)
        let runner = try ReadModels.runner(store)
        let start = Clock.now()
        let timings = try runner.rebuild()
        let rate = Double(events) / (Clock.now() - start)
        report.extra.append((key: "rebuild_eps", value: rate, unit: "ev/s",
                             label: "rebuild all read models (\(ReadModels.all.map(\.name).joined(separator: ", ")))"))
        let phases = [("read", "waiting for the log (read ahead on its own thread)", timings.reading), ("apply", "apply events (one model per core)", timings.applying),
                      ("sort", "waiting for encoded + sorted tables", timings.packing), ("write", "write tables + switch", timings.writing)]
        for (key, label, seconds) in phases {
            report.extra.append((key: "rebuild_\(key)_ms", value: seconds * 1000, unit: "ms", label: "  rebuild: \(label)"))
        }
    }

    /// Reads every event, decompresses it and decodes it into its domain type.
    private func readRate(_ path: String) throws -> Double {
        let store = try EventStore.open(at: path)
        let start = Clock.now()
        var decoded = 0
        try store.scan(from: 1) { event in
            _ = try EventRegistry.decode(typeName: event.typeName, schemaVersion: event.schemaVersion, bytes: event.payload)
            decoded += 1
            return true
        }
        let rate = Double(decoded) / (Clock.now() - start)
        guard decoded == events else { throw BenchError("read \(decoded) of \(events) events") }
        return rate
    }

    private func appendRate(store name: String, total: Int, batch: Int) throws -> Double {
        let store = try EventStore.create(at: directory + "/" + name)
        // With billing, so the store has charges, claims, remittances, denials and A/R to report on.
        var workload = SyntheticWorkload(seed: 42, streamPrefix: "", billing: true)
        // Generating payloads is not what is measured: prepare them first.
        var batches: [[NewEvent]] = []
        var prepared = 0
        while prepared < total {
            let n = min(batch, total - prepared)
            batches.append(workload.next(n).map { NewEvent(stream: $0.stream, typeName: $0.typeName, schemaVersion: $0.schemaVersion, payload: $0.payload) })
            prepared += n
        }
        let start = Clock.now()
        for events in batches {
            try store.append(events, metadata: AppendMetadata(actor: "bench"))
        }
        return Double(total) / (Clock.now() - start)
    }
}
