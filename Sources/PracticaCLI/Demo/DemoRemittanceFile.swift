import X12

/// Writes a payer's day of answers as a real 005010X221A1 835 with `X12Writer`:
/// BPR/TRN/DTM, the payer and payee loops, then per claim CLP, NM1*QC,
/// DTM*232, claim CAS and per line SVC, DTM*472, CAS, REF*6R, AMT*B6.
/// The amounts come from `DemoAdjudicator`, which balances each line, so
/// BPR02 = Σ CLP04 and every CLP and SVC balances; the importer reads the file
/// back with `Remittance835Reader`, which checks exactly that.
struct DemoRemittanceFile {
    let payer: DemoPayer
    let payeeName: String
    let payeeNPI: String
    let payeeTaxID: String
    let receiverID: String

    /// - parameter date: CCYYMMDD of the payment.
    func text(claims: [DemoRemittanceClaim], date: String, trace: String, controlNumber: Int) throws(X12Error) -> String {
        let total = claims.reduce(Int64(0)) { $0 + $1.paid }
        var body: [X12OutputSegment] = []
        if total > 0 {
            body.append(X12OutputSegment("BPR", ["I", .amount(total), "C", "ACH", "CCP", "01", "071000013", "DA", "1234567890",
                                                 X12Element("1" + payer.taxID.suffix(9)), "", "01", "071923284", "DA", "987654321",
                                                 X12Element(date)]))
        } else {
            body.append(X12OutputSegment("BPR", ["H", .amount(total), "C", "NON", "", "", "", "", "", "", "", "", "", "", "",
                                                 X12Element(date)]))
        }
        body.append(X12OutputSegment("TRN", ["1", X12Element(trace), X12Element("1" + payer.taxID.suffix(9))]))
        body.append(X12OutputSegment("DTM", ["405", X12Element(date)]))
        body.append(X12OutputSegment("N1", ["PR", X12Element(payer.name.uppercased())]))
        body.append(X12OutputSegment("N3", ["PO BOX 14079"]))
        body.append(X12OutputSegment("N4", ["CHICAGO", "IL", "606141234"]))
        body.append(X12OutputSegment("REF", ["2U", X12Element(payer.electronicID)]))
        body.append(X12OutputSegment("PER", ["BL", "PROVIDER SERVICES", "TE", "8005550199"]))
        body.append(X12OutputSegment("N1", ["PE", X12Element(payeeName.uppercased()), "XX", X12Element(payeeNPI)]))
        body.append(X12OutputSegment("REF", ["TJ", X12Element(payeeTaxID)]))
        body.append(X12OutputSegment("LX", ["1"]))
        for claim in claims { body += segments(claim) }
        let sender = String(payer.electronicID.prefix(15))
        let (year, month, day) = (Int(date.prefix(4)) ?? 2000, Int(date.dropFirst(4).prefix(2)) ?? 1, Int(date.suffix(2)) ?? 1)
        let x12Date = try X12Date(year: year, month: month, day: day)
        let time = try X12Time(hour: 6, minute: 0)
        let header = X12InterchangeHeader(senderID: sender, receiverID: receiverID, date: x12Date, time: time,
                                          controlNumber: controlNumber)
        let group = X12OutgoingGroup(
            header: X12GroupHeader(functionalIdentifier: "HP", applicationSender: sender, applicationReceiver: receiverID,
                                   date: x12Date, time: time, controlNumber: controlNumber, version: "005010X221A1"),
            transactionSets: [X12OutgoingTransactionSet(identifier: "835", controlNumber: "0001",
                                                        implementationReference: nil, body: body)])
        return try X12Writer().write(header: header, groups: [group])
    }

    private func segments(_ c: DemoRemittanceClaim) -> [X12OutputSegment] {
        // Loop 2100 order: CLP, claim CAS, NM1*QC, DTM.
        var out = [X12OutputSegment("CLP", [X12Element(c.claim), X12Element(c.status), .amount(c.charge), .amount(c.paid),
                                            .amount(c.patientCents), X12Element(payer.filingIndicator), X12Element(c.payerClaimNumber),
                                            "11", "1"])]
        out += cas(c.claimAdjustments)
        out.append(X12OutputSegment("NM1", ["QC", "1", X12Element(c.patientLast.uppercased()), X12Element(c.patientFirst.uppercased()),
                                            "", "", "", "MI", X12Element(c.memberID)]))
        out.append(X12OutputSegment("DTM", ["232", X12Element(c.serviceDate)]))
        for line in c.lines {
            out.append(X12OutputSegment("SVC", [X12Element(components: ["HC", line.code] + line.modifiers), .amount(line.charge),
                                                .amount(line.paid), "", X12Element(String(line.units))]))
            out.append(X12OutputSegment("DTM", ["472", X12Element(c.serviceDate)]))
            out += cas(line.adjustments)
            out.append(X12OutputSegment("REF", ["6R", X12Element(line.control)]))
            if line.allowed != 0 { out.append(X12OutputSegment("AMT", ["B6", .amount(line.allowed)])) }
        }
        return out
    }

    /// One CAS per group, up to six reason/amount pairs each, in the order given.
    private func cas(_ adjustments: [DemoRemittanceClaim.Adjustment]) -> [X12OutputSegment] {
        var groups: [String] = []
        for a in adjustments where !groups.contains(a.group) { groups.append(a.group) }
        return groups.map { group in
            var elements: [X12Element] = [X12Element(group)]
            for (i, a) in adjustments.filter({ $0.group == group }).prefix(6).enumerated() {
                if i > 0 { elements.append("") }
                elements += [X12Element(a.reason), .amount(a.cents)]
            }
            return X12OutputSegment("CAS", elements)
        }
    }
}
