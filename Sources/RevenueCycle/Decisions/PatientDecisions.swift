/// What `patient register` asks for, already parsed.
public struct PatientRegistration: Sendable, Equatable {
    public var name: PersonName
    public var dateOfBirth: LocalDate
    public var sex: Sex
    public var phone: PhoneNumber?
    public var email: EmailAddress?
    public var address: String?

    public init(name: PersonName, dateOfBirth: LocalDate, sex: Sex, phone: PhoneNumber? = nil,
                email: EmailAddress? = nil, address: String? = nil) {
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.phone = phone
        self.email = email
        self.address = address
    }
}

/// Decisions for `patient register`, `patient update` and `patient merge`.
public enum PatientDecisions {
    /// Active patients that are likely the same person: same folded last name
    /// and date of birth, or the same phone number.
    public static func likelyDuplicates(of r: PatientRegistration, among candidates: [PatientRecord]) -> [PatientID] {
        candidates
            .filter { c in
                c.isActive && ((c.name.lastKey == r.name.lastKey && c.dateOfBirth == r.dateOfBirth)
                    || (r.phone != nil && c.phone == r.phone))
            }
            .map(\.id)
            .sorted()
    }

    /// Registers a patient unless a likely duplicate exists and `confirmNew` is false.
    ///
    /// - parameter candidates: existing patients the CLI found by last name + DOB
    ///   or phone (passing every patient is fine too).
    /// - parameter today: refuses a birth date in the future.
    /// - throws: `Rejection` (refused) listing the duplicates in `duplicates`.
    public static func register(_ r: PatientRegistration, id: PatientID, candidates: [PatientRecord],
                                confirmNew: Bool, today: LocalDate) throws(Rejection) -> PatientRegistered {
        try PlausibleDates.checkDateOfBirth(r.dateOfBirth, today: today)
        // The name and address go into claims (NM1, N3/N4).
        try X12Characters.check(r.name, fields: ("first", "middle", "last"))
        try X12Characters.check(r.address, field: "address", folded: true)
        let duplicates = likelyDuplicates(of: r, among: candidates)
        if !duplicates.isEmpty && !confirmNew {
            throw Rejection(.refused, field: "patient",
                            reason: "likely duplicate of " + duplicates.map(\.description).joined(separator: ", "),
                            hint: "check with `practica patient show ID`; if this is someone else, repeat with --confirm-new",
                            duplicates: duplicates)
        }
        return PatientRegistered(patient: id, name: r.name, dateOfBirth: r.dateOfBirth, sex: r.sex, phone: r.phone,
                                 email: r.email, address: r.address?.trimmedForInput,
                                 confirmedNotDuplicateOf: duplicates)
    }

    /// Keeps only the changes that differ from the record.
    /// - throws: `Rejection` for an unknown or merged patient, or when nothing would change.
    public static func update(_ patient: PatientID, current: PatientRecord?, name: PersonName? = nil,
                              dateOfBirth: LocalDate? = nil, sex: Sex? = nil, phone: FieldUpdate<PhoneNumber>? = nil,
                              email: FieldUpdate<EmailAddress>? = nil, address: FieldUpdate<String>? = nil,
                              today: LocalDate) throws(Rejection) -> PatientUpdated {
        let record = try active(patient, current, field: "patient")
        if let d = dateOfBirth { try PlausibleDates.checkDateOfBirth(d, today: today) }
        try X12Characters.check(name, fields: ("first", "middle", "last"))
        if case .set(let text)? = address { try X12Characters.check(text, field: "address", folded: true) }
        func changed<T: Equatable>(_ u: FieldUpdate<T>?, _ now: T?) -> FieldUpdate<T>? {
            switch u {
            case .set(let v)? where v != now: return .set(v)
            case .clear? where now != nil: return .clear
            default: return nil
            }
        }
        let event = PatientUpdated(
            patient: patient,
            name: name == record.name ? nil : name,
            dateOfBirth: dateOfBirth == record.dateOfBirth ? nil : dateOfBirth,
            sex: sex == record.sex ? nil : sex,
            phone: changed(phone, record.phone),
            email: changed(email, record.email),
            address: changed(address.map { u in if case .set(let s) = u { return .set(s.trimmedForInput) } else { return u } },
                             record.address))
        guard !event.isEmpty else { throw .usage("patient", "nothing to change for \(patient)") }
        return event
    }

    /// Merges `drop` into `keep`. Both must exist, differ, and be unmerged;
    /// neither chart's history is rewritten.
    ///
    /// After a merge the kept chart bills with the coverages of both, so two
    /// coverages of the same rank on overlapping dates (one from each chart)
    /// would leave it unclear which payer is primary on those dates: the merge is
    /// refused, naming every clashing pair, until the coverages are sorted out.
    ///
    /// - parameter keptCoverages: coverages of `keep`, including charts already merged into it
    ///   (`PracticeState.coverages(of:)`).
    /// - parameter droppedCoverages: the same for `drop`.
    ///
    /// Charts whose date of birth or sex differ are more likely two people than one
    /// person keyed twice, and a merge cannot be undone: without `confirmed` such a
    /// merge is refused, naming the field that differs.
    public static func merge(keep: PatientID, drop: PatientID, keptRecord: PatientRecord?, droppedRecord: PatientRecord?,
                             keptCoverages: [CoverageAdded], droppedCoverages: [CoverageAdded],
                             confirmed: Bool = false) throws(Rejection) -> PatientsMerged {
        guard keep != drop else { throw .usage("drop", "cannot merge \(keep) into itself") }
        let kept = try active(keep, keptRecord, field: "keep")
        let dropped = try active(drop, droppedRecord, field: "drop")
        if !confirmed {
            let hint = "check both charts with `practica patient show`; if they are one person, correct the chart or add --confirm"
            if kept.dateOfBirth != dropped.dateOfBirth {
                throw .refused("dob", "\(keep) was born \(kept.dateOfBirth) and \(drop) \(dropped.dateOfBirth): they may be two people", hint: hint)
            }
            if kept.sex != dropped.sex {
                throw .refused("sex", "\(keep) is \(kept.sex) and \(drop) is \(dropped.sex): they may be two people", hint: hint)
            }
        }
        let clashes = coverageClashes(keptCoverages, droppedCoverages)
        if !clashes.isEmpty {
            let named = clashes.map { k, d in
                "\(k.rank) \(k.coverage) (\(k.span)) and \(d.coverage) (\(d.span))"
            }
            throw .refused("drop", "merging would give \(keep) overlapping coverages of the same rank: "
                               + named.joined(separator: "; "),
                           hint: "compare both charts with `practica patient show`; each pair needs different ranks or dates before the merge")
        }
        return PatientsMerged(kept: keep, dropped: drop)
    }

    /// Pairs (one from each side) holding the same rank on overlapping dates, in coverage id order.
    static func coverageClashes(_ kept: [CoverageAdded], _ dropped: [CoverageAdded]) -> [(CoverageAdded, CoverageAdded)] {
        var pairs: [(CoverageAdded, CoverageAdded)] = []
        for k in kept.sorted(by: { $0.coverage < $1.coverage }) {
            for d in dropped.sorted(by: { $0.coverage < $1.coverage }) where k.rank == d.rank && k.span.overlaps(d.span) {
                pairs.append((k, d))
            }
        }
        return pairs
    }

    /// The record of an existing, unmerged patient.
    static func active(_ id: PatientID, _ record: PatientRecord?, field: String) throws(Rejection) -> PatientRecord {
        guard let record else {
            throw .refused(field, "unknown patient \(id)", hint: "find patients with `practica patient find TEXT`")
        }
        if let into = record.mergedInto {
            throw .refused(field, "\(id) was merged into \(into)", hint: "use \(into)")
        }
        return record
    }
}
