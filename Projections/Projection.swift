import BinaryCodec
import EventLog

/// A read model: a name, a version, the event types it cares about, and how one
/// event changes its table.
///
/// Its table and checkpoint are written in one transaction, so every event is
/// applied exactly once, also after a crash. Bumping `version` makes the runner
/// rebuild it from the log.
public protocol Projection: Sendable {
    var name: String { get }
    var version: Int { get }
    /// The event types `apply` needs; other events are skipped without decoding.
    var eventTypes: Set<String> { get }
    func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws
}

/// The one table a projection writes, inside the runner's transaction.
public struct ProjectionTable {
    let transaction: KeyValueTransaction
    /// Resolved once per transaction; nil when a read finds the table not created yet.
    let table: KeyValueTable?
    public let name: String

    init(transaction: KeyValueTransaction, name: String) throws {
        self.transaction = transaction
        self.name = name
        self.table = try transaction.handle(name)
    }

    public func get(_ key: [UInt8]) throws -> [UInt8]? {
        guard let table else { return nil }
        return try transaction.get(table, key: key)
    }

    public func put(_ key: [UInt8], _ value: [UInt8]) throws {
        guard let table else { throw ProjectionError.damaged(name, "its table cannot be written in a read transaction") }
        try transaction.put(table, key: key, value: value)
    }

    public func delete(_ key: [UInt8]) throws {
        guard let table else { return }
        try transaction.delete(table, key: key)
    }

    public func scan(prefix: [UInt8] = [], from start: [UInt8]? = nil, reverse: Bool = false,
                     _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        guard let table else { return }
        try transaction.scan(table, prefix: prefix, from: start, reverse: reverse, body)
    }
}
