import CLMDB

/// A BLAKE2b digest of the `meta` table — the human-id counters, the next stream
/// number, the current dictionary and each dictionary's own digest — kept in the
/// table itself so `store verify` can tell when one of them changed behind the
/// log's back. The chain covers the records; a damaged counter would hand out a
/// patient or claim id twice, so it needs cover of its own.
///
/// The head is left out (the chain checks it), and so is the digest's own entry.
/// Every transaction that writes meta rewrites the digest before it commits; the
/// table is small (a few dozen entries), so that costs microseconds.
enum MetaDigest {
    static let key = Array("digest".utf8)

    static func compute(_ txn: LMDBTransaction) throws -> [UInt8] {
        var hasher = Blake2b()
        let cursor = try txn.cursor(txn.database(LogDatabase.meta))
        var op = MDB_FIRST
        while try cursor.move(op, { k, v in
            let name = Array(k)
            guard name != MetaKey.head, name != key else { return }
            // Length-prefixed, so ("ab","c") and ("a","bc") hash apart.
            hasher.update(BigEndian.u32(UInt32(k.count)))
            hasher.update(k)
            hasher.update(BigEndian.u32(UInt32(v.count)))
            hasher.update(v)
        }) { op = MDB_NEXT }
        return hasher.finish()
    }

    static func store(_ txn: LMDBTransaction) throws {
        try txn.put(txn.database(LogDatabase.meta), key, try compute(txn))
    }

    /// Nil when it matches; otherwise what is wrong. A store from before the digest has
    /// none until its next append writes one.
    static func check(_ txn: LMDBTransaction) throws -> String? {
        guard let stored = try txn.get(txn.database(LogDatabase.meta), key) else { return nil }
        return try compute(txn) == stored ? nil
            : "its counters, stream numbering or dictionary settings differ from what was last written"
    }
}
