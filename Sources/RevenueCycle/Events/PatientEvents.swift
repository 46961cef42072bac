import BinaryCodec

/// A new patient chart. `confirmedNotDuplicateOf` records the likely
/// duplicates the user saw and overrode with `--confirm-new`, for audit.
public struct PatientRegistered: EventPayload, Equatable {
    public static let typeName = "PatientRegistered"
    public static let schemaVersion: UInt8 = 1

    public let patient: PatientID
    public let name: PersonName
    public let dateOfBirth: LocalDate
    public let sex: Sex
    public let phone: PhoneNumber?
    public let email: EmailAddress?
    public let address: String?
    public let confirmedNotDuplicateOf: [PatientID]

    public init(patient: PatientID, name: PersonName, dateOfBirth: LocalDate, sex: Sex,
                phone: PhoneNumber? = nil, email: EmailAddress? = nil, address: String? = nil,
                confirmedNotDuplicateOf: [PatientID] = []) {
        self.patient = patient
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.phone = phone
        self.email = email
        self.address = address
        self.confirmedNotDuplicateOf = confirmedNotDuplicateOf
    }

    /// v1: id, first, optional middle, last, dob days, sex tag, optional phone,
    /// email, address strings, duplicate ids array.
    public func encode(to w: inout ByteWriter) {
        w.write(patient)
        w.writeName(name)
        w.write(dateOfBirth)
        w.writeTag(sex)
        w.writeOptionalString(phone?.digits)
        w.writeOptionalString(email?.address)
        w.writeOptionalString(address)
        w.writeArray(confirmedNotDuplicateOf) { $0.write($1) }
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        patient = try r.readID()
        name = try r.readName()
        dateOfBirth = try r.readDate()
        sex = try r.readTag()
        phone = try r.readOptional { (r) throws(DecodingError) in try r.readValue(PhoneNumber.init) }
        email = try r.readOptional { (r) throws(DecodingError) in try r.readValue(EmailAddress.init) }
        address = try r.readOptionalString()
        confirmedNotDuplicateOf = try r.readArray { (r) throws(DecodingError) in try r.readID() }
    }

    public var json: JSONValue {
        .object([("patient", .id(patient)), ("name", name.json), ("dateOfBirth", .text(dateOfBirth)),
                 ("sex", .text(sex)), ("phone", .maybe(phone, JSONValue.text)), ("email", .maybe(email, JSONValue.text)),
                 ("address", .optional(address)),
                 ("confirmedNotDuplicateOf", .array(confirmedNotDuplicateOf.map(JSONValue.id)))])
    }
}

/// A change to one optional field: set a new value or clear it. Absent (`nil`) means unchanged.
public enum FieldUpdate<Value: Hashable & Sendable>: Hashable, Sendable {
    case set(Value)
    case clear
}

/// Demographic corrections; only the fields that changed are present.
public struct PatientUpdated: EventPayload, Equatable {
    public static let typeName = "PatientUpdated"
    public static let schemaVersion: UInt8 = 1

    public let patient: PatientID
    public let name: PersonName?
    public let dateOfBirth: LocalDate?
    public let sex: Sex?
    public let phone: FieldUpdate<PhoneNumber>?
    public let email: FieldUpdate<EmailAddress>?
    public let address: FieldUpdate<String>?

    public init(patient: PatientID, name: PersonName? = nil, dateOfBirth: LocalDate? = nil, sex: Sex? = nil,
                phone: FieldUpdate<PhoneNumber>? = nil, email: FieldUpdate<EmailAddress>? = nil,
                address: FieldUpdate<String>? = nil) {
        self.patient = patient
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.phone = phone
        self.email = email
        self.address = address
    }

    /// True when the update changes nothing.
    public var isEmpty: Bool {
        name == nil && dateOfBirth == nil && sex == nil && phone == nil && email == nil && address == nil
    }

    /// v1: id; optional name, dob, sex; then phone, email, address each as a
    /// byte 0 unchanged / 1 set + string / 2 clear.
    public func encode(to w: inout ByteWriter) {
        w.write(patient)
        w.writeOptional(name) { $0.writeName($1) }
        w.writeOptional(dateOfBirth) { $0.write($1) }
        w.writeOptional(sex) { $0.writeTag($1) }
        w.writeFieldUpdate(phone) { $0.digits }
        w.writeFieldUpdate(email) { $0.address }
        w.writeFieldUpdate(address) { $0 }
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        patient = try r.readID()
        name = try r.readOptional { (r) throws(DecodingError) in try r.readName() }
        dateOfBirth = try r.readOptional { (r) throws(DecodingError) in try r.readDate() }
        sex = try r.readOptional { (r) throws(DecodingError) in try r.readTag() }
        phone = try r.readFieldUpdate(PhoneNumber.init)
        email = try r.readFieldUpdate(EmailAddress.init)
        address = try r.readFieldUpdate { (s) throws(ValueError) in s }
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("patient", .id(patient))]
        if let name { pairs.append(("name", name.json)) }
        if let dateOfBirth { pairs.append(("dateOfBirth", .text(dateOfBirth))) }
        if let sex { pairs.append(("sex", .text(sex))) }
        func update<T>(_ key: String, _ u: FieldUpdate<T>?, _ text: (T) -> String) {
            switch u {
            case .none: break
            case .set(let v)?: pairs.append((key, .string(text(v))))
            case .clear?: pairs.append((key, .null))
            }
        }
        update("phone", phone) { $0.digits }
        update("email", email) { $0.address }
        update("address", address) { $0 }
        return .object(pairs)
    }
}

/// Two charts were the same person. `dropped` stays in the log and its
/// history stays readable; from now on it resolves to `kept`.
public struct PatientsMerged: EventPayload, Equatable {
    public static let typeName = "PatientsMerged"
    public static let schemaVersion: UInt8 = 1

    public let kept: PatientID
    public let dropped: PatientID

    public init(kept: PatientID, dropped: PatientID) {
        self.kept = kept
        self.dropped = dropped
    }

    /// v1: kept id, dropped id.
    public func encode(to w: inout ByteWriter) {
        w.write(kept)
        w.write(dropped)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        kept = try r.readID()
        dropped = try r.readID()
    }

    public var json: JSONValue { .object([("kept", .id(kept)), ("dropped", .id(dropped))]) }
}

extension PersonName {
    var json: JSONValue {
        .object([("first", .string(first)), ("middle", .optional(middle)), ("last", .string(last))])
    }
}

extension ByteWriter {
    mutating func writeName(_ name: PersonName) {
        writeString(name.first)
        writeOptionalString(name.middle)
        writeString(name.last)
    }

    mutating func writeFieldUpdate<T>(_ update: FieldUpdate<T>?, _ text: (T) -> String) {
        switch update {
        case .none: writeByte(0)
        case .set(let v)?:
            writeByte(1)
            writeString(text(v))
        case .clear?: writeByte(2)
        }
    }
}

extension ByteReader {
    mutating func readName() throws(DecodingError) -> PersonName {
        let start = offset
        let first = try readString()
        let middle = try readOptionalString()
        let last = try readString()
        do {
            return try PersonName(first: first, middle: middle, last: last)
        } catch {
            throw .invalid(at: start, reason: error.description)
        }
    }

    mutating func readFieldUpdate<T>(_ make: (String) throws(ValueError) -> T) throws(DecodingError) -> FieldUpdate<T>? {
        let start = offset
        switch try readByte() {
        case 0: return nil
        case 1: return .set(try readValue(make))
        case 2: return .clear
        default: throw .invalid(at: start, reason: "unknown field update tag")
        }
    }
}
