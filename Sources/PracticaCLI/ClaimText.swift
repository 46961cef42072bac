import BinaryCodec
import Projections
import RevenueCycle

/// How claims read in command output, shared by listings, queues and `claim show`.
enum ClaimText {
    /// The reasons a claim is stuck: open findings when held, the payer's or clearinghouse's when bounced.
    static func reasons(_ s: ClaimSummary) -> [String] { s.queue?.reasons ?? [] }

    static func json(_ s: ClaimSummary, today: LocalDate) -> JSONValue {
        .object([
            ("claim", .string(s.claim.description)), ("status", .string(s.status.rawValue)),
            ("statusDate", .string(s.statusDate.description)), ("payer", .string(s.payer.description)),
            ("patient", .string(s.patient.description)), ("visit", .string(s.visit.description)),
            ("billingProvider", .string(s.billingProvider.description)), ("renderingProvider", .string(s.renderingProvider.description)),
            ("frequency", .string(s.frequency.code)), ("originalClaim", s.originalClaim.map { .string($0.description) } ?? .null),
            ("total", .number(s.total.description)), ("dateOfService", .string(s.dateOfService.description)),
            ("ageDays", .int(Int64(s.dateOfService.days(to: today)))), ("createdOn", .string(s.createdOn.description)),
            ("submissions", .int(Int64(s.submissionCount))),
            ("firstSubmittedOn", s.firstSubmittedOn.map { .string($0.description) } ?? .null),
            ("lastSubmittedOn", s.lastSubmittedOn.map { .string($0.description) } ?? .null),
            ("payerClaimNumber", s.payerClaimNumber.map(JSONValue.string) ?? .null),
            ("supersededBy", s.supersededBy.map { .string($0.description) } ?? .null),
            ("findings", .array(s.findings.map(findingJSON))),
            ("overrides", .array(s.overrides.keys.sorted().map { rule in
                .object([("rule", .string(rule)), ("reason", .string(s.overrides[rule] ?? ""))])
            })),
            ("queue", s.queue.map { .string($0.queue.rawValue) } ?? .null),
            ("reasons", .array(reasons(s).map(JSONValue.string))),
        ])
    }

    static func findingJSON(_ f: ScrubFinding) -> JSONValue {
        .object([("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)), ("message", .string(f.message)),
                 ("line", f.line.map { .int(Int64($0)) } ?? .null)])
    }
}
