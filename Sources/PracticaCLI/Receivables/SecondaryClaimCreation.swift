import BinaryCodec
import EventLog
import RevenueCycle

/// `claim create-secondary CLAIM`: the claim to the patient's secondary
/// coverage, carrying the primary's adjudication (`SecondaryClaim.create`).
/// `era import` makes the same claim on its own when `auto-secondary` is on.
///
/// ```swift
/// let created = try SecondaryClaimCreation.perform(primary: ClaimID(1001), session: session)
/// ```
enum SecondaryClaimCreation {
    /// - throws: `RejectionFailure` when the primary is unknown, not adjudicated, has no secondary
    ///   coverage, already has a secondary claim, or left nothing to bill.
    static func perform(primary: ClaimID, session: FrontDeskSession) throws -> ClaimCreated {
        try session.append(permission: .manageClaims, command: "claim create-secondary") { state, ids in
            // Checked with a stand-in id first, so a refusal does not use up a claim number.
            _ = try SecondaryClaim.create(primaryClaim: primary, id: ClaimID(0), today: session.today, state: state)
            let created = try SecondaryClaim.create(primaryClaim: primary, id: try ids.next(ClaimID.self),
                                                    today: session.today, state: state)
            return ([NewEvent(stream: ClaimCommands.stream(created.claim), created)], created)
        }.1
    }
}
