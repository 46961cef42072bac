import BinaryCodec
import CLIKit
import EventLog
import Foundation
import RevenueCycle

/// `practica store stats|verify|backup|train`: look after the log itself.
enum StoreCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "store", abstract: "Look after the event log: size, integrity, backups, compression.",
        subcommands: [
            CommandSpec(name: "stats", abstract: "Events, streams, bytes on disk and bytes per event.",
                        examples: [Example("practica store stats", "Size figures of ./practica-data.")]),
            CommandSpec(name: "verify", abstract: "Recompute the BLAKE2b chain and name the first altered, missing or reordered position.",
                        discussion: "Exits 0 when the log is intact and 3 when it is not.",
                        examples: [Example("practica store verify --store /srv/clinic", "Check a store's integrity.")]),
            CommandSpec(name: "backup", abstract: "Write a consistent, compacted copy of the log while others keep working.",
                        arguments: [ArgumentSpec("dir", help: "A new or empty directory; it becomes a store usable with --store.")],
                        examples: [Example("practica store backup /backups/clinic-2026-11-25", "Hot backup to a new directory.")]),
            CommandSpec(name: "train", abstract: "Train a new zstd dictionary from the store's own events.",
                        discussion: "New events are compressed with it; older ones keep the dictionary they were written with. Training also happens by itself once enough events exist.",
                        examples: [Example("practica store train", "Re-train after the practice's data has changed shape.")]),
            CommandSpec(name: "synth", abstract: "Append a synthetic workload of realistic front-desk events (for demos, benchmarks, crash tests).",
                        discussion: "Events go to streams prefixed 'synthetic-'. Only a store made with 'practica init --synthetic' "
                            + "accepts them: fake patients and claims can never be taken back out of a practice's append-only log.",
                        options: [
                            .value("events", valueName: "count", help: "How many events to append.", defaultValue: "5000"),
                            .value("batch", valueName: "size", help: "Events per atomic batch.", defaultValue: "100"),
                            .value("seed", valueName: "n", help: "Random seed, for a repeatable workload.", defaultValue: "1"),
                            .flag("billing", help: "Also charges, claims, remittances, denials and patient payments (A/R for reports)."),
                        ],
                        examples: [Example("practica store synth --events 5000 --batch 100", "Append 50 batches of 100 events.")]),
        ])

    static let handlers: [String: CommandHandler] = [
        "store stats": stats, "store verify": verify, "store backup": backup, "store train": train, "store synth": synth,
    ]

    static func stats(_ command: ParsedCommand, _ context: CommandContext) throws {
        let s = try context.store().statistics()
        let perEvent = s.events == 0 ? "0" : String(format: "%.1f", s.bytesPerEvent)
        if context.json {
            context.printJSON(.object([
                ("events", .int(Int64(s.events))), ("streams", .int(Int64(s.streams))), ("batches", .int(Int64(s.batches))),
                ("fileBytes", .int(s.fileBytes)), ("usedBytes", .int(s.usedBytes)), ("bytesPerEvent", .number(perEvent)),
                ("mapBytes", .int(Int64(s.mapBytes))), ("dictionaries", .int(Int64(s.dictionaries))),
                ("currentDictionary", .int(Int64(s.currentDictionary))),
            ]))
            return
        }
        var table = TextTable(columns: [.init("measure"), .init("value", alignment: .right)])
        table.append(["events", String(s.events)])
        table.append(["streams", String(s.streams)])
        table.append(["batches", String(s.batches)])
        table.append(["bytes on disk (file)", String(s.fileBytes)])
        table.append(["bytes in use", String(s.usedBytes)])
        table.append(["bytes per event", perEvent])
        table.append(["map size", String(s.mapBytes)])
        table.append(["dictionaries", "\(s.dictionaries) (current: \(s.currentDictionary == 0 ? "none" : String(s.currentDictionary)))"])
        context.output.write(table.render())
    }

    static func verify(_ command: ParsedCommand, _ context: CommandContext) throws {
        let store = try context.store()
        let bar = ProgressBar(label: "verifying", total: Int(try store.lastPosition()))
        let report = try store.verify { done, _ in bar.update(completed: Int(done)) }
        bar.finish()
        // Looser permissions are a warning, not damage: the log itself may be intact.
        let loose = StorePermissions.looserThanIntended(under: store.paths.root)
        for path in loose.prefix(10) {
            context.note("warning: \(path) may be read by others; patients' data should be readable by the owner (and the store's group) alone")
        }
        if loose.count > 10 { context.note("warning: … and \(loose.count - 10) more paths with loose permissions") }
        if !loose.isEmpty { context.note("hint: chmod -R go-rwx \(store.paths.root) (or g+r with 'chgrp' for a shared store)") }
        if context.json {
            var pairs: [(String, JSONValue)] = [("intact", .bool(report.isIntact)), ("events", .int(Int64(report.eventsChecked))),
                                                ("batches", .int(Int64(report.batchesChecked)))]
            if let p = report.problem {
                var fields: [(String, JSONValue)] = [("kind", .string(p.kind.rawValue)), ("position", .int(Int64(p.position))),
                                                     ("detail", .string(p.detail))]
                if let table = p.table { fields.append(("table", .string(table))) }
                pairs.append(("problem", .object(fields)))
            }
            context.printJSON(.object(pairs))
        } else if report.isIntact {
            context.print("intact: \(report.eventsChecked) events in \(report.batchesChecked) batches, chain verified")
        }
        if let problem = report.problem {
            let compare = problem.table == nil ? " and compare with 'practica log show \(problem.position)'" : ""
            throw CommandFailure("the store is damaged: \(problem)",
                                 hint: "restore from a backup ('practica store backup')\(compare)",
                                 exitCode: .storeUnavailable)
        }
    }

    static func backup(_ command: ParsedCommand, _ context: CommandContext) throws {
        let dir = try command.requiredPathArgument("dir")
        let store = try context.store()
        try OptionBlame.blaming("<dir>") { try store.backup(to: dir) }
        let copy = try EventStore.open(at: dir)
        let events = try copy.lastPosition()
        if context.json {
            context.printJSON(.object([("backup", .string(dir)), ("events", .int(Int64(events)))]))
        } else {
            context.print("backed up \(events) events to \(dir)")
        }
    }

    static func train(_ command: ParsedCommand, _ context: CommandContext) throws {
        let result = try context.store().trainDictionary()
        if context.json {
            context.printJSON(.object([("dictionary", .int(Int64(result.id))), ("bytes", .int(Int64(result.bytes)))]))
        } else {
            context.print("trained dictionary \(result.id) (\(result.bytes) bytes); new events use it")
        }
    }

    static func synth(_ command: ParsedCommand, _ context: CommandContext) throws {
        let total = try positive(command, "events")
        let batchSize = try positive(command, "batch")
        let seed = UInt64(try command.int("seed") ?? 1)
        let store = try context.store()
        try requireSyntheticStore(store, path: context.storePath)
        var workload = SyntheticWorkload(seed: seed, streamPrefix: "synthetic-", billing: command.flag("billing"))
        let bar = ProgressBar(label: "appending", total: total)
        var appended = 0
        var first: UInt64?
        while appended < total {
            let n = min(batchSize, total - appended)
            let result = try store.append(workload.nextEvents(n), metadata: AppendMetadata(actor: context.actor, causation: "store synth"))
            first = first ?? result.firstPosition
            appended += n
            bar.update(completed: appended)
        }
        bar.finish()
        let last = try store.lastPosition()
        if context.json {
            context.printJSON(.object([("appended", .int(Int64(appended))), ("last", .int(Int64(last)))]))
        } else {
            context.print("appended \(appended) events in batches of \(batchSize) (positions \(first ?? 0)–\(last))")
        }
    }

    /// Refuses unless the store's first event says `init --synthetic` made it.
    static func requireSyntheticStore(_ store: EventStore, path: String) throws {
        let first = try store.readStream("practice", limit: 1).first
        let practice = try first.map {
            try EventRegistry.decode(typeName: $0.typeName, schemaVersion: $0.schemaVersion, bytes: $0.payload)
        }?.exactly(PracticeInitialized.self)
        guard practice?.isSynthetic == true else {
            throw CommandFailure("--store: \(path) is a practice's store, not one made for synthetic events",
                                 hint: "create a throwaway store with 'practica init --synthetic --store DIR' and synth into that")
        }
    }

    static func positive(_ command: ParsedCommand, _ option: String) throws -> Int {
        let value = try command.int(option) ?? 0
        guard value > 0 else {
            throw UsageError(.invalidValue, "--\(option) must be a whole number above 0, got \(value)", hint: "see '\(command.displayName) --help'")
        }
        return value
    }
}

extension SyntheticWorkload {
    mutating func nextEvents(_ count: Int) -> [NewEvent] {
        next(count).map { NewEvent(stream: $0.stream, typeName: $0.typeName, schemaVersion: $0.schemaVersion, payload: $0.payload) }
    }
}
