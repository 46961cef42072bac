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
    public let name: String

    public func get(_ key: [UInt8]) throws -> [UInt8]? { try transaction.get(name, key: key) }
    public func put(_ key: [UInt8], _ value: [UInt8]) throws { try transaction.put(name, key: key, value: value) }
    public func delete(_ key: [UInt8]) throws { try transaction.delete(name, key: key) }

    public func scan(prefix: [UInt8] = [], from start: [UInt8]? = nil, reverse: Bool = false,
                     _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        try transaction.scan(name, prefix: prefix, from: start, reverse: reverse, body)
    }
}
