import BinaryCodec
import X12

/// What posting one 835 produced.
public struct RemittancePostingResult: Sendable {
    /// One atomic batch: `RemittanceReceived`, then per claim payment its posting
    /// (with denials) or its suspense item, then the PLB items.
    public let events: [any EventPayload]
    public let remittance: RemittanceID
    public let postedClaims: [ClaimID]
    public let suspended: Int
    /// How many ids of the denial sequence were used.
    public let denialsOpened: Int
    /// What the reader tolerated (a missing PER, an odd date), for the importer to show.
    public let warnings: [String]
}

/// Either the batch to append, or the news that this file was posted before.
public enum RemittancePostingOutcome: Sendable {
    case posted(RemittancePostingResult)
    /// Same payer and TRN02 (or the same file bytes) were posted as this remittance: nothing to post.
    case alreadyImported(RemittanceID)
}

/// Auto-posting of an 835 remittance (already balance-checked by the X12 reader).
public enum RemittancePosting {
    /// Posts one 835 as one batch.
    ///
    /// ```swift
    /// var denials = IDSequence(first: DenialID(40))
    /// switch try RemittancePosting.post(r, id: RemittanceID(7), fileDigest: digest, receivedOn: today,
    ///                                   denialIDs: &denials, state: state) {
    /// case .posted(let result): append(result.events)
    /// case .alreadyImported(let earlier): print("already imported as \(earlier); nothing posted")
    /// }
    /// ```
    /// Each claim payment is matched by CLP01, else patient + date of service + charge;
    /// what does not match is suspended, never dropped. A negative payment that is not
    /// a reversal is suspended too, and a posting that overpays its claim is flagged
    /// (`ClaimPaymentChecks`).
    /// - throws: `Rejection` on field "file" when the payer is not one of the practice's.
    public static func post(_ remittance: Remittance835, id: RemittanceID, fileDigest: String, receivedOn: LocalDate,
                            denialIDs: inout IDSequence<DenialID>, state: PracticeState) throws(Rejection) -> RemittancePostingOutcome {
        let payer = try RemittanceMatching.payer(of: remittance, state.directory)
        let trace = remittance.traceNumber?.trimmedForInput ?? ""
        let books = state.receivables
        if !trace.isEmpty, let earlier = books.remittanceByTrace[Receivables.traceKey(payer.payer, trace)] {
            return .alreadyImported(earlier)
        }
        if !fileDigest.isEmpty, let earlier = books.remittanceByDigest[fileDigest] { return .alreadyImported(earlier) }

        let date = remittance.payment.date.flatMap(RemittanceMatching.localDate) ?? receivedOn
        var events: [any EventPayload] = [
            RemittanceReceived(remittance: id, payer: payer.payer, traceNumber: trace,
                               payerIdentifier: remittance.payer.payerIdentification ?? remittance.payer.name,
                               totalPaid: Money(cents: remittance.payment.amountCents), method: remittance.payment.method,
                               paymentDate: date, fileDigest: fileDigest),
        ]
        var postedClaims: [ClaimID] = []
        var suspended = 0
        // Each claim's insurance balance as this file's postings move it (a claim can be paid twice in one 835).
        var openWithInsurance: [ClaimID: Money] = [:]
        var paidInFile: [ClaimID: Money] = [:]
        let firstDenial = denialIDs.used
        for (index, clp) in remittance.claims.enumerated() {
            switch RemittanceMatching.claim(for: clp, payer: payer.payer, state) {
            case .claim(let record):
                let paidBefore = paidInFile[record.id] ?? books.ledger.claims[record.id]?.payerPayments ?? .zero
                if let reason = ClaimPaymentChecks.suspenseReason(status: clp.status.rawValue, paid: Money(cents: clp.paidCents),
                                                                  claim: record.id, paidBefore: paidBefore) {
                    events.append(suspense(clp, index: index, remittance: id, reason: reason, date: date))
                    suspended += 1
                    continue
                }
                paidInFile[record.id] = paidBefore + Money(cents: clp.paidCents)
                let charges = RemittanceMatching.charges(for: clp.lines, on: record)
                events += ClaimPaymentChecks.flagOverpayments(ClaimPaymentBuilder(
                    status: clp.status.rawValue, charge: Money(cents: clp.chargeCents), paid: Money(cents: clp.paidCents),
                    payerClaimControlNumber: clp.payerClaimControlNumber, claimAdjustments: clp.adjustments.map(Self.posted),
                    lines: zip(clp.lines, charges).map { postedLine($0, charge: $1) }, remarks: clp.remarkCodes,
                    record: record, remittance: id, date: date, state: state).events(denialIDs: &denialIDs),
                    open: &openWithInsurance, ledger: books.ledger)
                postedClaims.append(record.id)
            case .none(let reason):
                events.append(suspense(clp, index: index, remittance: id, reason: reason, date: date))
                suspended += 1
            }
        }
        for plb in remittance.providerAdjustments {
            for item in plb.items {
                events.append(ProviderAdjustmentPosted(remittance: id, provider: plb.providerID, reason: item.reasonCode,
                                                       reference: item.reference, amount: Money(cents: item.amountCents),
                                                       paymentDate: date))
            }
        }
        return .posted(RemittancePostingResult(events: events, remittance: id, postedClaims: postedClaims, suspended: suspended,
                                               denialsOpened: Int(denialIDs.used - firstDenial),
                                               warnings: remittance.warnings.map(\.description)))
    }

    static func suspense(_ clp: ClaimPayment835, index: Int, remittance: RemittanceID, reason: String,
                         date: LocalDate) -> RemittanceClaimSuspended {
        var name: String?
        switch clp.patientName {
        case .person(let last, let first, _, _)?: name = first.isEmpty ? last : "\(last), \(first)"
        case .organization(let n)?: name = n
        case nil: name = nil
        }
        return RemittanceClaimSuspended(
            remittance: remittance, index: index, patientControlNumber: clp.patientControlNumber, status: clp.status.rawValue,
            charge: Money(cents: clp.chargeCents), paid: Money(cents: clp.paidCents),
            patientResponsibility: clp.patientResponsibilityCents.map { Money(cents: $0) },
            payerClaimControlNumber: clp.payerClaimControlNumber, patientName: name, memberID: clp.patientID,
            serviceDate: RemittanceMatching.serviceDate(clp), adjustments: clp.adjustments.map(posted),
            lines: clp.lines.map { postedLine($0, charge: nil) }, remarks: clp.remarkCodes, reason: reason, paymentDate: date)
    }

    static func posted(_ a: ClaimAdjustment) -> PostedAdjustment {
        PostedAdjustment(group: AdjustmentGroupCode(rawValue: a.group.rawValue) ?? .other, reason: a.reasonCode,
                         amount: Money(cents: a.amountCents))
    }

    static func postedLine(_ l: ServiceLinePayment835, charge: ChargeID?) -> PostedLine {
        PostedLine(charge: charge, procedure: l.procedure.code, modifiers: l.procedure.modifiers, billed: Money(cents: l.chargeCents),
                   paid: Money(cents: l.paidCents), adjustments: l.adjustments.map(posted), remarks: l.remarkCodes,
                   serviceDate: l.serviceDate.flatMap(RemittanceMatching.localDate))
    }
}
