import BinaryCodec

/// A patient wants an earlier slot with a provider.
public struct WaitlistEntryAdded: EventPayload, Equatable {
    public static let typeName = "WaitlistEntryAdded"
    public static let schemaVersion: UInt8 = 1

    public let entry: WaitlistEntryID
    public let patient: PatientID
    public let provider: ProviderID
    public let appointmentType: AppointmentTypeID?
    /// First date the patient can come.
    public let earliest: LocalDate?
    public let note: String?

    public init(entry: WaitlistEntryID, patient: PatientID, provider: ProviderID,
                appointmentType: AppointmentTypeID? = nil, earliest: LocalDate? = nil, note: String? = nil) {
        self.entry = entry
        self.patient = patient
        self.provider = provider
        self.appointmentType = appointmentType
        self.earliest = earliest
        self.note = note
    }

    /// v1: entry, patient, provider ids; optional type; optional earliest date; optional note.
    public func encode(to w: inout ByteWriter) {
        w.write(entry)
        w.write(patient)
        w.write(provider)
        w.writeOptional(appointmentType) { $0.write($1) }
        w.writeOptional(earliest) { $0.write($1) }
        w.writeOptionalString(note)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        entry = try r.readID()
        patient = try r.readID()
        provider = try r.readID()
        appointmentType = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
        earliest = try r.readOptional { (r) throws(DecodingError) in try r.readDate() }
        note = try r.readOptionalString()
    }

    public var json: JSONValue {
        .object([("entry", .id(entry)), ("patient", .id(patient)), ("provider", .id(provider)),
                 ("appointmentType", .maybe(appointmentType, JSONValue.id)),
                 ("earliest", .maybe(earliest, JSONValue.text)), ("note", .optional(note))])
    }
}

/// The entry left the waitlist: booked (with the appointment) or withdrawn (with why).
///
/// Schema history: v1 had no reason; v2 appends an optional one. A v1 record is
/// upcast with `reason = nil`.
public struct WaitlistEntryRemoved: EventPayload, Equatable {
    public static let typeName = "WaitlistEntryRemoved"
    public static let schemaVersion: UInt8 = 2

    public let entry: WaitlistEntryID
    /// The appointment that satisfied it; nil when withdrawn.
    public let bookedAs: AppointmentID?
    /// Why a withdrawn entry left ("found another practice").
    public let reason: String?

    public init(entry: WaitlistEntryID, bookedAs: AppointmentID? = nil, reason: String? = nil) {
        self.entry = entry
        self.bookedAs = bookedAs
        self.reason = reason
    }

    /// v2: entry id, optional appointment id, then (v2 only) optional reason.
    public func encode(to w: inout ByteWriter) {
        w.write(entry)
        w.writeOptional(bookedAs) { $0.write($1) }
        w.writeOptionalString(reason)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...2, for: Self.typeName)
        entry = try r.readID()
        bookedAs = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
        reason = schemaVersion >= 2 ? try r.readOptionalString() : nil
    }

    public var json: JSONValue {
        .object([("entry", .id(entry)), ("bookedAs", .maybe(bookedAs, JSONValue.id)), ("reason", .optional(reason))])
    }
}
