import EventLog
import RevenueCycle

/// The biller's charge and claim commands as one call each (see
/// `FrontDeskSession+Scheduling` for why the CLI and the demo share them).
extension FrontDeskSession {
    /// `charge add`: goes to the visit's stream.
    func enterCharge(_ request: ChargeRequest, codeList: DiagnosisCodeList?) throws -> ChargeEntered {
        try append(permission: .enterCharges, command: "charge add") { state, ids in
            let e = try ChargeDecisions.enter(request, id: try ids.next(ChargeID.self), today: self.today, state: state, codeList: codeList)
            return ([NewEvent(stream: ChargeCommands.stream(request.visit), e)], e)
        }.1
    }

    /// `claim create`: the visit's unbilled charges to the primary payer.
    func createClaim(visit: VisitID, billingProvider: ProviderID?) throws -> ClaimCreated {
        try append(permission: .manageClaims, command: "claim create") { state, ids in
            let e = try ClaimCreation.create(visit: visit, id: try ids.next(ClaimID.self), today: self.today,
                                             state: state, billingProvider: billingProvider)
            return ([NewEvent(stream: ClaimCommands.stream(e.claim), e)], e)
        }.1
    }

    /// `claim scrub CLAIM` or, with nil, `claim scrub --all` (new, held and bounced claims, in id order).
    func scrubClaims(_ one: ClaimID?, tables: ScrubTables) throws -> [ClaimScrubbed] {
        try append(permission: .manageClaims, command: "claim scrub") { state, _ in
            let today = self.today
            let ids = one.map { [$0] }
                ?? state.claims.values.filter { ClaimWriteHandlers.waitingForScrub.contains($0.status) }.map(\.id).sorted()
            guard !ids.isEmpty else {
                throw Rejection.refused("all", "no claim is waiting to be scrubbed", hint: "create one with 'practica claim create VISIT'")
            }
            var events: [ClaimScrubbed] = []
            for id in ids { events.append(try ClaimReview.scrub(id, state: state, today: today, tables: tables)) }
            return (events.map { NewEvent(stream: ClaimCommands.stream($0.claim), $0) }, events)
        }.1
    }

    /// `claim override`: a biller judges a finding not to apply.
    func overrideFinding(_ id: ClaimID, rule: String, reason: String) throws -> ClaimFindingOverridden {
        let user = try authorize(.manageClaims)
        return try append(permission: .manageClaims, command: "claim override") { state, _ in
            let e = try ClaimReview.overrideFinding(id, rule: rule, reason: reason, by: user, state: state)
            return ([NewEvent(stream: ClaimCommands.stream(id), e)], e)
        }.1
    }

    /// `claim submit`: the named claims, or with nil every clean one, into one 837P staged
    /// in `staging` inside the append (see `ClaimFileStaging`); the caller publishes it after.
    func submitClaims(_ named: [ClaimID]?, staging: ClaimFileStaging) throws -> SubmissionFile {
        let now = clock.now
        return try append(permission: .manageClaims, command: "claim submit") { state, ids in
            guard let profile = state.directory.billingProfile else {
                throw Rejection.refused("out", "the practice has no billing profile (EIN, address, clearinghouse ids)",
                                        hint: "an admin sets it with 'practica billing-profile set'")
            }
            let setup = try SubmissionSetup(profile: profile)
            let marks = state.controlNumbers
            let local = (state.directory.practice?.timeZone).map { $0.localDateTime(at: now) }
                ?? LocalDateTime(secondsAsIfUTC: now.secondsSinceEpoch)
            let request = SubmissionRequest(
                claims: named, fileName: staging.target.path,
                interchangeControlNumber: try ids.nextControlNumber("control-ISA", above: marks.interchange),
                groupControlNumber: try ids.nextControlNumber("control-GS", above: marks.group),
                transactionSetControlNumber: try ids.nextControlNumber("control-ST", above: marks.transactionSet),
                today: local.date, time: local.time)
            let file = try ClaimSubmissionDecision.submit(request, setup: setup, state: state)
            // One ST per billing provider: the first number was taken above, take the rest so the counter stays ahead.
            for _ in 1..<max(Set(file.events.map(\.transactionSetControlNumber)).count, 1) {
                _ = try ids.nextControlNumber("control-ST", above: 0)
            }
            try staging.stage(file.text)
            // Claims held for their own data are recorded as held in the same batch as the ones sent.
            return (file.events.map { NewEvent(stream: ClaimCommands.stream($0.claim), $0) }
                        + file.held.map { NewEvent(stream: ClaimCommands.stream($0.claim), $0) }, file)
        }.1
    }
}
