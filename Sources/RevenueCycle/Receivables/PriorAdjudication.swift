import BinaryCodec

/// How an earlier payer adjudicated a claim, carried by the claim billed to
/// the next payer (837P loops 2320/2330B/2430). A snapshot, like the claim's
/// lines, so the secondary claim reads the same even if the primary's
/// postings are later reversed.
public struct PriorAdjudication: Hashable, Sendable {
    /// The primary claim that was adjudicated.
    public let claim: ClaimID
    public let payer: PayerID
    public let coverage: CoverageID
    public let payerClaimControlNumber: String?
    public let paid: Money
    /// What the earlier payer left to the patient: the amount the next payer is asked to consider.
    public let patientResponsibility: Money
    /// Claim-level CAS.
    public let adjustments: [PostedAdjustment]
    /// One per claim line, in the claim's line order; empty when the payer answered at claim level only.
    public let lines: [PriorLineAdjudication]
    public let adjudicatedOn: LocalDate

    public init(claim: ClaimID, payer: PayerID, coverage: CoverageID, payerClaimControlNumber: String?, paid: Money,
                patientResponsibility: Money, adjustments: [PostedAdjustment], lines: [PriorLineAdjudication],
                adjudicatedOn: LocalDate) {
        self.claim = claim
        self.payer = payer
        self.coverage = coverage
        self.payerClaimControlNumber = payerClaimControlNumber
        self.paid = paid
        self.patientResponsibility = patientResponsibility
        self.adjustments = adjustments
        self.lines = lines
        self.adjudicatedOn = adjudicatedOn
    }

    var json: JSONValue {
        .object([("claim", .id(claim)), ("payer", .id(payer)), ("coverage", .id(coverage)),
                 ("payerClaimControlNumber", .optional(payerClaimControlNumber)), ("paid", .money(paid)),
                 ("patientResponsibility", .money(patientResponsibility)), ("adjustments", .array(adjustments.map(\.json))),
                 ("lines", .array(lines.map(\.json))), ("adjudicatedOn", .text(adjudicatedOn))])
    }
}

/// The earlier payer's answer for one claim line (SVD/CAS in 2430).
public struct PriorLineAdjudication: Hashable, Sendable {
    public let charge: ChargeID
    /// The code as that payer adjudicated it.
    public let procedure: String
    public let paid: Money
    public let adjustments: [PostedAdjustment]

    public init(charge: ChargeID, procedure: String, paid: Money, adjustments: [PostedAdjustment]) {
        self.charge = charge
        self.procedure = procedure
        self.paid = paid
        self.adjustments = adjustments
    }

    var json: JSONValue {
        .object([("charge", .id(charge)), ("procedure", .string(procedure)), ("paid", .money(paid)),
                 ("adjustments", .array(adjustments.map(\.json)))])
    }
}

extension ByteWriter {
    mutating func write(_ p: PriorAdjudication) {
        write(p.claim)
        write(p.payer)
        write(p.coverage)
        writeOptionalString(p.payerClaimControlNumber)
        write(p.paid)
        write(p.patientResponsibility)
        writeArray(p.adjustments) { $0.write($1) }
        writeArray(p.lines) { w, l in
            w.write(l.charge)
            w.writeString(l.procedure)
            w.write(l.paid)
            w.writeArray(l.adjustments) { $0.write($1) }
        }
        write(p.adjudicatedOn)
    }
}

extension ByteReader {
    mutating func readPriorAdjudication() throws(DecodingError) -> PriorAdjudication {
        PriorAdjudication(
            claim: try readID(), payer: try readID(), coverage: try readID(), payerClaimControlNumber: try readOptionalString(),
            paid: try readMoney(), patientResponsibility: try readMoney(), adjustments: try readAdjustments(),
            lines: try readArray { (r) throws(DecodingError) in
                PriorLineAdjudication(charge: try r.readID(), procedure: try r.readString(), paid: try r.readMoney(),
                                      adjustments: try r.readAdjustments())
            },
            adjudicatedOn: try readDate())
    }
}
