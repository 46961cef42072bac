/// Reads 835 remittances (005010X221A1) into `Remittance835` values, balanced.
///
/// ```
/// let remittances = try Remittance835Reader.read(Array(data))
/// for claim in remittances[0].claims { print(claim.patientControlNumber, claim.paidCents) }
/// ```
/// Tolerant of what does not touch money (a missing payer contact, an odd
/// BPR16 date: warnings), strict about what does (amounts, CAS structure,
/// balancing: errors naming the segment).
public enum Remittance835Reader {
    /// Reads every 835 in an interchange.
    /// - throws: `X12Error` for envelope problems, a set that is not an 835, unusable amounts, or imbalance.
    public static func read(_ bytes: [UInt8], options: X12Reader.Options = .strict) throws(X12Error) -> [Remittance835] {
        try read(X12Reader.read(bytes, options: options))
    }

    /// Reads every 835 of an already validated interchange.
    public static func read(_ interchange: X12Interchange) throws(X12Error) -> [Remittance835] {
        var result: [Remittance835] = []
        for set in interchange.transactionSets {
            result.append(try read(set))
        }
        if result.isEmpty { throw X12Error(.unsupportedTransaction, "the interchange holds no transaction set") }
        return result
    }

    /// Reads one 835 transaction set and checks its balance.
    public static func read(_ set: X12TransactionSet) throws(X12Error) -> Remittance835 {
        guard set.identifier == "835" else {
            throw X12Error(.unsupportedTransaction, at: set.header,
                           "transaction set \(set.controlNumber) is an \(set.identifier), not an 835")
        }
        var parser = Remittance835Parser(set: set)
        let remittance = try parser.parse()
        try Remittance835Balance.check(remittance, bpr: parser.bprSegment)
        return remittance
    }
}

/// The segment-by-segment state machine behind `Remittance835Reader`.
struct Remittance835Parser {
    let set: X12TransactionSet
    var warnings: [X12Warning] = []
    var bprSegment: X12Segment?
    var payment: PaymentInfo835?
    var trace: (number: String?, originator: String?)
    var payer: Party835?
    var payee: Party835?
    var sawPayerContact = false
    var claims: [ClaimPayment835] = []
    var plbs: [ProviderAdjustment835] = []
    /// Where REF/N3/N4/PER belong while in the header: "PR", "PE" or nil.
    var party: String?
    var inLine = false

    init(set: X12TransactionSet) {
        self.set = set
        if !["", "005010X221A1"].contains(set.implementationReference) {
            warnings.append(X12Warning(at: set.header, "implementation reference \(set.implementationReference), expected 005010X221A1"))
        }
    }

    mutating func parse() throws(X12Error) -> Remittance835 {
        for segment in set.body {
            try take(segment)
        }
        guard let payment, bprSegment != nil else {
            throw X12Error(.missingSegment, at: set.header, label: "ST", "835 \(set.controlNumber) has no BPR payment segment")
        }
        if trace.number == nil { warnings.append(X12Warning(at: set.header, "835 \(set.controlNumber) has no TRN trace number")) }
        if payer == nil { warnings.append(X12Warning(at: set.header, "835 \(set.controlNumber) has no payer N1*PR")) }
        if payee == nil { warnings.append(X12Warning(at: set.header, "835 \(set.controlNumber) has no payee N1*PE")) }
        if payer != nil, !sawPayerContact {
            warnings.append(X12Warning(at: set.header, "the payer loop has no technical contact PER*BL"))
        }
        return Remittance835(transactionSetControlNumber: set.controlNumber, payment: payment, traceNumber: trace.number,
                             originatorID: trace.originator, payer: payer ?? .unknown, payee: payee ?? .unknown,
                             claims: claims, providerAdjustments: plbs, warnings: warnings)
    }

    mutating func take(_ s: X12Segment) throws(X12Error) {
        switch s.id {
        case "BPR": try readBPR(s)
        case "TRN":
            trace = (s.value(2), s.value(3))
        case "N1":
            let p = Party835(name: s[2], idQualifier: s.value(3), id: s.value(4), references: [:])
            switch s[1] {
            case "PR": payer = p; party = "PR"
            case "PE": payee = p; party = "PE"
            default: party = nil
            }
        case "REF":
            if let key = s.value(1), let value = s.value(2) {
                if inLine, !claims.isEmpty, let lineIndex = claims[claims.count - 1].lines.indices.last {
                    if key == "6R" { claims[claims.count - 1].lines[lineIndex].lineControlNumber = value }
                } else if claims.isEmpty {
                    if party == "PR" { payer?.references[key] = value }
                    if party == "PE" { payee?.references[key] = value }
                }
            }
        case "PER":
            if claims.isEmpty, party == "PR", s[1] == "BL" { sawPayerContact = true }
        case "LX":
            inLine = false
        case "CLP": try readCLP(s)
        case "NM1":
            if s[1] == "QC", !claims.isEmpty, !inLine {
                claims[claims.count - 1].patientName = s.personOrOrganizationName
                claims[claims.count - 1].patientID = s.value(9)
            }
        case "CAS": try readCAS(s)
        case "DTM": try readDTM(s)
        case "MIA":
            addClaimRemarks(s, positions: [5, 20, 21, 22, 23])
        case "MOA":
            addClaimRemarks(s, positions: [3, 4, 5, 6, 7])
        case "SVC": try readSVC(s)
        case "LQ":
            if inLine, let code = s.value(2) { mutateLine(s) { $0.remarkCodes.append(code) } }
        case "PLB": try readPLB(s)
        case "CUR", "DTP", "N3", "N4", "RDM", "TS3", "TS2", "AMT", "QTY":
            break // informational; no effect on the money the model carries
        default:
            warnings.append(X12Warning(at: s, "segment \(s.id) is not expected in an 835; ignored"))
        }
    }

    mutating func readBPR(_ s: X12Segment) throws(X12Error) {
        guard bprSegment == nil else { throw X12Error(.unexpectedSegment, at: s, "a second BPR in one 835") }
        bprSegment = s
        let amount = try s.requiredAmount(2)
        var date: X12Date?
        if let raw = s.value(16) {
            date = try? X12Date(ccyymmdd: raw)
            if date == nil { warnings.append(X12Warning(at: s, "BPR16 payment date '\(raw)' is not a date")) }
        } else {
            warnings.append(X12Warning(at: s, "BPR16 payment date is missing"))
        }
        payment = PaymentInfo835(handlingCode: s[1], amountCents: amount, creditDebit: s[3], method: s[4], date: date)
    }

    mutating func readCLP(_ s: X12Segment) throws(X12Error) {
        guard bprSegment != nil else { throw X12Error(.unexpectedSegment, at: s, "CLP before BPR") }
        guard let pcn = s.value(1) else { throw X12Error(.invalidValue, at: s, "CLP01 patient control number is missing") }
        let label = "CLP \(pcn)"
        guard let status = s.value(2) else { throw X12Error(.invalidValue, at: s, label: label, "CLP02 claim status is missing") }
        inLine = false
        claims.append(ClaimPayment835(
            patientControlNumber: pcn, status: ClaimStatus835(rawValue: status),
            chargeCents: try s.requiredAmount(3, label: label), paidCents: try s.requiredAmount(4, label: label),
            patientResponsibilityCents: try s.amount(5, label: label), claimFilingIndicator: s.value(6),
            payerClaimControlNumber: s.value(7), patientName: nil, patientID: nil, serviceStart: nil, serviceEnd: nil,
            adjustments: [], remarkCodes: [], lines: [], segmentNumber: s.number))
    }

    mutating func readCAS(_ s: X12Segment) throws(X12Error) {
        guard let claim = claims.last else { throw X12Error(.unexpectedSegment, at: s, "CAS outside any claim") }
        let adjustments = try s.claimAdjustments(label: "CAS in CLP \(claim.patientControlNumber)")
        if inLine {
            mutateLine(s) { $0.adjustments += adjustments }
        } else {
            claims[claims.count - 1].adjustments += adjustments
        }
    }

    mutating func readDTM(_ s: X12Segment) throws(X12Error) {
        let qualifier = s[1]
        guard !claims.isEmpty else { return } // DTM*405 production date and the like
        let date: X12Date?
        do { date = try s.date(2) } catch {
            warnings.append(X12Warning(at: s, error.reason))
            return
        }
        switch (qualifier, inLine) {
        case ("232", false): claims[claims.count - 1].serviceStart = date
        case ("233", false): claims[claims.count - 1].serviceEnd = date
        case ("472", true), ("150", true): mutateLine(s) { $0.serviceDate = date }
        case ("151", true): mutateLine(s) { $0.serviceEndDate = date }
        default: break
        }
    }

    mutating func readSVC(_ s: X12Segment) throws(X12Error) {
        guard let claim = claims.last else { throw X12Error(.unexpectedSegment, at: s, "SVC outside any claim") }
        let label = "SVC \(s[1])"
        guard let procedure = s.procedure(1) ?? procedureWithStraySeparator(s) else {
            throw X12Error(.invalidValue, at: s, label: label, "SVC01 '\(s[1])' is not a qualifier:code composite (claim \(claim.patientControlNumber))")
        }
        inLine = true
        claims[claims.count - 1].lines.append(ServiceLinePayment835(
            procedure: procedure, chargeCents: try s.requiredAmount(2, label: label), paidCents: try s.requiredAmount(3, label: label),
            units: try s.quantity(5) ?? 1, originalProcedure: s.procedure(6), serviceDate: nil, serviceEndDate: nil,
            lineControlNumber: nil, adjustments: [], remarkCodes: [], segmentNumber: s.number))
    }

    mutating func readPLB(_ s: X12Segment) throws(X12Error) {
        var items: [ProviderAdjustment835.Item] = []
        for position in stride(from: 3, through: 13, by: 2) {
            guard let reason = s.value(position) else { continue }
            let parts = s.components(position)
            guard let amount = try s.amount(position + 1) else {
                throw X12Error(.invalidAmount, at: s, "PLB\(X12Tokenizer.twoDigits(position + 1)) amount is missing for reason \(reason)")
            }
            items.append(ProviderAdjustment835.Item(reasonCode: parts.first ?? reason,
                                                    reference: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil,
                                                    amountCents: amount))
        }
        var fiscal: X12Date?
        do { fiscal = try s.date(2) } catch { warnings.append(X12Warning(at: s, error.reason)) }
        inLine = false
        plbs.append(ProviderAdjustment835(providerID: s[1], fiscalPeriodEnd: fiscal, items: items, segmentNumber: s.number))
    }

    mutating func addClaimRemarks(_ s: X12Segment, positions: [Int]) {
        guard !claims.isEmpty else { return }
        claims[claims.count - 1].remarkCodes += positions.compactMap { s.value($0) }
    }

    mutating func mutateLine(_ s: X12Segment, _ change: (inout ServiceLinePayment835) -> Void) {
        guard !claims.isEmpty, !claims[claims.count - 1].lines.isEmpty else { return }
        let c = claims.count - 1
        change(&claims[c].lines[claims[c].lines.count - 1])
    }

    /// Some payers write SVC01 with a component separator other than ISA16 ("HC>99213" when ISA16 is ":").
    /// The qualifier is always two characters, so the separator is the third one: unambiguous, but worth a warning.
    mutating func procedureWithStraySeparator(_ s: X12Segment) -> ProcedureCode? {
        let raw = Array(s[1])
        guard raw.count >= 4, raw[0].isLetter, raw[0].isASCII, raw[1].isASCII, raw[1].isLetter || raw[1].isNumber,
              let separator = raw.dropFirst(2).first, separator.isASCII, separator.isPunctuation || separator.isSymbol else {
            return nil
        }
        let parts = String(raw).split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[1].isEmpty else { return nil }
        warnings.append(X12Warning(at: s, "SVC01 '\(s[1])' uses '\(separator)' as component separator, not the one ISA16 declares; read as \(parts[0]) \(parts[1])"))
        return ProcedureCode(qualifier: parts[0], code: parts[1], modifiers: Array(parts.dropFirst(2).prefix(4).filter { !$0.isEmpty }))
    }
}
