import BinaryCodec

/// A patient holds a slot with a provider (and maybe a room).
///
/// The start is an instant plus the zone it was entered in, so the slot is
/// unambiguous across daylight-saving changes and still displays as typed.
public struct AppointmentBooked: EventPayload, Equatable {
    public static let typeName = "AppointmentBooked"
    public static let schemaVersion: UInt8 = 1

    public let appointment: AppointmentID
    public let patient: PatientID
    public let provider: ProviderID
    public let location: LocationID
    public let room: RoomID?
    public let appointmentType: AppointmentTypeID
    public let start: Instant
    public let minutes: Int
    public let zone: TimeZoneID
    /// Why it was booked outside availability (`--force --reason`); nil when inside.
    public let forcedReason: String?
    /// The first appointment of a recurring series; nil for a single booking.
    public let recurrenceGroup: AppointmentID?

    public init(appointment: AppointmentID, patient: PatientID, provider: ProviderID, location: LocationID,
                room: RoomID? = nil, appointmentType: AppointmentTypeID, start: Instant, minutes: Int,
                zone: TimeZoneID, forcedReason: String? = nil, recurrenceGroup: AppointmentID? = nil) {
        self.appointment = appointment
        self.patient = patient
        self.provider = provider
        self.location = location
        self.room = room
        self.appointmentType = appointmentType
        self.start = start
        self.minutes = minutes
        self.zone = zone
        self.forcedReason = forcedReason
        self.recurrenceGroup = recurrenceGroup
    }

    public var slot: ZonedSlot { ZonedSlot(start: start, minutes: minutes, zone: zone) }

    /// v1: appointment, patient, provider, location ids; optional room;
    /// type id; start seconds; minutes; zone; optional forced reason; optional group id.
    public func encode(to w: inout ByteWriter) {
        w.write(appointment)
        w.write(patient)
        w.write(provider)
        w.write(location)
        w.writeOptional(room) { $0.write($1) }
        w.write(appointmentType)
        w.write(start)
        w.write(minutes)
        w.writeString(zone.identifier)
        w.writeOptionalString(forcedReason)
        w.writeOptional(recurrenceGroup) { $0.write($1) }
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        appointment = try r.readID()
        patient = try r.readID()
        provider = try r.readID()
        location = try r.readID()
        room = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
        appointmentType = try r.readID()
        start = try r.readInstant()
        minutes = try r.readInt()
        zone = try r.readValue(TimeZoneID.init)
        forcedReason = try r.readOptionalString()
        recurrenceGroup = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
    }

    public var json: JSONValue {
        .object([("appointment", .id(appointment)), ("patient", .id(patient)), ("provider", .id(provider)),
                 ("location", .id(location)), ("room", .maybe(room, JSONValue.id)),
                 ("appointmentType", .id(appointmentType)), ("start", .text(start)),
                 ("localStart", .text(zone.localDateTime(at: start))), ("minutes", .count(minutes)),
                 ("zone", .text(zone)), ("forcedReason", .optional(forcedReason)),
                 ("recurrenceGroup", .maybe(recurrenceGroup, JSONValue.id))])
    }
}

/// The appointment moved to a new time (same patient, provider, location, room).
public struct AppointmentRescheduled: EventPayload, Equatable {
    public static let typeName = "AppointmentRescheduled"
    public static let schemaVersion: UInt8 = 1

    public let appointment: AppointmentID
    public let start: Instant
    public let minutes: Int
    public let zone: TimeZoneID
    public let forcedReason: String?

    public init(appointment: AppointmentID, start: Instant, minutes: Int, zone: TimeZoneID, forcedReason: String? = nil) {
        self.appointment = appointment
        self.start = start
        self.minutes = minutes
        self.zone = zone
        self.forcedReason = forcedReason
    }

    /// v1: appointment id, start seconds, minutes, zone, optional forced reason.
    public func encode(to w: inout ByteWriter) {
        w.write(appointment)
        w.write(start)
        w.write(minutes)
        w.writeString(zone.identifier)
        w.writeOptionalString(forcedReason)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        appointment = try r.readID()
        start = try r.readInstant()
        minutes = try r.readInt()
        zone = try r.readValue(TimeZoneID.init)
        forcedReason = try r.readOptionalString()
    }

    public var json: JSONValue {
        .object([("appointment", .id(appointment)), ("start", .text(start)),
                 ("localStart", .text(zone.localDateTime(at: start))), ("minutes", .count(minutes)),
                 ("zone", .text(zone)), ("forcedReason", .optional(forcedReason))])
    }
}

/// The slot is free again. `isLate` marks a patient cancellation within the
/// practice's late-cancel hours (kept for no-show/late-cancel reporting).
public struct AppointmentCancelled: EventPayload, Equatable {
    public static let typeName = "AppointmentCancelled"
    public static let schemaVersion: UInt8 = 1

    public let appointment: AppointmentID
    public let reason: String
    public let by: CancelledBy
    public let isLate: Bool

    public init(appointment: AppointmentID, reason: String, by: CancelledBy, isLate: Bool) {
        self.appointment = appointment
        self.reason = reason
        self.by = by
        self.isLate = isLate
    }

    /// v1: appointment id, reason, by tag, late bool.
    public func encode(to w: inout ByteWriter) {
        w.write(appointment)
        w.writeString(reason)
        w.writeTag(by)
        w.writeBool(isLate)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        appointment = try r.readID()
        reason = try r.readString()
        by = try r.readTag()
        isLate = try r.readBool()
    }

    public var json: JSONValue {
        .object([("appointment", .id(appointment)), ("reason", .string(reason)), ("by", .text(by)), ("late", .bool(isLate))])
    }
}

/// The patient did not come.
public struct AppointmentNoShow: EventPayload, Equatable {
    public static let typeName = "AppointmentNoShow"
    public static let schemaVersion: UInt8 = 1

    public let appointment: AppointmentID

    public init(appointment: AppointmentID) { self.appointment = appointment }

    /// v1: appointment id.
    public func encode(to w: inout ByteWriter) { w.write(appointment) }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        appointment = try r.readID()
    }

    public var json: JSONValue { .object([("appointment", .id(appointment))]) }
}
