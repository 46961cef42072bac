import CLMDB
import Foundation

extension EventStore {
    /// Trains a zstd dictionary from the store's own recent payloads and makes it
    /// the one new records are compressed with. Old records keep naming the
    /// dictionary they were written with, so they stay readable.
    ///
    /// - Returns: the new dictionary's id and size.
    /// - throws: `.dictionaryTraining` when there are too few events to learn from.
    @discardableResult
    public func trainDictionary(sampleLimit: Int = 20_000, capacity: Int = 16 << 10) throws -> (id: UInt32, bytes: Int) {
        let last = try lastPosition()
        guard last > 0 else { throw EventStoreError.dictionaryTraining(reason: "the log is empty") }
        var samples: [[UInt8]] = []
        samples.reserveCapacity(min(sampleLimit, Int(last)))
        // The newest events best represent what will be written next.
        try scan(from: last, direction: .backward) { event in
            if !event.payload.isEmpty { samples.append(event.payload) }
            return samples.count < sampleLimit
        }
        let dictionary = try DictionaryTrainer.train(samples: samples, capacity: capacity)
        let id: UInt32 = try run("store the dictionary") {
            try environment.write { txn in
                let dicts = txn.database(LogDatabase.dictionaries)
                let meta = txn.database(LogDatabase.meta)
                let cursor = try txn.cursor(dicts)
                var lastID: UInt32 = 0
                try cursor.move(MDB_LAST) { k, _ in lastID = BigEndian.u32(ArraySlice(k)) ?? 0 }
                let id = lastID + 1
                try txn.put(dicts, BigEndian.u32(id), dictionary)
                try txn.put(meta, MetaKey.currentDictionary, BigEndian.u32(id))
                try txn.put(meta, MetaKey.trainedAt, BigEndian.u64(last))
                try txn.put(meta, MetaKey.dictionaryDigest(id), Blake2b.digest(dictionary))
                try MetaDigest.store(txn)
                return id
            }
        }
        return (id, dictionary.count)
    }

    /// Trains automatically once enough events exist, and again when the log has grown
    /// several times over since. Failure is harmless (records stay compressed without a dictionary).
    func maybeAutoTrain(eventCount: UInt64) {
        guard eventCount >= autoTrainThreshold else { return }
        let trainedAt: UInt64? = try? environment.read { txn in
            try txn.get(txn.database(LogDatabase.meta), MetaKey.trainedAt).flatMap { BigEndian.u64($0[...]) }
        } ?? nil
        if let trainedAt, eventCount < trainedAt * Self.autoTrainGrowthFactor { return }
        _ = try? trainDictionary()
    }
}
