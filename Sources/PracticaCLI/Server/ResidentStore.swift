import EventLog
import Foundation
import Projections

/// The store a long-running `practica serve` keeps open: the log, the front
/// desk's decision state and the read models stay in memory and are only caught
/// up with what was appended since the last command, so a command's cost does
/// not grow with the log.
///
/// LMDB allows one open environment per store per process, so every command the
/// server runs goes through this one object; `exclusively` runs them one at a time
/// (their decisions still run inside the append transaction, so other processes
/// appending to the same store are caught up with, as in a local run).
final class ResidentStore: @unchecked Sendable {
    let store: EventStore
    /// Staff passwords and sessions (`<store>/auth`), opened once like the log.
    let credentials: StaffCredentials
    /// "Now" for every command the server runs: the system clock, or `$PRACTICA_CLOCK` when the server was started with it.
    let clock: PracticeClock
    private let lock = NSLock()
    private var session: FrontDeskSession?
    private var runner: ProjectionRunner?

    init(store: EventStore, clock: PracticeClock = .system, policy: SignInPolicy = SignInPolicy()) throws {
        self.store = store
        self.clock = clock
        self.credentials = try StaffCredentials(store: store.paths, policy: policy)
    }

    /// Runs `body` with no other command running in this process.
    func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The decision state, caught up with the log, acting for `actor`. Only inside `exclusively`.
    func frontDesk(actor: String) throws -> FrontDeskSession {
        let session = try self.session ?? FrontDeskSession(store: store, actor: actor)
        self.session = session
        session.actor = actor
        session.clock = clock
        try session.refresh()
        return session
    }

    /// Every read model, not caught up. Only inside `exclusively`.
    func projectionRunner() throws -> ProjectionRunner {
        let runner = try self.runner ?? ReadModels.runner(store)
        self.runner = runner
        return runner
    }

    /// Every read model, caught up with the log. Only inside `exclusively`.
    func readModels() throws -> ProjectionRunner {
        let runner = try projectionRunner()
        try runner.catchUp(progress: nil)
        return runner
    }

    /// Each read model's checkpoint and lag behind the log, without catching up (for /healthz).
    func status() throws -> (head: UInt64, models: [ProjectionStatus]) {
        try exclusively { (try store.lastPosition(), try projectionRunner().status()) }
    }
}
