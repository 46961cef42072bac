import Foundation
import X12

/// Turns a claim folded from the log into the X12 module's 837P input
/// structs. Kept apart from the submission decision so the mapping (who is
/// subscriber, who is patient, which name goes where) can be read on its own.
struct Claim837Builder {
    let state: PracticeState
    let setup: SubmissionSetup

    /// - throws: `Rejection` naming the claim when something the 837P needs is not on file.
    func claim(_ record: ClaimRecord) throws(Rejection) -> ProfessionalClaim837 {
        let c = record.created
        let id = c.claim
        func missing(_ what: String) -> Rejection { .refused("claim", "\(id): \(what)", hint: "fix it, then scrub the claim again") }
        let patientID = state.resolvedPatient(c.patient)
        guard let patient = state.patients[patientID] else { throw missing("patient \(patientID) is not on file") }
        guard let coverage = state.coverages[c.coverage] else { throw missing("coverage \(c.coverage) is not on file") }
        guard let payer = state.directory.payers[c.payer] else { throw missing("payer \(c.payer) is not on file") }
        guard let address = patient.address.flatMap(PostalAddress.parse).map(X12Text.address) else {
            throw missing("\(patientID)'s address needs street, city, state and ZIP")
        }
        guard let rendering = state.directory.providers[c.renderingProvider] else {
            throw missing("rendering provider \(c.renderingProvider) is not on file")
        }
        let patientName = X12Text.name(patient.name)
        let birth = try X12Text.date(patient.dateOfBirth)
        let sex = X12Sex(rawValue: patient.sex.rawValue) ?? .unknown
        let subscriber: Subscriber837
        var dependent: Patient837?
        if coverage.relationship == .self || coverage.subscriber == nil {
            subscriber = Subscriber837(name: patientName, memberID: coverage.memberID, birthDate: birth, sex: sex, address: address,
                                       groupNumber: coverage.groupNumber, claimFilingIndicator: setup.claimFilingIndicator)
        } else {
            // The guide leaves the subscriber's demographics out when the patient is a dependent;
            // the writer only prints the patient's.
            let insured = coverage.subscriber
            subscriber = Subscriber837(name: insured.map { X12Text.name($0.name) } ?? patientName, memberID: coverage.memberID,
                                       birthDate: try insured?.dateOfBirth.map(X12Text.date) ?? birth, sex: .unknown,
                                       address: address, groupNumber: coverage.groupNumber,
                                       claimFilingIndicator: setup.claimFilingIndicator)
            dependent = Patient837(name: patientName, birthDate: birth, sex: sex, address: address,
                                   relationshipCode: coverage.relationship.x12Code)
        }
        let prior = try c.priorAdjudication.map { (p) throws(Rejection) in try otherPayer(p, claim: id) }
        var lines: [ServiceLine837] = []
        for (index, line) in c.lines.enumerated() {
            lines.append(ServiceLine837(procedure: X12.ProcedureCode(code: line.procedure.code, modifiers: line.modifiers.map(\.code)),
                                        chargeCents: line.amount.cents, units: Decimal(line.units), diagnosisPointers: line.pointers,
                                        serviceDate: try X12Text.date(line.dateOfService), lineControlNumber: "\(id)-\(index + 1)",
                                        priorAdjudications: try lineAdjudications(c.priorAdjudication, prior?.payerID, line)))
        }
        let renderingLoop = c.renderingProvider == c.billingProvider ? nil
            : RenderingProvider837(name: X12Text.personName(rendering.name), npi: rendering.npi.digits, taxonomy: rendering.taxonomy.code)
        var original: String?
        if let originalID = c.originalClaim { original = state.claims[originalID]?.payerClaimNumber }
        return ProfessionalClaim837(
            claimID: id.description, subscriber: subscriber, patient: dependent,
            payer: Payer837(name: X12Text.clean(payer.name.text), payerID: payer.electronicPayerID),
            responsibility: c.isSecondary ? .secondary : .primary,
            totalChargeCents: c.total.cents, placeOfService: c.placeOfService.code, frequency: frequency(c.frequency),
            payerClaimControlNumber: original, diagnoses: c.diagnoses.map(\.compact), renderingProvider: renderingLoop,
            otherPayers: prior.map { [$0] } ?? [], lines: lines)
    }

    /// The 2000A loop for `provider`, with the practice-level tax id and address from the setup.
    func billingProvider(_ provider: ProviderID) throws(Rejection) -> BillingProvider837 {
        guard let p = state.directory.providers[provider] else {
            throw .refused("claim", "billing provider \(provider) is not on file")
        }
        return BillingProvider837(name: .organization(X12Text.clean(p.name.text)), npi: p.npi.digits, taxID: setup.billingTaxID,
                                  taxonomy: p.taxonomy.code, address: setup.billingAddress)
    }

    func frequency(_ f: ClaimFrequencyType) -> ClaimFrequency {
        switch f {
        case .original: return .original
        case .replacement: return .replacement
        case .void: return .void
        }
    }
}

/// Text as X12 names carry it: upper-case ASCII without the delimiter
/// characters, because payers' systems (and pyx12) take the basic character set.
enum X12Text {
    static func clean(_ text: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-'&/#()")
        let folded = SearchText.fold(text).uppercased().map { allowed.contains($0) ? $0 : " " }
        return String(folded).split(separator: " ").joined(separator: " ")
    }

    static func address(_ a: X12Address) -> X12Address {
        X12Address(line1: clean(a.line1), line2: a.line2.map(clean), city: clean(a.city), state: a.state, postalCode: a.postalCode)
    }

    static func name(_ n: PersonName) -> X12Name {
        .person(last: clean(n.last), first: clean(n.first), middle: n.middle.map(clean))
    }

    /// Providers are listed under one display name ("Dr. Ann Lee, MD"): drop the
    /// title and credentials, take the last word as the last name.
    static func personName(_ display: DisplayName) -> X12Name {
        let beforeComma = display.text.split(separator: ",").first.map(String.init) ?? display.text
        var words = clean(beforeComma).split(separator: " ").map(String.init)
        if let first = words.first, ["DR", "DR."].contains(first), words.count > 1 { words.removeFirst() }
        guard let last = words.popLast() else { return .organization(clean(display.text)) }
        return .person(last: last, first: words.joined(separator: " "))
    }

    static func date(_ d: LocalDate) throws(Rejection) -> X12Date {
        do {
            return try X12Date(year: d.year, month: d.month, day: d.day)
        } catch {
            throw .refused("claim", "date \(d) cannot be written in X12: \(error.reason)")
        }
    }
}
