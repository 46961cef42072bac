/// Decisions for `coverage end` and `coverage update`: correcting a coverage
/// without adding a second one, so an open-ended primary can make room for the next.
public enum CoverageCorrections {
    /// Ends a coverage on `lastDay` (inclusive). It may also move an end already
    /// recorded, later or earlier, as long as the rank stays free on those dates.
    /// - throws: `Rejection` for an unknown coverage, a day before the coverage starts,
    ///   the end it already has, or a span that would overlap another coverage of the same rank.
    public static func end(_ id: CoverageID, lastDay: LocalDate, reason: String?, state: PracticeState) throws(Rejection) -> CoverageEnded {
        let coverage = try existing(id, state)
        guard lastDay >= coverage.span.from else {
            throw .refused("on", "\(id) starts on \(coverage.span.from); it cannot end before that (got \(lastDay))",
                           hint: "give a date on or after \(coverage.span.from)")
        }
        if coverage.span.to == lastDay { throw .refused("on", "\(id) already ends on \(lastDay)") }
        let ended = CoverageEnded(coverage: id, patient: coverage.patient, lastDay: lastDay, reason: trimmed(reason))
        try requireRankFree(ended.applied(to: coverage), state: state, field: "on")
        return ended
    }

    /// Changes the fields given; the others stay. Validations are those of `coverage add`.
    /// - throws: `Rejection` for an unknown coverage, a bad member id or copay (usage),
    ///   a rank already held on overlapping dates, or nothing that would change (usage).
    public static func update(_ id: CoverageID, memberID: String?, groupNumber: String?, copay: Money?, rank: CoverageRank?,
                              state: PracticeState) throws(Rejection) -> CoverageUpdated {
        let coverage = try existing(id, state)
        var member: String?
        if let memberID {
            let m = memberID.trimmedForInput
            guard !m.isEmpty, m.count <= 80 else { throw .usage("member-id", "must be 1 to 80 characters") }
            member = m
        }
        var group: String?
        if let groupNumber {
            let g = groupNumber.trimmedForInput
            guard !g.isEmpty, g.count <= 80 else { throw .usage("group", "must be 1 to 80 characters") }
            group = g
        }
        if let copay, copay.isNegative { throw .usage("copay", "cannot be negative") }
        let update = CoverageUpdated(coverage: id, patient: coverage.patient,
                                     memberID: member == coverage.memberID ? nil : member,
                                     groupNumber: group == coverage.groupNumber ? nil : group,
                                     copay: copay == coverage.copay ? nil : copay,
                                     rank: rank == coverage.rank ? nil : rank)
        guard !update.isEmpty else {
            throw .usage("coverage", "nothing to change for \(id): the values given are the ones it has",
                         hint: "give --member-id, --group, --copay or --rank with a new value")
        }
        if update.rank != nil { try requireRankFree(update.applied(to: coverage), state: state, field: "rank") }
        return update
    }

    static func existing(_ id: CoverageID, _ state: PracticeState) throws(Rejection) -> CoverageAdded {
        guard let coverage = state.coverages[id] else {
            throw .refused("coverage", "unknown coverage \(id)", hint: "a patient's coverages are listed by `practica patient show PT…`")
        }
        return coverage
    }

    /// Two coverages of one rank may not cover the same day (as `coverage add` requires),
    /// counting those on charts merged into the same patient.
    static func requireRankFree(_ changed: CoverageAdded, state: PracticeState, field: String) throws(Rejection) {
        let patient = state.resolvedPatient(changed.patient)
        if let clash = state.coverages(of: patient).first(where: {
            $0.coverage != changed.coverage && $0.rank == changed.rank && $0.span.overlaps(changed.span)
        }) {
            throw .refused(field, "\(patient) would have two \(changed.rank) coverages on the same days: \(changed.coverage) "
                               + "(\(changed.span)) and \(clash.coverage) (\(clash.span))",
                           hint: "end or change \(clash.coverage) first")
        }
    }

    static func trimmed(_ text: String?) -> String? {
        guard let t = text?.trimmedForInput, !t.isEmpty else { return nil }
        return t
    }
}
