import BinaryCodec

// Staff sign-in on the practice server. None of these carries a password, a
// token or a hash of either: the log is kept forever and copied to backups, so
// secrets live in the server's credential table (`<store>/auth`), and the log
// says only who signed in, failed, was locked out or revoked, and when.

/// An admin set a user's password, or the user changed their own.
public struct StaffPasswordSet: EventPayload, Equatable {
    public static let typeName = "StaffPasswordSet"
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

/// A user signed in to the server; `session` names the session (the first
/// characters of its token's digest, enough to tell sessions apart, not to use one).
public struct StaffSignedIn: EventPayload, Equatable {
    public static let typeName = "StaffSignedIn"
    public static let schemaVersion: UInt8 = 1

    public let user: UserID
    public let session: String

    public init(user: UserID, session: String) {
        self.user = user
        self.session = session
    }

    /// v1: user string, session string.
    public func encode(to w: inout ByteWriter) {
        w.writeString(user.name)
        w.writeString(session)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        user = try r.readValue(UserID.init)
        session = try r.readString()
    }

    public var json: JSONValue { .object([("user", .text(user)), ("session", .string(session))]) }
}

/// A sign-in was refused.
public struct StaffSignInFailed: EventPayload, Equatable {
    public static let typeName = "StaffSignInFailed"
    public static let schemaVersion: UInt8 = 1

    public enum Reason: String, CaseIterable, Sendable {
        case wrongPassword = "wrong-password"
        case noPassword = "no-password"
        case unknownUser = "unknown-user"
        case locked
    }

    public let user: UserID
    public let reason: Reason

    public init(user: UserID, reason: Reason) {
        self.user = user
        self.reason = reason
    }

    /// v1: user string, reason string.
    public func encode(to w: inout ByteWriter) {
        w.writeString(user.name)
        w.writeString(reason.rawValue)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        user = try r.readValue(UserID.init)
        let start = r.offset
        let text = try r.readString()
        guard let reason = Reason(rawValue: text) else { throw .invalid(at: start, reason: "unknown sign-in failure reason '\(text)'") }
        self.reason = reason
    }

    public var json: JSONValue { .object([("user", .text(user)), ("reason", .string(reason.rawValue))]) }
}

/// Too many failed sign-ins: the user may not sign in until `until` (seconds since 1970, UTC).
public struct StaffLockedOut: EventPayload, Equatable {
    public static let typeName = "StaffLockedOut"
    public static let schemaVersion: UInt8 = 1

    public let user: UserID
    public let until: Int64

    public init(user: UserID, until: Int64) {
        self.user = user
        self.until = until
    }

    /// v1: user string, until varint.
    public func encode(to w: inout ByteWriter) {
        w.writeString(user.name)
        w.writeVarInt(until)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        user = try r.readValue(UserID.init)
        until = try r.readVarInt()
    }

    public var json: JSONValue { .object([("user", .text(user)), ("until", .int(until))]) }
}

/// Sessions of a user ended: revoked by an admin, or one signed out (`signedOut`).
public struct StaffSessionsRevoked: EventPayload, Equatable {
    public static let typeName = "StaffSessionsRevoked"
    public static let schemaVersion: UInt8 = 1

    public let user: UserID
    public let count: Int64
    public let signedOut: Bool

    public init(user: UserID, count: Int64, signedOut: Bool) {
        self.user = user
        self.count = count
        self.signedOut = signedOut
    }

    /// v1: user string, count varint, signed-out flag.
    public func encode(to w: inout ByteWriter) {
        w.writeString(user.name)
        w.writeVarInt(count)
        w.writeBool(signedOut)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        user = try r.readValue(UserID.init)
        count = try r.readVarInt()
        signedOut = try r.readBool()
    }

    public var json: JSONValue { .object([("user", .text(user)), ("count", .int(count)), ("signedOut", .bool(signedOut))]) }
}
