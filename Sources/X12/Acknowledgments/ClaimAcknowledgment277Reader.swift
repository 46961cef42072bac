/// Reads 277CA claim acknowledgments (005010X214).
///
/// ```
/// let ack = try ClaimAcknowledgment277Reader.read(Array(data))[0]
/// for claim in ack.claims where claim.acceptance == .rejected { print(claim.patientControlNumber, claim.reasons) }
/// ```
public enum ClaimAcknowledgment277Reader {
    /// - throws: `X12Error` for envelope problems, a set that is not a 277, or an STC without a category.
    public static func read(_ bytes: [UInt8], options: X12Reader.Options = .strict) throws(X12Error) -> [ClaimAcknowledgment277] {
        let interchange = try X12Reader.read(bytes, options: options)
        var result: [ClaimAcknowledgment277] = []
        for set in interchange.transactionSets { result.append(try read(set)) }
        return result
    }

    public static func read(_ set: X12TransactionSet) throws(X12Error) -> ClaimAcknowledgment277 {
        guard set.identifier == "277" else {
            throw X12Error(.unsupportedTransaction, at: set.header, "transaction set \(set.controlNumber) is a \(set.identifier), not a 277")
        }
        var batchStatuses: [ClaimStatusInfo277] = []
        var claims: [ClaimStatus277] = []
        var inPatientLevel = false
        var currentLine: ProcedureCode??
        for s in set.body {
            switch s.id {
            case "HL":
                inPatientLevel = s[3] == "PT"
                currentLine = nil
                if inPatientLevel {
                    claims.append(ClaimStatus277(patientControlNumber: "", payerClaimControlNumber: nil, patientName: nil,
                                                 patientID: nil, statuses: [], lineStatuses: [], serviceDate: nil,
                                                 segmentNumber: s.number))
                }
            case "NM1" where inPatientLevel && s[1] == "QC":
                claims[claims.count - 1].patientName = s.personOrOrganizationName
                claims[claims.count - 1].patientID = s.value(9)
            case "TRN" where inPatientLevel && s[1] == "2":
                claims[claims.count - 1].patientControlNumber = s[2]
            case "REF" where inPatientLevel && currentLine == nil && s[1] == "1K":
                claims[claims.count - 1].payerClaimControlNumber = s.value(2)
            case "SVC" where inPatientLevel:
                currentLine = .some(s.procedure(1))
            case "DTP" where inPatientLevel && currentLine == nil && s[1] == "472":
                claims[claims.count - 1].serviceDate = try? s.date(3)
            case "STC":
                let statuses = try readSTC(s)
                if !inPatientLevel {
                    batchStatuses += statuses
                } else if let line = currentLine {
                    claims[claims.count - 1].lineStatuses += statuses.map { (line, $0) }
                } else {
                    claims[claims.count - 1].statuses += statuses
                }
            default:
                break
            }
        }
        for claim in claims where claim.patientControlNumber.isEmpty {
            throw X12Error(.missingSegment, segment: claim.segmentNumber, label: "HL",
                           "the patient level has no TRN*2 with the claim's patient control number")
        }
        return ClaimAcknowledgment277(controlNumber: set.controlNumber, batchStatuses: batchStatuses, claims: claims)
    }

    /// STC01 and the optional STC10/STC11 composites each carry a category:code:entity.
    static func readSTC(_ s: X12Segment) throws(X12Error) -> [ClaimStatusInfo277] {
        let date = try? s.date(2)
        let charge = try s.amount(4)
        var result: [ClaimStatusInfo277] = []
        for position in [1, 10, 11] {
            let parts = s.components(position)
            guard let category = parts.first, !category.isEmpty else {
                if position == 1 { throw X12Error(.invalidValue, at: s, "STC01 has no status category code") }
                continue
            }
            result.append(ClaimStatusInfo277(category: category, code: parts.count > 1 ? parts[1] : "",
                                             entity: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil,
                                             date: date, action: s.value(3), chargeCents: position == 1 ? charge : nil))
        }
        return result
    }
}
