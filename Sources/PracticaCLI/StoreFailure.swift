import CLIKit
import EventLog
import Projections

/// How read-model errors read: a damaged read model is store damage (exit 3), but
/// one that can always be repaired from the log.
struct ReadModelFailure: UserError {
    let error: ProjectionError

    init(_ error: ProjectionError) { self.error = error }

    var message: String { error.description }

    var hint: String? {
        switch error {
        case .damaged: return "rebuild the read models from the log with 'practica projections rebuild'"
        case .notBuilt: return "run 'practica projections rebuild'"
        case .unknown: return "see 'practica projections status' for their names"
        }
    }

    var exitCode: ExitCode {
        switch error {
        case .damaged: return .storeUnavailable
        case .notBuilt: return .refused
        case .unknown: return .usage
        }
    }
}

/// Names the option or argument a path came from when the store can't write there.
enum OptionBlame {
    static func blaming<T>(_ option: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch EventStoreError.io(let path, let reason) {
            throw CommandFailure("\(option): \(EventStoreError.io(path: path, reason: reason))",
                                 hint: "give a new or empty folder you may write to")
        }
    }
}

/// How store errors read to the person at the keyboard, and which exit code they mean.
struct StoreFailure: UserError {
    let error: EventStoreError

    init(_ error: EventStoreError) { self.error = error }

    var message: String { error.description }

    var hint: String? {
        switch error {
        case .storeMissing: return "create one with 'practica init', or point --store / PRACTICA_STORE at an existing store"
        case .storeExists: return "use that store, or choose another path with --store"
        case .storeUnavailable: return "check the path's permissions, or whether another program holds the store"
        case .storeCorrupt: return "restore the store from your latest backup ('practica store backup' makes them); 'practica store verify' names what is damaged"
        case .lmdb(let cause, _): return cause.hint
        case .conflict, .logMoved: return "someone else changed the same records; run the command again"
        case .positionOutOfRange: return "see 'practica log tail' for the newest positions"
        case .dictionaryTraining: return "append more events first"
        case .io: return "choose another path"
        case .readOnlyReplay: return "run the command against the live store instead"
        default: return nil
        }
    }

    var exitCode: ExitCode {
        switch error {
        case .storeMissing, .storeUnavailable, .storeCorrupt, .lmdb: return .storeUnavailable
        default: return .refused
        }
    }
}
