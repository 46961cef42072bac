import XCTest
import X12
@testable import RevenueCycle

/// The 999 and 277CA samples in /work/shared/x12 applied to claims whose
/// control numbers and ids match them.
final class AcknowledgmentDecisionTests: XCTestCase {
    let day = ClaimWorld.today

    /// A clean claim CL<id> submitted in group `gs`, set `st`.
    func submitted(_ id: UInt64 = 5781, gs: Int, st: Int, into w: inout ClaimWorld, patient: UInt64 = 1,
                   appointment: UInt64 = 10, visit: UInt64 = 100, at: String = "2026-12-01 09:00") throws {
        _ = try w.cleanClaim(patient: patient, appointment: appointment, visit: visit, id: id, at: at)
        try SubmissionFixtures.submit(&w, [id], isa: gs, gs: gs, st: st)
    }

    func testRejected999SampleRejectsTheClaimsInItsSet() throws {
        var w = try ClaimWorld()
        try submitted(gs: 28, st: 28, into: &w)
        let acks = try Acknowledgment999Reader.read(try X12Samples.bytes("999/imsweb_x12_999_rejected.txt"))
        let events = try AcknowledgmentDecisions.apply999(acks, receivedOn: day, state: w.state)
        XCTAssertEqual(events, [ClaimAcknowledged(claim: ClaimID(5781), accepted: false,
                                                  reasons: ["one or more segments in error (5)",
                                                            "segment NM at position 17: unrecognized segment id (1)"],
                                                  receivedOn: day)])
        w.apply(events)
        XCTAssertEqual(w.status(5781), .acknowledgmentRejected)
        let again = assertRejected(.refused, field: "file") { try AcknowledgmentDecisions.apply999(acks, receivedOn: day, state: w.state) }
        XCTAssertEqual(again?.reason, "the 999 was already applied: its 1 claims are past submitted (CL5781 ack-rejected)")  // now names where each claim stands
    }

    func testAccepted999SampleAcknowledgesEveryClaimInTheSet() throws {
        var w = try ClaimWorld()
        _ = try w.cleanClaim(id: 5781)
        _ = try w.cleanClaim(patient: 3, appointment: 11, visit: 101, id: 5782, at: "2026-12-01 10:00")
        try SubmissionFixtures.submit(&w, isa: 17456, gs: 17456, st: 1)
        // The sample's IEA control number disagrees with its ISA: read leniently, as the X12 tests do.
        let acks = try Acknowledgment999Reader.read(try X12Samples.bytes("999/imsweb_x12_999_accepted.txt"),
                                                    options: .lenientControlNumbers)
        let events = try AcknowledgmentDecisions.apply999(acks, receivedOn: day, state: w.state)
        XCTAssertEqual(events.map(\.claim), [ClaimID(5781), ClaimID(5782)])
        XCTAssertTrue(events.allSatisfy { $0.accepted && $0.reasons.isEmpty })
        w.apply(events)
        XCTAssertEqual([w.status(5781), w.status(5782)], [.acknowledged, .acknowledged])
    }

    func testUnknownControlNumbersRefuseThe999Whole() throws {
        var w = try ClaimWorld()
        let acks = try Acknowledgment999Reader.read(try X12Samples.bytes("999/imsweb_x12_999_rejected.txt"))
        let none = assertRejected(.refused, field: "file") { try AcknowledgmentDecisions.apply999(acks, receivedOn: day, state: w.state) }
        XCTAssertEqual(none?.reason, "the 999 answers control numbers never sent: segment 5 (AK2): group 28 set 0028 was never sent")
        // Known group, unknown set: still refused, and the known set in the same file is not applied either.
        try submitted(gs: 28, st: 27, into: &w)
        let mixed = try Acknowledgment999Reader.read(SubmissionFixtures.ack999(group: "28", sets: [("0027", "A"), ("0028", "R")]))
        let r = assertRejected(.refused, field: "file") { try AcknowledgmentDecisions.apply999(mixed, receivedOn: day, state: w.state) }
        XCTAssertEqual(r?.reason, "the 999 answers control numbers never sent: segment 7 (AK2): group 28 set 0028 was never sent")
        XCTAssertEqual(w.status(5781), .submitted)
    }

    func testGroupLevel999AppliesToAllItsSets() throws {
        var w = try ClaimWorld()
        try submitted(gs: 3, st: 3, into: &w)
        let acks = try Acknowledgment999Reader.read(SubmissionFixtures.ack999(group: "3", sets: [], groupStatus: "R"))
        let events = try AcknowledgmentDecisions.apply999(acks, receivedOn: day, state: w.state)
        XCTAssertEqual(events.map(\.accepted), [false])
    }

    func test999ForAnotherKindOfGroupIsRefused() throws {
        var w = try ClaimWorld()
        try submitted(gs: 3, st: 3, into: &w)
        let text = String(decoding: SubmissionFixtures.ack999(group: "3", sets: [("0003", "A")]), as: UTF8.self)
            .replacingOccurrences(of: "AK1*HC*", with: "AK1*HS*")
        let acks = try Acknowledgment999Reader.read(Array(text.utf8))
        assertRejected(.refused, field: "file") { try AcknowledgmentDecisions.apply999(acks, receivedOn: day, state: w.state) }
    }

    func testAccepted277CASampleMovesTheClaimToAccepted() throws {
        var w = try ClaimWorld()
        try submitted(gs: 1, st: 1, into: &w)
        let acks = try ClaimAcknowledgment277Reader.read(try X12Samples.accepted(claimID: "CL5781"))
        let events = try AcknowledgmentDecisions.apply277(acks, receivedOn: day, state: w.state)
        let accepted = try XCTUnwrap(events.first as? ClaimAcceptedByPayer)
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(accepted.payerClaimNumber, "1107000000014420")
        XCTAssertEqual(accepted.statuses, [PayerClaimStatus(category: "A2", code: "20", entity: nil,
                                                            text: "A2 acknowledged: accepted into the adjudication system — 20 accepted for processing")])
        w.apply(events)
        XCTAssertEqual(w.status(5781), .accepted)
        assertRejected(.refused, field: "file") { try AcknowledgmentDecisions.apply277(acks, receivedOn: day, state: w.state) }
    }

    func testRejected277CASampleSendsTheClaimToRejectionsWithThePayersReason() throws {
        var w = try ClaimWorld()
        try submitted(gs: 1, st: 1, into: &w)
        let acks = try ClaimAcknowledgment277Reader.read(try X12Samples.rejected(claimID: "CL5781"))
        let events = try AcknowledgmentDecisions.apply277(acks, receivedOn: day, state: w.state)
        let rejected = try XCTUnwrap(events.first as? ClaimRejectedByPayer)
        XCTAssertEqual(rejected.statuses.map(\.code), ["562"])
        XCTAssertEqual(rejected.statuses.first?.entity, "85")
        w.apply(events)
        XCTAssertEqual(w.status(5781), .rejected)
        XCTAssertEqual(w.state.claims[ClaimID(5781)]?.rejectionReasons,
                       ["A7 acknowledged: rejected for invalid information — 562 entity's National Provider Identifier (NPI) (billing provider)"])
        // A payer rejection is fixed and sent again.
        try w.scrub(5781)
        XCTAssertEqual(w.status(5781), .clean)
    }

    func test277CASamplesAsPublishedNameClaimsWeNeverMade() throws {
        var w = try ClaimWorld()
        try submitted(gs: 1, st: 1, into: &w)
        for (path, id) in [(X12Samples.acceptedPath, "segment 19 (HL): 5781"), (X12Samples.rejectedPath, "segment 19 (HL): 3920394930203")] {
            let acks = try ClaimAcknowledgment277Reader.read(try X12Samples.bytes(path))
            let r = assertRejected(.refused, field: "file") { try AcknowledgmentDecisions.apply277(acks, receivedOn: day, state: w.state) }
            XCTAssertEqual(r?.reason, "the 277CA names claims that do not exist: \(id)")
        }
        let unknownCL = try ClaimAcknowledgment277Reader.read(try X12Samples.accepted(claimID: "CL404"))
        assertRejected(.refused, field: "file") { try AcknowledgmentDecisions.apply277(unknownCL, receivedOn: day, state: w.state) }
        XCTAssertEqual(w.status(5781), .submitted)
    }

    func test277CAForAClaimNeverSentIsRefused() throws {
        var w = try ClaimWorld()
        _ = try w.cleanClaim(id: 5781)
        let acks = try ClaimAcknowledgment277Reader.read(try X12Samples.accepted(claimID: "CL5781"))
        let r = assertRejected(.refused, field: "file") { try AcknowledgmentDecisions.apply277(acks, receivedOn: day, state: w.state) }
        XCTAssertEqual(r?.reason, "the 277CA answers claims never sent: segment 19 (HL): CL5781")
    }
}
