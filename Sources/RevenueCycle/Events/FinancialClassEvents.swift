import BinaryCodec

/// A visit's financial class was changed after check-in, by a person and for a
/// recorded reason: to self-pay (`coverage` nil: the patient is billed the
/// charges), or to insurance (the coverage and payer that will be claimed).
///
/// The class is decided at check-in (`PatientCheckedIn.coverage`, nil for
/// self-pay) and only this event changes it; the ledger, claim creation, the
/// scrubber and statements all follow it (`Ledger.isInsured`).
public struct VisitFinancialClassChanged: EventPayload, Equatable {
    public static let typeName = "VisitFinancialClassChanged"
    public static let schemaVersion: UInt8 = 1

    public let visit: VisitID
    /// The coverage to claim; nil: self-pay.
    public let coverage: CoverageID?
    public let payer: PayerID?
    public let reason: String
    public let changedOn: LocalDate

    public init(visit: VisitID, coverage: CoverageID?, payer: PayerID?, reason: String, changedOn: LocalDate) {
        self.visit = visit
        self.coverage = coverage
        self.payer = payer
        self.reason = reason
        self.changedOn = changedOn
    }

    public var isInsured: Bool { coverage != nil }

    /// v1: visit id; optional coverage id; optional payer id; reason; date.
    public func encode(to w: inout ByteWriter) {
        w.write(visit)
        w.writeOptional(coverage) { $0.write($1) }
        w.writeOptional(payer) { $0.write($1) }
        w.writeString(reason)
        w.write(changedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        visit = try r.readID()
        coverage = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
        payer = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
        reason = try r.readString()
        changedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("visit", .id(visit)), ("financialClass", .string(isInsured ? "insurance" : "self-pay")),
                 ("coverage", .maybe(coverage, JSONValue.id)), ("payer", .maybe(payer, JSONValue.id)),
                 ("reason", .string(reason)), ("changedOn", .text(changedOn))])
    }
}
