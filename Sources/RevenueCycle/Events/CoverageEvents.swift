import BinaryCodec

/// An insurance policy for a patient, billed in `rank` order on the dates it covers.
///
/// Schema history: v1 had no copay; v2 appends an optional copay. A v1
/// record is upcast with `copay = nil` (no copay collected at check-in).
public struct CoverageAdded: EventPayload, Equatable {
    public static let typeName = "CoverageAdded"
    public static let schemaVersion: UInt8 = 2

    public let coverage: CoverageID
    public let patient: PatientID
    public let payer: PayerID
    public let memberID: String
    public let groupNumber: String?
    public let relationship: SubscriberRelationship
    /// Present when `relationship` is not `.self`.
    public let subscriber: Subscriber?
    public let rank: CoverageRank
    public let span: DateSpan
    /// Fixed amount the patient pays at check-in, when the plan has one.
    public let copay: Money?

    public init(coverage: CoverageID, patient: PatientID, payer: PayerID, memberID: String, groupNumber: String? = nil,
                relationship: SubscriberRelationship = .self, subscriber: Subscriber? = nil,
                rank: CoverageRank, span: DateSpan, copay: Money? = nil) {
        self.coverage = coverage
        self.patient = patient
        self.payer = payer
        self.memberID = memberID
        self.groupNumber = groupNumber
        self.relationship = relationship
        self.subscriber = subscriber
        self.rank = rank
        self.span = span
        self.copay = copay
    }

    /// v2: coverage, patient, payer ids; member id; optional group;
    /// relationship tag; optional subscriber (name, optional dob); rank tag;
    /// from date; optional to date; then (v2 only) optional copay cents.
    public func encode(to w: inout ByteWriter) {
        encodeVersion1Fields(to: &w)
        w.writeOptional(copay) { $0.write($1) }
    }

    /// The v1 layout, kept callable so the upcast test can write a genuine v1 record.
    func encodeVersion1Fields(to w: inout ByteWriter) {
        w.write(coverage)
        w.write(patient)
        w.write(payer)
        w.writeString(memberID)
        w.writeOptionalString(groupNumber)
        w.writeTag(relationship)
        w.writeOptional(subscriber) { w, s in
            w.writeName(s.name)
            w.writeOptional(s.dateOfBirth) { $0.write($1) }
        }
        w.writeTag(rank)
        w.write(span.from)
        w.writeOptional(span.to) { $0.write($1) }
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...2, for: Self.typeName)
        coverage = try r.readID()
        patient = try r.readID()
        payer = try r.readID()
        memberID = try r.readString()
        groupNumber = try r.readOptionalString()
        relationship = try r.readTag()
        subscriber = try r.readOptional { (r) throws(DecodingError) in
            Subscriber(name: try r.readName(), dateOfBirth: try r.readOptional { (r) throws(DecodingError) in try r.readDate() })
        }
        rank = try r.readTag()
        let spanStart = r.offset
        let from = try r.readDate()
        let to = try r.readOptional { (r) throws(DecodingError) in try r.readDate() }
        do {
            span = try DateSpan(from: from, to: to)
        } catch {
            throw .invalid(at: spanStart, reason: error.description)
        }
        // Upcast: v1 records predate copays.
        copay = schemaVersion >= 2 ? try r.readOptional { (r) throws(DecodingError) in try r.readMoney() } : nil
    }

    public var json: JSONValue {
        let subscriberJSON: JSONValue = .maybe(subscriber) { s in
            .object([("name", s.name.json), ("dateOfBirth", .maybe(s.dateOfBirth, JSONValue.text))])
        }
        return .object([
            ("coverage", .id(coverage)), ("patient", .id(patient)), ("payer", .id(payer)),
            ("memberId", .string(memberID)), ("group", .optional(groupNumber)),
            ("relationship", .text(relationship)), ("subscriber", subscriberJSON), ("rank", .text(rank)),
            ("from", .text(span.from)), ("to", .maybe(span.to, JSONValue.text)), ("copay", .maybe(copay, JSONValue.money)),
        ])
    }
}
