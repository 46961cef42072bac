import BinaryCodec

/// A coverage stops on `lastDay` (inclusive): the plan ended, or the open-ended
/// primary must make room for the patient's new primary. The coverage keeps its
/// id and history; only its span changes.
public struct CoverageEnded: EventPayload, Equatable {
    public static let typeName = "CoverageEnded"
    public static let schemaVersion: UInt8 = 1

    public let coverage: CoverageID
    /// The chart the coverage was recorded on (its `CoverageAdded.patient`), so read models find it.
    public let patient: PatientID
    public let lastDay: LocalDate
    public let reason: String?

    public init(coverage: CoverageID, patient: PatientID, lastDay: LocalDate, reason: String? = nil) {
        self.coverage = coverage
        self.patient = patient
        self.lastDay = lastDay
        self.reason = reason
    }

    /// The coverage as it reads after the end; unchanged if the date would come before its start
    /// (a decision never records that, so only a damaged log could).
    public func applied(to c: CoverageAdded) -> CoverageAdded {
        guard let span = try? DateSpan(from: c.span.from, to: lastDay) else { return c }
        return CoverageAdded(coverage: c.coverage, patient: c.patient, payer: c.payer, memberID: c.memberID, groupNumber: c.groupNumber,
                             relationship: c.relationship, subscriber: c.subscriber, rank: c.rank, span: span, copay: c.copay)
    }

    /// v1: coverage, patient ids; last day; optional reason.
    public func encode(to w: inout ByteWriter) {
        w.write(coverage)
        w.write(patient)
        w.write(lastDay)
        w.writeOptionalString(reason)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        coverage = try r.readID()
        patient = try r.readID()
        lastDay = try r.readDate()
        reason = try r.readOptionalString()
    }

    public var json: JSONValue {
        .object([("coverage", .id(coverage)), ("patient", .id(patient)), ("lastDay", .text(lastDay)), ("reason", .optional(reason))])
    }
}

/// Corrects what was typed from the insurance card: only the fields present change.
public struct CoverageUpdated: EventPayload, Equatable {
    public static let typeName = "CoverageUpdated"
    public static let schemaVersion: UInt8 = 1

    public let coverage: CoverageID
    /// The chart the coverage was recorded on.
    public let patient: PatientID
    public let memberID: String?
    public let groupNumber: String?
    public let copay: Money?
    public let rank: CoverageRank?

    public init(coverage: CoverageID, patient: PatientID, memberID: String? = nil, groupNumber: String? = nil,
                copay: Money? = nil, rank: CoverageRank? = nil) {
        self.coverage = coverage
        self.patient = patient
        self.memberID = memberID
        self.groupNumber = groupNumber
        self.copay = copay
        self.rank = rank
    }

    public var isEmpty: Bool { memberID == nil && groupNumber == nil && copay == nil && rank == nil }

    public func applied(to c: CoverageAdded) -> CoverageAdded {
        CoverageAdded(coverage: c.coverage, patient: c.patient, payer: c.payer, memberID: memberID ?? c.memberID,
                      groupNumber: groupNumber ?? c.groupNumber, relationship: c.relationship, subscriber: c.subscriber,
                      rank: rank ?? c.rank, span: c.span, copay: copay ?? c.copay)
    }

    /// v1: coverage, patient ids; optional member id, group, copay cents, rank tag.
    public func encode(to w: inout ByteWriter) {
        w.write(coverage)
        w.write(patient)
        w.writeOptionalString(memberID)
        w.writeOptionalString(groupNumber)
        w.writeOptional(copay) { $0.write($1) }
        w.writeOptional(rank) { $0.writeTag($1) }
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        coverage = try r.readID()
        patient = try r.readID()
        memberID = try r.readOptionalString()
        groupNumber = try r.readOptionalString()
        copay = try r.readOptional { (r) throws(DecodingError) in try r.readMoney() }
        rank = try r.readOptional { (r) throws(DecodingError) in try r.readTag() }
    }

    public var json: JSONValue {
        .object([("coverage", .id(coverage)), ("patient", .id(patient)), ("memberId", .optional(memberID)),
                 ("group", .optional(groupNumber)), ("copay", .maybe(copay, JSONValue.money)), ("rank", .maybe(rank, JSONValue.text))])
    }
}
