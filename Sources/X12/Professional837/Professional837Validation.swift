/// Checks a batch before it is written, so a claim a payer would reject for
/// arithmetic or missing references never leaves the practice.
enum Professional837Validation {
    static func validate(_ batch: Professional837Batch) throws(X12Error) {
        try checkNPI(batch.billingProvider.npi, "billing provider")
        guard batch.billingProvider.taxID.count == 9, batch.billingProvider.taxID.allSatisfy(\.isASCIIDigit) else {
            throw invalid("billing provider tax id '\(batch.billingProvider.taxID)' must be 9 digits")
        }
        guard !batch.claims.isEmpty else { throw invalid("the batch has no claims") }
        for claim in batch.claims { try validate(claim) }
    }

    static func validate(_ claim: ProfessionalClaim837) throws(X12Error) {
        let id = claim.claimID
        guard (1...20).contains(id.count) else { throw invalid("claim id '\(id)' must be 1 to 20 characters") }
        guard (1...50).contains(claim.lines.count) else { throw invalid("claim \(id) must have 1 to 50 service lines") }
        let diagnoses = claim.diagnoses.map(normalizedDiagnosis)
        guard (1...12).contains(diagnoses.count) else { throw invalid("claim \(id) must have 1 to 12 diagnoses") }
        for code in diagnoses where !(3...7).contains(code.count) || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            throw invalid("claim \(id): diagnosis '\(code)' is not an ICD-10-CM code")
        }
        if let rendering = claim.renderingProvider { try checkNPI(rendering.npi, "rendering provider of claim \(id)") }
        if claim.frequency != .original, (claim.payerClaimControlNumber ?? "").isEmpty {
            throw invalid("claim \(id) replaces or voids a claim: the payer's claim control number (REF*F8) is required")
        }
        if claim.responsibility != .primary, claim.otherPayers.isEmpty {
            throw invalid("claim \(id) is not for the primary payer: the earlier payers' adjudication (2320) is required")
        }
        let lineTotal = claim.lines.reduce(Int64(0)) { $0 + $1.chargeCents }
        guard lineTotal == claim.totalChargeCents else {
            throw invalid("claim \(id): total charge \(X12Amount.dollars(claim.totalChargeCents)) differs from the lines' sum \(X12Amount.dollars(lineTotal))")
        }
        for (index, line) in claim.lines.enumerated() {
            let where_ = "claim \(id) line \(index + 1)"
            guard (1...4).contains(line.diagnosisPointers.count),
                  line.diagnosisPointers.allSatisfy({ (1...diagnoses.count).contains($0) }) else {
                throw invalid("\(where_): diagnosis pointers \(line.diagnosisPointers) must be 1 to 4 positions among \(diagnoses.count) diagnoses")
            }
            guard line.procedure.modifiers.count <= 4, line.procedure.modifiers.allSatisfy({ $0.count == 2 }) else {
                throw invalid("\(where_): at most four two-character modifiers")
            }
            guard line.units > 0, line.chargeCents >= 0 else { throw invalid("\(where_): units must be positive and charge not negative") }
            for adjudication in line.priorAdjudications {
                guard claim.otherPayers.contains(where: { $0.payerID == adjudication.otherPayerID }) else {
                    throw invalid("\(where_): adjudicated by payer \(adjudication.otherPayerID), which is not among the claim's other payers")
                }
                let adjusted = adjudication.adjustments.reduce(Int64(0)) { $0 + $1.amountCents }
                guard line.chargeCents - adjudication.paidCents == adjusted else {
                    throw invalid("\(where_): charge \(X12Amount.dollars(line.chargeCents)) − paid \(X12Amount.dollars(adjudication.paidCents)) by \(adjudication.otherPayerID) differs from its adjustments \(X12Amount.dollars(adjusted))")
                }
            }
        }
        for other in claim.otherPayers { try validate(other, of: claim) }
    }

    /// The earlier payer's claim must balance: charge − paid = claim CAS + that payer's line CAS.
    static func validate(_ other: OtherPayer837, of claim: ProfessionalClaim837) throws(X12Error) {
        let lineAdjudications = claim.lines.flatMap(\.priorAdjudications).filter { $0.otherPayerID == other.payerID }
        if lineAdjudications.isEmpty, other.adjudicationDate == nil {
            throw invalid("claim \(claim.claimID): payer \(other.payerID) has no line adjudications, so its adjudication date (DTP*573) is required")
        }
        let adjustments = other.claimAdjustments.reduce(Int64(0)) { $0 + $1.amountCents }
            + lineAdjudications.flatMap(\.adjustments).reduce(Int64(0)) { $0 + $1.amountCents }
        let expected = claim.totalChargeCents - other.paidCents
        guard expected == adjustments else {
            throw invalid("claim \(claim.claimID): charge \(X12Amount.dollars(claim.totalChargeCents)) − paid \(X12Amount.dollars(other.paidCents)) by \(other.payerID) = \(X12Amount.dollars(expected)) but its adjustments total \(X12Amount.dollars(adjustments))")
        }
    }

    /// NPIs carry a Luhn check digit computed with the 80840 prefix.
    static func checkNPI(_ npi: String, _ whose: String) throws(X12Error) {
        let digits = npi.compactMap(\.wholeNumberValue)
        guard npi.count == 10, digits.count == 10, npi.allSatisfy(\.isASCIIDigit) else {
            throw invalid("\(whose) NPI '\(npi)' must be 10 digits")
        }
        var sum = 24 // the prefix 80840 contributes 24
        for (offset, digit) in digits.prefix(9).reversed().enumerated() {
            if offset % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        guard (10 - sum % 10) % 10 == digits[9] else {
            throw invalid("\(whose) NPI '\(npi)' has a wrong check digit")
        }
    }

    static func normalizedDiagnosis(_ code: String) -> String {
        code.filter { $0 != "." }.uppercased()
    }

    static func invalid(_ reason: String) -> X12Error { X12Error(.invalidInput, reason) }
}
