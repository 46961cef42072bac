import BinaryCodec

// Corrections to the practice's setup. Each carries only the fields that change
// (nil: unchanged) and says how the record reads afterwards (`applied(to:)`), so
// the decision state and the directory read model apply it the same way.

/// A provider's name, NPI or taxonomy corrected.
public struct ProviderUpdated: EventPayload, Equatable {
    public static let typeName = "ProviderUpdated"
    public static let schemaVersion: UInt8 = 1

    public let provider: ProviderID
    public let name: DisplayName?
    public let npi: NPI?
    public let taxonomy: TaxonomyCode?

    public init(provider: ProviderID, name: DisplayName? = nil, npi: NPI? = nil, taxonomy: TaxonomyCode? = nil) {
        self.provider = provider
        self.name = name
        self.npi = npi
        self.taxonomy = taxonomy
    }

    public var isEmpty: Bool { name == nil && npi == nil && taxonomy == nil }

    public func applied(to p: ProviderAdded) -> ProviderAdded {
        ProviderAdded(provider: p.provider, name: name ?? p.name, npi: npi ?? p.npi, taxonomy: taxonomy ?? p.taxonomy,
                      isBilling: p.isBilling, isRendering: p.isRendering)
    }

    /// v1: provider id; optional name, NPI, taxonomy strings.
    public func encode(to w: inout ByteWriter) {
        w.write(provider)
        w.writeOptionalString(name?.text)
        w.writeOptionalString(npi?.digits)
        w.writeOptionalString(taxonomy?.code)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        provider = try r.readID()
        name = try r.readOptional { (r) throws(DecodingError) in try r.readValue(DisplayName.parse) }
        npi = try r.readOptional { (r) throws(DecodingError) in try r.readValue(NPI.init) }
        taxonomy = try r.readOptional { (r) throws(DecodingError) in try r.readValue(TaxonomyCode.init) }
    }

    public var json: JSONValue {
        .object([("provider", .id(provider)), ("name", .maybe(name, JSONValue.text)), ("npi", .maybe(npi, JSONValue.text)),
                 ("taxonomy", .maybe(taxonomy, JSONValue.text))])
    }
}

/// A payer's name, electronic payer id or timely-filing limit corrected.
public struct PayerUpdated: EventPayload, Equatable {
    public static let typeName = "PayerUpdated"
    public static let schemaVersion: UInt8 = 1

    public let payer: PayerID
    public let name: DisplayName?
    public let electronicPayerID: String?
    public let timelyFilingDays: Int?

    public init(payer: PayerID, name: DisplayName? = nil, electronicPayerID: String? = nil, timelyFilingDays: Int? = nil) {
        self.payer = payer
        self.name = name
        self.electronicPayerID = electronicPayerID
        self.timelyFilingDays = timelyFilingDays
    }

    public var isEmpty: Bool { name == nil && electronicPayerID == nil && timelyFilingDays == nil }

    public func applied(to p: PayerAdded) -> PayerAdded {
        PayerAdded(payer: p.payer, name: name ?? p.name, electronicPayerID: electronicPayerID ?? p.electronicPayerID,
                   timelyFilingDays: timelyFilingDays ?? p.timelyFilingDays)
    }

    /// v1: payer id; optional name, electronic id, timely filing days.
    public func encode(to w: inout ByteWriter) {
        w.write(payer)
        w.writeOptionalString(name?.text)
        w.writeOptionalString(electronicPayerID)
        w.writeOptional(timelyFilingDays) { $0.write($1) }
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        payer = try r.readID()
        name = try r.readOptional { (r) throws(DecodingError) in try r.readValue(DisplayName.parse) }
        electronicPayerID = try r.readOptionalString()
        timelyFilingDays = try r.readOptional { (r) throws(DecodingError) in try r.readInt() }
    }

    public var json: JSONValue {
        .object([("payer", .id(payer)), ("name", .maybe(name, JSONValue.text)), ("payerId", .optional(electronicPayerID)),
                 ("timelyFilingDays", .maybe(timelyFilingDays, JSONValue.count))])
    }
}

/// A location's name, address, place of service or time zone corrected.
public struct LocationUpdated: EventPayload, Equatable {
    public static let typeName = "LocationUpdated"
    public static let schemaVersion: UInt8 = 1

    public let location: LocationID
    public let name: DisplayName?
    public let address: String?
    public let placeOfService: PlaceOfService?
    public let timeZone: TimeZoneID?

    public init(location: LocationID, name: DisplayName? = nil, address: String? = nil, placeOfService: PlaceOfService? = nil,
                timeZone: TimeZoneID? = nil) {
        self.location = location
        self.name = name
        self.address = address
        self.placeOfService = placeOfService
        self.timeZone = timeZone
    }

    public var isEmpty: Bool { name == nil && address == nil && placeOfService == nil && timeZone == nil }

    public func applied(to l: LocationAdded) -> LocationAdded {
        LocationAdded(location: l.location, name: name ?? l.name, address: address ?? l.address,
                      placeOfService: placeOfService ?? l.placeOfService, timeZone: timeZone ?? l.timeZone)
    }

    /// v1: location id; optional name, address, POS, zone.
    public func encode(to w: inout ByteWriter) {
        w.write(location)
        w.writeOptionalString(name?.text)
        w.writeOptionalString(address)
        w.writeOptionalString(placeOfService?.code)
        w.writeOptionalString(timeZone?.identifier)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        location = try r.readID()
        name = try r.readOptional { (r) throws(DecodingError) in try r.readValue(DisplayName.parse) }
        address = try r.readOptionalString()
        placeOfService = try r.readOptional { (r) throws(DecodingError) in try r.readValue(PlaceOfService.init) }
        timeZone = try r.readOptional { (r) throws(DecodingError) in try r.readValue(TimeZoneID.init) }
    }

    public var json: JSONValue {
        .object([("location", .id(location)), ("name", .maybe(name, JSONValue.text)), ("address", .optional(address)),
                 ("placeOfService", .maybe(placeOfService, JSONValue.text)), ("timeZone", .maybe(timeZone, JSONValue.text))])
    }
}

/// An appointment type's name or default length corrected; appointments already
/// booked keep the length they were booked with.
public struct AppointmentTypeUpdated: EventPayload, Equatable {
    public static let typeName = "AppointmentTypeUpdated"
    public static let schemaVersion: UInt8 = 1

    public let appointmentType: AppointmentTypeID
    public let name: DisplayName?
    public let minutes: Int?

    public init(appointmentType: AppointmentTypeID, name: DisplayName? = nil, minutes: Int? = nil) {
        self.appointmentType = appointmentType
        self.name = name
        self.minutes = minutes
    }

    public var isEmpty: Bool { name == nil && minutes == nil }

    public func applied(to t: AppointmentTypeAdded) -> AppointmentTypeAdded {
        AppointmentTypeAdded(appointmentType: t.appointmentType, name: name ?? t.name, minutes: minutes ?? t.minutes)
    }

    /// v1: type id; optional name; optional minutes.
    public func encode(to w: inout ByteWriter) {
        w.write(appointmentType)
        w.writeOptionalString(name?.text)
        w.writeOptional(minutes) { $0.write($1) }
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        appointmentType = try r.readID()
        name = try r.readOptional { (r) throws(DecodingError) in try r.readValue(DisplayName.parse) }
        minutes = try r.readOptional { (r) throws(DecodingError) in try r.readInt() }
    }

    public var json: JSONValue {
        .object([("appointmentType", .id(appointmentType)), ("name", .maybe(name, JSONValue.text)),
                 ("minutes", .maybe(minutes, JSONValue.count))])
    }
}
