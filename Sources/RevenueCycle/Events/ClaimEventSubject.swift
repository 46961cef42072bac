import BinaryCodec

/// Which claim a claim-lifecycle event is about, in one place for the read
/// model, the CLI and anyone else that routes claim events.
public enum ClaimEventSubject {
    /// The claim a claim event names; nil for other events (payments and denials
    /// carry a claim too but are routed by their own rules).
    public static func claim(of payload: any EventPayload) -> ClaimID? {
        if let e = payload.exactly(ClaimCreated.self) {
            return e.claim
        } else if let e = payload.exactly(ClaimScrubbed.self) {
            return e.claim
        } else if let e = payload.exactly(ClaimFindingOverridden.self) {
            return e.claim
        } else if let e = payload.exactly(ClaimSubmitted.self) {
            return e.claim
        } else if let e = payload.exactly(ClaimAcknowledged.self) {
            return e.claim
        } else if let e = payload.exactly(ClaimAcceptedByPayer.self) {
            return e.claim
        } else if let e = payload.exactly(ClaimRejectedByPayer.self) {
            return e.claim
        } else if let e = payload.exactly(ClaimReplaced.self) {
            return e.claim
        } else if let e = payload.exactly(ClaimVoided.self) {
            return e.claim
        } else {
            return nil
        }
    }
}
