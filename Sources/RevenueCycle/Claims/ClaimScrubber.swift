/// Edits a claim before it leaves the practice, so the payer's front-end
/// rejections and denials for preventable errors never happen.
///
/// Every rule has a stable id (what overrides, queues and reports key on) and
/// a message that says what to fix. Rules never throw: they report findings,
/// and `ClaimReview.scrub` records them.
///
/// ```swift
/// let findings = ClaimScrubber.findings(for: claim, context: ScrubContext(claim: claim, state: state, today: today))
/// findings.map(\.rule)   // ["MOD25-MISSING"]
/// ```
public enum ClaimScrubber {
    /// The rule ids with a one-line summary, for `claim scrub --help` and reports.
    public static let rules: [(id: String, summary: String)] = [
        ("NPI-BILLING", "billing provider NPI missing or invalid"),
        ("NPI-RENDERING", "rendering provider NPI missing or invalid"),
        ("MEMBER-ID", "subscriber member id missing"),
        ("DOB-AFTER-DOS", "patient born after the date of service"),
        ("DOS-FUTURE", "date of service in the future"),
        ("DX-POINTER", "a line's diagnosis pointer points at no diagnosis, or a line has none"),
        ("DX-CODE", "ICD-10-CM code not on the configured code list (format is checked at entry)"),
        ("CPT-CODE", "CPT/HCPCS code not on the configured code list (format is checked at entry)"),
        ("MOD25-MISSING", "E/M 99202-99215 billed with a procedure the same day without modifier 25"),
        ("MOD25-NOT-EM", "modifier 25 on a code that is not an E/M service (warning)"),
        ("DUP-LINE", "the same code, modifiers and date twice on the claim"),
        ("DUP-CLAIM", "another live claim has the same patient, date of service and code"),
        ("TIMELY-FILING", "the payer's timely-filing limit has passed"),
        ("COVERAGE-INACTIVE", "the coverage is unknown or not active on the date of service"),
        ("ZERO-CHARGE", "a line or the claim charges nothing"),
        ("NCCI-PAIR", "procedure pair that may not be billed together per the pair table"),
        ("PATIENT-ADDRESS", "patient address lacks street, city, state or ZIP for the 837P"),
        ("ORIGINAL-REF", "replacement or void without the payer's claim number of the original"),
        ("SELF-PAY", "the visit's financial class is self-pay: the patient is billed, not a payer"),
        ("X12-CHARS", "a value on file the 837P carries holds an X12 delimiter (* : ^ ~) or a character outside the X12 set"),
        ("837-INVALID", "held at submission: the 837P writer refused this claim alone (its reason); never raised by a scrub"),
    ]

    /// Runs every rule, in the order of `rules`.
    public static func findings(for claim: ClaimRecord, context: ScrubContext) -> [ScrubFinding] {
        let c = claim.created
        var out: [ScrubFinding] = []
        out += npi(context.billingNPI, rule: "NPI-BILLING", whose: "billing provider \(c.billingProvider)")
        out += npi(context.renderingNPI, rule: "NPI-RENDERING", whose: "rendering provider \(c.renderingProvider)")
        out += ScrubRules.memberID(c, context)
        out += ScrubRules.dates(c, context)
        out += ScrubRules.diagnosisPointers(c)
        out += ScrubRules.codes(c, context.tables)
        out += ScrubRules.modifier25(c)
        out += ScrubRules.duplicateLines(c)
        out += ScrubRules.duplicateClaims(c, context.otherClaims)
        out += ScrubRules.timelyFiling(c, context)
        out += ScrubRules.coverage(c, context)
        out += ScrubRules.zeroCharges(c)
        out += ScrubRules.procedurePairs(c, context.tables.procedurePairs)
        out += ScrubRules.patientAddress(c, context)
        out += ScrubRules.originalReference(c, context)
        out += ScrubRules.selfPay(c, context)
        out += ScrubRules.x12Characters(context)
        return out
    }

    static func npi(_ text: String?, rule: String, whose: String) -> [ScrubFinding] {
        guard let text, !text.isEmpty else {
            return [ScrubFinding(rule: rule, message: "\(whose) has no NPI in the directory; add the provider's 10-digit NPI")]
        }
        do {
            _ = try NPI(text)
            return []
        } catch {
            return [ScrubFinding(rule: rule, message: "\(whose) NPI \(text) is invalid (\(error.reason)); correct it in the provider directory")]
        }
    }
}
