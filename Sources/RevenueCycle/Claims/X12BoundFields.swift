/// One value a claim's 837P carries, named as a biller finds it on file.
public struct X12BoundField: Sendable, Equatable {
    /// e.g. "coverage CV1001 member id".
    public let name: String
    public let value: String
    /// Written folded (names, addresses) rather than as typed (identifiers).
    public let folded: Bool

    public init(_ name: String, _ value: String?, folded: Bool = false) {
        self.name = name
        self.value = value ?? ""
        self.folded = folded
    }
}

extension X12BoundField {
    /// Every value of the practice's records that goes into `claim`'s 837P: the patient's
    /// and subscriber's names and address, member id and group number, payer, providers,
    /// the billing profile, and the payer claim numbers other payers' files sent back.
    static func fields(of claim: ClaimRecord, state: PracticeState) -> [X12BoundField] {
        let c = claim.created
        var out: [X12BoundField] = []
        func name(_ whose: String, _ n: PersonName) {
            out += [X12BoundField("\(whose) first name", n.first, folded: true), X12BoundField("\(whose) middle name", n.middle, folded: true),
                    X12BoundField("\(whose) last name", n.last, folded: true)]
        }
        let patientID = state.resolvedPatient(c.patient)
        if let patient = state.patients[patientID] {
            name("patient \(patientID)", patient.name)
            out.append(X12BoundField("patient \(patientID) address", patient.address, folded: true))
        }
        if let coverage = state.coverages[c.coverage] {
            out += [X12BoundField("coverage \(c.coverage) member id", coverage.memberID),
                    X12BoundField("coverage \(c.coverage) group number", coverage.groupNumber)]
            if let subscriber = coverage.subscriber { name("coverage \(c.coverage) subscriber", subscriber.name) }
        }
        if let payer = state.directory.payers[c.payer] {
            out += [X12BoundField("payer \(c.payer) name", payer.name.text, folded: true),
                    X12BoundField("payer \(c.payer) payer id", payer.electronicPayerID)]
        }
        for id in Set([c.billingProvider, c.renderingProvider]).sorted() {
            if let p = state.directory.providers[id] { out.append(X12BoundField("provider \(id) name", p.name.text, folded: true)) }
        }
        out += setupFields(state)
        if let original = c.originalClaim {
            out.append(X12BoundField("payer claim number of \(original)", state.claims[original]?.payerClaimNumber))
        }
        if let prior = c.priorAdjudication {
            out.append(X12BoundField("prior payer claim number of \(prior.claim)", prior.payerClaimControlNumber))
        }
        return out
    }

    /// How the practice's own setup fields are named: every claim carries them.
    static let setupPrefix = "billing profile"

    /// The billing profile's values the 837P carries.
    static func setupFields(_ state: PracticeState) -> [X12BoundField] {
        guard let profile = state.directory.billingProfile else { return [] }
        return [X12BoundField("\(setupPrefix) address", profile.address, folded: true),
                X12BoundField("\(setupPrefix) submitter id", profile.submitterID),
                X12BoundField("\(setupPrefix) submitter name", profile.submitterName, folded: true),
                X12BoundField("\(setupPrefix) contact", profile.contactName, folded: true),
                X12BoundField("\(setupPrefix) receiver id", profile.receiverID),
                X12BoundField("\(setupPrefix) receiver name", profile.receiverName, folded: true)]
    }
}
