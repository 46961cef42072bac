import BinaryCodec
import CLIKit
import EventLog
import Foundation

/// `practica log tail|show`: read the raw event log.
enum LogCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "log", abstract: "Read the event log.",
        subcommands: [
            CommandSpec(name: "tail", abstract: "Show the newest events, oldest first; --follow keeps printing new ones.",
                        options: [
                            .value("n", short: "n", valueName: "count", help: "How many events to show.", defaultValue: "20"),
                            .flag("follow", short: "f", help: "Keep running and print events as they are appended."),
                        ],
                        examples: [Example("practica log tail -n 5", "The last five events."),
                                   Example("practica log tail --follow --json", "Stream new events as JSON lines.")]),
            CommandSpec(name: "show", abstract: "Show one event by position, or every event of a stream.",
                        arguments: [ArgumentSpec("position", help: "A log position (1 is the first event).", isOptional: true)],
                        options: [.value("stream", valueName: "id", help: "Show the events of this stream instead, e.g. patient-PT1001.")],
                        examples: [Example("practica log show 42", "Event 42 with its metadata and payload."),
                                   Example("practica log show --stream patient-PT1001", "The history of one patient record.")]),
        ])

    static let handlers: [String: CommandHandler] = ["log tail": tail, "log show": show]

    static func tail(_ command: ParsedCommand, _ context: CommandContext) throws {
        let count = try command.int("n") ?? 20
        guard count >= 0 else { throw UsageError(.invalidValue, "-n must be zero or more, got \(count)", hint: "e.g. 'practica log tail -n 20'") }
        let store = try context.store()
        let last = try store.lastPosition()
        let start = last >= UInt64(count) ? last - UInt64(count) + 1 : 1
        if count > 0 && last > 0 {
            for event in try store.read(from: start, limit: count) { context.print(EventRendering.line(event, json: context.json)) }
        }
        guard command.flag("follow") else { return }
        let reader = CatchUpReader(store: store, after: last)
        try reader.follow { event in
            context.print(EventRendering.line(event, json: context.json))
            return true
        }
    }

    static func show(_ command: ParsedCommand, _ context: CommandContext) throws {
        if let stream = command.string("stream") {
            if command.argument("position") != nil {
                throw UsageError(.unexpectedArgument, "give a position or --stream, not both", hint: "e.g. 'practica log show 42'")
            }
            guard EventStore.isPossibleStreamID(stream) else {
                throw UsageError(.invalidValue, "--stream: a stream id has 1 to \(EventStore.maxStreamIDBytes) bytes, got \(stream.utf8.count)",
                                 hint: "stream ids look like patient-PT1001; see 'practica log tail'")
            }
            let store = try context.store()
            let events = try store.readStream(stream)
            guard !events.isEmpty else {
                throw CommandFailure("stream \(stream) has no events", hint: "stream ids look like patient-PT1001; see 'practica log tail'")
            }
            for event in events { context.print(context.json ? EventRendering.json(event).rendered : EventRendering.detail(event)) }
            return
        }
        guard let text = command.argument("position") else {
            throw UsageError(.missingArgument, "give a position or --stream ID", hint: "e.g. 'practica log show 42' or 'practica log show --stream patient-PT1001'")
        }
        guard let position = UInt64(text), position > 0 else {
            throw UsageError(.invalidValue, "position must be a whole number from 1, got '\(EchoedWord.of(text))'", hint: "e.g. 'practica log show 42'")
        }
        let event = try context.store().event(at: position)
        context.print(context.json ? EventRendering.json(event).rendered : EventRendering.detail(event))
    }
}
