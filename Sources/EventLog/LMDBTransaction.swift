import CLMDB

/// A live LMDB transaction, valid only inside the closure that received it.
struct LMDBTransaction {
    let pointer: OpaquePointer
    unowned let environment: LMDBEnvironment

    func database(_ name: String) -> MDB_dbi { environment.database(name) }

    /// Copies the value out: LMDB's memory is only valid until the transaction ends.
    func get(_ dbi: MDB_dbi, _ key: [UInt8]) throws(LMDBError) -> [UInt8]? {
        var found: [UInt8]?
        var rc: Int32 = 0
        key.withUnsafeBytes { k in
            var keyVal = MDB_val(mv_size: k.count, mv_data: UnsafeMutableRawPointer(mutating: k.baseAddress))
            var value = MDB_val()
            rc = mdb_get(pointer, dbi, &keyVal, &value)
            if rc == 0 { found = LMDBTransaction.bytes(value) }
        }
        if rc == MDB_NOTFOUND || isUnstorable(rc, keyBytes: key.count) { return nil }
        try LMDBError.check(rc)
        return found
    }

    /// Looks a key up and lends the value (nil when absent) to `body` without copying it.
    func withValue<T>(_ dbi: MDB_dbi, key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?) throws -> T) throws -> T {
        var keyVal = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var value = MDB_val()
        let rc = mdb_get(pointer, dbi, &keyVal, &value)
        if rc == MDB_NOTFOUND || isUnstorable(rc, keyBytes: key.count) { return try body(nil) }
        try LMDBError.check(rc)
        return try body(UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
    }

    /// LMDB refuses an empty or overlong key (over 511 bytes) with MDB_BAD_VALSIZE; no
    /// such key can be stored, so looking one up (a person typed an empty or huge id)
    /// finds nothing rather than failing.
    private func isUnstorable(_ rc: Int32, keyBytes: Int) -> Bool {
        rc == MDB_BAD_VALSIZE && (keyBytes == 0 || keyBytes > Int(mdb_env_get_maxkeysize(environment.env)))
    }

    func put(_ dbi: MDB_dbi, _ key: [UInt8], _ value: [UInt8], flags: Int32 = 0) throws(LMDBError) {
        var rc: Int32 = 0
        key.withUnsafeBytes { k in
            value.withUnsafeBytes { v in
                var keyVal = MDB_val(mv_size: k.count, mv_data: UnsafeMutableRawPointer(mutating: k.baseAddress))
                var valueVal = MDB_val(mv_size: v.count, mv_data: UnsafeMutableRawPointer(mutating: v.baseAddress))
                rc = mdb_put(pointer, dbi, &keyVal, &valueVal, UInt32(flags))
            }
        }
        try LMDBError.check(rc)
    }

    /// Puts without copying into Swift arrays first (the hot append path).
    func put(_ dbi: MDB_dbi, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, flags: Int32 = 0) throws(LMDBError) {
        var keyVal = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var valueVal = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try LMDBError.check(mdb_put(pointer, dbi, &keyVal, &valueVal, UInt32(flags)))
    }

    func delete(_ dbi: MDB_dbi, _ key: [UInt8]) throws(LMDBError) {
        var rc: Int32 = 0
        key.withUnsafeBytes { k in
            var keyVal = MDB_val(mv_size: k.count, mv_data: UnsafeMutableRawPointer(mutating: k.baseAddress))
            rc = mdb_del(pointer, dbi, &keyVal, nil)
        }
        if rc == MDB_NOTFOUND { return }
        try LMDBError.check(rc)
    }

    func entryCount(_ dbi: MDB_dbi) throws(LMDBError) -> Int {
        var stat = MDB_stat()
        try LMDBError.check(mdb_stat(pointer, dbi, &stat))
        return stat.ms_entries
    }

    func pagesUsed(_ dbi: MDB_dbi) throws(LMDBError) -> Int {
        var stat = MDB_stat()
        try LMDBError.check(mdb_stat(pointer, dbi, &stat))
        return stat.ms_branch_pages + stat.ms_leaf_pages + stat.ms_overflow_pages
    }

    func cursor(_ dbi: MDB_dbi) throws(LMDBError) -> LMDBCursor {
        var cursor: OpaquePointer?
        try LMDBError.check(mdb_cursor_open(pointer, dbi, &cursor))
        guard let cursor else { throw LMDBError.badTransaction }
        return LMDBCursor(pointer: cursor)
    }

    static func bytes(_ value: MDB_val) -> [UInt8] {
        guard let data = value.mv_data, value.mv_size > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: value.mv_size))
    }
}

/// A cursor over one database; closes itself when dropped.
final class LMDBCursor {
    let pointer: OpaquePointer
    private var isClosed = false

    init(pointer: OpaquePointer) { self.pointer = pointer }
    deinit { close() }

    /// Closes the cursor now; later calls do nothing. A write transaction's cursor
    /// must be closed while the transaction is live, so its owner closes it then
    /// rather than leaving it to whoever holds the last reference.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        mdb_cursor_close(pointer)
    }

    /// Puts at the cursor (a write transaction's cursor), without copying the bytes first.
    func put(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, flags: Int32) throws(LMDBError) {
        guard !isClosed else { throw LMDBError.badTransaction }
        var keyVal = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var valueVal = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try LMDBError.check(mdb_cursor_put(pointer, &keyVal, &valueVal, UInt32(flags)))
    }

    /// Positions the cursor and hands the key and value to `body` without copying.
    /// Returns false when there is no such entry.
    @discardableResult
    func move(_ op: MDB_cursor_op, key: [UInt8]? = nil,
              _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        var keyVal = MDB_val()
        var value = MDB_val()
        var rc: Int32
        if let key {
            rc = key.withUnsafeBytes { k in
                keyVal = MDB_val(mv_size: k.count, mv_data: UnsafeMutableRawPointer(mutating: k.baseAddress))
                return mdb_cursor_get(pointer, &keyVal, &value, op)
            }
        } else {
            rc = mdb_cursor_get(pointer, &keyVal, &value, op)
        }
        if rc == MDB_NOTFOUND { return false }
        try LMDBError.check(rc)
        try body(UnsafeRawBufferPointer(start: keyVal.mv_data, count: keyVal.mv_size),
                 UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
        return true
    }
}

extension LMDBCursor {
    /// Whether the exact key/value pair exists (a DUPSORT lookup).
    func contains(key: [UInt8], value: [UInt8]) throws -> Bool {
        var found = false
        try key.withUnsafeBytes { k in
            try value.withUnsafeBytes { v in
                var keyVal = MDB_val(mv_size: k.count, mv_data: UnsafeMutableRawPointer(mutating: k.baseAddress))
                var valueVal = MDB_val(mv_size: v.count, mv_data: UnsafeMutableRawPointer(mutating: v.baseAddress))
                let rc = mdb_cursor_get(pointer, &keyVal, &valueVal, MDB_GET_BOTH)
                if rc == MDB_NOTFOUND { return }
                try LMDBError.check(rc)
                found = true
            }
        }
        return found
    }
}

/// Positions are stored as big-endian u64 keys (`BigEndian.u64`) so LMDB's byte order is log order;
/// this reads one straight from LMDB's memory.
enum PositionKey {
    static func decode(_ raw: UnsafeRawBufferPointer) -> UInt64? {
        guard raw.count == 8 else { return nil }
        var v: UInt64 = 0
        for b in raw { v = (v << 8) | UInt64(b) }
        return v
    }
}
