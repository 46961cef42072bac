import BinaryCodec

/// Staff leave (issue 15): a disabled user keeps their name on every past event
/// but can no longer act with `--as`; `user enable` lets them back.
public struct UserDisabled: EventPayload, Equatable {
    public static let typeName = "UserDisabled"
    public static let schemaVersion: UInt8 = 1

    public let user: UserID
    /// Why, for the audit trail ("left the practice", "leave until March").
    public let reason: String?

    public init(user: UserID, reason: String? = nil) {
        self.user = user
        self.reason = reason
    }

    /// v1: user string, optional reason.
    public func encode(to w: inout ByteWriter) {
        w.writeString(user.name)
        w.writeOptionalString(reason)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        user = try r.readValue(UserID.init)
        reason = try r.readOptionalString()
    }

    public var json: JSONValue { .object([("user", .text(user)), ("reason", .maybe(reason, JSONValue.string))]) }
}

/// A disabled user may act again.
public struct UserEnabled: EventPayload, Equatable {
    public static let typeName = "UserEnabled"
    public static let schemaVersion: UInt8 = 1

    public let user: UserID

    public init(user: UserID) { self.user = user }

    /// v1: user string.
    public func encode(to w: inout ByteWriter) { w.writeString(user.name) }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        user = try r.readValue(UserID.init)
    }

    public var json: JSONValue { .object([("user", .text(user))]) }
}

/// A user's role changed (a front-desk clerk becomes a biller); past events keep who did them.
public struct UserRoleChanged: EventPayload, Equatable {
    public static let typeName = "UserRoleChanged"
    public static let schemaVersion: UInt8 = 1

    public let user: UserID
    public let role: Role

    public init(user: UserID, role: Role) {
        self.user = user
        self.role = role
    }

    /// v1: user string, role tag.
    public func encode(to w: inout ByteWriter) {
        w.writeString(user.name)
        w.writeTag(role)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        user = try r.readValue(UserID.init)
        role = try r.readTag()
    }

    public var json: JSONValue { .object([("user", .text(user)), ("role", .text(role))]) }
}
