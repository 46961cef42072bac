/// Writes professional claims as 005010X222A1 837P transaction sets.
///
/// One batch becomes one transaction set: the submitter (1000A), receiver
/// (1000B), one billing provider (2000A), and for each claim its own
/// subscriber level (2000B), patient level when the patient is not the
/// subscriber (2000C), the claim (2300) with its earlier payers (2320–2330B)
/// and its lines (2400, with 2430 for earlier payers' line adjudication).
///
/// ```
/// let text = try Professional837Writer().write(batch, interchange: isa,
///                                             groupControlNumber: 41, transactionSetControlNumber: "0001")
/// ```
public struct Professional837Writer: Sendable {
    /// The implementation guide this writer follows (GS08 and ST03).
    public static let version = "005010X222A1"

    public init() {}

    /// A whole interchange holding one batch.
    /// - throws: `X12Error` of kind `.invalidInput` when the batch cannot make a valid claim
    ///   (charges that do not add up, a replacement without the payer's claim number …).
    public func write(_ batch: Professional837Batch, interchange: X12InterchangeHeader, groupControlNumber: Int,
                      transactionSetControlNumber: String, delimiters: X12Delimiters = .standard) throws(X12Error) -> String {
        let set = try transactionSet(batch, controlNumber: transactionSetControlNumber)
        let group = X12OutgoingGroup(
            header: X12GroupHeader(functionalIdentifier: "HC", applicationSender: batch.submitter.identifier,
                                   applicationReceiver: batch.receiver.identifier, date: batch.createdDate,
                                   time: batch.createdTime, controlNumber: groupControlNumber, version: Self.version),
            transactionSets: [set])
        return try X12Writer(delimiters: delimiters).write(header: interchange, groups: [group])
    }

    /// The transaction set alone, to combine with others in one group.
    public func transactionSet(_ batch: Professional837Batch, controlNumber: String) throws(X12Error) -> X12OutgoingTransactionSet {
        try Professional837Validation.validate(batch)
        var body: [X12OutputSegment] = [
            X12OutputSegment("BHT", ["0019", "00", X12Element(batch.batchReference), X12Element(batch.createdDate.ccyymmdd),
                                     X12Element(batch.createdTime.hhmm), "CH"]),
        ]
        body += submitterAndReceiver(batch)
        body += billingProvider(batch.billingProvider)
        var hl = 1
        for claim in batch.claims {
            hl += 1
            let subscriberHL = hl
            body += subscriber(claim, hl: subscriberHL)
            if let patient = claim.patient {
                hl += 1
                body += self.patient(patient, hl: hl, parent: subscriberHL)
            }
            body += self.claim(claim)
        }
        return X12OutgoingTransactionSet(identifier: "837", controlNumber: controlNumber,
                                         implementationReference: Self.version, body: body)
    }

    // MARK: - Loops

    func submitterAndReceiver(_ batch: Professional837Batch) -> [X12OutputSegment] {
        [
            name("41", batch.submitter.name, qualifier: "46", id: batch.submitter.identifier),
            X12OutputSegment("PER", ["IC", X12Element(batch.submitter.contactName), "TE", X12Element(batch.submitter.phone)]),
            name("40", .organization(batch.receiver.name), qualifier: "46", id: batch.receiver.identifier),
        ]
    }

    func billingProvider(_ provider: BillingProvider837) -> [X12OutputSegment] {
        var segments = [X12OutputSegment("HL", ["1", "", "20", "1"])]
        if let taxonomy = provider.taxonomy {
            segments.append(X12OutputSegment("PRV", ["BI", "PXC", X12Element(taxonomy)]))
        }
        segments.append(name("85", provider.name, qualifier: "XX", id: provider.npi))
        segments += address(provider.address)
        segments.append(X12OutputSegment("REF", ["EI", X12Element(provider.taxID)]))
        return segments
    }

    func subscriber(_ claim: ProfessionalClaim837, hl: Int) -> [X12OutputSegment] {
        let s = claim.subscriber
        let isPatient = claim.patient == nil
        var segments = [
            X12OutputSegment("HL", [X12Element(String(hl)), "1", "22", isPatient ? "0" : "1"]),
            X12OutputSegment("SBR", [X12Element(claim.responsibility.rawValue), isPatient ? "18" : "", .optional(s.groupNumber),
                                     "", "", "", "", "", X12Element(s.claimFilingIndicator)]),
            name("IL", s.name, qualifier: "MI", id: s.memberID),
        ]
        if isPatient {
            segments += address(s.address)
            segments.append(demographics(s.birthDate, s.sex))
        }
        segments.append(name("PR", .organization(claim.payer.name), qualifier: "PI", id: claim.payer.payerID))
        if let payerAddress = claim.payer.address { segments += address(payerAddress) }
        return segments
    }

    func patient(_ p: Patient837, hl: Int, parent: Int) -> [X12OutputSegment] {
        [
            X12OutputSegment("HL", [X12Element(String(hl)), X12Element(String(parent)), "23", "0"]),
            X12OutputSegment("PAT", [X12Element(p.relationshipCode)]),
            name("QC", p.name, qualifier: nil, id: nil),
        ] + address(p.address) + [demographics(p.birthDate, p.sex)]
    }

    func claim(_ c: ProfessionalClaim837) -> [X12OutputSegment] {
        var segments = [
            X12OutputSegment("CLM", [X12Element(c.claimID), .amount(c.totalChargeCents), "", "",
                                     .composite(c.placeOfService, "B", c.frequency.rawValue), "Y", "A", "Y", "Y"]),
        ]
        if let onset = c.onsetDate { segments.append(date("431", onset)) }
        if c.frequency != .original, let original = c.payerClaimControlNumber {
            segments.append(X12OutputSegment("REF", ["F8", X12Element(original)]))
        }
        let codes = c.diagnoses.map(Professional837Validation.normalizedDiagnosis)
        segments.append(X12OutputSegment("HI", codes.enumerated().map { index, code in
            .composite(index == 0 ? "ABK" : "ABF", code)
        }))
        if let rendering = c.renderingProvider {
            segments.append(name("82", rendering.name, qualifier: "XX", id: rendering.npi))
            if let taxonomy = rendering.taxonomy { segments.append(X12OutputSegment("PRV", ["PE", "PXC", X12Element(taxonomy)])) }
        }
        for other in c.otherPayers {
            segments += otherPayer(other, hasLineAdjudications: c.lines.contains { $0.priorAdjudications.contains { $0.otherPayerID == other.payerID } })
        }
        for (index, line) in c.lines.enumerated() { segments += serviceLine(line, number: index + 1) }
        return segments
    }

    func otherPayer(_ o: OtherPayer837, hasLineAdjudications: Bool) -> [X12OutputSegment] {
        var segments = [
            X12OutputSegment("SBR", [X12Element(o.responsibility.rawValue), X12Element(o.relationshipCode), .optional(o.groupNumber),
                                     "", "", "", "", "", X12Element(o.claimFilingIndicator)]),
        ]
        segments += adjustments(o.claimAdjustments)
        segments.append(X12OutputSegment("AMT", ["D", .amount(o.paidCents)]))
        segments.append(X12OutputSegment("OI", ["", "", "Y", "", "", "Y"]))
        segments.append(name("IL", o.subscriberName, qualifier: "MI", id: o.subscriberMemberID))
        segments.append(name("PR", .organization(o.payerName), qualifier: "PI", id: o.payerID))
        if !hasLineAdjudications, let adjudicated = o.adjudicationDate { segments.append(date("573", adjudicated)) }
        return segments
    }

    func serviceLine(_ line: ServiceLine837, number: Int) -> [X12OutputSegment] {
        var segments = [
            X12OutputSegment("LX", [X12Element(String(number))]),
            X12OutputSegment("SV1", [line.procedure.element, .amount(line.chargeCents), "UN",
                                     X12Element(X12Quantity.string(from: line.units)), "", "",
                                     X12Element(components: line.diagnosisPointers.map(String.init))]),
            date("472", line.serviceDate),
        ]
        if let control = line.lineControlNumber { segments.append(X12OutputSegment("REF", ["6R", X12Element(control)])) }
        for adjudication in line.priorAdjudications {
            segments.append(X12OutputSegment("SVD", [X12Element(adjudication.otherPayerID), .amount(adjudication.paidCents),
                                                     (adjudication.procedure ?? line.procedure).element, "",
                                                     X12Element(X12Quantity.string(from: adjudication.paidUnits))]))
            segments += adjustments(adjudication.adjustments)
            segments.append(date("573", adjudication.adjudicationDate))
        }
        return segments
    }

    // MARK: - Segments

    /// NM1 with the entity's name and, when given, its id.
    func name(_ entity: String, _ n: X12Name, qualifier: String?, id: String?) -> X12OutputSegment {
        X12OutputSegment("NM1", [X12Element(entity), X12Element(n.entityType)] + n.elements + [.optional(qualifier), .optional(id)])
    }

    func address(_ a: X12Address) -> [X12OutputSegment] {
        [
            X12OutputSegment("N3", [X12Element(a.line1), .optional(a.line2)]),
            X12OutputSegment("N4", [X12Element(a.city), X12Element(a.state), X12Element(a.postalCode)]),
        ]
    }

    func demographics(_ birth: X12Date, _ sex: X12Sex) -> X12OutputSegment {
        X12OutputSegment("DMG", ["D8", X12Element(birth.ccyymmdd), X12Element(sex.rawValue)])
    }

    func date(_ qualifier: String, _ d: X12Date) -> X12OutputSegment {
        X12OutputSegment("DTP", [X12Element(qualifier), "D8", X12Element(d.ccyymmdd)])
    }

    /// CAS segments: one per group code, at most six reasons each, in the order given.
    func adjustments(_ list: [ClaimAdjustment]) -> [X12OutputSegment] {
        var segments: [X12OutputSegment] = []
        for group in AdjustmentGroup.allCases {
            let inGroup = list.filter { $0.group == group }
            var start = 0
            while start < inGroup.count {
                let chunk = inGroup[start..<min(start + 6, inGroup.count)]
                var elements: [X12Element] = [X12Element(group.rawValue)]
                for a in chunk {
                    elements += [X12Element(a.reasonCode), .amount(a.amountCents),
                                 .optional(a.quantity.map(X12Quantity.string(from:)))]
                }
                segments.append(X12OutputSegment("CAS", elements))
                start += 6
            }
        }
        return segments
    }
}
