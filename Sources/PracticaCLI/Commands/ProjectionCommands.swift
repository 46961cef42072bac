import BinaryCodec
import CLIKit
import EventLog
import Foundation
import Projections

/// `practica projections status|rebuild`: the read models and where they stand.
enum ProjectionCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "projections", abstract: "Read models: where they stand, and rebuilding them from the log.",
        subcommands: [
            CommandSpec(name: "status", abstract: "Name, version, checkpoint, lag and size of every read model.",
                        examples: [Example("practica projections status", "See whether read models are caught up.")]),
            CommandSpec(name: "rebuild", abstract: "Rebuild read models from the log into fresh tables and swap them in.",
                        discussion: "Readers keep seeing the old model until the new one is complete. A version bump rebuilds by itself. "
                            + "It ends by saying where the time went: reading the log, applying events (one model per core), "
                            + "sorting, writing; --json adds each model's share of applying. The models are held in memory "
                            + "while they are built (estimated at 1 KB per event of the log for all of them); when the estimate passes --max-memory "
                            + "(default: half of the memory available to this process) the fresh tables are filled chunk by chunk "
                            + "instead, as a catch-up does: about 3 times slower, in memory bounded by the chunk, switched the same way.",
                        arguments: [ArgumentSpec("name", help: "The read model to rebuild.", isOptional: true)],
                        options: [.flag("all", help: "Rebuild every read model."),
                                  .value("max-memory", valueName: "size", help: "Build in memory only if it should fit in this, e.g. 4G, 512M (bytes if no unit).")],
                        examples: [Example("practica projections rebuild --all", "Rebuild everything."),
                                   Example("practica projections rebuild schedule", "Rebuild one read model."),
                                   Example("practica projections rebuild --all --max-memory 2G", "On a small server: chunk by chunk past about 2M events.")]),
        ])

    static let handlers: [String: CommandHandler] = ["projections status": status, "projections rebuild": rebuild]

    static func status(_ command: ParsedCommand, _ context: CommandContext) throws {
        let runner = try context.projectionRunner()
        let rows = try runner.status()
        if context.json {
            context.printJSON(.array(rows.map { r in
                .object([("name", .string(r.name)), ("version", .int(Int64(r.version))),
                         ("storedVersion", r.storedVersion.map { .int(Int64($0)) } ?? .null),
                         ("checkpoint", .int(Int64(r.checkpoint))), ("lag", .int(Int64(r.lag))),
                         ("entries", .int(Int64(r.entries))), ("bytes", .int(Int64(r.bytes)))])
            }))
            return
        }
        var table = TextTable(columns: [.init("read model"), .init("version", alignment: .right), .init("checkpoint", alignment: .right),
                                        .init("lag", alignment: .right), .init("entries", alignment: .right), .init("bytes", alignment: .right)])
        for r in rows {
            let version = r.storedVersion.map { $0 == r.version ? "\($0)" : "\($0) → \(r.version)" } ?? "unbuilt"
            table.append([r.name, version, String(r.checkpoint), String(r.lag), String(r.entries), String(r.bytes)])
        }
        context.output.write(table.render())
    }

    static func rebuild(_ command: ParsedCommand, _ context: CommandContext) throws {
        let known = Set(ReadModels.all.map(\.name))
        let names: Set<String>
        if command.flag("all") {
            names = []
        } else if let name = command.argument("name") {
            guard known.contains(name) else {
                throw CommandFailure("there is no read model called \(name)",
                                     hint: "known: \(known.sorted().joined(separator: ", "))", exitCode: .usage)
            }
            names = [name]
        } else {
            throw UsageError(.missingArgument, "name a read model or pass --all", hint: "e.g. 'practica projections rebuild --all'")
        }
        let limit = try command.string("max-memory").map(byteCount)
        let store = try context.store()
        let runner = try context.projectionRunner()
        runner.rebuildMemoryLimit = limit
        let bar = ProgressBar(label: "rebuilding", total: Int(try store.lastPosition()))
        let start = Date()
        let timings = try runner.rebuild(names) { done, _ in bar.update(completed: Int(done)) }
        bar.finish()
        let seconds = Date().timeIntervalSince(start)
        let rebuilt = names.isEmpty ? known.sorted() : names.sorted()
        if context.json {
            func number(_ value: Double) -> JSONValue { .number(String(format: "%.3f", value)) }
            context.printJSON(.object([
                ("rebuilt", .array(rebuilt.map(JSONValue.string))), ("seconds", number(seconds)),
                ("events", .int(Int64(timings.events))),
                ("phases", .object([("read", number(timings.reading)), ("apply", number(timings.applying)),
                                    ("sort", number(timings.packing)), ("write", number(timings.writing))])),
                ("applyByModel", .object(timings.applyingByModel.map { ($0.name, number($0.seconds)) })),
                ("boundedMemory", timings.boundedMemoryLimit.map { .int(Int64($0)) } ?? .null),
            ]))
        } else if let bound = timings.boundedMemoryLimit {
            context.print("rebuilt \(rebuilt.joined(separator: ", ")) in \(String(format: "%.2f", seconds)) s, chunk by chunk: "
                          + "\(timings.events) events would need about \(megabytes(timings.estimatedBytes ?? 0)) "
                          + "in memory, more than the \(megabytes(bound)) allowed")
        } else {
            context.print("rebuilt \(rebuilt.joined(separator: ", ")) in \(String(format: "%.2f", seconds)) s (\(timings.summary))")
        }
    }

    /// Rounded up: "3 MB".
    static func megabytes(_ bytes: Int) -> String { "\(bytes / (1 << 20) + (bytes % (1 << 20) == 0 ? 0 : 1)) MB" }

    /// "4G", "512M", "64K" or a number of bytes.
    static func byteCount(_ text: String) throws -> Int {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var digits = text.uppercased()
        if digits.hasSuffix("B") { digits.removeLast() }
        var scale = 1
        if let last = digits.last, let unit = units[last] {
            scale = unit
            digits.removeLast()
        }
        guard let value = Int(digits), value > 0, value <= Int.max / scale else {
            throw UsageError(.invalidValue, "--max-memory: expected a size like 4G, 512M or a number of bytes, got '\(EchoedWord.of(text))'",
                             hint: "e.g. --max-memory 2G")
        }
        return value * scale
    }
}
