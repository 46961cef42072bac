import XCTest
import PracticaTestSupport
import X12

final class AcknowledgmentTests: XCTestCase {
    func testRejected999ExplainsTheSegmentError() throws {
        let ack = try XCTUnwrap(try Acknowledgment999Reader.read(try SampleFiles.bytes("999/imsweb_x12_999_rejected.txt")).first)
        let group = try XCTUnwrap(ack.groups.first)
        XCTAssertEqual(group.groupControlNumber, "28")
        XCTAssertEqual(group.status, .rejected)
        XCTAssertEqual(group.setsAccepted, 0)
        let set = try XCTUnwrap(group.transactionSets.first)
        XCTAssertEqual(set.controlNumber, "0028")
        XCTAssertEqual(set.status, .rejected)
        XCTAssertFalse(set.status.isAccepted)
        XCTAssertEqual(set.setErrors, ["one or more segments in error (5)"])
        XCTAssertEqual(set.segmentErrors, ["segment NM at position 17: unrecognized segment id (1)"])
    }

    func testAccepted999IsRejectedStrictlyForItsIEAButReadsLeniently() throws {
        let bytes = try SampleFiles.bytes("999/imsweb_x12_999_accepted.txt")
        assertX12Error(try Acknowledgment999Reader.read(bytes), kind: .controlNumberMismatch, segment: 10)
        let ack = try XCTUnwrap(try Acknowledgment999Reader.read(bytes, options: .lenientControlNumbers).first)
        XCTAssertEqual(ack.groups.first?.status, .accepted)
        XCTAssertEqual(ack.groups.first?.transactionSets.map(\.status), [.accepted])
        XCTAssertEqual(ack.groups.first?.transactionSets.first?.controlNumber, "0001")
    }

    func testIK4DetailsJoinTheirIK3() throws {
        let text = """
        \(HandMade.isa)
        GS*FA*R*S*20240401*0930*9*X*005010X231A1~
        ST*999*0001*005010X231A1~
        AK1*HC*1207*005010X222A1~
        AK2*837*0001*005010X222A1~
        IK3*CLM*21*2300*8~
        IK4*2*782*5*1234567890123~
        IK5*E*I5~
        AK2*837*0002*005010X222A1~
        IK5*A~
        AK9*P*2*2*2~
        SE*10*0001~
        GE*1*9~
        IEA*1*000000042~
        """
        let group = try XCTUnwrap(try Acknowledgment999Reader.read(Array(text.utf8)).first?.groups.first)
        XCTAssertEqual(group.status, .partiallyAccepted)
        XCTAssertEqual(group.transactionSets.map(\.status), [.acceptedWithErrors, .accepted])
        XCTAssertEqual(group.transactionSets[0].segmentErrors, [
            "segment CLM at position 21 in loop 2300: segment has data element errors (8); element 2 (data element 782): data element too long (5), value '1234567890123'",
        ])
        XCTAssertEqual(group.transactionSets[0].setErrors, ["implementation: one or more segments in error (I5)"])
    }

    func testUnknownIK5CodeIsRejected() {
        let text = """
        \(HandMade.isa)
        GS*FA*R*S*20240401*0930*9*X*005010X231A1~
        ST*999*0001~
        AK1*HC*1~
        AK2*837*0001~
        IK5*Q~
        AK9*R*1*1*0~
        SE*6*0001~
        GE*1*9~
        IEA*1*000000042~
        """
        assertX12Error(try Acknowledgment999Reader.read(Array(text.utf8)), kind: .invalidValue, segment: 6)
    }

    func testAccepted277CAClaim() throws {
        let ack = try XCTUnwrap(try ClaimAcknowledgment277Reader.read(try SampleFiles.bytes("277ca/imsweb_x12_277CA_accepted.txt")).first)
        XCTAssertEqual(ack.batchStatuses.map(\.category), ["A1"])
        let claim = try XCTUnwrap(ack.claims.first)
        XCTAssertEqual(ack.claims.count, 1)
        XCTAssertEqual(claim.patientControlNumber, "5781")
        XCTAssertEqual(claim.acceptance, .accepted)
        XCTAssertEqual(claim.payerClaimControlNumber, "1107000000014420")
        XCTAssertEqual(claim.statuses.first?.chargeCents, 12500)
        XCTAssertEqual(claim.patientID, "LL99999X")
        XCTAssertEqual(claim.reasons, ["A2 acknowledged: accepted into the adjudication system — 20 accepted for processing"])
    }

    func testRejected277CAClaimNamesTheReason() throws {
        let ack = try XCTUnwrap(try ClaimAcknowledgment277Reader.read(try SampleFiles.bytes("277ca/imsweb_x12_277CA_rejected.txt")).first)
        let claim = try XCTUnwrap(ack.claims.first)
        XCTAssertEqual(claim.patientControlNumber, "3920394930203")
        XCTAssertEqual(claim.acceptance, .rejected)
        XCTAssertEqual(claim.statuses.first?.code, "562")
        XCTAssertEqual(claim.statuses.first?.entity, "85")
        XCTAssertEqual(claim.statuses.first?.chargeCents, 19914)
        XCTAssertEqual(claim.reasons, ["A7 acknowledged: rejected for invalid information — 562 entity's National Provider Identifier (NPI) (billing provider)"])
    }

    func testReadersRefuseOtherTransactionSets() throws {
        let bytes = try SampleFiles.bytes("835/lfh_managed-care.835")
        assertX12Error(try Acknowledgment999Reader.read(bytes), kind: .unsupportedTransaction, segment: 3)
        assertX12Error(try ClaimAcknowledgment277Reader.read(bytes), kind: .unsupportedTransaction, segment: 3)
    }

    func testCodeListsExplainCommonCodes() {
        for code in ["1", "2", "3", "4", "5", "16", "18", "22", "23", "24", "27", "29", "31", "45", "50", "96", "97",
                     "109", "119", "151", "197", "204", "242", "253"] {
            XCTAssertNotNil(ClaimAdjustmentReasonCodes.text(for: code), "CARC \(code)")
        }
        for code in ["N130", "M15", "N290", "MA130", "N362"] {
            XCTAssertNotNil(RemittanceRemarkCodes.text(for: code), "RARC \(code)")
        }
        XCTAssertEqual(ClaimAdjustmentReasonCodes.describe(ClaimAdjustment(group: .patientResponsibility, reasonCode: "1", amountCents: 100)),
                       "PR-1: Deductible amount.")
        XCTAssertEqual(ClaimAdjustmentReasonCodes.describe(ClaimAdjustment(group: .other, reasonCode: "Z9", amountCents: 1)), "OA-Z9")
        XCTAssertNil(ClaimAdjustmentReasonCodes.text(for: "9999"))
    }
}
