import XCTest
import BinaryCodec
import X12
@testable import RevenueCycle

/// Hand-built 835s posted against claims the practice sent.
final class RemittancePostingTests: XCTestCase {
    func posted(_ outcome: RemittancePostingOutcome, file: StaticString = #filePath, line: UInt = #line) -> RemittancePostingResult? {
        guard case .posted(let result) = outcome else {
            XCTFail("expected a posting, got \(outcome)", file: file, line: line)
            return nil
        }
        return result
    }

    func testMatchedByClaimIDPostsPaidContractualAndPatientResponsibility() throws {
        var w = try RemittanceWorld()
        let result = try XCTUnwrap(posted(try w.post(Remit835.file(bpr: "100", claims: [Remit835.paidCL5521()]))))
        XCTAssertEqual(result.postedClaims, [ClaimID(5521)])
        XCTAssertEqual(result.suspended, 0)
        XCTAssertEqual(result.events.first as? RemittanceReceived,
                       RemittanceReceived(remittance: RemittanceID(1), payer: PayerID(1), traceNumber: "EFT0001", payerIdentifier: "60054",
                                          totalPaid: Money(cents: 10_000), method: "ACH", paymentDate: ClaimWorld.day("2026-12-10"),
                                          fileDigest: "digest-1"))
        let posting = try XCTUnwrap(result.events.compactMap { $0 as? ClaimPaymentPosted }.first)
        XCTAssertEqual(posting.paid, Money(cents: 10_000))
        XCTAssertEqual(posting.patientResponsibility, Money(cents: 4_000), "deductible 10 + coinsurance 20 + copay 10")
        XCTAssertEqual(posting.writeOff, Money(cents: 2_050), "CO-45 15.00 + 5.50")
        XCTAssertEqual(posting.denied, .zero)
        XCTAssertEqual(posting.lines.map(\.charge), [ChargeID(55211), ChargeID(55212)], "matched by REF*6R")
        XCTAssertEqual(posting.payerClaimControlNumber, "PCN777")

        XCTAssertEqual(w.claim(5521)?.status, .paid)
        XCTAssertEqual(w.claim(5521)?.payerClaimNumber, "PCN777")
        let visit = try XCTUnwrap(w.ledger.visits[VisitID(100)])
        XCTAssertEqual(visit, LedgerAccount(charges: Money(cents: 16_050), payerPayments: Money(cents: 10_000),
                                            adjustments: Money(cents: 2_050), insuranceBalance: .zero, patientBalance: Money(cents: 4_000)))
        XCTAssertEqual(w.state.account(ofPatient: PatientID(1)).patientBalance, Money(cents: 4_000))
        XCTAssertEqual(w.ledger.claims[ClaimID(5521)]?.patientBalance, Money(cents: 4_000))
        XCTAssertTrue(w.ledger.isBalanced, w.ledger.firstUnbalanced ?? "")
    }

    func testUnknownClaimIDFallsBackToPatientDateAndCharge() throws {
        var w = try RemittanceWorld()
        let result = try XCTUnwrap(posted(try w.post(Remit835.file(bpr: "100", claims: [Remit835.paidCL5521(clp01: "OLD-SYSTEM-42", lineRefs: false)]))))
        XCTAssertEqual(result.postedClaims, [ClaimID(5521)])
        let posting = try XCTUnwrap(result.events.compactMap { $0 as? ClaimPaymentPosted }.first)
        XCTAssertEqual(posting.lines.map(\.charge), [ChargeID(55211), ChargeID(55212)], "matched by code and amount")
        XCTAssertEqual(w.claim(5521)?.status, .paid)
    }

    func testAmbiguousOrUnmatchedPaymentGoesToSuspenseWhole() throws {
        var w = try RemittanceWorld()
        var block = Remit835.paidCL5521(clp01: "NOPE-1", lineRefs: false)
        block[1] = "NM1*QC*1*SOMEONE*ELSE****MI*ZZZ"
        let result = try XCTUnwrap(posted(try w.post(Remit835.file(bpr: "100", claims: [block]))))
        XCTAssertEqual(result.postedClaims, [])
        let item = try XCTUnwrap(result.events.compactMap { $0 as? RemittanceClaimSuspended }.first)
        XCTAssertEqual(item.patientControlNumber, "NOPE-1")
        XCTAssertEqual(item.paid, Money(cents: 10_000))
        XCTAssertEqual(item.lines.count, 2)
        XCTAssertEqual(item.patientName, "SOMEONE, ELSE")
        XCTAssertTrue(item.reason.contains("no claim to this payer matches"), item.reason)
        XCTAssertEqual(w.ledger.unappliedPayerCash, Money(cents: 10_000))
        XCTAssertEqual(w.state.receivables.suspense.count, 1)
        XCTAssertEqual(w.claim(5521)?.status, .submitted, "nothing was posted to the claim")

        // Resolving it onto the right claim posts the payment and empties suspense.
        let key = SuspenseKey(remittance: RemittanceID(1), index: 0)
        let events = try ReceivableWork.resolveSuspense(key, toClaim: ClaimID(5521), note: "patient changed insurance id",
                                                        on: ClaimWorld.day("2026-12-16"), denialIDs: &w.denialIDs, state: w.state)
        w.apply(events)
        XCTAssertEqual(w.claim(5521)?.status, .paid)
        XCTAssertEqual(w.ledger.unappliedPayerCash, .zero)
        XCTAssertEqual(w.ledger.practice.payerPayments, Money(cents: 10_000))
        assertRejected(.refused, field: "item") {
            try ReceivableWork.resolveSuspense(key, toClaim: nil, note: "again", on: ClaimWorld.today, denialIDs: &w.denialIDs, state: w.state)
        }
    }

    func testDeniedLineOpensDenialWithCodeTextsAndStaysOpenUntilWrittenOff() throws {
        var w = try RemittanceWorld()
        let result = try XCTUnwrap(posted(try w.post(Remit835.file(bpr: "100", claims: [Remit835.partlyDeniedCL5522]))))
        XCTAssertEqual(result.denialsOpened, 1)
        let denial = try XCTUnwrap(result.events.compactMap { $0 as? DenialOpened }.first)
        XCTAssertEqual(denial.denial, DenialID(1))
        XCTAssertEqual(denial.claim, ClaimID(5522))
        XCTAssertEqual(denial.line, 2)
        XCTAssertEqual(denial.charge, ChargeID(55222))
        XCTAssertEqual(denial.carc, "50")
        XCTAssertEqual(denial.rarcs, ["N130"])
        XCTAssertEqual(denial.amount, Money(cents: 3_550))
        XCTAssertTrue(denial.text.contains("CO-50: Non-covered: not deemed a medical necessity"), denial.text)
        XCTAssertTrue(denial.text.contains("N130: Consult plan benefit documents"), denial.text)
        XCTAssertEqual(w.claim(5522)?.status, .partlyPaid)
        XCTAssertEqual(w.ledger.visits[VisitID(101)]?.insuranceBalance, Money(cents: 3_550), "a denial stays open with insurance")

        w.apply([try ReceivableWork.appeal(DenialID(1), note: "medical records attached", on: ClaimWorld.day("2026-12-20"), state: w.state)])
        XCTAssertEqual(w.state.receivables.denials[DenialID(1)]?.status, .appealed)
        XCTAssertEqual(w.claim(5522)?.status, .partlyPaid)
        w.apply([try ReceivableWork.writeOff(DenialID(1), reason: "appeal lost", on: ClaimWorld.day("2027-01-20"), state: w.state)])
        XCTAssertEqual(w.claim(5522)?.status, .paid)
        XCTAssertEqual(w.ledger.visits[VisitID(101)]?.insuranceBalance, .zero)
        XCTAssertEqual(w.ledger.visits[VisitID(101)]?.adjustments, Money(cents: 2_500 + 3_550))
        assertRejected(.refused, field: "denial") {
            try ReceivableWork.resolve(DenialID(1), note: "x", on: ClaimWorld.today, state: w.state)
        }
        assertRejected(.refused, field: "denial") { try ReceivableWork.appeal(DenialID(9), note: "x", on: ClaimWorld.today, state: w.state) }
        XCTAssertTrue(w.ledger.isBalanced)
    }

    func testWhollyDeniedClaimIsDeniedAndResolvesToClosed() throws {
        var w = try RemittanceWorld()
        let block = ["CLP*CL5521*4*160.5*0**12*PCN9", "NM1*QC*1*NUNEZ*JOSE****MI*XYZ123456789", "CAS*CO*197*160.5", "MOA***MA130"]
        let result = try XCTUnwrap(posted(try w.post(Remit835.file(bpr: "0", claims: [block]))))
        let denial = try XCTUnwrap(result.events.compactMap { $0 as? DenialOpened }.first)
        XCTAssertNil(denial.line)
        XCTAssertEqual(denial.rarcs, ["MA130"])
        XCTAssertTrue(denial.text.hasPrefix("CO-197: Precertification"), denial.text)
        XCTAssertEqual(w.claim(5521)?.status, .denied)
        w.apply([try ReceivableWork.resolve(DenialID(1), note: "authorization obtained, corrected claim sent", on: ClaimWorld.today, state: w.state)])
        XCTAssertEqual(w.claim(5521)?.status, .closed)
        XCTAssertEqual(w.ledger.visits[VisitID(100)]?.insuranceBalance, Money(cents: 16_050), "resolving moves no money")
    }

    func testOtherAndPayerInitiatedAdjustmentsAreWrittenOff() throws {
        var w = try RemittanceWorld()
        let block = ["CLP*CL5521*1*160.5*120*0*12*PCN5", "NM1*QC*1*NUNEZ*JOSE****MI*XYZ123456789",
                     "SVC*HC:99213*125*100**1", "CAS*OA*94*5", "CAS*PI*59*20", "REF*6R*CL5521-1",
                     "SVC*HC:87880*35.5*20**1", "CAS*CO*45*15.5", "REF*6R*CL5521-2"]
        let result = try XCTUnwrap(posted(try w.post(Remit835.file(bpr: "120", claims: [block]))))
        let posting = try XCTUnwrap(result.events.compactMap { $0 as? ClaimPaymentPosted }.first)
        XCTAssertEqual(Set(posting.allAdjustments.map(\.group)), [.other, .payerInitiated, .contractual])
        XCTAssertEqual(posting.writeOff, Money(cents: 4_050))
        XCTAssertEqual(posting.patientResponsibility, .zero)
        XCTAssertEqual(w.ledger.visits[VisitID(100)]?.openBalance, .zero)
        XCTAssertEqual(w.claim(5521)?.status, .paid)
    }

    func testReversalUndoesThePostingAndCorrectionPostsAgain() throws {
        var w = try RemittanceWorld()
        try w.post(Remit835.file(bpr: "100", claims: [Remit835.paidCL5521()]))
        let afterFirst = w.ledger.visits[VisitID(100)]
        // The payer's corrected answer: 110.00 paid, 30.00 coinsurance.
        let correction = ["CLP*CL5521*1*160.5*110*30*12*PCN778", "NM1*QC*1*NUNEZ*JOSE****MI*XYZ123456789",
                          "SVC*HC:99213*125*80**1", "CAS*CO*45*15", "CAS*PR*2*30", "REF*6R*CL5521-1",
                          "SVC*HC:87880*35.5*30**1", "CAS*CO*45*5.5", "REF*6R*CL5521-2"]
        let file = Remit835.file(bpr: "10", trace: "EFT0002",
                                 claims: [Remit835.paidCL5521(sign: "-", status: "22"), correction])
        let result = try XCTUnwrap(posted(try w.post(file)))
        let postings = result.events.compactMap { $0 as? ClaimPaymentPosted }
        XCTAssertEqual(postings.map(\.isReversal), [true, false])
        XCTAssertEqual(postings[0].paid, Money(cents: -10_000))
        XCTAssertEqual(postings[0].writeOff, Money(cents: -2_050))
        XCTAssertNotEqual(w.ledger.visits[VisitID(100)], afterFirst)
        let visit = try XCTUnwrap(w.ledger.visits[VisitID(100)])
        XCTAssertEqual(visit.payerPayments, Money(cents: 11_000))
        XCTAssertEqual(visit.patientBalance, Money(cents: 3_000))
        XCTAssertEqual(visit.adjustments, Money(cents: 2_050))
        XCTAssertEqual(w.claim(5521)?.status, .paid)
        XCTAssertEqual(w.claim(5521)?.netPaid, Money(cents: 11_000))
        XCTAssertEqual(w.ledger.practice.payerPayments, Money(cents: 11_000), "Σ BPR02 of both files")
        XCTAssertTrue(w.ledger.isBalanced)
    }

    func testReversalAloneReturnsTheClaimToTheInsuranceBalance() throws {
        var w = try RemittanceWorld()
        try w.post(Remit835.file(bpr: "100", claims: [Remit835.paidCL5521()]))
        try w.post(Remit835.file(bpr: "-100", trace: "EFT0002", claims: [Remit835.paidCL5521(sign: "-", status: "22")]))
        XCTAssertEqual(w.claim(5521)?.status, .accepted, "waiting for the payer's corrected answer")
        XCTAssertEqual(w.ledger.visits[VisitID(100)],
                       LedgerAccount(charges: Money(cents: 16_050), insuranceBalance: Money(cents: 16_050)))
    }

    func testReversalOfAPaymentNeverPostedIsSuspended() throws {
        var w = try RemittanceWorld()
        let result = try XCTUnwrap(posted(try w.post(Remit835.file(bpr: "-100", claims: [Remit835.paidCL5521(sign: "-", status: "22")]))))
        XCTAssertEqual(result.suspended, 1)
        XCTAssertTrue(try XCTUnwrap(result.events.compactMap { $0 as? RemittanceClaimSuspended }.first).reason.contains("none was posted"))
    }

    func testProviderLevelAdjustmentsArePostedAndBalanceTheDeposit() throws {
        var w = try RemittanceWorld()
        let plb = ["PLB*1987654328*20261231*L6:CL5521*-2.5*WO:PCN1*10"]
        let result = try XCTUnwrap(posted(try w.post(Remit835.file(bpr: "92.5", claims: [Remit835.paidCL5521()], plb: plb))))
        let items = result.events.compactMap { $0 as? ProviderAdjustmentPosted }
        XCTAssertEqual(items.map(\.reason), ["L6", "WO"])
        XCTAssertEqual(items.map(\.reference), ["CL5521", "PCN1"])
        XCTAssertEqual(items.map(\.amount), [Money(cents: -250), Money(cents: 1_000)])
        XCTAssertEqual(w.ledger.practice.payerPayments, Money(cents: 9_250), "what was deposited: BPR02")
        XCTAssertEqual(w.ledger.practice.adjustments, Money(cents: 2_050 + 750))
        XCTAssertTrue(w.ledger.isBalanced)
    }

    func testSameTraceNumberIsAlreadyImportedAndPostsNothing() throws {
        var w = try RemittanceWorld()
        let text = Remit835.file(bpr: "100", claims: [Remit835.paidCL5521()])
        try w.post(text, digest: "abc")
        guard case .alreadyImported(let earlier) = try w.post(text, digest: "other-bytes") else { return XCTFail("posted twice") }
        XCTAssertEqual(earlier, RemittanceID(1))
        guard case .alreadyImported = try w.post(Remit835.file(bpr: "100", trace: "NEW", claims: [Remit835.paidCL5521()]), digest: "abc") else {
            return XCTFail("the same bytes posted twice")
        }
        XCTAssertEqual(w.ledger.practice.payerPayments, Money(cents: 10_000))
    }

    func testUnknownPayerIsRefusedAndNothingPosted() throws {
        var w = try RemittanceWorld()
        let text = Remit835.file(bpr: "100", payerName: "NOBODY INSURANCE", payerID: "99999", claims: [Remit835.paidCL5521()])
        let r = assertRejected(.refused, field: "file") { try w.post(text) }
        XCTAssertTrue(r?.reason.contains("\"NOBODY INSURANCE\" (payer id 99999)") ?? false, r?.reason ?? "")
        XCTAssertTrue(r?.hint?.contains("--payer-id 99999") ?? false)
        XCTAssertEqual(w.state.receivables.remittances.count, 0)
    }

    func testPayerIsFoundByNameWhenTheFileGivesNoID() throws {
        var w = try RemittanceWorld()
        let result = try XCTUnwrap(posted(try w.post(Remit835.file(bpr: "100", payerName: "acme", payerID: nil, claims: [Remit835.paidCL5521()]))))
        XCTAssertEqual(result.postedClaims, [ClaimID(5521)])
    }

    func testClaimBilledToAnotherPayerIsSuspended() throws {
        var w = try RemittanceWorld()
        w.apply([PayerAdded(payer: PayerID(2), name: try DisplayName("Golden Rule"), electronicPayerID: "GRI77", timelyFilingDays: 90)])
        let result = try XCTUnwrap(posted(try w.post(Remit835.file(bpr: "100", payerName: "GOLDEN RULE", payerID: "GRI77",
                                                                   claims: [Remit835.paidCL5521()]))))
        XCTAssertEqual(result.suspended, 1)
        XCTAssertTrue(try XCTUnwrap(result.events.compactMap { $0 as? RemittanceClaimSuspended }.first).reason.contains("billed to PA1"))
    }
}
