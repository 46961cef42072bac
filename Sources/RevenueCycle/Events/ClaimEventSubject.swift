import BinaryCodec

/// Which claim a claim-lifecycle event is about, in one place for the read
/// model, the CLI and anyone else that routes claim events.
public enum ClaimEventSubject {
    /// The claim a claim event names; nil for other events (payments and denials
    /// carry a claim too but are routed by their own rules).
    public static func claim(of payload: any EventPayload) -> ClaimID? {
        switch payload {
        case let e as ClaimCreated: return e.claim
        case let e as ClaimScrubbed: return e.claim
        case let e as ClaimFindingOverridden: return e.claim
        case let e as ClaimSubmitted: return e.claim
        case let e as ClaimAcknowledged: return e.claim
        case let e as ClaimAcceptedByPayer: return e.claim
        case let e as ClaimRejectedByPayer: return e.claim
        case let e as ClaimReplaced: return e.claim
        case let e as ClaimVoided: return e.claim
        default: return nil
        }
    }
}
