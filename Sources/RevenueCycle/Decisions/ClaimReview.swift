/// Scrubbing a claim and overriding its findings: the gate between a claim
/// being built and it being sent.
public enum ClaimReview {
    /// Runs the scrubber on a claim not yet with the payer (new, held, clean,
    /// or bounced by a 999 or 277CA) and records every finding; findings from
    /// an earlier scrub are replaced, overrides by rule id still stand.
    /// - throws: `Rejection` for an unknown claim or one past scrubbing.
    public static func scrub(_ id: ClaimID, state: PracticeState, today: LocalDate,
                             tables: ScrubTables = ScrubTables()) throws(Rejection) -> ClaimScrubbed {
        guard let claim = state.claims[id] else { throw .refused("claim", "unknown claim \(id)") }
        guard claim.status.canBeScrubbed else {
            throw .refused("claim", "\(id) is \(claim.status); only claims not with the payer are scrubbed")
        }
        let context = ScrubContext(claim: claim, state: state, today: today, tables: tables)
        return ClaimScrubbed(claim: id, findings: ClaimScrubber.findings(for: claim, context: context), scrubbedOn: today)
    }

    /// Records that a biller judged a finding not to apply, so the claim may go out.
    /// - throws: `Rejection` when the user may not bill, the claim is unknown or
    ///   past scrubbing, its last scrub has no such finding, the rule is already
    ///   overridden, or the reason is empty.
    public static func overrideFinding(_ id: ClaimID, rule: String, reason: String, by user: UserID,
                                       state: PracticeState) throws(Rejection) -> ClaimFindingOverridden {
        // The same rule as every claim command (`Role.permissions`), not a list of roles of its own.
        try PracticeSetup.authorize(user, for: .manageClaims, in: state.directory)
        guard let claim = state.claims[id] else { throw .refused("claim", "unknown claim \(id)") }
        guard claim.status == .held || claim.status == .clean else {
            throw .refused("claim", "\(id) is \(claim.status); findings are overridden on scrubbed claims not yet sent")
        }
        let ruleID = rule.trimmedForInput.uppercased()
        guard claim.findings.contains(where: { $0.rule == ruleID }) else {
            let present = Set(claim.findings.map(\.rule)).sorted()
            throw .refused("rule", "\(id) has no \(ruleID) finding",
                           hint: present.isEmpty ? "the claim has no findings" : "its findings: " + present.joined(separator: ", "))
        }
        guard claim.overrides[ruleID] == nil else { throw .refused("rule", "\(ruleID) is already overridden on \(id)") }
        let why = reason.trimmedForInput
        guard !why.isEmpty else { throw .usage("reason", "say why \(ruleID) does not apply to this claim") }
        return ClaimFindingOverridden(claim: id, rule: ruleID, reason: why, by: user)
    }
}
