import XCTest
import BinaryCodec
@testable import RevenueCycle

/// One fully populated sample of every receivables event, round-tripped through
/// its binary layout and the registry, refusing truncated and padded bytes.
final class ReceivableEventCodecTests: XCTestCase {
    static let d = ClaimWorld.day("2026-12-10")
    static let adj = [PostedAdjustment(group: .contractual, reason: "45", amount: Money(cents: 1_500)),
                      PostedAdjustment(group: .patient, reason: "2", amount: Money(cents: -2_000))]
    static let line = PostedLine(charge: ChargeID(55211), procedure: "99213", modifiers: ["25"], billed: Money(cents: 12_500),
                                 paid: Money(cents: 8_000), adjustments: adj, remarks: ["N130"], serviceDate: d)

    static var samples: [any EventPayload] {
        let prior = PriorAdjudication(claim: ClaimID(5521), payer: PayerID(1), coverage: CoverageID(1), payerClaimControlNumber: "PCN",
                                      paid: Money(cents: 10_000), patientResponsibility: Money(cents: 4_000), adjustments: adj,
                                      lines: [PriorLineAdjudication(charge: ChargeID(55211), procedure: "99213", paid: Money(cents: 8_000), adjustments: adj)],
                                      adjudicatedOn: d)
        return [
            RemittanceReceived(remittance: RemittanceID(1), payer: PayerID(1), traceNumber: "EFT1", payerIdentifier: "60054",
                               totalPaid: Money(cents: 10_000), method: "ACH", paymentDate: d, fileDigest: "ab12"),
            ClaimPaymentPosted(claim: ClaimID(5521), remittance: RemittanceID(1), status: "22", charge: Money(cents: -16_050),
                               paid: Money(cents: -10_000), patientResponsibility: Money(cents: -4_000), denied: Money(cents: -50),
                               priorPayerImpact: Money(cents: 1), payerClaimControlNumber: "PCN", adjustments: adj, lines: [line],
                               remarks: ["MA01"], paymentDate: d),
            ProviderAdjustmentPosted(remittance: RemittanceID(1), provider: "1987654328", reason: "L6", reference: "CL5521",
                                     amount: Money(cents: -250), paymentDate: d),
            RemittanceClaimSuspended(remittance: RemittanceID(1), index: 3, patientControlNumber: "X1", status: "1", charge: Money(cents: 100),
                                     paid: Money(cents: 50), patientResponsibility: Money(cents: 10), payerClaimControlNumber: "P",
                                     patientName: "DOE, JANE", memberID: "M1", serviceDate: d, adjustments: adj, lines: [line],
                                     remarks: ["N4"], reason: "no match", paymentDate: d),
            SuspenseResolved(remittance: RemittanceID(1), index: 3, claim: ClaimID(5521), note: "found", resolvedOn: d),
            DenialOpened(denial: DenialID(4), claim: ClaimID(5521), remittance: RemittanceID(1), line: 2, charge: ChargeID(55212),
                         group: .other, carc: "50", rarcs: ["N130"], amount: Money(cents: 3_550), text: "CO-50: …", openedOn: d),
            DenialAppealed(denial: DenialID(4), note: "records", appealedOn: d),
            DenialResolved(denial: DenialID(4), note: "paid on appeal", resolvedOn: d),
            DenialWrittenOff(denial: DenialID(4), amount: Money(cents: 3_550), reason: "lost", writtenOffOn: d),
            PatientPaymentPosted(payment: PaymentID(7), patient: PatientID(1), amount: Money(cents: 5_000), method: .card, reference: "R1",
                                 cardToken: "tok_test_ab", cardLast4: "4242",
                                 applications: [PaymentApplication(visit: VisitID(100), amount: Money(cents: 4_000))], receivedOn: d),
            PatientRefunded(payment: PaymentID(7), patient: PatientID(1), amount: Money(cents: 1_000),
                            applications: [PaymentApplication(visit: VisitID(100), amount: Money(cents: 500))], reason: "over", refundedOn: d),
            PatientAdjustmentPosted(adjustment: AdjustmentID(2), patient: PatientID(1), visit: VisitID(100), amount: Money(cents: 50),
                                    reason: .smallBalance, note: "rounding", postedOn: d),
            PaymentPlanCreated(plan: PaymentPlanID(3), patient: PatientID(1), total: Money(cents: 6_500),
                               installments: [Installment(due: d, amount: Money(cents: 6_500))], createdOn: d),
            StatementIssued(statement: StatementID(8), patient: PatientID(1), asOf: d, balance: Money(cents: 5_500),
                            aging: AgingBuckets(current: Money(cents: 1), days31to60: Money(cents: 2), days61to90: Money(cents: 3),
                                                days91to120: Money(cents: 4), over120: Money(cents: 5))),
            ClaimCreated(claim: ClaimID(5600), visit: VisitID(100), patient: PatientID(1), coverage: CoverageID(3), payer: PayerID(2),
                         billingProvider: ProviderID(3), renderingProvider: ProviderID(1), placeOfService: ClaimEventCodecFixtures.office,
                         lines: [], diagnoses: [], total: Money(cents: 16_050), createdOn: d, priorAdjudication: prior),
            ClaimOverpaymentFlagged(claim: ClaimID(5521), remittance: RemittanceID(2), paid: Money(cents: 50_000), openBefore: .zero,
                                    openAfter: Money(cents: -16_050), reason: "payer paid 500.00 on CL5521 with 0.00 open", flaggedOn: d),
        ]
    }

    func testEveryReceivableEventRoundTripsAndRefusesDamagedBytes() throws {
        // Beside the receivable types: a secondary ClaimCreated, and the overpayment flag (issue 15).
        XCTAssertEqual(Set(Self.samples.map { type(of: $0).typeName }).count, EventRegistry.receivableTypes.count + 2)
        for event in Self.samples {
            let type = type(of: event)
            let bytes = event.encoded()
            let decoded = try EventRegistry.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, bytes: bytes)
            XCTAssertEqual(decoded.encoded(), bytes, type.typeName)
            XCTAssertEqual(decoded.json, event.json, type.typeName)
            for cut in 0..<bytes.count {
                XCTAssertThrowsError(try EventRegistry.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, bytes: Array(bytes[..<cut])),
                                     "\(type.typeName) prefix \(cut)")
            }
            XCTAssertThrowsError(try EventRegistry.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, bytes: bytes + [0]))
            XCTAssertThrowsError(try EventRegistry.decode(typeName: type.typeName, schemaVersion: type.schemaVersion + 1, bytes: bytes))
        }
    }

    func testJSONReadsLikeTheMoney() throws {
        let json = Self.samples[1].json
        XCTAssertEqual(json["paid"], .number("-100.00"))
        XCTAssertEqual(json["writeOff"], .number("-20.01"), "charge − paid − PR − denied − prior")
        XCTAssertEqual(json["status"], .string("22"))
        XCTAssertEqual(Self.samples[13].json["aging"]?["120+"], .number("0.05"))
        XCTAssertEqual(Self.samples[9].json["unapplied"], .number("10.00"))
        XCTAssertEqual(Self.samples[14].json["priorAdjudication"]?["paid"], .number("100.00"))
        XCTAssertEqual(RemittanceID(17).description, "RM17")
        XCTAssertEqual(try DenialID.parse("dn4"), DenialID(4))
        XCTAssertEqual([PaymentPlanID(1).description, StatementID(2).description, AdjustmentID(3).description], ["PP1", "ST2", "AJ3"])
    }

    func testAV1ClaimCreatedIsUpcastWithoutPriorAdjudication() throws {
        let v2 = try ClaimEventCodecTests.claimCreated()
        var w = ByteWriter()
        v2.encode(to: &w)
        let v1Bytes = Array(w.bytes.dropLast())   // v1 had no trailing presence byte
        let v1 = try ClaimCreated.decode(v1Bytes, schemaVersion: 1)
        XCTAssertEqual(v1, v2)
        XCTAssertNil(v1.priorAdjudication)
    }

    func testAStoredCardLastFourThatIsNotFourDigitsIsRefused() throws {
        let p = PatientPaymentPosted(payment: PaymentID(1), patient: PatientID(1), amount: Money(cents: 1), method: .card, cardToken: "t",
                                     cardLast4: "4242424242424242", applications: [], receivedOn: Self.d)
        XCTAssertThrowsError(try PatientPaymentPosted.decode(p.encoded(), schemaVersion: 1))
    }
}
