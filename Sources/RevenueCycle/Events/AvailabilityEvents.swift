import BinaryCodec

/// A provider's weekly template at one location, from `effectiveFrom` until
/// a later `AvailabilitySet` for the same provider and location replaces it.
/// An empty `blocks` list ends availability there.
public struct AvailabilitySet: EventPayload, Equatable {
    public static let typeName = "AvailabilitySet"
    public static let schemaVersion: UInt8 = 1

    public let provider: ProviderID
    public let location: LocationID
    public let effectiveFrom: LocalDate
    public let blocks: [AvailabilityBlock]

    public init(provider: ProviderID, location: LocationID, effectiveFrom: LocalDate, blocks: [AvailabilityBlock]) {
        self.provider = provider
        self.location = location
        self.effectiveFrom = effectiveFrom
        self.blocks = blocks
    }

    /// v1: provider, location, from date, blocks (weekday tag, start min, end min).
    public func encode(to w: inout ByteWriter) {
        w.write(provider)
        w.write(location)
        w.write(effectiveFrom)
        w.writeArray(blocks) { w, b in
            w.writeTag(b.weekday)
            w.write(b.start)
            w.write(b.end)
        }
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        provider = try r.readID()
        location = try r.readID()
        effectiveFrom = try r.readDate()
        blocks = try r.readArray { (r) throws(DecodingError) in
            let at = r.offset
            let day: Weekday = try r.readTag()
            let start = try r.readTime()
            let end = try r.readTime()
            do throws(ValueError) {
                return try AvailabilityBlock(weekday: day, start: start, end: end)
            } catch {
                throw .invalid(at: at, reason: error.description)
            }
        }
    }

    public var json: JSONValue {
        .object([("provider", .id(provider)), ("location", .id(location)), ("effectiveFrom", .text(effectiveFrom)),
                 ("blocks", .array(blocks.map { b in
                     .object([("weekday", .text(b.weekday)), ("start", .text(b.start)), ("end", .text(b.end))])
                 }))])
    }
}

/// Time a provider is away (vacation) or kept free (blocked). The local times
/// are read in the zone of whichever location is being scheduled: a day off
/// is a day off at every location.
public struct AvailabilityExceptionAdded: EventPayload, Equatable {
    public static let typeName = "AvailabilityExceptionAdded"
    public static let schemaVersion: UInt8 = 1

    public let provider: ProviderID
    public let start: LocalDateTime
    /// Exclusive.
    public let end: LocalDateTime
    public let reason: AvailabilityExceptionReason
    public let note: String?

    public init(provider: ProviderID, start: LocalDateTime, end: LocalDateTime,
                reason: AvailabilityExceptionReason, note: String? = nil) {
        self.provider = provider
        self.start = start
        self.end = end
        self.reason = reason
        self.note = note
    }

    /// v1: provider, start (date, time), end (date, time), reason tag, optional note.
    public func encode(to w: inout ByteWriter) {
        w.write(provider)
        w.write(start)
        w.write(end)
        w.writeTag(reason)
        w.writeOptionalString(note)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        provider = try r.readID()
        start = try r.readLocalDateTime()
        end = try r.readLocalDateTime()
        reason = try r.readTag()
        note = try r.readOptionalString()
    }

    public var json: JSONValue {
        .object([("provider", .id(provider)), ("start", .text(start)), ("end", .text(end)),
                 ("reason", .text(reason)), ("note", .optional(note))])
    }
}
