import BinaryCodec

/// An availability exception entered by mistake (or no longer true) stops blocking
/// the provider; the exception itself stays in the log.
public struct AvailabilityExceptionRemoved: EventPayload, Equatable {
    public static let typeName = "AvailabilityExceptionRemoved"
    public static let schemaVersion: UInt8 = 1

    public let exception: AvailabilityExceptionID
    public let provider: ProviderID
    public let reason: String?

    public init(exception: AvailabilityExceptionID, provider: ProviderID, reason: String? = nil) {
        self.exception = exception
        self.provider = provider
        self.reason = reason
    }

    /// v1: exception id, provider id, optional reason.
    public func encode(to w: inout ByteWriter) {
        w.write(exception)
        w.write(provider)
        w.writeOptionalString(reason)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        exception = try r.readID()
        provider = try r.readID()
        reason = try r.readOptionalString()
    }

    public var json: JSONValue {
        .object([("exception", .id(exception)), ("provider", .id(provider)), ("reason", .optional(reason))])
    }
}

/// A room no longer used: it can no longer be booked; past appointments keep naming it.
public struct RoomRemoved: EventPayload, Equatable {
    public static let typeName = "RoomRemoved"
    public static let schemaVersion: UInt8 = 1

    public let room: RoomID
    public let location: LocationID
    public let reason: String?

    public init(room: RoomID, location: LocationID, reason: String? = nil) {
        self.room = room
        self.location = location
        self.reason = reason
    }

    /// v1: room id, location id, optional reason.
    public func encode(to w: inout ByteWriter) {
        w.write(room)
        w.write(location)
        w.writeOptionalString(reason)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        room = try r.readID()
        location = try r.readID()
        reason = try r.readOptionalString()
    }

    public var json: JSONValue { .object([("room", .id(room)), ("location", .id(location)), ("reason", .optional(reason))]) }
}
