import CLIKit
import EventLog
import BinaryCodec
import Foundation
import Projections

/// What every command handler gets: the parsed line, the resolved global options,
/// and where to write.
final class CommandContext {
    let command: ParsedCommand
    let environment: [String: String]
    let output: any TextOutput
    let errors: any TextOutput
    /// `--store`, else `$PRACTICA_STORE`, else `./practica-data`.
    let storePath: String
    /// `--as`, else `$PRACTICA_USER`, else the OS user.
    let actor: String
    let json: Bool
    /// "Now" for this command's decisions and checks: the system clock, or the
    /// fixed moment `$PRACTICA_CLOCK` names (tests and training; see `PracticeClock`).
    let clock: PracticeClock
    private var openedStore: EventStore?

    init(command: ParsedCommand, environment: [String: String], output: any TextOutput, errors: any TextOutput) throws {
        self.command = command
        self.environment = environment
        self.output = output
        self.errors = errors
        storePath = command.string("store") ?? environment["PRACTICA_STORE"] ?? "practica-data"
        actor = command.string("as") ?? environment["PRACTICA_USER"] ?? environment["USER"] ?? NSUserName()
        json = command.flag("json")
        clock = try PracticeClock.from(environment: environment)
    }

    /// The store, opened on first use.
    func store() throws -> EventStore {
        if let openedStore { return openedStore }
        let store = try EventStore.open(at: storePath, mapSize: mapSize)
        openedStore = store
        return store
    }

    /// `$PRACTICA_MAP_SIZE` (bytes) lets tests start with a tiny map to exercise growth.
    var mapSize: Int {
        environment["PRACTICA_MAP_SIZE"].flatMap(Int.init) ?? EventStore.defaultMapSize
    }

    /// The session front-desk decisions run in (state folded from the log).
    func frontDesk() throws -> FrontDeskSession {
        let session = try FrontDeskSession(store: try store(), actor: actor)
        session.clock = clock
        return session
    }

    /// Every read model, caught up with the log, for listings and reports.
    func readModels() throws -> ProjectionRunner {
        let store = try store()
        let bar = ProgressBar(label: "updating read models", total: Int(try store.lastPosition()))
        defer { bar.finish() }
        return try ReadModels.caughtUp(store) { done, _ in bar.update(completed: Int(done)) }
    }

    func print(_ text: String) { output.write(text + "\n") }

    /// Writes a note on stderr (warnings, progress summaries) that must not mix with --json output.
    func note(_ text: String) { errors.write(text + "\n") }

    func printJSON(_ value: JSONValue) { print(value.rendered) }
}
