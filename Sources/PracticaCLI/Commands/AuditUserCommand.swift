import BinaryCodec
import CLIKit
import EventLog
import Projections
import RevenueCycle

/// `practica audit user NAME`: what one member of staff did, and what was done to
/// their access — every event they are the actor of (each with the command that
/// appended it), what was recorded about the user (`user-NAME`: added, disabled,
/// role changed) and their sign-ins, failures, lockouts, password changes and
/// revocations (`access-NAME`), whoever recorded them.
enum AuditUserCommand {
    static let spec = CommandSpec(
        name: "user", abstract: "Everything a user did, and their sign-ins, failures, lockouts and revocations.",
        arguments: [ArgumentSpec("name", help: "The user name, e.g. jo.")],
        options: [AuditCommand.asOf],
        examples: [Example("practica audit user jo", "Every command Jo ran and every sign-in."),
                   Example("practica audit user jo --as-of 2026-06-30", "What was recorded through the end of June 30.")])

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let user = try command.argumentValue("name", UserID.parse)
        let models = try context.readingModels(for: .audit)
        let store = try context.store()
        var cut = try store.lastPosition()
        if let asOf = command.string("as-of") {
            cut = try ReplayCommand.lastPosition(recordedBy: asOf, option: "--as-of", store: store, models: models)
        }
        let streams: Set<String> = ["user-\(user.name)", StaffAccessStream.name(user)]
        var rows: [RecordedEvent] = []
        if cut > 0 {
            try store.scan(from: 1, through: cut) { event in
                if event.actor == user.name || streams.contains(event.stream) { rows.append(event) }
                return true
            }
        }
        let users = try models.read(DirectoryProjection.name) { try DirectoryView($0).users() }
        guard !rows.isEmpty || users.contains(where: { $0.user == user }) else {
            throw CommandFailure("unknown user \(user)", hint: "see 'practica user list'")
        }
        if context.json {
            context.printJSON(.object([
                ("user", .string(user.name)), ("throughPosition", .int(Int64(cut))),
                ("rows", .array(rows.map { event in
                    .object([("position", .int(Int64(event.position))),
                             ("recordedAt", .string(EventRendering.timestamp(event.recordedAtMillis))),
                             ("actor", .string(event.actor)), ("command", .string(event.causation)),
                             ("type", .string(event.typeName)), ("stream", .string(event.stream))])
                })),
            ]))
            return
        }
        var table = TextTable(columns: [.init("pos", alignment: .right), .init("recorded (UTC)"), .init("by"), .init("command"),
                                        .init("event"), .init("stream")])
        for event in rows {
            table.append([String(event.position), String(EventRendering.timestamp(event.recordedAtMillis).prefix(19)), event.actor,
                          event.causation, event.typeName, event.stream])
        }
        context.output.write(table.render())
        context.print("\(rows.count) event(s) through position \(cut)")
    }
}
