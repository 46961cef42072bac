import CLMDB
import Foundation

/// What the chain walk saw, for `TableVerifier` to hold the side tables against.
struct ChainWalkFacts {
    var events: UInt64 = 0
    var batches: UInt64 = 0
    /// Per stream number, its last version met (= its event count).
    var streamVersions: [UInt32: UInt64] = [:]
    var typeNumbers: Set<UInt32> = []
    var actorNumbers: Set<UInt32> = []
    var dictionaryIDs: Set<UInt32> = []
}

/// Checks the tables a reader depends on besides the records, which the chain
/// does not hash: interned names, stream names and numbers, the stream index,
/// the idempotency table, dictionaries and meta. Each finding names its table.
///
/// Names and stream names are append-only and kept both ways (name → number and
/// number → name), so any one changed byte breaks the pair; counts tie them to the
/// counters and to what the records reference. Dictionaries carry their own digest,
/// and meta its digest (`MetaDigest`).
struct TableVerifier {
    let txn: LMDBTransaction
    let facts: ChainWalkFacts

    struct Finding: Error {
        let table: String
        let detail: String
    }

    func run() throws -> Finding? {
        do {
            try names()
            try streams()
            try streamIndex()
            try commands()
            try dictionaries()
            if let detail = try MetaDigest.check(txn) { throw Finding(table: LogDatabase.meta, detail: detail) }
        } catch let finding as Finding {
            return finding
        }
        return nil
    }

    /// The idempotency entry of one batch must give back its positions.
    static func commandEntryProblem(_ txn: LMDBTransaction, batch: BatchRecord, first: UInt64) throws -> String? {
        guard let entry = try txn.get(txn.database(LogDatabase.commands), batch.batchID) else {
            return "the commands table has no entry for this batch (a retry would append it twice)"
        }
        return entry == BigEndian.u64(first) + BigEndian.u64(batch.count) ? nil
            : "the commands table's entry for this batch names other positions"
    }

    private func fail(_ table: String, _ detail: String) -> Finding { Finding(table: table, detail: detail) }

    private func each(_ table: String, _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        let cursor = try txn.cursor(txn.database(table))
        var op = MDB_FIRST
        while try cursor.move(op, { k, v in try body(Array(k), Array(v)) }) { op = MDB_NEXT }
    }

    private func names() throws {
        let table = LogDatabase.names
        var forward: [UInt8: Int] = [:]
        var numbers: [UInt8: Set<UInt32>] = [:]
        var counters: [UInt8: UInt32] = [:]
        try each(table) { key, value in
            guard let tag = key.first else { throw fail(table, "an entry has an empty key") }
            let kind = tag & 0x3F
            guard kind == NameKind.eventType.rawValue || kind == NameKind.actor.rawValue else {
                throw fail(table, "an entry has an unknown kind \(tag)")
            }
            let label = kind == NameKind.eventType.rawValue ? "event type" : "actor"
            switch tag & 0xC0 {
            case 0x00:
                guard let number = BigEndian.u32(value[...]) else { throw fail(table, "the \(label) \(Self.quoted(key.dropFirst())) has a malformed number") }
                guard try txn.get(txn.database(table), [tag | 0x80] + BigEndian.u32(number)) == Array(key.dropFirst()) else {
                    throw fail(table, "the \(label) \(Self.quoted(key.dropFirst())) → \(number) has no matching entry \(number) → name")
                }
                forward[kind, default: 0] += 1
            case 0x80:
                guard let number = BigEndian.u32(key.dropFirst()), number > 0 else { throw fail(table, "a \(label) number key is malformed") }
                guard !value.isEmpty, String(bytes: value, encoding: .utf8) != nil else {
                    throw fail(table, "\(label) \(number) has an empty or unreadable name")
                }
                guard try txn.get(txn.database(table), [kind] + value) == BigEndian.u32(number) else {
                    throw fail(table, "\(label) \(number) → \(Self.quoted(value[...])) has no matching entry name → \(number)")
                }
                numbers[kind, default: []].insert(number)
            case 0x40 where key.count == 1:
                guard let counter = BigEndian.u32(value[...]) else { throw fail(table, "the \(label) counter is malformed") }
                counters[kind] = counter
            default:
                throw fail(table, "an entry has an unknown key shape")
            }
        }
        for (kind, referenced) in [(NameKind.eventType.rawValue, facts.typeNumbers), (NameKind.actor.rawValue, facts.actorNumbers)] {
            let label = kind == NameKind.eventType.rawValue ? "event type" : "actor"
            let counter = counters[kind] ?? 0
            let known = numbers[kind] ?? []
            // Numbers are handed out 1, 2, 3… in the transaction that uses them: all of 1...counter exist, both ways.
            guard known.count == counter, forward[kind, default: 0] == Int(counter), known.allSatisfy({ $0 <= counter }) else {
                throw fail(table, "the \(label) names do not match their counter (\(counter) handed out, \(known.count) stored)")
            }
            if let missing = referenced.first(where: { !known.contains($0) }) {
                throw fail(table, "\(label) \(missing) is used by the log but has no name")
            }
        }
    }

    private func streams() throws {
        var named = 0
        var namedNumbers: Set<UInt32> = []
        var highest: UInt32 = 0
        try each(LogDatabase.streamNames) { key, value in
            guard let number = BigEndian.u32(key[...]), let name = String(bytes: value, encoding: .utf8), !name.isEmpty else {
                throw fail(LogDatabase.streamNames, "an entry is malformed")
            }
            guard let entry = try StreamTable.lookup(name, txn: txn), entry.number == number else {
                throw fail(LogDatabase.streams, "stream \(Self.quoted(value[...])) (number \(number)) is missing or numbered otherwise")
            }
            let counted = facts.streamVersions[number] ?? 0
            guard entry.version == counted else {
                throw fail(LogDatabase.streams, "stream \(Self.quoted(value[...])) claims version \(entry.version); the log holds \(counted) of its events")
            }
            named += 1
            namedNumbers.insert(number)
            highest = max(highest, number)
        }
        let entries = try txn.entryCount(txn.database(LogDatabase.streams))
        guard entries == named else {
            throw fail(LogDatabase.streams, "\(entries) streams are listed but \(named) stream numbers have names")
        }
        if let missing = facts.streamVersions.keys.first(where: { !namedNumbers.contains($0) }) {
            throw fail(LogDatabase.streamNames, "stream number \(missing) is used by the log but has no name")
        }
        let next = try txn.get(txn.database(LogDatabase.meta), MetaKey.nextStreamNumber).flatMap { BigEndian.u32($0[...]) }
        if named > 0, next != highest + 1 {
            throw fail(LogDatabase.meta, "the next stream number is \(next.map(String.init) ?? "missing"), not \(highest + 1)")
        }
    }

    private func streamIndex() throws {
        var perStream: [UInt32: UInt64] = [:]
        var total: UInt64 = 0
        try each(LogDatabase.streamIndex) { key, _ in
            guard let number = BigEndian.u32(key[...]) else { throw fail(LogDatabase.streamIndex, "an entry is malformed") }
            perStream[number, default: 0] += 1
            total += 1
        }
        guard total == facts.events else {
            throw fail(LogDatabase.streamIndex, "it points at \(total) events; the log holds \(facts.events)")
        }
        if let (number, count) = perStream.first(where: { facts.streamVersions[$0.key] != $0.value }) {
            throw fail(LogDatabase.streamIndex, "stream number \(number) has \(count) index entries; the log holds \(facts.streamVersions[number] ?? 0) of its events")
        }
    }

    private func commands() throws {
        let entries = try txn.entryCount(txn.database(LogDatabase.commands))
        guard UInt64(entries) == facts.batches else {
            throw fail(LogDatabase.commands, "\(entries) entries for \(facts.batches) batches")
        }
    }

    private func dictionaries() throws {
        var stored: Set<UInt32> = []
        try each(LogDatabase.dictionaries) { key, value in
            guard let id = BigEndian.u32(key[...]) else { throw fail(LogDatabase.dictionaries, "an entry is malformed") }
            if let digest = try txn.get(txn.database(LogDatabase.meta), MetaKey.dictionaryDigest(id)), digest != Blake2b.digest(value) {
                throw fail(LogDatabase.dictionaries, "dictionary \(id)'s bytes differ from what was trained")
            }
            stored.insert(id)
        }
        if let missing = facts.dictionaryIDs.first(where: { !stored.contains($0) }) {
            throw fail(LogDatabase.dictionaries, "dictionary \(missing) is used by the log but missing")
        }
        if let current = try txn.get(txn.database(LogDatabase.meta), MetaKey.currentDictionary).flatMap({ BigEndian.u32($0[...]) }),
           current != 0, !stored.contains(current) {
            throw fail(LogDatabase.dictionaries, "the current dictionary \(current) is missing")
        }
    }

    /// A name for a message: printable, short.
    static func quoted(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(60), as: UTF8.self)
        return "\"" + text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined() + "\""
    }
}

extension Blake2b {
    /// The 32-byte digest of `bytes` in one call.
    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = Blake2b()
        hasher.update(bytes)
        return hasher.finish()
    }
}
