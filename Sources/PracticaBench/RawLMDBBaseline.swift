import CLMDB
import Foundation

/// The floor Practica is compared with: LMDB's C API used directly, batched
/// MDB_APPEND puts of ~100-byte values with a durable commit per batch, then a
/// cursor scan that touches every value.
struct RawLMDBBaseline {
    let directory: String
    let events: Int
    let batch: Int

    struct Result {
        var appendEventsPerSecond: Double
        var scanEventsPerSecond: Double
        var bytesPerEvent: Double
    }

    func run() throws -> Result {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var env: OpaquePointer?
        try check(mdb_env_create(&env), "env_create")
        guard let env else { throw BenchError("mdb_env_create returned nothing") }
        defer { mdb_env_close(env) }
        try check(mdb_env_set_mapsize(env, 8 << 30), "set_mapsize")
        try check(mdb_env_open(env, directory, 0, 0o600), "env_open")
        var value = [UInt8](repeating: 0, count: 100)
        for i in value.indices { value[i] = UInt8(truncatingIfNeeded: i &* 31 &+ 7) }
        var dbi: MDB_dbi = 0

        let start = Clock.now()
        var written = 0
        while written < events {
            var txn: OpaquePointer?
            try check(mdb_txn_begin(env, nil, 0, &txn), "txn_begin")
            if written == 0 { try check(mdb_dbi_open(txn, nil, 0, &dbi), "dbi_open") }
            let n = min(batch, events - written)
            for i in 0..<n {
                var key = UInt64(written + i + 1).bigEndian
                value[0] = UInt8(truncatingIfNeeded: i)
                let rc = withUnsafeMutableBytes(of: &key) { k in
                    value.withUnsafeMutableBytes { v in
                        var kv = MDB_val(mv_size: 8, mv_data: k.baseAddress)
                        var vv = MDB_val(mv_size: v.count, mv_data: v.baseAddress)
                        return mdb_put(txn, dbi, &kv, &vv, UInt32(MDB_APPEND))
                    }
                }
                try check(rc, "put")
            }
            try check(mdb_txn_commit(txn), "commit")
            written += n
        }
        let appendSeconds = Clock.now() - start

        let scanStart = Clock.now()
        var txn: OpaquePointer?
        try check(mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &txn), "txn_begin")
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(txn, dbi, &cursor), "cursor_open")
        var key = MDB_val()
        var data = MDB_val()
        var count = 0
        var checksum: UInt64 = 0
        var op = MDB_FIRST
        while mdb_cursor_get(cursor, &key, &data, op) == 0 {
            // Touch the value so the scan is not just a walk over page headers.
            if let p = data.mv_data { checksum &+= UInt64(p.load(fromByteOffset: 0, as: UInt8.self)) }
            count += 1
            op = MDB_NEXT
        }
        mdb_cursor_close(cursor)
        mdb_txn_abort(txn)
        let scanSeconds = Clock.now() - scanStart
        guard count == events else { throw BenchError("raw scan saw \(count) of \(events) (checksum \(checksum))") }
        let size = (try FileManager.default.attributesOfItem(atPath: directory + "/data.mdb")[.size] as? NSNumber)?.doubleValue ?? 0
        return Result(appendEventsPerSecond: Double(events) / appendSeconds,
                      scanEventsPerSecond: Double(events) / scanSeconds,
                      bytesPerEvent: size / Double(events))
    }

    private func check(_ rc: Int32, _ what: String) throws {
        if rc != 0 { throw BenchError("raw LMDB \(what): \(String(cString: mdb_strerror(rc)))") }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Clock {
    static func now() -> Double { ProcessInfo.processInfo.systemUptime }
}
