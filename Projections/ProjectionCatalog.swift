import BinaryCodec
import EventLog

/// Where each projection stands: its version, the table holding its data and
/// the last log position applied. Kept in the views environment's `catalog` table,
/// and switched in one transaction when a rebuild completes.
public struct CatalogEntry: Equatable, Sendable {
    public var version: Int
    public var table: String
    public var checkpoint: UInt64
    public var generation: UInt64

    static let catalogTable = "catalog"

    static func key(_ projection: String) -> [UInt8] { Array(projection.utf8) }

    func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.writeVarUInt(UInt64(version))
        w.writeString(table)
        w.writeVarUInt(checkpoint)
        w.writeVarUInt(generation)
        return w.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> CatalogEntry {
        var r = ByteReader(bytes)
        return CatalogEntry(version: Int(try r.readVarUInt()), table: try r.readString(),
                            checkpoint: try r.readVarUInt(), generation: try r.readVarUInt())
    }

    static func read(_ projection: String, in tx: KeyValueTransaction) throws -> CatalogEntry? {
        try tx.get(catalogTable, key: key(projection)).map(decode)
    }

    func write(_ projection: String, in tx: KeyValueTransaction) throws {
        try tx.put(Self.catalogTable, key: Self.key(projection), value: encoded())
    }

    static func remove(_ projection: String, in tx: KeyValueTransaction) throws {
        try tx.delete(catalogTable, key: key(projection))
    }
}

/// One line of `practica projections status`.
public struct ProjectionStatus: Sendable {
    public let name: String
    public let version: Int
    public let storedVersion: Int?
    public let checkpoint: UInt64
    public let lag: UInt64
    public let bytes: Int
    public let entries: Int
}
