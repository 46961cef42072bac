import CLMDB
import Foundation

/// Size figures for `practica store stats`.
public struct StoreStatistics: Sendable {
    public let events: UInt64
    public let streams: Int
    public let batches: Int
    /// Size of the data file on disk.
    public let fileBytes: Int64
    /// Pages actually holding data (the file may have free pages after deletes).
    public let usedBytes: Int64
    public let mapBytes: Int
    public let dictionaries: Int
    public let currentDictionary: UInt32

    /// Used bytes divided by events; what an event really costs on disk.
    public var bytesPerEvent: Double { events == 0 ? 0 : Double(usedBytes) / Double(events) }
}

extension EventStore {
    public func statistics() throws -> StoreStatistics {
        let attributes = try? FileManager.default.attributesOfItem(atPath: paths.dataFile)
        let fileBytes = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let pageSize = environment.pageSize()
        return try run("read statistics") {
            try environment.read { txn in
                let head = try Head.read(txn)
                var pages = 0
                for name in LogDatabase.all { pages += try txn.pagesUsed(txn.database(name)) }
                let current = try txn.get(txn.database(LogDatabase.meta), MetaKey.currentDictionary).flatMap { BigEndian.u32($0[...]) } ?? 0
                return StoreStatistics(events: min(head.position, horizon ?? .max),
                                       streams: try txn.entryCount(txn.database(LogDatabase.streams)),
                                       batches: try txn.entryCount(txn.database(LogDatabase.batches)),
                                       fileBytes: fileBytes,
                                       usedBytes: Int64(pages * pageSize),
                                       mapBytes: environment.mapSize,
                                       dictionaries: try txn.entryCount(txn.database(LogDatabase.dictionaries)),
                                       currentDictionary: current)
            }
        }
    }

    /// Writes a consistent copy of the log into `directory/log` while writers keep going
    /// (LMDB copies from one read snapshot). The copy is compacted.
    /// - throws: `.io` when the directory exists and is not empty.
    public func backup(to directory: String) throws {
        let fm = FileManager.default
        let target = StorePaths(root: directory)
        if fm.fileExists(atPath: target.root) {
            let contents = (try? fm.contentsOfDirectory(atPath: target.root)) ?? []
            guard contents.isEmpty else { throw EventStoreError.io(path: target.root, reason: "it must be a new or empty folder") }
        }
        // A copy of the patients' data: as private as the store (LMDB writes the copy's
        // data file with the process's umask, so its folder is closed first).
        let permissions = self.permissions
        try permissions.createStoreRoot(target.root)
        try permissions.createDirectory(target.log)
        do {
            try environment.copy(to: target.log, compact: true)
        } catch {
            throw EventStoreError.io(path: target.log, reason: "backup failed: \(error)")
        }
        try permissions.restrict(file: target.dataFile)
    }
}
