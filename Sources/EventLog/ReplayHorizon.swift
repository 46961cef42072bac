import CLMDB
import Foundation

/// A replay copy's cut: the position its log is read up to, kept in a small
/// text file beside the log so every tool opening the copy honours it.
enum ReplayHorizon {
    static func file(_ paths: StorePaths) -> String { paths.root + "/replay-horizon" }

    static func read(_ paths: StorePaths) -> UInt64? {
        guard let text = try? String(contentsOfFile: file(paths), encoding: .utf8) else { return nil }
        return UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

extension EventStore {
    /// The last position of the longest prefix of the log recorded at or before `millis`:
    /// what the system knew at that moment.
    public func lastPosition(recordedAtOrBefore millis: Int64) throws -> UInt64 {
        try run("find the log cut") {
            try environment.read { txn in
                let cursor = try txn.cursor(txn.database(LogDatabase.batches))
                var cut: UInt64 = 0
                var op = MDB_FIRST
                var keepGoing = true
                while keepGoing, try cursor.move(op, { k, v in
                    let batch = try BatchRecord.decode(Array(v))
                    guard batch.recordedAtMillis <= millis, let first = PositionKey.decode(k) else { keepGoing = false; return }
                    cut = first + batch.count - 1
                }) { op = MDB_NEXT }
                return min(cut, horizon ?? .max)
            }
        }
    }

    /// Writes a copy of the log into `directory` that reads as if it ended at `position`.
    public func replayCopy(until position: UInt64, into directory: String) throws {
        try backup(to: directory)
        let target = StorePaths(root: directory)
        try permissions.writeNewFile(Array("\(position)\n".utf8), to: ReplayHorizon.file(target))
    }
}
