import BinaryCodec
import CLIKit
import EventLog
import Foundation
import Projections
import RevenueCycle

/// `practica replay --until TIME|POSITION --into DIR`: the practice as it stood then.
enum ReplayCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "replay", abstract: "Make a read-only copy of the store as it stood at a past moment, with its read models.",
        discussion: """
            --until takes a log position, or a time in the practice's time zone ("2026-06-30" means the end of that day, \
            "2026-06-30 14:00" that minute): the copy holds every event recorded up to then and nothing after. \
            Use it with any listing or report through --store DIR.
            """,
        options: [
            .value("until", valueName: "time|position", help: "The moment to stop at.", isRequired: true),
            .value("into", valueName: "dir", help: "A new or empty directory for the copy.", isRequired: true),
        ],
        examples: [Example("practica replay --until 2026-06-30 --into /tmp/june", "The practice at the end of June 2026."),
                   Example("practica replay --until 120000 --into /tmp/p120k", "The practice after event 120000.")])

    static let handlers: [String: CommandHandler] = ["replay": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let until = try command.required("until")
        let directory = try command.requiredPath("into")
        // Authorized, and the zone read, from the read models: a replay copies and
        // rebuilds up to the cut, it does not need the whole practice folded first.
        let models = try context.readingModels(for: .audit)
        let store = try context.store()
        let position: UInt64
        if let number = UInt64(until) {
            let last = try store.lastPosition()
            guard number <= last else { throw EventStoreError.positionOutOfRange(position: number, last: last) }
            position = number
        } else {
            position = try lastPosition(recordedBy: until, option: "--until", store: store, models: models)
        }
        try OptionBlame.blaming("--into") { try store.replayCopy(until: position, into: directory) }
        let copy = try EventStore.open(at: directory)
        let runner = try ReadModels.caughtUp(copy)
        let recordedAt = position == 0 ? "-" : EventRendering.timestamp(try copy.event(at: position).recordedAtMillis)
        if context.json {
            context.printJSON(.object([("into", .string(directory)), ("position", .int(Int64(position))),
                                       ("recordedAt", .string(recordedAt)),
                                       ("readModels", .array(runner.projections.map { .string($0.name) }))]))
        } else {
            context.print("replayed to position \(position) (recorded \(recordedAt)) into \(directory); use --store \(directory)")
        }
    }

    /// The last event recorded by the end of the given day or minute in the practice's
    /// zone (read from the directory model): where `replay --until` and `audit --as-of` cut.
    static func lastPosition(recordedBy text: String, option: String, store: EventStore, models: ProjectionRunner) throws -> UInt64 {
        let zone = try models.read(DirectoryProjection.name) { try DirectoryView($0).practice() }?.timeZone
        return try store.lastPosition(recordedAtOrBefore: try cutoffMillis(text, zone: zone, option: option))
    }

    /// The end of the given day or minute in the practice's zone, in milliseconds since 1970.
    static func cutoffMillis(_ text: String, zone: TimeZoneID?, option: String = "--until") throws -> Int64 {
        guard let zone else { throw CommandFailure("the practice has no time zone yet", hint: "run 'practica init' first") }
        // The same rule as every typed time: a plausible date, no skipped time, and an offset for a doubled one.
        let local: TypedDateTime
        do {
            local = try TypedDateTime.parse(text.count == 10 ? text + " 23:59" : text)
        } catch {
            throw UsageError(.invalidValue, "\(option): \(error.description)", hint: "give a position, or a time like 2026-06-30 or \"2026-06-30 14:00\"")
        }
        let instant: Instant
        do {
            instant = try zone.instant(for: local)
        } catch {
            throw UsageError(.invalidValue, "\(option): \(error.description)", hint: "pick a time that happens once in \(zone), or add its offset")
        }
        // The whole last minute counts: events recorded at 14:00:59.999 were known "at 14:00".
        return (instant.secondsSinceEpoch + 59) * 1000 + 999
    }
}
