import BinaryCodec
import CLIKit
import EventLog
import Projections
import Foundation
import RevenueCycle

/// The state every command's decision needs, and the one way commands append.
///
/// The state is `PracticeState`, the fold of every domain event type in the log
/// (setup, patients, coverage, scheduling, charges, claims, receivables); events
/// of other types are skipped by their header without being decompressed. A
/// decision runs inside the append transaction with the log head it was made on
/// as the expected head: if another process appended in between (two desks
/// booking the same slot), the state catches up and the decision runs again, so
/// no invariant is ever checked against a stale picture. (The name is historical:
/// the front desk's commands were the first to use it.)
final class FrontDeskSession {
    let store: EventStore
    /// Who is at the keyboard; `practica demo` switches between its desks.
    var actor: String
    /// Decisions' "now" and the batches' recorded-at; the demo sets a simulated one.
    var clock = PracticeClock.system
    private(set) var state = PracticeState()
    private(set) var head: UInt64 = 0

    /// Every type a decision may read: all but the sign-in audit trail.
    static let stateTypes: Set<String> = Set(EventRegistry.allTypes.map { $0.typeName })
        .subtracting(EventRegistry.staffAccessTypes.map { $0.typeName })

    init(store: EventStore, actor: String) throws {
        self.store = store
        self.actor = actor
        try refresh()
    }

    /// Applies the events appended since the last look. A long stretch (a session's
    /// first look at a big log) is read and decoded on another thread, a chunk ahead.
    func refresh() throws {
        let last = try store.lastPosition()
        guard last > head else { return }
        if last - head > Self.readAheadFrom {
            try LogReadAhead.forEach(store, from: head + 1, through: last, types: Self.stateTypes) { _, payload in state.apply(payload) }
        } else {
            try store.scan(from: head + 1, through: last, types: Self.stateTypes) { event in
                state.apply(try StoredEvent.decode(event))
                return true
            }
        }
        head = last
    }

    /// Fewer events than this are read in line: a thread is not worth it.
    static let readAheadFrom: UInt64 = 20_000

    /// The acting user, checked against the practice's users and the permission.
    func authorize(_ permission: Permission) throws -> UserID {
        try Self.authorize(actor, for: permission) { _ in state.directory }
    }

    /// The role check shared with reads from the directory read model: `directory`
    /// returns the practice and (at least) the acting user's entry.
    static func authorize(_ actor: String, for permission: Permission,
                          in directory: (UserID) throws -> PracticeDirectory) throws -> UserID {
        let user: UserID
        do {
            user = try UserID(actor)
        } catch {
            throw RejectionFailure(.usage("as", "\(error.description)", hint: "pass --as with a user added by 'practica user add'"))
        }
        do {
            try PracticeSetup.authorize(user, for: permission, in: try directory(user))
        } catch let rejection as Rejection {
            throw RejectionFailure(rejection)
        }
        return user
    }

    /// Decides and appends atomically; `decide` may run more than once if the log moves.
    /// - Returns: the append result and what the last run of `decide` returned alongside its events.
    @discardableResult
    func append<Extra>(permission: Permission, command: String,
                       _ decide: (PracticeState, IDAllocator) throws -> (events: [NewEvent], extra: Extra)) throws -> (AppendResult, Extra) {
        let user = try authorize(permission)
        var attempts = 0
        while true {
            attempts += 1
            var extra: Extra?
            do {
                let result = try store.append(AppendMetadata(actor: user.name, causation: command, recordedAt: clock.recordedAt),
                                              expectedHead: head) { context in
                    let decision = try Self.mapRejection { try decide(self.state, IDAllocator(context: context)) }
                    extra = decision.extra
                    return decision.events
                }
                try refresh()
                guard let extra else { throw CommandFailure("the command produced no result") }
                return (result, extra)
            } catch EventStoreError.logMoved where attempts < 20 {
                try refresh()
            }
        }
    }

    @discardableResult
    func append(permission: Permission, command: String,
                _ decide: (PracticeState, IDAllocator) throws -> [NewEvent]) throws -> AppendResult {
        try append(permission: permission, command: command) { state, ids in (try decide(state, ids), ()) }.0
    }

    /// Today where the practice is, by the session's clock.
    var today: LocalDate { clock.today(in: state.directory.practice?.timeZone ?? (try? TimeZoneID("UTC"))) }

    static func mapRejection<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let rejection as Rejection {
            throw RejectionFailure(rejection)
        } catch let error as ValueError {
            throw CommandFailure(error.description, exitCode: .usage)
        }
    }
}

/// Allocates the numbers of human ids (PT1001, AP1001…) inside the append transaction.
struct IDAllocator {
    let context: AppendContext
    /// Ids start at 1001 so they read as ids, not counts.
    static let base: UInt64 = 1_000

    func next<ID: PrefixedID>(_ type: ID.Type) throws -> ID {
        ID(Self.base + (try context.nextNumber(ID.prefix)))
    }

    /// The number `next` would hand out, without taking it: the first of an
    /// `IDSequence`, whose use is then recorded with `advance`.
    func peek<ID: PrefixedID>(_ type: ID.Type) throws -> UInt64 {
        Self.base + (try context.currentNumber(ID.prefix)) + 1
    }

    /// Takes `count` numbers, after an `IDSequence` starting at `peek` used them.
    func advance<ID: PrefixedID>(_ type: ID.Type, by count: UInt64) throws {
        for _ in 0..<count { _ = try context.nextNumber(ID.prefix) }
    }
}

/// A domain rejection as the CLI reports it: "--field: reason", the hint, exit 1 or 2.
struct RejectionFailure: UserError {
    let rejection: Rejection
    /// The running command's positional argument names: a field among them is shown as `<field>`.
    var positionalArguments: Set<String> = []

    init(_ rejection: Rejection) { self.rejection = rejection }

    var message: String {
        var text = positionalArguments.contains(rejection.field) ? "<\(rejection.field)>: \(rejection.reason)" : rejection.description
        // The reason already names the first clash; list the others so a recurring
        // booking shows every conflict at once.
        let more = rejection.conflicts.map { "\($0)" }.filter { !text.contains($0) }
        if !more.isEmpty {
            text += " (also: " + more.joined(separator: "; ") + ")"
        }
        if !rejection.duplicates.isEmpty {
            text += " (likely duplicates: " + rejection.duplicates.map(\.description).joined(separator: ", ") + ")"
        }
        return text
    }

    var hint: String? { rejection.hint ?? "see --help for this command" }
    var exitCode: ExitCode { rejection.kind == .usage ? .usage : .refused }
}
