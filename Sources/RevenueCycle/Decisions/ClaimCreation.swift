import BinaryCodec

/// Decisions that make claims: the first claim for a visit, a replacement
/// (frequency 7) of a sent claim, and withdrawing a claim (frequency 8 when
/// the payer already has it).
public enum ClaimCreation {
    /// An 837P claim holds at most 50 service lines.
    public static let maxLines = 50

    /// Builds a claim for the visit's charges that no claim carries yet, to the
    /// patient's primary coverage active on the date of service.
    ///
    /// - parameter billingProvider: defaults to the rendering provider when it
    ///   bills, else the first provider marked as billing.
    /// - throws: `Rejection` for a visit not checked out, a self-pay visit, no unbilled charges,
    ///   no primary coverage on the date of service, an unknown payer, no billing
    ///   or rendering provider, or too many lines or diagnoses.
    public static func create(visit: VisitID, id: ClaimID, today: LocalDate, state: PracticeState,
                              billingProvider: ProviderID? = nil) throws(Rejection) -> ClaimCreated {
        let appt = try ChargeDecisions.checkedOutVisit(visit, state)
        guard state.receivables.ledger.isInsured(visit) else {
            throw .refused("visit", "\(visit) is self-pay (its financial class): the patient is billed, not a payer",
                           hint: "to bill insurance, change it: `practica visit financial-class \(visit) --insurance --reason \"…\"`")
        }
        let charges = state.charges(ofVisit: visit).filter { !$0.isVoided && $0.claim == nil }
        guard !charges.isEmpty else {
            throw .refused("visit", "\(visit) has no charges waiting to be billed", hint: "add them with `practica charge add \(visit) --code CODE --dx CODE`")
        }
        let patient = state.resolvedPatient(appt.patient)
        let dos = appt.localDate
        let active = CoverageDecisions.active(on: dos, among: state.coverages(of: patient))
        guard let coverage = active.first(where: { $0.rank == .primary }) else {
            throw .refused("visit", "\(patient) has no primary coverage active on \(dos)",
                           hint: "add it with `practica coverage add`; self-pay visits are billed to the patient, not claimed")
        }
        guard state.directory.payers[coverage.payer] != nil else {
            throw .refused("visit", "coverage \(coverage.coverage) names unknown payer \(coverage.payer)")
        }
        let rendering = try renderingProvider(appt.provider, state.directory)
        let billing = try self.billingProvider(billingProvider, rendering: rendering, state.directory)
        guard let location = state.directory.locations[appt.location] else {
            throw .refused("visit", "\(visit) was seen at unknown location \(appt.location)")
        }
        let (lines, diagnoses) = try snapshot(charges)
        return ClaimCreated(claim: id, visit: visit, patient: patient, coverage: coverage.coverage, payer: coverage.payer,
                            billingProvider: billing, renderingProvider: rendering, placeOfService: location.placeOfService,
                            lines: lines, diagnoses: diagnoses, total: Money.sum(lines.map(\.amount)), createdOn: today)
    }

    /// A corrected claim (frequency 7) for a claim the payer has: the original's
    /// charges that are still valid plus the visit's unbilled ones, to the same
    /// payer and providers. Returns `ClaimCreated` then `ClaimReplaced`.
    /// - throws: `Rejection` when the original is unknown or not with the payer,
    ///   the reason is empty, or no valid charge is left (void it instead).
    public static func replace(_ original: ClaimID, id: ClaimID, reason: String, today: LocalDate,
                               state: PracticeState) throws(Rejection) -> [any EventPayload] {
        let old = try withPayer(original, state, doing: "replaced")
        let why = try nonEmpty(reason, "say why the claim is replaced")
        let charges = state.charges(ofVisit: old.created.visit)
            .filter { !$0.isVoided && ($0.claim == nil || $0.claim == original) }
        guard !charges.isEmpty else {
            throw .refused("claim", "no valid charge is left on \(old.created.visit)", hint: "void it instead: `practica claim void \(original) --reason TEXT`")
        }
        let (lines, diagnoses) = try snapshot(charges)
        let c = old.created
        let created = ClaimCreated(claim: id, visit: c.visit, patient: c.patient, coverage: c.coverage, payer: c.payer,
                                   billingProvider: c.billingProvider, renderingProvider: c.renderingProvider,
                                   placeOfService: c.placeOfService, frequency: .replacement, originalClaim: original,
                                   lines: lines, diagnoses: diagnoses, total: Money.sum(lines.map(\.amount)), createdOn: today,
                                   priorAdjudication: c.priorAdjudication)
        return [created, ClaimReplaced(claim: original, replacement: id, reason: why)]
    }

    /// Withdraws a claim. One the payer never had is closed at once; one it has
    /// needs a frequency-8 claim (`voidingID`) repeating the original's lines.
    /// - throws: `Rejection` for an unknown claim, one already replaced or voided,
    ///   an empty reason, or a claim with the payer and no `voidingID`.
    public static func void(_ claim: ClaimID, voidingID: ClaimID?, reason: String, today: LocalDate,
                            state: PracticeState) throws(Rejection) -> [any EventPayload] {
        guard let record = state.claims[claim] else { throw .refused("claim", "unknown claim \(claim)") }
        guard !record.status.isInactive, record.created.frequency != .void else {
            throw .refused("claim", "\(claim) is \(record.status) and cannot be voided")
        }
        let why = try nonEmpty(reason, "say why the claim is voided")
        guard record.status.isWithPayer else { return [ClaimVoided(claim: claim, voidingClaim: nil, reason: why)] }
        guard let voidingID else {
            throw .usage("claim", "\(claim) is \(record.status): the payer has it, so voiding sends a frequency-8 claim, which needs an id")
        }
        let c = record.created
        let created = ClaimCreated(claim: voidingID, visit: c.visit, patient: c.patient, coverage: c.coverage, payer: c.payer,
                                   billingProvider: c.billingProvider, renderingProvider: c.renderingProvider,
                                   placeOfService: c.placeOfService, frequency: .void, originalClaim: claim,
                                   lines: c.lines, diagnoses: c.diagnoses, total: c.total, createdOn: today,
                                   priorAdjudication: c.priorAdjudication)
        return [created, ClaimVoided(claim: claim, voidingClaim: voidingID, reason: why)]
    }

    /// Claim lines from charges: the claim's diagnoses are the charges' in
    /// first-seen order, and each line's pointers are renumbered into that list.
    static func snapshot(_ charges: [ChargeRecord]) throws(Rejection) -> ([ClaimLine], [DiagnosisCode]) {
        guard charges.count <= maxLines else {
            throw .refused("visit", "\(charges.count) charges; a claim carries at most \(maxLines) lines")
        }
        var diagnoses: [DiagnosisCode] = []
        for dx in charges.flatMap(\.entered.diagnoses) where !diagnoses.contains(dx) { diagnoses.append(dx) }
        guard diagnoses.count <= ChargeDecisions.maxClaimDiagnoses else {
            throw .refused("visit", "the charges have \(diagnoses.count) diagnoses; a claim carries at most \(ChargeDecisions.maxClaimDiagnoses)",
                           hint: "void a charge and re-enter it with fewer diagnoses")
        }
        let lines = charges.map { charge in
            let e = charge.entered
            let pointers = e.pointers.compactMap { p -> Int? in
                guard e.diagnoses.indices.contains(p - 1), let at = diagnoses.firstIndex(of: e.diagnoses[p - 1]) else { return nil }
                return at + 1
            }
            return ClaimLine(charge: e.charge, procedure: e.procedure, modifiers: e.modifiers, units: e.units,
                             amount: e.amount, pointers: pointers, dateOfService: e.dateOfService)
        }
        return (lines, diagnoses)
    }

    static func renderingProvider(_ id: ProviderID, _ directory: PracticeDirectory) throws(Rejection) -> ProviderID {
        guard let p = directory.providers[id] else { throw .refused("visit", "the visit's provider \(id) is not in the directory") }
        guard p.isRendering else { throw .refused("visit", "the visit's provider \(id) is not set up as a rendering provider") }
        return id
    }

    static func billingProvider(_ requested: ProviderID?, rendering: ProviderID,
                                _ directory: PracticeDirectory) throws(Rejection) -> ProviderID {
        if let requested {
            guard directory.providers[requested]?.isBilling == true else {
                throw .refused("billing-provider", "\(requested) is not a billing provider")
            }
            return requested
        }
        if directory.providers[rendering]?.isBilling == true { return rendering }
        guard let first = directory.providers.values.filter(\.isBilling).map(\.provider).min() else {
            throw .refused("billing-provider", "no provider is set up to bill", hint: "add one with `practica provider add --name NAME --npi NPI --taxonomy CODE --billing`")
        }
        return first
    }

    static func withPayer(_ id: ClaimID, _ state: PracticeState, doing: String) throws(Rejection) -> ClaimRecord {
        guard let record = state.claims[id] else { throw .refused("claim", "unknown claim \(id)") }
        guard record.status.isWithPayer, record.created.frequency != .void else {
            throw .refused("claim", "\(id) is \(record.status); only a claim the payer has can be \(doing)",
                           hint: "a claim not yet sent is fixed by voiding it and creating a new one")
        }
        return record
    }

    static func nonEmpty(_ text: String, _ reason: String) throws(Rejection) -> String {
        let t = text.trimmedForInput
        guard !t.isEmpty else { throw .usage("reason", reason) }
        return t
    }
}
