import BinaryCodec

/// The money half of the synthetic workload: for each checked-out visit, its
/// charges, a claim scrubbed and submitted, then the payer's answer (paid with
/// CO-45 and patient responsibility, or denied), denial write-offs, and the
/// patient paying their share, so a benchmark store has realistic A/R.
///
/// Payers differ in speed (payer n pays in about 14 + 5n days) and denial habits
/// (payer 6 denies twice as often). Events are dated from the date of service
/// forward, as a practice's would be; like the rest of the synthetic workload they
/// are not decided by command handlers.
struct SyntheticBilling {
    private var nextCharge: UInt64 = 1
    private var nextClaim: UInt64 = 1
    private var nextDenial: UInt64 = 1
    private var nextPayment: UInt64 = 1
    private var nextRemittance: UInt64 = 1

    typealias Event = (stream: String, typeName: String, schemaVersion: UInt8, payload: [UInt8])

    private static let procedures: [(code: String, cents: Int64)] = [
        ("99213", 12_500), ("99214", 18_500), ("99203", 16_000), ("36415", 1_500), ("81002", 1_200), ("93000", 6_500), ("90471", 2_500),
    ]
    private static let denialReasons: [(carc: String, text: String)] = [
        ("16", "Claim lacks information needed for adjudication"), ("50", "Not deemed a medical necessity"),
        ("197", "Precertification/authorization absent"), ("29", "Time limit for filing has expired"),
        ("97", "Payment included in another service"),
    ]

    /// The events that follow one visit, dated from its date of service.
    mutating func visit(_ visit: VisitID, patient: PatientID, provider: ProviderID, payer: PayerID, coverage: CoverageID,
                        on dos: LocalDate, prefix: String, random: inout SplitMix64) -> [Event] {
        var out: [Event] = []
        func emit<P: EventPayload>(_ stream: String, _ event: P) { out.append((prefix + stream, P.typeName, P.schemaVersion, event.encoded())) }
        guard let dx = try? DiagnosisCode("E11.9"), let pos = try? PlaceOfService("11") else { return [] }
        let entered = dos.adding(days: [0, 0, 0, 1, 1, 2, 3, 6][Int(random.next() % 8)])
        var lines: [ClaimLine] = []
        for _ in 0..<(1 + random.next() % 3) {
            let p = Self.procedures[Int(random.next() % UInt64(Self.procedures.count))]
            guard let code = try? ProcedureCode(p.code) else { continue }
            let charge = ChargeID(nextCharge)
            nextCharge += 1
            let amount = Money(cents: p.cents)
            emit("visit-\(visit)", ChargeEntered(charge: charge, visit: visit, patient: patient, provider: provider, dateOfService: dos,
                                                 procedure: code, diagnoses: [dx], pointers: [1], amount: amount, enteredOn: entered))
            lines.append(ClaimLine(charge: charge, procedure: code, amount: amount, pointers: [1], dateOfService: dos))
        }
        let total = Money.sum(lines.map(\.amount))
        let claim = ClaimID(nextClaim)
        nextClaim += 1
        let stream = "claim-\(claim)"
        emit(stream, ClaimCreated(claim: claim, visit: visit, patient: patient, coverage: coverage, payer: payer, billingProvider: provider,
                                  renderingProvider: provider, placeOfService: pos, lines: lines, diagnoses: [dx], total: total, createdOn: entered))
        let findings = random.next() % 20 == 0 ? [ScrubFinding(rule: "DX-POINTER", severity: .warning, message: "check the pointer")] : []
        emit(stream, ClaimScrubbed(claim: claim, findings: findings, scrubbedOn: entered))
        let sent = entered.adding(days: Int(random.next() % 2))
        emit(stream, ClaimSubmitted(claim: claim, fileName: "synthetic.837", interchangeControlNumber: Int(claim.number),
                                    groupControlNumber: Int(claim.number), transactionSetControlNumber: Int(claim.number), submittedOn: sent))
        let paid = sent.adding(days: 14 + 5 * Int(payer.number % 7) + Int(random.next() % 10))
        let remittance = RemittanceID(nextRemittance)
        nextRemittance += 1
        let denialOdds: UInt64 = payer.number % 6 == 0 ? 5 : 10
        if random.next() % 100 < denialOdds {
            let reason = Self.denialReasons[Int(random.next() % UInt64(Self.denialReasons.count))]
            emit(stream, ClaimPaymentPosted(claim: claim, remittance: remittance, status: "4", charge: total, paid: .zero, patientResponsibility: .zero,
                                            denied: total, payerClaimControlNumber: nil,
                                            adjustments: [PostedAdjustment(group: .contractual, reason: reason.carc, amount: total)], lines: [], paymentDate: paid))
            let denial = DenialID(nextDenial)
            nextDenial += 1
            emit(stream, DenialOpened(denial: denial, claim: claim, remittance: remittance, line: nil, charge: nil, group: .contractual,
                                      carc: reason.carc, rarcs: [], amount: total, text: reason.text, openedOn: paid))
            if random.next() % 2 == 0 {
                emit(stream, DenialWrittenOff(denial: denial, amount: total, reason: "not appealable", writtenOffOn: paid.adding(days: 30)))
            }
            return out
        }
        let allowed = Money(cents: total.cents * Int64(55 + random.next() % 26) / 100)
        let copay = Money(cents: min(allowed.cents, Int64([0, 1_500, 2_500, 4_000][Int(random.next() % 4)])))
        emit(stream, ClaimPaymentPosted(claim: claim, remittance: remittance, status: "1", charge: total, paid: allowed - copay,
                                        patientResponsibility: copay, payerClaimControlNumber: nil,
                                        adjustments: [PostedAdjustment(group: .contractual, reason: "45", amount: total - allowed),
                                                      PostedAdjustment(group: .patient, reason: "3", amount: copay)],
                                        lines: [], paymentDate: paid))
        if copay > .zero, random.next() % 10 < 7 {
            let payment = PaymentID(nextPayment)
            nextPayment += 1
            emit("patient-\(patient)", PatientPaymentPosted(payment: payment, patient: patient, amount: copay, method: .card,
                                                           applications: [PaymentApplication(visit: visit, amount: copay)],
                                                           receivedOn: paid.adding(days: 10 + Int(random.next() % 30))))
        }
        return out
    }
}
