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
    /// Set when `practica serve` runs the command: the store it keeps open and caught up.
    let resident: ResidentStore?
    /// What travels with a command run on a server: uploaded files, a secret typed at the desk.
    let remote: RemoteInputs?
    /// "Now" for this command's decisions and checks: the system clock, or the
    /// fixed moment `$PRACTICA_CLOCK` names (tests and training; see `PracticeClock`).
    /// On a server, the server's own clock: a desk never sets it.
    let clock: PracticeClock
    private var openedStore: EventStore?

    /// - throws: a usage error when `--store` or `$PRACTICA_STORE` is empty: an empty
    ///   path would put the store (patients' data) in the current or root folder.
    init(command: ParsedCommand, environment: [String: String], output: any TextOutput, errors: any TextOutput) throws {
        self.command = command
        self.environment = environment
        self.output = output
        self.errors = errors
        if let given = command.string("store") {
            storePath = try PathInput.nonEmpty(given, "--store")
        } else if let variable = environment["PRACTICA_STORE"] {
            storePath = try PathInput.nonEmpty(variable, "PRACTICA_STORE", hint: "set it to the store's folder, or unset it to use ./practica-data")
        } else {
            storePath = "practica-data"
        }
        actor = command.string("as") ?? environment["PRACTICA_USER"] ?? environment["USER"] ?? NSUserName()
        json = command.flag("json")
        clock = try PracticeClock.from(environment: environment)
        resident = nil
        remote = nil
    }

    /// A command run by the server for a signed-in `actor` on the store it keeps open.
    init(command: ParsedCommand, resident: ResidentStore, actor: String, remote: RemoteInputs,
         output: any TextOutput, errors: any TextOutput) {
        self.command = command
        self.environment = [:]
        self.output = output
        self.errors = errors
        self.storePath = resident.store.paths.root
        self.actor = actor
        self.json = command.flag("json")
        self.clock = resident.clock
        self.resident = resident
        self.remote = remote
    }

    /// The store, opened on first use.
    func store() throws -> EventStore {
        if let resident { return resident.store }
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
        if let resident { return try resident.frontDesk(actor: actor) }
        let session = try FrontDeskSession(store: try store(), actor: actor)
        session.clock = clock
        return session
    }

    /// Every read model, not caught up (for status and rebuilds).
    func projectionRunner() throws -> ProjectionRunner {
        if let resident { return try resident.projectionRunner() }
        return try ReadModels.runner(try store())
    }

    /// Every read model, caught up with the log, for listings and reports.
    func readModels() throws -> ProjectionRunner {
        if let resident { return try resident.readModels() }
        let store = try store()
        let bar = ProgressBar(label: "updating read models", total: Int(try store.lastPosition()))
        defer { bar.finish() }
        let runner = try ReadModels.runner(store)
        if let damage = runner.views.discardedDamage {
            note("note: the read models were damaged (\(damage)); rebuilding them from the log")
        }
        try runner.catchUp { done, _ in bar.update(completed: Int(done)) }
        return runner
    }

    func print(_ text: String) { output.write(text + "\n") }

    /// Who may read files made from the store (statements, 837P files, dashboards):
    /// as its root records, owner only when there is no store yet.
    var filePermissions: StorePermissions { StorePermissions.of(root: storePath) }

    /// Writes a note on stderr (warnings, progress summaries) that must not mix with --json output.
    func note(_ text: String) { errors.write(text + "\n") }

    func printJSON(_ value: JSONValue) { print(value.rendered) }
}
