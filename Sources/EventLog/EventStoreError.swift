/// Everything the store can refuse or fail with, each naming what went wrong.
///
/// The CLI maps these to exit codes: conflicts are refusals (1), a missing,
/// locked or damaged store is 3.
public enum EventStoreError: Error, Equatable, CustomStringConvertible {
    /// No store exists at the path (run `practica init`).
    case storeMissing(path: String)
    /// A store already exists where one was to be created.
    case storeExists(path: String)
    /// The store could not be opened or locked.
    case storeUnavailable(path: String, reason: String)
    /// The data file is damaged or not a Practica store.
    case storeCorrupt(reason: String)
    /// A stream was not at the version the batch expected.
    case conflict(stream: String, expected: ExpectedVersion, actual: UInt64)
    /// The batch was decided on a log head that has since moved.
    case logMoved(expected: UInt64, actual: UInt64)
    case positionOutOfRange(position: UInt64, last: UInt64)
    case invalidBatch(reason: String)
    case compression(reason: String)
    case dictionaryTraining(reason: String)
    case lmdb(LMDBError, operation: String)
    case io(path: String, reason: String)
    /// A replay copy is a picture of the past: it is read, never appended to.
    case readOnlyReplay(path: String)

    public var description: String {
        switch self {
        case .storeMissing(let path): return "no store at \(path)"
        case .storeExists(let path): return "a store already exists at \(path)"
        case .storeUnavailable(let path, let reason): return "the store at \(path) cannot be opened: \(reason)"
        case .storeCorrupt(let reason): return "the store is damaged: \(reason)"
        case let .conflict(stream, expected, actual):
            return "conflict on stream \(stream): expected \(expected), found version \(actual)"
        case let .logMoved(expected, actual):
            return "the log moved on while deciding: expected head \(expected), found \(actual)"
        case let .positionOutOfRange(position, last):
            return last == 0 ? "position \(position) does not exist: the log is empty"
                : "position \(position) does not exist: the log ends at \(last)"
        case .invalidBatch(let reason): return "invalid batch: \(reason)"
        case .compression(let reason): return "compression failed: \(reason)"
        case .dictionaryTraining(let reason): return "dictionary training failed: \(reason)"
        case let .lmdb(error, operation): return "\(operation): \(error)"
        case let .io(path, reason): return "\(Self.shown(path)): \(reason)"
        case .readOnlyReplay(let path): return "\(path) is a replay copy of the past and cannot be changed"
        }
    }
}

extension EventStoreError {
    /// A path as an error shows it: whole up to 60 characters, else its end (the part
    /// that says which file), so a pasted-in overlong path doesn't flood the terminal.
    static func shown(_ path: String) -> String {
        path.count <= 60 ? path : "…" + path.suffix(59)
    }
}

/// What a batch expects of a stream before it appends to it.
public enum ExpectedVersion: Equatable, Hashable, Sendable, CustomStringConvertible {
    case any
    case noStream
    /// The stream's current version (its number of events) must be exactly this.
    case exactly(UInt64)

    public var description: String {
        switch self {
        case .any: return "any version"
        case .noStream: return "no stream yet"
        case .exactly(let v): return "version \(v)"
        }
    }

    func admits(_ actual: UInt64) -> Bool {
        switch self {
        case .any: return true
        case .noStream: return actual == 0
        case .exactly(let v): return actual == v
        }
    }
}
