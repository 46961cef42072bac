import BinaryCodec
import EventLog
import RevenueCycle

/// What an audit follows: a patient's whole chart, only its money, or one claim.
enum AuditSubject: Equatable {
    case patient(PatientID)
    case account(PatientID)
    case claim(ClaimID)

    var seed: String {
        switch self {
        case .patient(let p), .account(let p): return p.description
        case .claim(let c): return c.description
        }
    }
}

/// One line of an audit: an event that touched the subject, what it did to the
/// subject's money, and the balance right after it.
struct AuditRow {
    let event: RecordedEvent
    let payload: JSONValue
    let effectiveDate: String
    let delta: LedgerAccount
    let balance: LedgerAccount
}

/// Replays the log once, in order, and keeps the events that touched the subject.
///
/// "Touched" follows the ids an event carries: an event naming the patient (or
/// claim) touches it, and the appointments, visits, claims, payments and
/// denials it names become part of the subject, so later events about them
/// (a check-out, a claim payment, a denial write-off) are followed too. The
/// money columns come from RevenueCycle's `Ledger`, applied to every event in
/// log order, so the running balance is the one the ledger held at that moment.
struct AuditTrail {
    let subject: AuditSubject
    private var related: Set<String>
    private var ledger = Ledger()

    /// Id-valued payload fields that link events together.
    static let linkFields: Set<String> = ["patient", "kept", "dropped", "appointment", "visit", "claim", "primaryClaim", "originalClaim",
                             "replacement", "voidingClaim", "payment", "denial", "coverage", "charge", "entry", "plan", "statement"]
    /// Payload fields holding the effective date, best first.
    static let dateFields = ["dateOfService", "receivedOn", "paymentDate", "refundedOn", "postedOn", "writtenOffOn",
                             "localStart", "submittedOn", "createdOn", "enteredOn", "asOf", "effectiveFrom",
                             // Corrections (issue 15).
                             "voidedOn", "lastDay"]

    init(subject: AuditSubject) {
        self.subject = subject
        related = [subject.seed]
    }

    /// Applies one event; returns its row when it touched the subject.
    mutating func apply(_ event: RecordedEvent, payload: any EventPayload) -> AuditRow? {
        let before = account()
        let entriesBefore = ledger.entries.count
        ledger.apply(payload)
        let after = account()
        let delta = after + (-before)
        let json = payload.json
        let ids = Self.linkedIDs(in: json)
        let touches = ids.contains { related.contains($0) } || !delta.isZero
        guard touches else { return nil }
        // A claim audit follows the claim and its denials, not the rest of the patient's chart.
        if case .claim = subject {
            for id in ids where id.hasPrefix("DN") || id.hasPrefix("CL") { related.insert(id) }
        } else {
            related.formUnion(ids)
        }
        if case .account = subject, delta.isZero { return nil }
        let effective = ledger.entries.count > entriesBefore ? ledger.entries[entriesBefore].date.description : Self.date(in: json)
        return AuditRow(event: event, payload: json, effectiveDate: effective, delta: delta, balance: after)
    }

    /// The ids an event's link fields name, in field order; one pass over its fields.
    static func linkedIDs(in json: JSONValue) -> [String] {
        guard case .object(let pairs) = json else { return [] }
        var ids: [String] = []
        for (field, value) in pairs {
            if case .string(let id) = value, linkFields.contains(field) { ids.append(id) }
        }
        return ids
    }

    private func account() -> LedgerAccount {
        switch subject {
        case .patient(let p), .account(let p): return ledger.patients[ledger.resolved(p)] ?? LedgerAccount()
        case .claim(let c): return ledger.claims[c] ?? LedgerAccount()
        }
    }

    static func date(in json: JSONValue) -> String {
        for field in dateFields {
            if case .string(let s)? = json[field] { return String(s.prefix(16)) }
        }
        return "-"
    }
}
