import Foundation

/// Reads the log from a checkpoint onwards and can keep following new appends,
/// from this process or any other. Positions are assigned at commit, so the
/// reader never skips an event that committed late.
///
/// ```swift
/// let reader = CatchUpReader(store: store, after: checkpoint)
/// while let batch = try reader.next(limit: 1000), !batch.isEmpty { apply(batch) }
/// ```
public final class CatchUpReader {
    public let store: EventStore
    /// The last position handed out; resume from here after a restart.
    public private(set) var checkpoint: UInt64

    public init(store: EventStore, after checkpoint: UInt64) {
        self.store = store
        self.checkpoint = checkpoint
    }

    /// The next events after the checkpoint (empty when caught up).
    public func next(limit: Int = 1_000) throws -> [RecordedEvent] {
        let events = try store.read(from: checkpoint + 1, limit: limit)
        if let last = events.last { checkpoint = last.position }
        return events
    }

    /// Delivers events as they arrive, polling every `interval` when caught up,
    /// until `handler` returns false or `shouldStop` says so.
    public func follow(interval: TimeInterval = 0.2, shouldStop: () -> Bool = { false },
                       _ handler: (RecordedEvent) throws -> Bool) throws {
        while !shouldStop() {
            let events = try next()
            if events.isEmpty {
                Thread.sleep(forTimeInterval: interval)
                continue
            }
            for event in events where try !handler(event) { return }
        }
    }
}
