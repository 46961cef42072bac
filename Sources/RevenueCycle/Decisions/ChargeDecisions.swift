/// What `charge add` asks for. Codes stay text here so the decision itself
/// checks their format and names the flag at fault.
public struct ChargeRequest: Sendable, Equatable {
    public var visit: VisitID
    public var code: String
    public var modifiers: [String]
    public var units: Int
    public var diagnoses: [String]
    /// 1-based positions in `diagnoses`; nil points at the first four.
    public var pointers: [Int]?
    /// A price instead of the fee schedule's, which then needs `overrideReason`.
    public var amount: Money?
    public var overrideReason: String?

    public init(visit: VisitID, code: String, modifiers: [String] = [], units: Int = 1, diagnoses: [String],
                pointers: [Int]? = nil, amount: Money? = nil, overrideReason: String? = nil) {
        self.visit = visit
        self.code = code
        self.modifiers = modifiers
        self.units = units
        self.diagnoses = diagnoses
        self.pointers = pointers
        self.amount = amount
        self.overrideReason = overrideReason
    }
}

/// Decisions about charges: entering one on a visit, voiding one.
public enum ChargeDecisions {
    /// A claim carries at most twelve diagnoses (837P HI) and a line at most four pointers.
    public static let maxClaimDiagnoses = 12
    public static let maxPointers = 4
    public static let maxModifiers = 4

    /// Prices and records a charge on a checked-out visit.
    ///
    /// The price is the fee for code + first modifier, else for the bare code,
    /// times units; `amount` with a reason overrides it.
    /// - parameter codeList: when the practice configured an ICD-10-CM list, codes must be on it.
    /// - throws: `Rejection` naming the flag: a malformed code, modifier or
    ///   diagnosis, a pointer to nothing, a visit not checked out, no fee and no
    ///   override, an override without a reason, or more than twelve diagnoses on the visit.
    public static func enter(_ r: ChargeRequest, id: ChargeID, today: LocalDate, state: PracticeState,
                             codeList: DiagnosisCodeList? = nil) throws(Rejection) -> ChargeEntered {
        let appt = try checkedOutVisit(r.visit, state)
        let code = try parse("code", r.code, ProcedureCode.init)
        var modifiers: [Modifier] = []
        for text in r.modifiers { modifiers.append(try parse("modifier", text, Modifier.init)) }
        guard modifiers.count <= maxModifiers else { throw .usage("modifier", "at most \(maxModifiers) modifiers per line") }
        guard Set(modifiers).count == modifiers.count else { throw .usage("modifier", "a modifier is repeated") }
        guard (1...999).contains(r.units) else { throw .usage("units", "must be 1 to 999") }

        let diagnoses = try parseDiagnoses(r.diagnoses, codeList: codeList)
        let pointers = r.pointers ?? Array(1...min(diagnoses.count, maxPointers))
        guard (1...maxPointers).contains(pointers.count) else { throw .usage("pointers", "give 1 to \(maxPointers) pointers") }
        guard Set(pointers).count == pointers.count else { throw .usage("pointers", "a pointer is repeated") }
        if let bad = pointers.first(where: { !(1...diagnoses.count).contains($0) }) {
            throw .usage("pointers", "pointer \(bad) points at no diagnosis; there are \(diagnoses.count)",
                         hint: "pointers count the --dx codes from 1")
        }
        let visitDiagnoses = Set(state.charges(ofVisit: r.visit).filter { !$0.isVoided }.flatMap(\.entered.diagnoses))
        let total = visitDiagnoses.union(diagnoses).count
        guard total <= maxClaimDiagnoses else {
            throw .refused("dx", "the visit would have \(total) diagnoses; a claim carries at most \(maxClaimDiagnoses)",
                           hint: "reuse diagnoses already on the visit's charges")
        }

        let fee = state.directory.fees[FeeKey(code: code, modifier: modifiers.first)]
            ?? state.directory.fees[FeeKey(code: code, modifier: nil)]
        let scheduled = fee.map { $0 * Int64(r.units) }
        let amount: Money
        var reason: String?
        if let given = r.amount {
            guard !given.isNegative else { throw .usage("amount", "cannot be negative") }
            if given != scheduled {
                let why = (r.overrideReason ?? "").trimmedForInput
                guard !why.isEmpty else {
                    throw .usage("reason", "say why the amount differs from the fee schedule (\(scheduled.map(\.description) ?? "no fee"))")
                }
                reason = why
            }
            amount = given
        } else {
            guard let scheduled else {
                throw .refused("code", "no fee for \(code) in the fee schedule",
                               hint: "set one with `practica fee set --code \(code) --amount AMOUNT`, or give --amount and --reason")
            }
            amount = scheduled
        }
        return ChargeEntered(charge: id, visit: r.visit, patient: state.resolvedPatient(appt.patient), provider: appt.provider,
                             dateOfService: appt.localDate, procedure: code, modifiers: modifiers, units: r.units,
                             diagnoses: diagnoses, pointers: pointers, amount: amount, feeScheduleAmount: scheduled,
                             overrideReason: reason, enteredOn: today)
    }

    /// Voids a charge. A charge on a claim the payer has may be voided: the
    /// claim keeps showing what was sent, and its replacement leaves the charge
    /// out. One on a claim not sent yet is refused, since that claim would go
    /// out with it: void the claim first.
    /// - throws: `Rejection` for an unknown or already voided charge, an empty
    ///   reason, or a charge on an unsent claim.
    public static func void(_ id: ChargeID, reason: String, state: PracticeState) throws(Rejection) -> ChargeVoided {
        guard let charge = state.charges[id] else { throw .refused("charge", "unknown charge \(id)") }
        guard !charge.isVoided else { throw .refused("charge", "\(id) is already voided") }
        let why = reason.trimmedForInput
        guard !why.isEmpty else { throw .usage("reason", "say why the charge is voided") }
        if let claim = charge.claim, let record = state.claims[claim], !record.status.isWithPayer {
            throw .refused("charge", "\(id) is on claim \(claim), which is \(record.status) and not sent yet",
                           hint: "void claim \(claim) first, then create it again without this charge")
        }
        return ChargeVoided(charge: id, reason: why)
    }

    /// The appointment behind a visit, refused unless it was checked out.
    static func checkedOutVisit(_ visit: VisitID, _ state: PracticeState) throws(Rejection) -> ScheduledAppointment {
        guard let appt = state.visitAppointment(visit) else {
            throw .refused("visit", "unknown visit \(visit)", hint: "a visit is opened by `practica check-out APPOINTMENT`; find it with `practica appointments list`")
        }
        guard appt.status == .checkedOut else { throw .refused("visit", "\(visit) is \(appt.status), not checked out") }
        return appt
    }

    static func parseDiagnoses(_ texts: [String], codeList: DiagnosisCodeList?) throws(Rejection) -> [DiagnosisCode] {
        var diagnoses: [DiagnosisCode] = []
        for text in texts { diagnoses.append(try parse("dx", text, DiagnosisCode.init)) }
        guard !diagnoses.isEmpty else { throw .usage("dx", "give at least one ICD-10-CM diagnosis") }
        guard diagnoses.count <= maxClaimDiagnoses else { throw .usage("dx", "at most \(maxClaimDiagnoses) diagnoses") }
        guard Set(diagnoses).count == diagnoses.count else { throw .usage("dx", "a diagnosis is repeated") }
        if let codeList, let unknown = diagnoses.first(where: { !codeList.contains($0) }) {
            throw .usage("dx", "\(unknown) is not on the ICD-10-CM code list", hint: "use a billable code, e.g. E11.9 rather than E11")
        }
        return diagnoses
    }

    static func parse<T>(_ field: String, _ text: String, _ make: (String) throws(ValueError) -> T) throws(Rejection) -> T {
        do {
            return try make(text)
        } catch {
            throw .invalid(field, error)
        }
    }
}
