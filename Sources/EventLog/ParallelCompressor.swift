import Dispatch
import Foundation

/// Compresses the payloads of a large batch on other cores while the append
/// writes the records already compressed.
///
/// zstd is the largest single cost of an append and the payloads of one batch
/// are independent: workers compress chunks in order in the background, and
/// the writer waits only for the chunk it is about to write. Each worker has
/// its own zstd context, since a context serves one thread at a time.
final class ParallelCompressor: @unchecked Sendable {
    /// Below this many events the thread hand-off costs more than it saves.
    static let minimumBatch = 512
    static let chunkSize = 256
    private let workers: [ZstdCompressor]

    init(level: Int32, workers count: Int = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)) throws(EventStoreError) {
        var made: [ZstdCompressor] = []
        for _ in 0..<count { made.append(try ZstdCompressor(level: level)) }
        workers = made
    }

    var isWorthIt: Bool { workers.count > 1 }

    /// Starts compressing; read results in order with `CompressionPipeline.payload(at:)`.
    /// The caller must `finish()` the pipeline before starting another one.
    func start(_ payloads: [[UInt8]], dictionary id: UInt32, dictionaryBytes: [UInt8]?) throws -> CompressionPipeline {
        if let dictionaryBytes, id != 0 {
            for worker in workers { try worker.addDictionary(id: id, bytes: dictionaryBytes) }
        }
        let pipeline = CompressionPipeline(payloads: payloads, chunkSize: Self.chunkSize)
        for worker in workers {
            pipeline.group.enter()
            DispatchQueue.global(qos: .userInitiated).async {
                defer { pipeline.group.leave() }
                while let chunk = pipeline.claimChunk() {
                    pipeline.compress(chunk: chunk, with: worker, dictionary: id)
                }
            }
        }
        return pipeline
    }
}

/// One batch's compression in flight: per-chunk results, each chunk signalled when done.
final class CompressionPipeline: @unchecked Sendable {
    let payloads: [[UInt8]]
    let chunkSize: Int
    let group = DispatchGroup()
    private let slots: UnsafeMutableBufferPointer<[UInt8]?>
    private let chunkDone: [DispatchSemaphore]
    private var waited: [Bool]
    private let lock = NSLock()
    private var nextChunk = 0
    private var failure: Error?
    private var cancelled = false

    init(payloads: [[UInt8]], chunkSize: Int) {
        self.payloads = payloads
        self.chunkSize = chunkSize
        let chunks = (payloads.count + chunkSize - 1) / chunkSize
        slots = .allocate(capacity: payloads.count)
        slots.initialize(repeating: nil)
        chunkDone = (0..<chunks).map { _ in DispatchSemaphore(value: 0) }
        waited = Array(repeating: false, count: chunks)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func claimChunk() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard !cancelled, nextChunk < chunkDone.count else { return nil }
        defer { nextChunk += 1 }
        return nextChunk
    }

    func compress(chunk: Int, with worker: ZstdCompressor, dictionary id: UInt32) {
        let lower = chunk * chunkSize
        let upper = min(lower + chunkSize, payloads.count)
        do {
            for i in lower..<upper {
                slots[i] = try worker.compress(payloads[i], dictionary: id) { $0.map { Array($0) } }
            }
        } catch {
            lock.lock()
            if failure == nil { failure = error }
            lock.unlock()
        }
        chunkDone[chunk].signal()
    }

    /// The compressed payload at `index` (nil: store raw), waiting for its chunk if needed.
    func payload(at index: Int) throws -> [UInt8]? {
        let chunk = index / chunkSize
        if !waited[chunk] {
            chunkDone[chunk].wait()
            waited[chunk] = true
            lock.lock()
            let error = failure
            lock.unlock()
            if let error { throw error }
        }
        return slots[index]
    }

    /// Stops handing out chunks and waits for workers, so their contexts are free again.
    func finish() {
        lock.lock()
        cancelled = true
        lock.unlock()
        group.wait()
    }
}
