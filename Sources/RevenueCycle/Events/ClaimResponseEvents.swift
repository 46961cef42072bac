import BinaryCodec

/// The receiver's 999 verdict on the transaction set that carried the claim:
/// accepted means the file was readable, not that the payer will pay.
public struct ClaimAcknowledged: EventPayload, Equatable {
    public static let typeName = "ClaimAcknowledged"
    public static let schemaVersion: UInt8 = 1

    public let claim: ClaimID
    public let accepted: Bool
    /// The 999's errors in words; empty when accepted cleanly.
    public let reasons: [String]
    public let receivedOn: LocalDate

    public init(claim: ClaimID, accepted: Bool, reasons: [String] = [], receivedOn: LocalDate) {
        self.claim = claim
        self.accepted = accepted
        self.reasons = reasons
        self.receivedOn = receivedOn
    }

    /// v1: claim id, accepted bool, reasons array, date.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.writeBool(accepted)
        w.writeArray(reasons) { $0.writeString($1) }
        w.write(receivedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        claim = try r.readID()
        accepted = try r.readBool()
        reasons = try r.readArray { (r) throws(DecodingError) in try r.readString() }
        receivedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("claim", .id(claim)), ("accepted", .bool(accepted)), ("reasons", .array(reasons.map(JSONValue.string))),
                 ("receivedOn", .text(receivedOn))])
    }
}

/// The payer took the claim into adjudication (277CA); its claim number is
/// what a later replacement or void must quote (REF*F8).
public struct ClaimAcceptedByPayer: EventPayload, Equatable {
    public static let typeName = "ClaimAcceptedByPayer"
    public static let schemaVersion: UInt8 = 1

    public let claim: ClaimID
    public let statuses: [PayerClaimStatus]
    public let payerClaimNumber: String?
    public let receivedOn: LocalDate

    public init(claim: ClaimID, statuses: [PayerClaimStatus], payerClaimNumber: String?, receivedOn: LocalDate) {
        self.claim = claim
        self.statuses = statuses
        self.payerClaimNumber = payerClaimNumber
        self.receivedOn = receivedOn
    }

    /// v1: claim id, statuses array, optional payer claim number, date.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.writeArray(statuses) { $0.write($1) }
        w.writeOptionalString(payerClaimNumber)
        w.write(receivedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        claim = try r.readID()
        statuses = try r.readArray { (r) throws(DecodingError) in try r.readPayerStatus() }
        payerClaimNumber = try r.readOptionalString()
        receivedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("claim", .id(claim)), ("statuses", .array(statuses.map(\.json))),
                 ("payerClaimNumber", .optional(payerClaimNumber)), ("receivedOn", .text(receivedOn))])
    }
}

/// The payer refused the claim at the front door (277CA); it goes to the
/// rejections queue with the payer's status codes and their meaning.
public struct ClaimRejectedByPayer: EventPayload, Equatable {
    public static let typeName = "ClaimRejectedByPayer"
    public static let schemaVersion: UInt8 = 1

    public let claim: ClaimID
    public let statuses: [PayerClaimStatus]
    public let receivedOn: LocalDate

    public init(claim: ClaimID, statuses: [PayerClaimStatus], receivedOn: LocalDate) {
        self.claim = claim
        self.statuses = statuses
        self.receivedOn = receivedOn
    }

    /// v1: claim id, statuses array, date.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.writeArray(statuses) { $0.write($1) }
        w.write(receivedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        claim = try r.readID()
        statuses = try r.readArray { (r) throws(DecodingError) in try r.readPayerStatus() }
        receivedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("claim", .id(claim)), ("statuses", .array(statuses.map(\.json))), ("receivedOn", .text(receivedOn))])
    }
}

/// A sent claim is superseded by a corrected one (frequency 7); the original
/// stops counting as open and its charges move to the replacement.
public struct ClaimReplaced: EventPayload, Equatable {
    public static let typeName = "ClaimReplaced"
    public static let schemaVersion: UInt8 = 1

    public let claim: ClaimID
    public let replacement: ClaimID
    public let reason: String

    public init(claim: ClaimID, replacement: ClaimID, reason: String) {
        self.claim = claim
        self.replacement = replacement
        self.reason = reason
    }

    /// v1: original claim id, replacement claim id, reason.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.write(replacement)
        w.writeString(reason)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        claim = try r.readID()
        replacement = try r.readID()
        reason = try r.readString()
    }

    public var json: JSONValue {
        .object([("claim", .id(claim)), ("replacement", .id(replacement)), ("reason", .string(reason))])
    }
}

/// A claim is withdrawn: one never sent is simply closed; one the payer has
/// is voided by a frequency-8 claim (`voidingClaim`). Its charges become
/// billable again either way.
public struct ClaimVoided: EventPayload, Equatable {
    public static let typeName = "ClaimVoided"
    public static let schemaVersion: UInt8 = 1

    public let claim: ClaimID
    public let voidingClaim: ClaimID?
    public let reason: String

    public init(claim: ClaimID, voidingClaim: ClaimID?, reason: String) {
        self.claim = claim
        self.voidingClaim = voidingClaim
        self.reason = reason
    }

    /// v1: claim id, optional voiding claim id, reason.
    public func encode(to w: inout ByteWriter) {
        w.write(claim)
        w.writeOptional(voidingClaim) { $0.write($1) }
        w.writeString(reason)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        claim = try r.readID()
        voidingClaim = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
        reason = try r.readString()
    }

    public var json: JSONValue {
        .object([("claim", .id(claim)), ("voidingClaim", .maybe(voidingClaim, JSONValue.id)), ("reason", .string(reason))])
    }
}
