/// What `coverage add` asks for, already parsed.
public struct CoverageRequest: Sendable, Equatable {
    public var patient: PatientID
    public var payer: PayerID
    public var memberID: String
    public var groupNumber: String?
    public var relationship: SubscriberRelationship
    public var subscriber: Subscriber?
    public var rank: CoverageRank
    public var span: DateSpan
    public var copay: Money?

    public init(patient: PatientID, payer: PayerID, memberID: String, groupNumber: String? = nil,
                relationship: SubscriberRelationship = .self, subscriber: Subscriber? = nil,
                rank: CoverageRank, span: DateSpan, copay: Money? = nil) {
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
}

/// Decisions about insurance coverage.
public enum CoverageDecisions {
    /// - parameter existing: the patient's coverages (all of them is fine).
    /// - throws: `Rejection` for an unknown patient or payer, a missing
    ///   subscriber, a negative copay, or a rank already held on overlapping dates.
    public static func add(_ r: CoverageRequest, id: CoverageID, patient: PatientRecord?, directory: PracticeDirectory,
                           existing: [CoverageAdded]) throws(Rejection) -> CoverageAdded {
        _ = try PatientDecisions.active(r.patient, patient, field: "patient")
        guard directory.payers[r.payer] != nil else {
            throw .refused("payer", "unknown payer \(r.payer)", hint: "list payers with `practica payer list`")
        }
        let member = r.memberID.trimmedForInput
        guard !member.isEmpty, member.count <= 80 else { throw .usage("member-id", "must be 1 to 80 characters") }
        // Both go into the 837P as typed (NM109, SBR03); the subscriber's name too.
        try X12Characters.check(member, field: "member-id")
        try X12Characters.check(r.groupNumber?.trimmedForInput, field: "group")
        try X12Characters.check(r.subscriber?.name, fields: ("subscriber-first", "subscriber-middle", "subscriber-last"))
        if r.relationship != .self && r.subscriber == nil {
            throw .usage("subscriber", "required when the relationship is \(r.relationship)")
        }
        if let copay = r.copay, copay.isNegative { throw .usage("copay", "cannot be negative") }
        if let clash = existing.first(where: { $0.patient == r.patient && $0.rank == r.rank && $0.span.overlaps(r.span) }) {
            throw .refused("rank", "\(r.patient) already has \(r.rank) coverage \(clash.coverage) from \(clash.span)",
                           hint: "use another --rank or dates that do not overlap")
        }
        let group = r.groupNumber?.trimmedForInput
        return CoverageAdded(coverage: id, patient: r.patient, payer: r.payer, memberID: member,
                             groupNumber: group?.isEmpty == true ? nil : group, relationship: r.relationship,
                             subscriber: r.relationship == .self ? nil : r.subscriber, rank: r.rank, span: r.span, copay: r.copay)
    }

    /// Coverages in effect on `date`, primary first.
    public static func active(on date: LocalDate, among coverages: [CoverageAdded]) -> [CoverageAdded] {
        coverages.filter { $0.span.contains(date) }.sorted { $0.rank < $1.rank }
    }
}
