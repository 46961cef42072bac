import BinaryCodec
import Dispatch
import EventLog
import RevenueCycle

/// The event types a set of projections wants, numbered, with which projection
/// wants which: resolved once per run, so deciding whether a projection takes
/// an event is an array lookup rather than hashing the type name per projection.
struct EventRouting {
    let wanted: Set<String>
    /// Whether the readers need events' stream names (read models do not: they key by ids).
    let needsStreams: Bool
    private let numbers: [String: Int]
    /// `wants[projection][type number]`.
    private let wants: [[Bool]]

    init(_ projections: [any Projection]) {
        self.init(typeSets: projections.map(\.eventTypes), needsStreams: false)
    }

    /// Routing for one reader that wants every type in `types` (`LogReadAhead`), with stream names.
    init(types: Set<String>) {
        self.init(typeSets: [types], needsStreams: true)
    }

    private init(typeSets: [Set<String>], needsStreams: Bool) {
        self.needsStreams = needsStreams
        wanted = typeSets.reduce(into: Set<String>()) { $0.formUnion($1) }
        let names = wanted.sorted()
        numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        wants = typeSets.map { set in names.map { set.contains($0) } }
    }

    func number(of typeName: String) -> Int? { numbers[typeName] }

    func projection(_ index: Int, wants typeNumber: Int) -> Bool { wants[index][typeNumber] }
}

/// One chunk of the log, read and decoded once for every projection.
struct DecodedChunk {
    private(set) var events: [RecordedEvent] = []
    private(set) var payloads: [any EventPayload] = []
    private(set) var typeNumbers: [Int] = []

    var count: Int { events.count }

    /// Reads positions `first...last`, decoding the events `routing` wants.
    init(_ store: EventStore, from first: UInt64, through last: UInt64, routing: EventRouting) throws {
        // Routing numbers and payload types by the store's type numbers, found once per type
        // rather than by hashing each event's type name.
        var byStoreNumber: [(number: Int, type: any EventPayload.Type)?] = []
        try store.scanPayloads(from: first, through: last, types: routing.wanted, streams: routing.needsStreams) { event, payload in
            let storeNumber = Int(event.typeNumber)
            if storeNumber >= byStoreNumber.count {
                byStoreNumber.append(contentsOf: repeatElement(nil, count: storeNumber + 1 - byStoreNumber.count))
            }
            let number: Int, type: any EventPayload.Type
            if let known = byStoreNumber[storeNumber] {
                (number, type) = known
            } else {
                guard let routed = routing.number(of: event.typeName) else { return true }
                guard let registered = EventRegistry.byName[event.typeName] else {
                    throw StoredEvent.damaged(event, DecodingError.unknownEventType(event.typeName))
                }
                (number, type) = (routed, registered)
                byStoreNumber[storeNumber] = (number, type)
            }
            do {
                payloads.append(try EventRegistry.decode(type, bytes: payload, schemaVersion: event.schemaVersion))
            } catch let error as DecodingError {
                throw StoredEvent.damaged(event, error)
            }
            events.append(event)
            typeNumbers.append(number)
            return true
        }
    }

    /// Every event of the chunk with its payload, in log order.
    func forEach(_ body: (RecordedEvent, any EventPayload) throws -> Void) rethrows {
        for i in 0..<events.count { try body(events[i], payloads[i]) }
    }

    /// Applies, in log order, the events the projection at `index` wants (and, in a
    /// catch-up, only those after its checkpoint).
    func apply(_ projection: any Projection, index: Int, routing: EventRouting, after checkpoint: UInt64 = 0,
               to table: ProjectionTable) throws {
        for i in 0..<events.count where routing.projection(index, wants: typeNumbers[i]) && events[i].position > checkpoint {
            try projection.apply(events[i], payload: payloads[i], to: table)
        }
    }
}

/// Reads and decodes the next chunk of the log on another thread while the
/// current one is applied, so a rebuild's cores are not idle while the log is
/// read (reading is one thread's work; applying is spread over the cores).
final class ChunkPrefetcher: @unchecked Sendable {
    private let store: EventStore
    private let routing: EventRouting
    private let chunkSize: UInt64
    private let head: UInt64
    private let queue = DispatchQueue(label: "practica.rebuild.reader")
    private let ready = DispatchSemaphore(value: 0)
    /// Written on `queue`, read after `ready` is signalled.
    private var pending: Result<DecodedChunk, Error>?
    private var nextFirst: UInt64
    private var inFlight = false

    init(_ store: EventStore, routing: EventRouting, chunkSize: Int, from first: UInt64 = 1, head: UInt64) {
        self.store = store
        self.routing = routing
        self.chunkSize = UInt64(max(chunkSize, 1))
        self.head = head
        nextFirst = max(first, 1)
        startNext()
    }

    /// The next chunk in log order with the last position it covers, or nil after the head.
    func next() throws -> (chunk: DecodedChunk, through: UInt64)? {
        guard inFlight else { return nil }
        ready.wait()
        inFlight = false
        let through = min(nextFirst - 1, head)
        let result = pending
        pending = nil
        guard let result else { return nil }
        let chunk = try result.get()
        startNext()
        return (chunk, through)
    }

    /// Frees a chunk already applied on the reader's thread, which made its events.
    func dispose(_ chunk: consuming DecodedChunk) {
        let done = consume chunk
        queue.async { withExtendedLifetime(done) {} }
    }

    /// Waits for a read still in flight and drops it: a rebuild that failed must not leave
    /// a read transaction decoding behind it.
    func finish() {
        guard inFlight else { return }
        ready.wait()
        inFlight = false
        pending = nil
    }

    private func startNext() {
        guard nextFirst <= head else { return }
        let first = nextFirst
        let last = min(first + chunkSize - 1, head)
        nextFirst = last + 1
        inFlight = true
        queue.async { [self] in
            pending = Result { try DecodedChunk(store, from: first, through: last, routing: routing) }
            ready.signal()
        }
    }
}

/// Reads a stretch of the log in order with the next chunk read and decoded on
/// another thread, for a fold that must apply events one by one on its own
/// thread (the front desk's state): decoding is a fifth of such a fold.
public enum LogReadAhead {
    /// Calls `body` with every event of a type in `types` from `first` through `last`,
    /// in log order, on the calling thread, with its payload decoded (the event's own
    /// `payload` bytes are not kept).
    public static func forEach(_ store: EventStore, from first: UInt64, through last: UInt64, types: Set<String>,
                               chunkSize: Int = 20_000, _ body: (RecordedEvent, any EventPayload) throws -> Void) throws {
        guard first <= last else { return }
        let reader = ChunkPrefetcher(store, routing: EventRouting(types: types), chunkSize: chunkSize, from: first, head: last)
        defer { reader.finish() }
        while let (chunk, _) = try reader.next() { try chunk.forEach(body) }
    }
}
