import CLMDB
import Foundation

/// One LMDB environment (a directory with `data.mdb` and `lock.mdb`), its
/// named databases, and the map size that grows on demand.
///
/// Transactions only exist inside `read { }` / `write { }` closures so none can
/// outlive its scope. When a write fills the map, the transaction is aborted, the
/// map doubled and the closure run again; when another process grew the map,
/// this one adopts the new size and retries. Both need every transaction of this
/// process to be finished, which the resize lock guarantees.
final class LMDBEnvironment: @unchecked Sendable {
    let env: OpaquePointer
    let path: String
    private let resizeLock = ReadWriteLock()
    private var databases: [String: MDB_dbi] = [:]

    /// `fileMode` is what LMDB creates `data.mdb` and `lock.mdb` with (patients' data: owner only by default).
    /// - throws: `LMDBError` from `mdb_env_open` (e.g. ENOENT when the directory is missing).
    init(path: String, mapSize: Int, maxDatabases: UInt32, readOnly: Bool = false, fileMode: mode_t = 0o600) throws(LMDBError) {
        var handle: OpaquePointer?
        try LMDBError.check(mdb_env_create(&handle))
        guard let handle else { throw LMDBError(ENOMEM) }
        do {
            try LMDBError.check(mdb_env_set_maxdbs(handle, maxDatabases))
            try LMDBError.check(mdb_env_set_maxreaders(handle, 256))
            try LMDBError.check(mdb_env_set_mapsize(handle, mapSize))
            // MDB_NOTLS: read transactions belong to the transaction object, not the
            // thread, so a catch-up reader may move between threads.
            var flags = UInt32(MDB_NOTLS)
            if readOnly { flags |= UInt32(MDB_RDONLY) }
            try LMDBError.check(mdb_env_open(handle, path, flags, fileMode))
        } catch {
            mdb_env_close(handle)
            throw error
        }
        self.env = handle
        self.path = path
    }

    deinit { mdb_env_close(env) }

    /// Opens (creating when asked) the named databases once; handles stay valid for the environment's life.
    func openDatabases(_ names: [String], create: Bool, flags: (String) -> UInt32 = { _ in 0 }) throws(LMDBError) {
        do {
            try openDatabasesUntyped(names, create: create, flags: flags)
        } catch let error as LMDBError {
            throw error
        } catch {
            throw LMDBError(MDB_PANIC)
        }
    }

    private func openDatabasesUntyped(_ names: [String], create: Bool, flags: (String) -> UInt32) throws {
        try write { txn in
            for name in names {
                var dbi: MDB_dbi = 0
                try LMDBError.check(mdb_dbi_open(txn.pointer, name, (create ? UInt32(MDB_CREATE) : 0) | flags(name), &dbi))
                databases[name] = dbi
            }
        }
    }

    func database(_ name: String) -> MDB_dbi {
        // Only names opened in `openDatabases` are used; an unknown name is a programming error.
        guard let dbi = databases[name] else { preconditionFailure("database \(name) was not opened") }
        return dbi
    }

    var mapSize: Int {
        var info = MDB_envinfo()
        mdb_env_info(env, &info)
        return info.me_mapsize
    }

    /// Begins a transaction holding the resize lock shared; nil means another process
    /// grew the map, which this one has now adopted, so the caller should try again.
    private func begin(readOnly: Bool) throws -> OpaquePointer? {
        resizeLock.lockShared()
        var txn: OpaquePointer?
        let rc = mdb_txn_begin(env, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &txn)
        if rc == MDB_MAP_RESIZED {
            resizeLock.unlock()
            try adoptGrownMap()
            return nil
        }
        guard rc == 0, let txn else {
            resizeLock.unlock()
            throw LMDBError(rc)
        }
        return txn
    }

    func read<T>(_ body: (LMDBTransaction) throws -> T) throws -> T {
        while true {
            guard let txn = try begin(readOnly: true) else { continue }
            defer {
                mdb_txn_abort(txn)
                resizeLock.unlock()
            }
            return try body(LMDBTransaction(pointer: txn, environment: self))
        }
    }

    /// Runs `body` in one write transaction and commits it durably (LMDB syncs on commit).
    /// The body may run more than once (after a map resize), so it must have no effects
    /// outside the transaction.
    func write<T>(_ body: (LMDBTransaction) throws -> T) throws -> T {
        while true {
            guard let txn = try begin(readOnly: false) else { continue }
            let result: T
            do {
                result = try body(LMDBTransaction(pointer: txn, environment: self))
            } catch let error as LMDBError where error == .mapFull {
                mdb_txn_abort(txn)
                resizeLock.unlock()
                try grow()
                continue
            } catch {
                mdb_txn_abort(txn)
                resizeLock.unlock()
                throw error
            }
            let commit = mdb_txn_commit(txn)
            resizeLock.unlock()
            if commit == MDB_MAP_FULL {
                try grow()
                continue
            }
            try LMDBError.check(commit)
            return result
        }
    }

    /// Doubles the map. Called with no transaction of this process open.
    private func grow() throws(LMDBError) {
        resizeLock.lockExclusive()
        defer { resizeLock.unlock() }
        let current = mapSize
        try LMDBError.check(mdb_env_set_mapsize(env, current * 2))
    }

    /// Grows the map up front so that `bytes` more fit, rather than doubling it
    /// (and re-running a big transaction) several times during bulk writes.
    func reserve(_ bytes: Int) throws(LMDBError) {
        resizeLock.lockExclusive()
        defer { resizeLock.unlock() }
        var info = MDB_envinfo()
        mdb_env_info(env, &info)
        var stat = MDB_stat()
        mdb_env_stat(env, &stat)
        let needed = (Int(info.me_last_pgno) + 1) * Int(stat.ms_psize) + bytes
        var size = info.me_mapsize
        while size < needed { size *= 2 }
        if size != info.me_mapsize { try LMDBError.check(mdb_env_set_mapsize(env, size)) }
    }

    /// Another process grew the map: passing 0 adopts the size recorded in the file.
    private func adoptGrownMap() throws(LMDBError) {
        resizeLock.lockExclusive()
        defer { resizeLock.unlock() }
        try LMDBError.check(mdb_env_set_mapsize(env, 0))
    }

    /// A consistent copy of the environment, taken inside a read transaction while writers go on.
    func copy(to directory: String, compact: Bool) throws(LMDBError) {
        resizeLock.lockShared()
        defer { resizeLock.unlock() }
        try LMDBError.check(mdb_env_copy2(env, directory, compact ? UInt32(MDB_CP_COMPACT) : 0))
    }

    func pageSize() -> Int {
        var stat = MDB_stat()
        mdb_env_stat(env, &stat)
        return Int(stat.ms_psize)
    }
}

/// A pthread read-write lock: many transactions at once, or one map resize alone.
final class ReadWriteLock: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = .allocate(capacity: 1)
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func lockShared() { pthread_rwlock_rdlock(lock) }
    func lockExclusive() { pthread_rwlock_wrlock(lock) }
    func unlock() { pthread_rwlock_unlock(lock) }
}
