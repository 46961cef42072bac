import BinaryCodec

/// The practice exists; `practica init` made its first admin.
public struct PracticeInitialized: EventPayload, Equatable {
    public static let typeName = "PracticeInitialized"
    public static let schemaVersion: UInt8 = 2

    public let practiceName: DisplayName
    public let admin: UserID
    /// Default zone for new locations and for dates typed without a location.
    public let timeZone: TimeZoneID
    /// Made by `init --synthetic` for demos, benchmarks and crash tests: only such
    /// a store accepts `store synth`, so fake events never mix with a practice's.
    public let isSynthetic: Bool

    public init(practiceName: DisplayName, admin: UserID, timeZone: TimeZoneID, isSynthetic: Bool = false) {
        self.practiceName = practiceName
        self.admin = admin
        self.timeZone = timeZone
        self.isSynthetic = isSynthetic
    }

    /// v2: name string, admin string, zone string, synthetic flag. v1 lacks the flag (a practice's store).
    public func encode(to w: inout ByteWriter) {
        w.writeString(practiceName.text)
        w.writeString(admin.name)
        w.writeString(timeZone.identifier)
        w.writeBool(isSynthetic)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...2, for: Self.typeName)
        practiceName = try r.readValue(DisplayName.parse)
        admin = try r.readValue(UserID.init)
        timeZone = try r.readValue(TimeZoneID.init)
        isSynthetic = schemaVersion >= 2 ? try r.readBool() : false
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("practiceName", .text(practiceName)), ("admin", .text(admin)), ("timeZone", .text(timeZone))]
        if isSynthetic { pairs.append(("synthetic", .bool(true))) }
        return .object(pairs)
    }
}

/// A staff member can now act with `--as`.
public struct UserAdded: EventPayload, Equatable {
    public static let typeName = "UserAdded"
    public static let schemaVersion: UInt8 = 1

    public let user: UserID
    public let role: Role
    public let fullName: DisplayName?

    public init(user: UserID, role: Role, fullName: DisplayName? = nil) {
        self.user = user
        self.role = role
        self.fullName = fullName
    }

    /// v1: user string, role tag, optional full name.
    public func encode(to w: inout ByteWriter) {
        w.writeString(user.name)
        w.writeTag(role)
        w.writeOptionalString(fullName?.text)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        user = try r.readValue(UserID.init)
        role = try r.readTag()
        fullName = try r.readOptional { (r) throws(DecodingError) in try r.readValue(DisplayName.parse) }
    }

    public var json: JSONValue {
        .object([("user", .text(user)), ("role", .text(role)), ("fullName", .maybe(fullName, JSONValue.text))])
    }
}

/// A practice setting took a new value (see `PracticeSettingKey`).
public struct PracticeSettingChanged: EventPayload, Equatable {
    public static let typeName = "PracticeSettingChanged"
    public static let schemaVersion: UInt8 = 1

    public let key: PracticeSettingKey
    /// Canonical text of the value, as `PracticeSettingKey.validate` returns it.
    public let value: String

    /// - throws: `ValueError` when `value` is not valid for `key`.
    public init(key: PracticeSettingKey, value: String) throws(ValueError) {
        self.key = key
        self.value = try key.validate(value)
    }

    /// v1: key string, value string. Strings, so a new key needs no layout change.
    public func encode(to w: inout ByteWriter) {
        w.writeString(key.rawValue)
        w.writeString(value)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        let key = try r.readValue(PracticeSettingKey.parse)
        self.key = key
        value = try r.readValue { (s) throws(ValueError) in try key.validate(s) }
    }

    public var json: JSONValue { .object([("key", .text(key)), ("value", .string(value))]) }
}
