import XCTest
import PracticaTestSupport
import X12

final class Remittance835Tests: XCTestCase {
    func testEmednySampleBalancesAndCarriesEveryClaim() throws {
        let r = try XCTUnwrap(try Remittance835Reader.read(try SampleFiles.bytes("835/edi835parser_emedny_sample.txt")).first)
        XCTAssertEqual(r.payment.amountCents, 4575)
        XCTAssertEqual(r.payment.method, "ACH")
        XCTAssertEqual(r.payment.date?.ccyymmdd, "20100101")
        XCTAssertEqual(r.traceNumber, "10100000000")
        XCTAssertEqual(r.payer.name, "NYSDOH")
        XCTAssertEqual(r.payee.id, "9999999995")
        XCTAssertEqual(r.claims.map(\.paidCents), [3425, 0, 1150])
        XCTAssertEqual(r.claims.map(\.status), [.processedAsPrimary, .processedAsSecondary, .processedAsSecondary])
        XCTAssertEqual(r.claims[0].payerClaimControlNumber, "1000210000000030")
        XCTAssertEqual(r.claims[0].patientID, "LL99999L")
        XCTAssertEqual(r.claims[0].patientName, .person(last: "SUBMITTED LAST", first: "SUBMITTED FIRST"))
        XCTAssertEqual(r.claims[0].serviceStart?.ccyymmdd, "20100101")
        XCTAssertEqual(r.claims[0].lines.map(\.procedure.description), ["HC:V2020:RB", "HC:V2700:RB", "HC:V2103:RB", "HC:S0580"])
        XCTAssertEqual(r.claims[0].lines[3].units, 2)
        let denied = r.claims[2].lines[2]
        XCTAssertEqual(denied.adjustments, [ClaimAdjustment(group: .contractualObligation, reasonCode: "251", amountCents: 275)])
        XCTAssertEqual(denied.remarkCodes, ["N206"])
        XCTAssertEqual(r.claims[2].lines[1].serviceDate?.ccyymmdd, "20130917")
        XCTAssertEqual(r.warnings, [])
    }

    func testSampleWithTwoTransactionSetsGivesTwoBalancedRemittances() throws {
        let rs = try Remittance835Reader.read(try SampleFiles.bytes("835/edi835parser_sample_835.txt"))
        XCTAssertEqual(rs.map(\.payment.amountCents), [178, 14113])
        XCTAssertEqual(rs.map(\.claims.count), [2, 4])
        XCTAssertEqual(rs.reduce(0) { $0 + $1.payment.amountCents }, 14291, "SOURCES.md: BPR=142.91")
        let second = rs[0].claims[1]
        XCTAssertEqual(second.patientResponsibilityCents, 735)
        // CAS*PR*2*21**23*-13.65: two triplets, one negative.
        XCTAssertEqual(second.lines[0].adjustments.map(\.amountCents), [2100, -1365, 9765])
        XCTAssertEqual(second.lines[0].lineControlNumber, "UMG10063438092-1")
        XCTAssertEqual(rs[1].claims[1].lines[0].procedure, ProcedureCode(code: "99214", modifiers: ["25", "CR"]))
        XCTAssertEqual(rs[0].payer.payerIdentification, "31048")
    }

    func testManagedCareSampleBalancesWithWarningsForMissingPERAndOddDate() throws {
        let r = try XCTUnwrap(try Remittance835Reader.read(try SampleFiles.bytes("835/lfh_managed-care.835")).first)
        XCTAssertEqual(r.payment.amountCents, 94500)
        XCTAssertNil(r.payment.date)
        XCTAssertEqual(r.claims.map(\.chargeCents), [80000, 120000])
        XCTAssertEqual(r.claims[0].adjustments.map(\.reasonCode), ["A2"])
        XCTAssertEqual(r.claims[1].totalAdjustmentCents, 120000 - 49500)
        XCTAssertEqual(r.claims[0].lines[0].serviceDate?.ccyymmdd, "20020301")
        XCTAssertEqual(r.claims[0].lines[0].serviceEndDate?.ccyymmdd, "20020304")
        XCTAssertEqual(r.warnings.map(\.description), [
            "segment 4 (BPR): BPR16 payment date '20002316' is not a date",
            "segment 3 (ST): the payer loop has no technical contact PER*BL",
        ])
    }

    func testCOBSampleWithStrayComponentSeparatorBalancesWithWarning() throws {
        let r = try XCTUnwrap(try Remittance835Reader.read(try SampleFiles.bytes("835/lfh_cob-contractural-adjustment.835")).first)
        XCTAssertEqual(r.payment.amountCents, 3400)
        XCTAssertEqual(r.payment.method, "CHK")
        XCTAssertNil(r.payment.date, "the date sits in BPR15, not BPR16")
        XCTAssertEqual(r.claims.count, 1)
        XCTAssertEqual(r.claims[0].lines[0].procedure, ProcedureCode(code: "55669"))
        XCTAssertEqual(r.claims[0].lines[0].adjustments.map(\.amountCents), [51600, -900])
        XCTAssertEqual(r.warnings.count, 3)
        XCTAssertTrue(r.warnings.contains { $0.segmentNumber == 21 && $0.message.contains("'>'") }, "\(r.warnings)")
    }

    // MARK: - Balancing

    /// A small 835 built around one claim, to break on purpose.
    func remittance(bpr: String = "100", clp: String = "CLP*PCN123*1*150*100*20*12*PAYER99",
                    claimCAS: String = "CAS*CO*45*30", svc: String = "SVC*HC:99213*120*100**1",
                    lineCAS: String = "CAS*PR*2*20", plb: String? = nil) -> String {
        var body = [
            "BPR*I*\(bpr)*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240410",
            "TRN*1*EFT0001*1512345678", "N1*PR*BLUE SHIELD", "PER*BL*EDI*TE*8005551212", "N1*PE*PRACTICA*XX*1234567893",
            "LX*1", clp, claimCAS, "NM1*QC*1*DOE*JANE****MI*XYZ1", "DTM*232*20240315", svc, "DTM*472*20240315", lineCAS,
        ].filter { !$0.isEmpty }
        if let plb { body.append(plb) }
        let segments = ["ST*835*0001"] + body + ["SE*\(body.count + 2)*0001"]
        let rest = ["GS*HP*PAYER*PRACTICA*20240410*1200*5*X*005010X221A1"] + segments + ["GE*1*5", "IEA*1*000000042"]
        return ([HandMade.isa] + rest.map { $0 + "~" }).joined(separator: "\n")
    }

    func testBalancedHandMadeRemittanceReads() throws {
        let r = try XCTUnwrap(try Remittance835Reader.read(Array(remittance().utf8)).first)
        XCTAssertEqual(r.claims[0].totalAdjustmentCents, 5000)
        XCTAssertEqual(r.warnings, [])
    }

    func testUnbalancedClaimIsRejectedWholeWithTheDifference() {
        // segments: 1 ISA, 2 GS, 3 ST, 4 BPR, 5 TRN, 6 N1, 7 PER, 8 N1, 9 LX, 10 CLP
        let error = assertX12Error(try Remittance835Reader.read(Array(remittance(claimCAS: "CAS*CO*45*20").utf8)),
                                   kind: .unbalanced, segment: 10)
        XCTAssertEqual(error?.description, "segment 10 (CLP PCN123): charge 150.00 − paid 100.00 = 50.00 but adjustments total 40.00, off by 10.00")
    }

    func testUnbalancedLineIsRejectedAtSVC() {
        let text = remittance(claimCAS: "CAS*CO*45*20", lineCAS: "CAS*PR*2*30")
        let error = assertX12Error(try Remittance835Reader.read(Array(text.utf8)), kind: .unbalanced, segment: 14)
        XCTAssertEqual(error?.reason, "charge 120.00 − paid 100.00 = 20.00 but adjustments total 30.00, off by -10.00")
        XCTAssertEqual(error?.segmentLabel, "SVC HC:99213 in CLP PCN123")
    }

    func testPaymentNotMatchingClaimsIsRejectedAtBPR() {
        let error = assertX12Error(try Remittance835Reader.read(Array(remittance(bpr: "90").utf8)), kind: .unbalanced, segment: 4)
        XCTAssertEqual(error?.reason, "BPR02 says 90.00 but claims paid 100.00 − provider adjustments 0.00 = 100.00, off by -10.00")
    }

    func testProviderAdjustmentsEnterThePaymentBalance() throws {
        let text = remittance(bpr: "75.5", plb: "PLB*1234567893*20241231*WO:PCN99*20*L6*-0.5*FB:XYZ*5")
        let r = try XCTUnwrap(try Remittance835Reader.read(Array(text.utf8)).first)
        XCTAssertEqual(r.providerAdjustments.first?.items, [
            .init(reasonCode: "WO", reference: "PCN99", amountCents: 2000),
            .init(reasonCode: "L6", reference: nil, amountCents: -50),
            .init(reasonCode: "FB", reference: "XYZ", amountCents: 500),
        ])
        XCTAssertEqual(r.totalProviderAdjustmentCents, 2450)
        assertX12Error(try Remittance835Reader.read(Array(remittance(bpr: "100", plb: "PLB*1234567893*20241231*WO*20").utf8)),
                       kind: .unbalanced, segment: 4)
    }

    func testReversalClaimWithNegativeAmountsBalances() throws {
        let text = remittance(bpr: "-100", clp: "CLP*PCN123*22*-150*-100*-20*12*PAYER99", claimCAS: "CAS*CO*45*-30",
                              svc: "SVC*HC:99213*-120*-100**-1", lineCAS: "CAS*PR*2*-20")
        let r = try XCTUnwrap(try Remittance835Reader.read(Array(text.utf8)).first)
        XCTAssertEqual(r.claims[0].status, .reversal)
        XCTAssertEqual(r.claims[0].paidCents, -10000)
    }

    func testCASWithSixTripletsAndQuantities() throws {
        let text = remittance(claimCAS: "CAS*CO*45*5*1*A1*5**B7*5**97*5**59*5**16*5", lineCAS: "CAS*PR*2*20")
        let r = try XCTUnwrap(try Remittance835Reader.read(Array(text.utf8)).first)
        XCTAssertEqual(r.claims[0].adjustments.map(\.reasonCode), ["45", "A1", "B7", "97", "59", "16"])
        XCTAssertEqual(r.claims[0].adjustments[0].quantity, 1)
    }

    func testAmountWithFractionOfCentIsRejectedAtItsSegment() {
        let error = assertX12Error(try Remittance835Reader.read(Array(remittance(clp: "CLP*PCN123*1*150.001*100").utf8)),
                                   kind: .invalidAmount, segment: 10)
        XCTAssertEqual(error?.segmentLabel, "CLP PCN123")
    }

    func testUnknownAdjustmentGroupIsRejected() {
        assertX12Error(try Remittance835Reader.read(Array(remittance(claimCAS: "CAS*XX*45*30").utf8)), kind: .invalidValue, segment: 11)
    }

    func testMissingBPRIsRejected() {
        let text = remittance().replacingOccurrences(of: "BPR*I*100*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240410~\n", with: "")
            .replacingOccurrences(of: "SE*15*", with: "SE*14*")
        assertX12Error(try Remittance835Reader.read(Array(text.utf8)), kind: .unexpectedSegment, segment: 9)
    }

    func testNon835SetIsRefused() throws {
        assertX12Error(try Remittance835Reader.read(try SampleFiles.bytes("837p/lfh_demo.example1.837")),
                       kind: .unsupportedTransaction, segment: 3)
    }
}
