import BinaryCodec
import Foundation

/// The id of one append batch (one command or one imported file). A client that
/// retries with the same id gets the original positions back and appends nothing.
public struct BatchID: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init() {
        var generator = SystemRandomNumberGenerator()
        bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// A batch id derived from content, e.g. the hash of an imported file, so
    /// importing the same file twice is recognised.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    public init?(hex: String) {
        let chars = Array(hex.utf8)
        guard chars.count == 32 else { return nil }
        var out: [UInt8] = []
        for i in stride(from: 0, to: 32, by: 2) {
            guard let hi = BatchID.nibble(chars[i]), let lo = BatchID.nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
        }
        bytes = out
    }

    public var hex: String { bytes.map { String(format: "%02x", $0) }.joined() }
    public var description: String { hex }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }
}

/// An event about to be appended: which stream it extends and its encoded payload.
public struct NewEvent: Sendable {
    public var stream: String
    public var typeName: String
    public var schemaVersion: UInt8
    public var payload: [UInt8]

    public init(stream: String, typeName: String, schemaVersion: UInt8, payload: [UInt8]) {
        self.stream = stream
        self.typeName = typeName
        self.schemaVersion = schemaVersion
        self.payload = payload
    }

    public init<P: EventPayload>(stream: String, _ payload: P) {
        self.init(stream: stream, typeName: P.typeName, schemaVersion: P.schemaVersion, payload: payload.encoded())
    }
}

/// Who appends a batch and why: stored once per batch.
public struct AppendMetadata: Sendable {
    public var batchID: BatchID
    public var actor: String
    /// Ties together the batches of one piece of work (e.g. all of an import).
    public var correlation: String
    /// What caused this batch (a command name, or the position of a triggering event).
    public var causation: String
    /// Recorded-at override for importers of historical data and for tests; nil means now.
    public var recordedAt: Date?

    public init(batchID: BatchID = BatchID(), actor: String, correlation: String = "", causation: String = "", recordedAt: Date? = nil) {
        self.batchID = batchID
        self.actor = actor
        self.correlation = correlation
        self.causation = causation
        self.recordedAt = recordedAt
    }
}

/// Where a batch landed.
public struct AppendResult: Sendable, Equatable {
    public let firstPosition: UInt64
    public let count: UInt64
    /// True when the batch id was already stored and nothing was appended.
    public let wasDuplicate: Bool

    public var lastPosition: UInt64 { firstPosition + count - 1 }
    public var positions: ClosedRange<UInt64> { firstPosition...lastPosition }
}

/// One stored event with everything the log knows about it — except, for readers
/// that ask so (`scan(streams: false)`, `scanPayloads`), its stream name and payload
/// bytes, which are then empty.
///
/// Immutable, and a class: a rebuild hands each event to every read model, and
/// a copy of a struct of strings and bytes retained each of them every time (a
/// reference is retained once), on objects long out of the cache at a million events.
public final class RecordedEvent: Sendable {
    public let position: UInt64
    public let stream: String
    /// 1 for the first event of a stream.
    public let streamVersion: UInt64
    public let typeName: String
    /// The store's number for `typeName` (names are interned): telling types apart by
    /// it is an integer comparison. Stable within one store, meaningless across stores.
    public let typeNumber: UInt32
    public let schemaVersion: UInt8
    public let payload: [UInt8]
    public let recordedAtMillis: Int64
    public let actor: String
    public let correlation: String
    public let causation: String
    public let batchID: BatchID
    public let indexInBatch: UInt64

    init(position: UInt64, stream: String, streamVersion: UInt64, typeName: String, typeNumber: UInt32, schemaVersion: UInt8,
         payload: [UInt8], recordedAtMillis: Int64, actor: String, correlation: String, causation: String, batchID: BatchID,
         indexInBatch: UInt64) {
        self.position = position
        self.stream = stream
        self.streamVersion = streamVersion
        self.typeName = typeName
        self.typeNumber = typeNumber
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.recordedAtMillis = recordedAtMillis
        self.actor = actor
        self.correlation = correlation
        self.causation = causation
        self.batchID = batchID
        self.indexInBatch = indexInBatch
    }

    /// Unique per event: the batch id and the event's index in it.
    public var eventID: String { "\(batchID.hex)-\(indexInBatch)" }
    public var recordedAt: Date { Date(timeIntervalSince1970: Double(recordedAtMillis) / 1000) }

    public func decode<P: EventPayload>(as type: P.Type) throws(DecodingError) -> P {
        try P.decode(payload, schemaVersion: schemaVersion)
    }
}

/// Which way a range read walks the log.
public enum ReadDirection: Sendable {
    case forward
    case backward
}
