import CLIKit
import EventLog

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
