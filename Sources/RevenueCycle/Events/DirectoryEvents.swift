import BinaryCodec

/// A provider who renders and/or bills services.
public struct ProviderAdded: EventPayload, Equatable {
    public static let typeName = "ProviderAdded"
    public static let schemaVersion: UInt8 = 1

    public let provider: ProviderID
    public let name: DisplayName
    public let npi: NPI
    public let taxonomy: TaxonomyCode
    public let isBilling: Bool
    public let isRendering: Bool

    public init(provider: ProviderID, name: DisplayName, npi: NPI, taxonomy: TaxonomyCode,
                isBilling: Bool = false, isRendering: Bool = true) {
        self.provider = provider
        self.name = name
        self.npi = npi
        self.taxonomy = taxonomy
        self.isBilling = isBilling
        self.isRendering = isRendering
    }

    /// v1: id varint, name, npi, taxonomy strings, billing bool, rendering bool.
    public func encode(to w: inout ByteWriter) {
        w.write(provider)
        w.writeString(name.text)
        w.writeString(npi.digits)
        w.writeString(taxonomy.code)
        w.writeBool(isBilling)
        w.writeBool(isRendering)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        provider = try r.readID()
        name = try r.readValue(DisplayName.parse)
        npi = try r.readValue(NPI.init)
        taxonomy = try r.readValue(TaxonomyCode.init)
        isBilling = try r.readBool()
        isRendering = try r.readBool()
    }

    public var json: JSONValue {
        .object([("provider", .id(provider)), ("name", .text(name)), ("npi", .text(npi)),
                 ("taxonomy", .text(taxonomy)), ("billing", .bool(isBilling)), ("rendering", .bool(isRendering))])
    }
}

/// A place where patients are seen; its zone governs how times there are typed and shown.
public struct LocationAdded: EventPayload, Equatable {
    public static let typeName = "LocationAdded"
    public static let schemaVersion: UInt8 = 1

    public let location: LocationID
    public let name: DisplayName
    public let address: String
    public let placeOfService: PlaceOfService
    public let timeZone: TimeZoneID

    public init(location: LocationID, name: DisplayName, address: String, placeOfService: PlaceOfService, timeZone: TimeZoneID) {
        self.location = location
        self.name = name
        self.address = address
        self.placeOfService = placeOfService
        self.timeZone = timeZone
    }

    /// v1: id, name, address, POS, zone.
    public func encode(to w: inout ByteWriter) {
        w.write(location)
        w.writeString(name.text)
        w.writeString(address)
        w.writeString(placeOfService.code)
        w.writeString(timeZone.identifier)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        location = try r.readID()
        name = try r.readValue(DisplayName.parse)
        address = try r.readString()
        placeOfService = try r.readValue(PlaceOfService.init)
        timeZone = try r.readValue(TimeZoneID.init)
    }

    public var json: JSONValue {
        .object([("location", .id(location)), ("name", .text(name)), ("address", .string(address)),
                 ("placeOfService", .text(placeOfService)), ("timeZone", .text(timeZone))])
    }
}

/// An exam room at a location; rooms are never double-booked.
public struct RoomAdded: EventPayload, Equatable {
    public static let typeName = "RoomAdded"
    public static let schemaVersion: UInt8 = 1

    public let room: RoomID
    public let location: LocationID
    public let name: DisplayName

    public init(room: RoomID, location: LocationID, name: DisplayName) {
        self.room = room
        self.location = location
        self.name = name
    }

    /// v1: room id, location id, name.
    public func encode(to w: inout ByteWriter) {
        w.write(room)
        w.write(location)
        w.writeString(name.text)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        room = try r.readID()
        location = try r.readID()
        name = try r.readValue(DisplayName.parse)
    }

    public var json: JSONValue { .object([("room", .id(room)), ("location", .id(location)), ("name", .text(name))]) }
}

/// A kind of visit and its default length ("New patient", 45 minutes).
public struct AppointmentTypeAdded: EventPayload, Equatable {
    public static let typeName = "AppointmentTypeAdded"
    public static let schemaVersion: UInt8 = 1

    public let appointmentType: AppointmentTypeID
    public let name: DisplayName
    public let minutes: Int

    public init(appointmentType: AppointmentTypeID, name: DisplayName, minutes: Int) {
        self.appointmentType = appointmentType
        self.name = name
        self.minutes = minutes
    }

    /// v1: id, name, minutes varint.
    public func encode(to w: inout ByteWriter) {
        w.write(appointmentType)
        w.writeString(name.text)
        w.write(minutes)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        appointmentType = try r.readID()
        name = try r.readValue(DisplayName.parse)
        minutes = try r.readInt()
    }

    public var json: JSONValue {
        .object([("appointmentType", .id(appointmentType)), ("name", .text(name)), ("minutes", .count(minutes))])
    }
}

/// An insurance payer claims are sent to.
public struct PayerAdded: EventPayload, Equatable {
    public static let typeName = "PayerAdded"
    public static let schemaVersion: UInt8 = 1

    public let payer: PayerID
    public let name: DisplayName
    /// The payer's electronic id at the clearinghouse (837P NM109 of the payer loop), e.g. "60054".
    public let electronicPayerID: String
    public let timelyFilingDays: Int

    public init(payer: PayerID, name: DisplayName, electronicPayerID: String, timelyFilingDays: Int) {
        self.payer = payer
        self.name = name
        self.electronicPayerID = electronicPayerID
        self.timelyFilingDays = timelyFilingDays
    }

    /// v1: id, name, electronic id, timely filing days.
    public func encode(to w: inout ByteWriter) {
        w.write(payer)
        w.writeString(name.text)
        w.writeString(electronicPayerID)
        w.write(timelyFilingDays)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        payer = try r.readID()
        name = try r.readValue(DisplayName.parse)
        electronicPayerID = try r.readString()
        timelyFilingDays = try r.readInt()
    }

    public var json: JSONValue {
        .object([("payer", .id(payer)), ("name", .text(name)), ("payerId", .string(electronicPayerID)),
                 ("timelyFilingDays", .count(timelyFilingDays))])
    }
}

/// The practice's charge for a procedure (with an optional modifier); replaces any earlier fee for the same pair.
public struct FeeSet: EventPayload, Equatable {
    public static let typeName = "FeeSet"
    public static let schemaVersion: UInt8 = 1

    public let code: ProcedureCode
    public let modifier: Modifier?
    public let amount: Money

    public init(code: ProcedureCode, modifier: Modifier? = nil, amount: Money) {
        self.code = code
        self.modifier = modifier
        self.amount = amount
    }

    /// v1: code, optional modifier, amount cents.
    public func encode(to w: inout ByteWriter) {
        w.writeString(code.code)
        w.writeOptionalString(modifier?.code)
        w.write(amount)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        code = try r.readValue(ProcedureCode.init)
        modifier = try r.readOptional { (r) throws(DecodingError) in try r.readValue(Modifier.init) }
        amount = try r.readMoney()
    }

    public var json: JSONValue {
        .object([("code", .text(code)), ("modifier", .maybe(modifier, JSONValue.text)), ("amount", .money(amount))])
    }
}
