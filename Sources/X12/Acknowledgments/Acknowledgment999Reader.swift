/// Reads 999 acknowledgments into `Acknowledgment999` values.
///
/// ```
/// let ack = try Acknowledgment999Reader.read(Array(data))[0]
/// ack.groups[0].transactionSets[0].status   // .rejected
/// ack.groups[0].transactionSets[0].segmentErrors
/// // ["segment NM1 at position 17: required segment missing"]
/// ```
public enum Acknowledgment999Reader {
    /// - throws: `X12Error` for envelope problems, a set that is not a 999, or missing/unknown status codes.
    public static func read(_ bytes: [UInt8], options: X12Reader.Options = .strict) throws(X12Error) -> [Acknowledgment999] {
        let interchange = try X12Reader.read(bytes, options: options)
        var result: [Acknowledgment999] = []
        for set in interchange.transactionSets { result.append(try read(set)) }
        return result
    }

    public static func read(_ set: X12TransactionSet) throws(X12Error) -> Acknowledgment999 {
        guard set.identifier == "999" else {
            throw X12Error(.unsupportedTransaction, at: set.header, "transaction set \(set.controlNumber) is a \(set.identifier), not a 999")
        }
        var groups: [GroupAcknowledgment999] = []
        var group: GroupAcknowledgment999?
        var current: SetAcknowledgment999?
        var pendingSegmentError: String?

        func flushSegmentError() {
            if let text = pendingSegmentError { current?.segmentErrors.append(text) }
            pendingSegmentError = nil
        }

        for s in set.body {
            switch s.id {
            case "AK1":
                group = GroupAcknowledgment999(functionalIdentifier: s[1], groupControlNumber: s[2], version: s.value(3),
                                               transactionSets: [], status: .accepted, setsIncluded: nil, setsReceived: nil,
                                               setsAccepted: nil, errors: [], segmentNumber: s.number)
            case "AK2":
                guard group != nil else { throw X12Error(.unexpectedSegment, at: s, "AK2 before AK1") }
                current = SetAcknowledgment999(identifier: s[1], controlNumber: s[2], implementationReference: s.value(3),
                                               status: .accepted, setErrors: [], segmentErrors: [], segmentNumber: s.number)
            case "IK3":
                flushSegmentError()
                let code = s[4]
                let loop = s.value(3).map { " in loop \($0)" } ?? ""
                pendingSegmentError = "segment \(s[1]) at position \(s[2])\(loop): \(Acknowledgment999Codes.segmentError(code))"
            case "CTX":
                break
            case "IK4":
                let element = s.components(1)
                let name = element.first.map { "element \($0)" } ?? "an element"
                let reference = s.value(2).map { " (data element \($0))" } ?? ""
                let bad = s.value(4).map { ", value '\($0)'" } ?? ""
                let detail = "\(name)\(reference): \(Acknowledgment999Codes.elementError(s[3]))\(bad)"
                pendingSegmentError = (pendingSegmentError.map { $0 + "; " } ?? "") + detail
            case "IK5":
                flushSegmentError()
                guard var done = current else { throw X12Error(.unexpectedSegment, at: s, "IK5 without AK2") }
                done.status = try code(s, 1)
                done.setErrors = (2...6).compactMap { s.value($0) }.map(Acknowledgment999Codes.setError)
                group?.transactionSets.append(done)
                current = nil
            case "AK9":
                guard var done = group else { throw X12Error(.unexpectedSegment, at: s, "AK9 without AK1") }
                done.status = try code(s, 1)
                done.setsIncluded = Int(s[2])
                done.setsReceived = Int(s[3])
                done.setsAccepted = Int(s[4])
                done.errors = (5...9).compactMap { s.value($0) }.map(Acknowledgment999Codes.groupError)
                groups.append(done)
                group = nil
            default:
                break
            }
        }
        if let open = current {
            throw X12Error(.missingSegment, at: set.trailer, "AK2 for set \(open.controlNumber) has no IK5 status")
        }
        if let open = group {
            throw X12Error(.missingSegment, at: set.trailer, "AK1 for group \(open.groupControlNumber) has no AK9 status")
        }
        return Acknowledgment999(controlNumber: set.controlNumber, groups: groups)
    }

    static func code(_ s: X12Segment, _ position: Int) throws(X12Error) -> AcknowledgmentCode {
        guard let code = AcknowledgmentCode(rawValue: s[position]) else {
            throw X12Error(.invalidValue, at: s, "\(s.id)\(X12Tokenizer.twoDigits(position)) '\(s[position])' is not an acknowledgment code")
        }
        return code
    }
}
