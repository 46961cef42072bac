import CLMDB

extension EventStore {
    /// Visits events from `start` in the given direction until `body` returns false
    /// or `end` is passed. `types`, when given, skips other events without
    /// decompressing them (the type is in the record header). With `streams` false
    /// the events' `stream` is empty: a scan meeting hundreds of thousands of streams
    /// (a rebuild) then looks none of their names up.
    ///
    /// ```swift
    /// try store.scan(from: 1) { event in print(event.position); return true }
    /// ```
    public func scan(from start: UInt64, through end: UInt64? = nil, direction: ReadDirection = .forward,
                     types: Set<String>? = nil, streams: Bool = true, _ body: (RecordedEvent) throws -> Bool) throws {
        try scanRecords(from: start, through: end, direction: direction, types: types) { decoder, position, raw, header in
            try body(try decoder.decode(position: position, raw: raw, header: header, streams: streams))
        }
    }

    /// A forward `scan` for a reader that decodes every payload on the spot (a rebuild):
    /// each payload is handed over apart from its event, in one buffer reused for the
    /// next (kept past the call, it costs the next record a buffer of its own), and the
    /// event's own `payload` is empty, so no array is made, kept and freed per event.
    public func scanPayloads(from start: UInt64, through end: UInt64, types: Set<String>? = nil, streams: Bool = true,
                             _ body: (RecordedEvent, [UInt8]) throws -> Bool) throws {
        try scanRecords(from: start, through: end, direction: .forward, types: types) { decoder, position, raw, header in
            let event = try decoder.decode(position: position, raw: raw, header: header, streams: streams, keepingPayload: false)
            return try decoder.withPayload(raw, header) { try body(event, $0) }
        }
    }

    /// The records of a position range that `types` wants, with the decoder to read them.
    private func scanRecords(from start: UInt64, through end: UInt64?, direction: ReadDirection, types: Set<String>?,
                             _ body: (RecordDecoder, UInt64, UnsafeRawBufferPointer, RecordHeader) throws -> Bool) throws {
        var start = start
        var end = end
        if let horizon {
            if direction == .forward { end = min(end ?? horizon, horizon) } else { start = min(start, horizon) }
        }
        // The caller's own errors (a payload that will not decode) come out unchanged.
        try passingCallerErrors("read the log") {
            try environment.read { txn in
                let decoder = try RecordDecoder(store: self, txn: txn)
                // Whether each type number is wanted, decided once per type rather than by hashing its name per event.
                var wanted: [Bool?] = []
                let cursor = try txn.cursor(txn.database(LogDatabase.events))
                var op = MDB_SET_RANGE
                var key: [UInt8]? = BigEndian.u64(start)
                if direction == .backward {
                    // Position on the last key ≤ start.
                    let found = try cursor.move(MDB_SET_RANGE, key: BigEndian.u64(start)) { k, _ in
                        if PositionKey.decode(k) != start { op = MDB_PREV } else { op = MDB_GET_CURRENT }
                    }
                    if !found { op = MDB_LAST }
                    key = nil
                }
                var keepGoing = true
                while keepGoing {
                    let moved = try cursor.move(op, key: key) { k, v in
                        guard let position = PositionKey.decode(k) else {
                            throw EventStoreError.storeCorrupt(reason: "an event key is not a position")
                        }
                        if let end, direction == .forward ? position > end : position < end {
                            keepGoing = false
                            return
                        }
                        do {
                            let header = try decoder.header(v)
                            if let types {
                                let n = Int(header.typeNumber)
                                if n >= wanted.count { wanted.append(contentsOf: repeatElement(nil, count: n + 1 - wanted.count)) }
                                let isWanted = try wanted[n] ?? types.contains(decoder.typeName(of: header))
                                wanted[n] = isWanted
                                if !isWanted { return }
                            }
                            keepGoing = try body(decoder, position, v, header)
                        } catch EventStoreError.storeCorrupt(let reason) where !reason.hasPrefix("position ") {
                            // Damage found while reading a record is named by its position.
                            throw EventStoreError.storeCorrupt(reason: "position \(position): \(reason)")
                        }
                    }
                    if !moved { break }
                    key = nil
                    op = direction == .forward ? MDB_NEXT : MDB_PREV
                }
            }
        }
    }

    /// Events in a position range, forwards or backwards.
    public func read(from start: UInt64, limit: Int, direction: ReadDirection = .forward,
                     types: Set<String>? = nil) throws -> [RecordedEvent] {
        var out: [RecordedEvent] = []
        guard limit > 0 else { return out }
        try scan(from: start, direction: direction, types: types) { event in
            out.append(event)
            return out.count < limit
        }
        return out
    }

    /// One event by position.
    /// - throws: `.positionOutOfRange` when it doesn't exist.
    public func event(at position: UInt64) throws -> RecordedEvent {
        let last = try lastPosition()
        guard position >= 1, position <= last else { throw EventStoreError.positionOutOfRange(position: position, last: last) }
        guard let event = try read(from: position, limit: 1).first, event.position == position else {
            throw EventStoreError.storeCorrupt(reason: "position \(position) is missing from the log")
        }
        return event
    }

    /// The events of one stream in version order, from `fromVersion` (1-based).
    public func readStream(_ stream: String, fromVersion: UInt64 = 1, limit: Int = .max) throws -> [RecordedEvent] {
        try run("read stream \(stream)") {
            try environment.read { txn in
                guard let entry = try StreamTable.lookup(stream, txn: txn) else { return [] }
                let decoder = try RecordDecoder(store: self, txn: txn)
                let index = try txn.cursor(txn.database(LogDatabase.streamIndex))
                let events = try txn.cursor(txn.database(LogDatabase.events))
                var out: [RecordedEvent] = []
                // Positions are the stream's sorted duplicates: the n-th is version n.
                var op = MDB_SET_KEY
                var key: [UInt8]? = BigEndian.u32(entry.number)
                var version: UInt64 = 0
                while out.count < limit {
                    var position: UInt64?
                    guard try index.move(op, key: key, { _, v in position = PositionKey.decode(v) }), let position,
                          position <= horizon ?? .max else { break }
                    op = MDB_NEXT_DUP
                    key = nil
                    version += 1
                    if version < fromVersion { continue }
                    let found = try events.move(MDB_SET_KEY, key: BigEndian.u64(position)) { _, v in
                        do {
                            out.append(try decoder.decode(position: position, raw: v, header: try decoder.header(v)))
                        } catch EventStoreError.storeCorrupt(let reason) where !reason.hasPrefix("position ") {
                            throw EventStoreError.storeCorrupt(reason: "position \(position): \(reason)")
                        }
                    }
                    if !found { throw EventStoreError.storeCorrupt(reason: "stream \(stream) points at missing position \(position)") }
                }
                return out
            }
        }
    }
}
