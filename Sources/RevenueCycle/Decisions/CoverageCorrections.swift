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

    /// Changes the fields given; the others stay. The coverage as it would read is run
    /// through `CoverageDecisions.add` (against the patient's other coverages), so the
    /// checks are the add's by construction; then only the fields that change are recorded.
    /// - throws: `Rejection` for an unknown coverage, a bad member id, group or copay (usage),
    ///   a rank already held on overlapping dates, or nothing that would change (usage).
    public static func update(_ id: CoverageID, memberID: String?, groupNumber: String?, copay: Money?, rank: CoverageRank?,
                              state: PracticeState) throws(Rejection) -> CoverageUpdated {
        let coverage = try existing(id, state)
        if let groupNumber, groupNumber.trimmedForInput.isEmpty { throw .usage("group", "must not be empty") }
        let patient = state.resolvedPatient(coverage.patient)
        let request = CoverageRequest(patient: patient, payer: coverage.payer, memberID: memberID ?? coverage.memberID,
                                      groupNumber: groupNumber ?? coverage.groupNumber, relationship: coverage.relationship,
                                      subscriber: coverage.subscriber, rank: rank ?? coverage.rank, span: coverage.span,
                                      copay: copay ?? coverage.copay)
        let checked = try CoverageDecisions.add(request, id: id, patient: state.patients[patient], directory: state.directory,
                                                existing: state.coverages(of: patient).filter { $0.coverage != id })
        let update = CoverageUpdated(coverage: id, patient: coverage.patient,
                                     memberID: checked.memberID == coverage.memberID ? nil : checked.memberID,
                                     groupNumber: checked.groupNumber == coverage.groupNumber ? nil : checked.groupNumber,
                                     copay: checked.copay == coverage.copay ? nil : checked.copay,
                                     rank: checked.rank == coverage.rank ? nil : checked.rank)
        guard !update.isEmpty else {
            throw .usage("coverage", "nothing to change for \(id): the values given are the ones it has",
                         hint: "give --member-id, --group, --copay or --rank with a new value")
        }
        // `add` compares coverages recorded on the same chart; this also counts charts merged into it.
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
