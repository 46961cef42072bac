import CLMDB
import Foundation

/// A plain LMDB environment of named key-value tables, for read models.
///
/// Projections live in their own environment (`<store>/views`), apart from the
/// log: dropping it only costs a rebuild. Tables are opened by name on first
/// use; like the log, the map grows on demand.
///
/// ```swift
/// let views = try KeyValueStore(path: paths.views)
/// try views.write { tx in try tx.put("schedule", key: k, value: v) }
/// let v = try views.read { tx in try tx.get("schedule", key: k) }
/// ```
public final class KeyValueStore: @unchecked Sendable {
    let environment: LMDBEnvironment
    private let lock = NSLock()
    private var tables: [String: MDB_dbi] = [:]
    /// Who may read the environment's files and locks.
    let permissions: StorePermissions

    /// Set when the environment's data file was found damaged and discarded
    /// (`discardingDamage`), saying what was wrong: its tables start empty.
    public private(set) var discardedDamage: String?

    /// Opens (creating when absent) the environment at `path`.
    ///
    /// A data file cut short would crash the process on first read (LMDB maps it),
    /// so it is checked first. Read models are disposable: with `discardingDamage`
    /// a damaged file is deleted and an empty environment made in its place (the
    /// caller rebuilds from the log); without it, damage is `.storeCorrupt`.
    public init(path: String, mapSize: Int = 64 << 20, discardingDamage: Bool = false,
                permissions: StorePermissions = .ownerOnly) throws(EventStoreError) {
        self.permissions = permissions
        try permissions.createDirectory(path)
        discardedDamage = try Self.checkDataFile(in: path, discardingDamage: discardingDamage, permissions: permissions)
        let creating = !FileManager.default.fileExists(atPath: path + "/data.mdb")
        do {
            environment = try LMDBEnvironment(path: path, mapSize: mapSize, maxDatabases: 256, fileMode: permissions.fileMode)
        } catch {
            if error.meansCorruption { throw .storeCorrupt(reason: "\(path)/data.mdb: \(error)") }
            throw .storeUnavailable(path: path, reason: error.description)
        }
        if creating {
            try permissions.restrict(file: path + "/data.mdb")
            try permissions.restrict(file: path + "/lock.mdb")
        }
    }

    public func read<T>(_ body: (KeyValueTransaction) throws -> T) throws -> T {
        try environment.read { txn in
            let tx = KeyValueTransaction(txn: txn, store: self, writable: false)
            return try body(tx)
        }
    }

    /// One durable write transaction; everything in it lands together or not at all.
    public func write<T>(_ body: (KeyValueTransaction) throws -> T) throws -> T {
        var opened: [String: MDB_dbi] = [:]
        var dropped: Set<String> = []
        let result = try environment.write { txn in
            let tx = KeyValueTransaction(txn: txn, store: self, writable: true)
            let value = try body(tx)
            opened = tx.opened
            dropped = tx.dropped
            return value
        }
        lock.lock()
        for (name, dbi) in opened { tables[name] = dbi }
        for name in dropped { tables[name] = nil }
        lock.unlock()
        return result
    }

    /// Runs bulk work (a rebuild) without syncing the meta page on each commit, then
    /// syncs once at the end: nothing of it is in use until a later transaction switches
    /// to it. MDB_NOMETASYNC (not MDB_NOSYNC) keeps the environment consistent if the
    /// machine crashes meanwhile; at worst the last commits are lost.
    public func withoutSyncing<T>(_ body: () throws -> T) throws -> T {
        mdb_env_set_flags(environment.env, UInt32(MDB_NOMETASYNC), 1)
        defer { mdb_env_set_flags(environment.env, UInt32(MDB_NOMETASYNC), 0) }
        let result = try body()
        try LMDBError.check(mdb_env_sync(environment.env, 1))
        return result
    }

    /// Makes room for about `bytes` more data before a bulk write (a rebuild),
    /// so the map is grown once instead of doubling mid-transaction.
    public func reserve(bytes: Int) throws {
        try environment.reserve(bytes)
    }

    /// Runs `body` holding an exclusive advisory lock (flock) named `name` in the
    /// environment's directory, so processes take turns at work that must not
    /// overlap, such as rebuilding the same read model.
    public func exclusively<T>(_ name: String, _ body: () throws -> T) throws -> T {
        let path = environment.path + "/\(name).lock"
        let fd = open(path, O_CREAT | O_RDWR, permissions.fileMode)
        guard fd >= 0 else { throw EventStoreError.io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw EventStoreError.io(path: path, reason: String(cString: strerror(errno))) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Checks `data.mdb` before LMDB maps it; returns the damage discarded, if any.
    private static func checkDataFile(in path: String, discardingDamage: Bool,
                                      permissions: StorePermissions) throws(EventStoreError) -> String? {
        let dataFile = path + "/data.mdb"
        switch DataFileCheck.inspect(dataFile) {
        case .absent, .sound: return nil
        case .unreadable(let reason): throw .storeUnavailable(path: path, reason: "\(dataFile): \(reason)")
        case .damaged(let reason):
            guard discardingDamage else { throw .storeCorrupt(reason: reason) }
            // Two processes may find the same damage: the second must not delete the
            // first one's fresh file, so look again while holding the repair lock.
            let lockPath = path + "/repair.lock"
            let fd = open(lockPath, O_CREAT | O_RDWR, permissions.fileMode)
            guard fd >= 0 else { throw .io(path: lockPath, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else { throw .io(path: lockPath, reason: String(cString: strerror(errno))) }
            }
            defer { flock(fd, LOCK_UN) }
            guard case .damaged = DataFileCheck.inspect(dataFile) else { return nil }
            for file in [dataFile, path + "/lock.mdb"] where unlink(file) != 0 && errno != ENOENT {
                throw .io(path: file, reason: "cannot remove the damaged file: \(String(cString: strerror(errno)))")
            }
            return reason
        }
    }

    func cachedTable(_ name: String) -> MDB_dbi? {
        lock.lock(); defer { lock.unlock() }
        return tables[name]
    }
}

/// A table resolved within one transaction.
public struct KeyValueTable {
    let dbi: MDB_dbi
    public let name: String
}

/// A transaction over a `KeyValueStore`, valid only inside its closure.
public final class KeyValueTransaction {
    let txn: LMDBTransaction
    unowned let store: KeyValueStore
    let writable: Bool
    var opened: [String: MDB_dbi] = [:]
    var dropped: Set<String> = []

    init(txn: LMDBTransaction, store: KeyValueStore, writable: Bool) {
        self.txn = txn
        self.store = store
        self.writable = writable
    }

    /// The table's handle, or nil when a read finds it doesn't exist yet.
    private func table(_ name: String) throws -> MDB_dbi? {
        if dropped.contains(name) { return nil }
        if let dbi = opened[name] ?? store.cachedTable(name) { return dbi }
        var dbi: MDB_dbi = 0
        let rc = mdb_dbi_open(txn.pointer, name, writable ? UInt32(MDB_CREATE) : 0, &dbi)
        if rc == MDB_NOTFOUND { return nil }
        try LMDBError.check(rc)
        // A handle opened in a read transaction is released with it; only writes keep theirs.
        if writable { opened[name] = dbi }
        return dbi
    }

    /// Resolves a table once, for code that touches it many times in one transaction.
    public func handle(_ table: String) throws -> KeyValueTable? {
        try self.table(table).map { KeyValueTable(dbi: $0, name: table) }
    }

    public func get(_ table: KeyValueTable, key: [UInt8]) throws -> [UInt8]? { try txn.get(table.dbi, key) }
    public func put(_ table: KeyValueTable, key: [UInt8], value: [UInt8]) throws { try txn.put(table.dbi, key, value) }
    public func delete(_ table: KeyValueTable, key: [UInt8]) throws { try txn.delete(table.dbi, key) }
    /// Puts keys that sort after every key already in the table, in order (MDB_APPEND:
    /// pages filled whole): how a rebuild writes a table. `fill` calls the appender once
    /// per entry. One cursor serves them all, so each append continues at the last page
    /// instead of searching down from the root as a put of its own would. A key out of
    /// order fails with MDB_KEYEXIST instead of landing anywhere.
    public func append(to table: KeyValueTable, _ fill: (KeyValueAppender) throws -> Void) throws {
        let cursor = try txn.cursor(table.dbi)
        // Closed here, while the transaction is live, as LMDB requires of a write
        // cursor; an appender kept past `fill` refuses to append.
        defer { cursor.close() }
        try fill(KeyValueAppender(cursor: cursor))
    }

    public func get(_ table: String, key: [UInt8]) throws -> [UInt8]? {
        guard let dbi = try self.table(table) else { return nil }
        return try txn.get(dbi, key)
    }

    public func put(_ table: String, key: [UInt8], value: [UInt8]) throws {
        guard let dbi = try self.table(table) else { return }
        try txn.put(dbi, key, value)
    }

    public func delete(_ table: String, key: [UInt8]) throws {
        guard let dbi = try self.table(table) else { return }
        try txn.delete(dbi, key)
    }

    /// Visits entries whose key starts with `prefix`, in key order (from `start` when given),
    /// until `body` returns false.
    public func scan(_ table: String, prefix: [UInt8] = [], from start: [UInt8]? = nil, reverse: Bool = false,
                     _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        guard let handle = try self.handle(table) else { return }
        try scan(handle, prefix: prefix, from: start, reverse: reverse, body)
    }

    public func scan(_ table: KeyValueTable, prefix: [UInt8] = [], from start: [UInt8]? = nil, reverse: Bool = false,
                     _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        let dbi = table.dbi
        let cursor = try txn.cursor(dbi)
        var key: [UInt8]?
        var op: MDB_cursor_op
        if reverse {
            // Position after the prefix range, then walk back.
            var upper = prefix
            while let last = upper.last, last == 0xFF { upper.removeLast() }
            if let last = upper.last {
                upper[upper.count - 1] = last + 1
                let found = try cursor.move(MDB_SET_RANGE, key: upper) { _, _ in }
                op = found ? MDB_PREV : MDB_LAST
            } else {
                op = MDB_LAST
            }
            if let start {
                // The last key ≤ start: the first key ≥ start, stepped back if it is past start.
                var found: [UInt8]?
                let exists = try cursor.move(MDB_SET_RANGE, key: start) { k, _ in found = Array(k) }
                op = !exists ? MDB_LAST : (found == start ? MDB_GET_CURRENT : MDB_PREV)
                key = nil
            }
        } else {
            key = start ?? prefix
            op = (key?.isEmpty ?? true) ? MDB_FIRST : MDB_SET_RANGE
            if key?.isEmpty ?? false { key = nil }
        }
        var keepGoing = true
        while keepGoing {
            let moved = try cursor.move(op, key: key) { k, v in
                let keyBytes = Array(k)
                guard keyBytes.starts(with: prefix) else { keepGoing = false; return }
                keepGoing = try body(keyBytes, Array(v))
            }
            if !moved { break }
            key = nil
            op = reverse ? MDB_PREV : MDB_NEXT
        }
    }

    public func count(_ table: String) throws -> Int {
        guard let dbi = try self.table(table) else { return 0 }
        return try txn.entryCount(dbi)
    }

    /// Bytes used by the table's pages.
    public func bytesUsed(_ table: String) throws -> Int {
        guard let dbi = try self.table(table) else { return 0 }
        return try txn.pagesUsed(dbi) * txn.environment.pageSize()
    }

    /// Deletes the table and its contents.
    public func drop(_ table: String) throws {
        guard let dbi = try self.table(table) else { return }
        try LMDBError.check(mdb_drop(txn.pointer, dbi, 1))
        opened[table] = nil
        dropped.insert(table)
    }

    /// Names of every table in the environment.
    public func tableNames() throws -> [String] {
        let cursor = try txn.cursor(1)   // MAIN_DBI: the table of named tables
        var names: [String] = []
        var op = MDB_FIRST
        while try cursor.move(op, { k, _ in names.append(String(decoding: k, as: UTF8.self)) }) { op = MDB_NEXT }
        return names
    }
}

/// Appends entries in key order through one write cursor (`KeyValueTransaction.append(to:_:)`).
public struct KeyValueAppender {
    let cursor: LMDBCursor

    public func append(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws {
        try cursor.put(key: key, value: value, flags: MDB_APPEND)
    }
}
