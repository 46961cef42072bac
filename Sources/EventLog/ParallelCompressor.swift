import Dispatch
import Foundation

/// Compresses the payloads of a large batch on every core at once.
///
/// zstd is the largest single cost of an append; the payloads of one batch are
/// independent, so a big batch (an import, a demo year) compresses them in
/// parallel chunks before writing them in order. Each chunk has its own zstd
/// context, since a context serves one thread at a time.
final class ParallelCompressor: @unchecked Sendable {
    /// Below this many events the thread hand-off costs more than it saves.
    static let minimumBatch = 512
    private let workers: [ZstdCompressor]

    init(level: Int32, workers count: Int = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)) throws(EventStoreError) {
        var made: [ZstdCompressor] = []
        for _ in 0..<count { made.append(try ZstdCompressor(level: level)) }
        workers = made
    }

    var isWorthIt: Bool { workers.count > 1 }

    /// Compressed payloads in input order; nil where compression would not shrink the payload.
    func compress(_ payloads: [[UInt8]], dictionary id: UInt32, dictionaryBytes: [UInt8]?) throws -> [[UInt8]?] {
        if let dictionaryBytes, id != 0 {
            for worker in workers { try worker.addDictionary(id: id, bytes: dictionaryBytes) }
        }
        let results = ResultSlots(count: payloads.count)
        let chunk = (payloads.count + workers.count - 1) / workers.count
        let workers = self.workers
        DispatchQueue.concurrentPerform(iterations: workers.count) { w in
            let lower = w * chunk
            let upper = min(lower + chunk, payloads.count)
            guard lower < upper else { return }
            do {
                for i in lower..<upper {
                    results.slots[i] = try workers[w].compress(payloads[i], dictionary: id) { $0.map { Array($0) } }
                }
            } catch {
                results.record(error)
            }
        }
        if let error = results.error { throw error }
        return Array(results.slots)
    }
}

/// Per-index result storage written by disjoint chunks of a concurrent loop.
/// Raw slots, so concurrent writers never touch a shared array's bookkeeping.
private final class ResultSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<[UInt8]?>
    private(set) var error: Error?
    private let lock = NSLock()

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func record(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }
}
