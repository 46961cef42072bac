import XCTest
import X12
@testable import RevenueCycle

/// draft → clean/held → submitted → acknowledged → accepted, plus holds,
/// overrides, resubmission, replacement, void, and the moves that are refused.
final class ClaimLifecycleTests: XCTestCase {
    func testCleanClaimGoesFromDraftToAcceptedByPayer() throws {
        var w = try ClaimWorld()
        let id = try w.cleanClaim()
        XCTAssertEqual(w.status(5521), .clean)
        let file = try SubmissionFixtures.submit(&w, isa: 1207, gs: 41, st: 3)
        XCTAssertEqual(file.events, [ClaimSubmitted(claim: id, fileName: "claims-1207.837", interchangeControlNumber: 1207,
                                                    groupControlNumber: 41, transactionSetControlNumber: 3, submittedOn: ClaimWorld.today)])
        XCTAssertEqual(w.status(5521), .submitted)
        XCTAssertEqual(w.state.controlNumbers, { var m = ControlNumberMarks(); m.interchange = 1207; m.group = 41; m.transactionSet = 3; return m }())

        let acks = try Acknowledgment999Reader.read(SubmissionFixtures.ack999(group: "41", sets: [("0003", "A")]))
        let acked = try AcknowledgmentDecisions.apply999(acks, receivedOn: ClaimWorld.today, state: w.state)
        XCTAssertEqual(acked, [ClaimAcknowledged(claim: id, accepted: true, reasons: [], receivedOn: ClaimWorld.today)])
        w.apply(acked)
        XCTAssertEqual(w.status(5521), .acknowledged)

        let text = try X12Samples.accepted(claimID: "CL5521")
        let answers = try AcknowledgmentDecisions.apply277(try ClaimAcknowledgment277Reader.read(text), receivedOn: ClaimWorld.today,
                                                           state: w.state)
        w.apply(answers)
        XCTAssertEqual(w.status(5521), .accepted)
        XCTAssertEqual(w.state.claims[id]?.payerClaimNumber, "1107000000014420")
    }

    func testHeldClaimIsNotSentUntilItsFindingIsOverriddenWithAReason() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        try w.charge(v, "99213", id: 1)
        try w.charge(v, "17110", id: 2)
        try w.claim(v, id: 9)
        XCTAssertEqual(try w.scrub(9).findings.map(\.rule), ["MOD25-MISSING"])
        XCTAssertEqual(w.status(9), .held)
        let held = assertRejected(.refused, field: "claims") { try SubmissionFixtures.submit(&w, [9]) }
        XCTAssertEqual(held?.hint?.contains("MOD25-MISSING"), true)
        assertRejected(.refused, field: "claims") { try SubmissionFixtures.submit(&w) }

        func override(_ rule: String, _ reason: String, by: String) throws -> ClaimFindingOverridden {
            try ClaimReview.overrideFinding(ClaimID(9), rule: rule, reason: reason, by: try UserID(by), state: w.state)
        }
        assertRejected(.refused, field: "as") { try override("MOD25-MISSING", "same problem", by: "maria") }
        assertRejected(.usage, field: "reason") { try override("MOD25-MISSING", "  ", by: "bill") }
        let unknown = assertRejected(.refused, field: "rule") { try override("DUP-LINE", "x", by: "bill") }
        XCTAssertEqual(unknown?.hint, "its findings: MOD25-MISSING")
        let o = try override("mod25-missing", "wart removal was planned; E/M was for the sore throat only", by: "bill")
        XCTAssertEqual(o.rule, "MOD25-MISSING")
        w.state.apply(o)
        XCTAssertEqual(w.status(9), .clean)
        assertRejected(.refused, field: "rule") { try override("MOD25-MISSING", "again", by: "bill") }
        // The override survives a re-scrub that finds the same thing.
        try w.scrub(9)
        XCTAssertEqual(w.status(9), .clean)
        XCTAssertEqual(w.state.claims[ClaimID(9)]?.openFindings, [])
        try SubmissionFixtures.submit(&w)
        XCTAssertEqual(w.status(9), .submitted)
    }

    func testWarningsDoNotHoldAClaim() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        try w.charge(v, "87880", modifiers: ["25"], id: 1)
        try w.claim(v, id: 1)
        XCTAssertEqual(try w.scrub(1).findings.map(\.severity), [.warning])
        XCTAssertEqual(w.status(1), .clean)
    }

    func testSentClaimsCannotBeScrubbedOverriddenOrSentAgain() throws {
        var w = try ClaimWorld()
        let id = try w.cleanClaim()
        try SubmissionFixtures.submit(&w, isa: 5, gs: 5, st: 5)
        assertRejected(.refused, field: "claim") { try ClaimReview.scrub(id, state: w.state, today: ClaimWorld.today) }
        assertRejected(.refused, field: "claim") {
            try ClaimReview.overrideFinding(id, rule: "X", reason: "y", by: try UserID("bill"), state: w.state)
        }
        let again = assertRejected(.refused, field: "claims") { try SubmissionFixtures.submit(&w, [5521], isa: 6, gs: 6, st: 6) }
        XCTAssertEqual(again?.reason, "CL5521 is submitted")
        assertRejected(.refused, field: "claims") { try SubmissionFixtures.submit(&w, [404], isa: 6, gs: 6, st: 6) }
        // Draft claims are not sent either: they have not been scrubbed.
        let v = try w.visit(at: "2026-12-01 10:00", appointment: 11, visit: 101)
        try w.charge(v, "36415", id: 1)
        try w.claim(v, id: 6)
        assertRejected(.refused, field: "claims") { try SubmissionFixtures.submit(&w, [6], isa: 6, gs: 6, st: 6) }
    }

    func testControlNumbersAreNeverReused() throws {
        var w = try ClaimWorld()
        _ = try w.cleanClaim()
        try SubmissionFixtures.submit(&w, isa: 10, gs: 20, st: 30)
        _ = try w.cleanClaim(patient: 3, appointment: 11, visit: 101, id: 5522, at: "2026-12-01 10:00")
        let isa = assertRejected(.refused, field: "interchange-control-number") { try SubmissionFixtures.submit(&w, isa: 10, gs: 21, st: 31) }
        XCTAssertEqual(isa?.reason, "10 was already used (the last was 10); control numbers are never reused")
        assertRejected(.refused, field: "group-control-number") { try SubmissionFixtures.submit(&w, isa: 11, gs: 19, st: 31) }
        assertRejected(.refused, field: "transaction-set-control-number") { try SubmissionFixtures.submit(&w, isa: 11, gs: 21, st: 30) }
        assertRejected(.usage, field: "interchange-control-number") { try SubmissionFixtures.submit(&w, isa: 1_000_000_000, gs: 21, st: 31) }
        XCTAssertNoThrow(try SubmissionFixtures.submit(&w, isa: 11, gs: 21, st: 31))
    }

    func testRejectedByThe999IsFixedAndSentAgain() throws {
        var w = try ClaimWorld()
        let id = try w.cleanClaim()
        try SubmissionFixtures.submit(&w, isa: 1, gs: 1, st: 1)
        let acks = try Acknowledgment999Reader.read(SubmissionFixtures.ack999(group: "1", sets: [("0001", "R")]))
        w.apply(try AcknowledgmentDecisions.apply999(acks, receivedOn: ClaimWorld.today, state: w.state))
        XCTAssertEqual(w.status(5521), .acknowledgmentRejected)
        XCTAssertEqual(w.state.claims[id]?.rejectionReasons, ["one or more segments in error (5)",
                                                              "segment NM1 at position 17 in loop 2010BA: required segment missing (3)"])
        try w.scrub(5521)
        XCTAssertEqual(w.status(5521), .clean)
        try SubmissionFixtures.submit(&w, isa: 2, gs: 2, st: 2)
        XCTAssertEqual(w.state.claims[id]?.submissions.count, 2)
        // The old file's 999 read again names a claim sent since in another file: nothing changes.
        assertRejected(.refused, field: "file") { try AcknowledgmentDecisions.apply999(acks, receivedOn: ClaimWorld.today, state: w.state) }
    }

    func testAcceptedClaimIsReplacedByAFrequency7Claim() throws {
        var w = try ClaimWorld()
        let original = try w.cleanClaim()
        try SubmissionFixtures.submit(&w)
        w.apply(try AcknowledgmentDecisions.apply277(try ClaimAcknowledgment277Reader.read(try X12Samples.accepted(claimID: "CL5521")),
                                                     receivedOn: ClaimWorld.today, state: w.state))
        // Fix: the strep test was not done, a venipuncture was.
        w.state.apply(try ChargeDecisions.void(ChargeID(55212), reason: "not performed", state: w.state))
        XCTAssertEqual(w.state.charges[ChargeID(55212)]?.claim, original, "the sent claim still shows what was sent")
        try w.charge(VisitID(100), "36415", id: 3)
        assertRejected(.usage, field: "reason") {
            try ClaimCreation.replace(original, id: ClaimID(6000), reason: "", today: ClaimWorld.today, state: w.state)
        }
        let events = try ClaimCreation.replace(original, id: ClaimID(6000), reason: "wrong test billed", today: ClaimWorld.today, state: w.state)
        let created = try XCTUnwrap(events.first as? ClaimCreated)
        XCTAssertEqual(created.frequency, .replacement)
        XCTAssertEqual(created.originalClaim, original)
        XCTAssertEqual(created.lines.map(\.charge), [ChargeID(55211), ChargeID(3)])
        XCTAssertEqual(events.last as? ClaimReplaced, ClaimReplaced(claim: original, replacement: ClaimID(6000), reason: "wrong test billed"))
        w.apply(events)
        XCTAssertEqual(w.status(5521), .replaced)
        XCTAssertEqual(w.state.claims[original]?.supersededBy, ClaimID(6000))
        XCTAssertEqual(w.state.charges[ChargeID(3)]?.claim, ClaimID(6000))
        XCTAssertNil(w.state.charges[ChargeID(55212)]?.claim, "the voided charge left with the replaced claim")
        XCTAssertEqual(try w.scrub(6000).findings, [], "the payer's claim number is known, so REF*F8 can be sent")
        assertRejected(.refused, field: "claim") {
            try ClaimCreation.replace(original, id: ClaimID(6001), reason: "again", today: ClaimWorld.today, state: w.state)
        }
    }

    func testVoidClosesUnsentClaimsAndSendsFrequency8ForSentOnes() throws {
        var w = try ClaimWorld()
        let draft = try w.cleanClaim()
        let closed = try ClaimCreation.void(draft, voidingID: nil, reason: "wrong visit", today: ClaimWorld.today, state: w.state)
        XCTAssertEqual(closed.count, 1)
        w.apply(closed)
        XCTAssertEqual(w.status(5521), .voided)
        XCTAssertNil(w.state.charges[ChargeID(55211)]?.claim, "charges of a voided claim are billable again")
        assertRejected(.refused, field: "claim") {
            try ClaimCreation.void(draft, voidingID: nil, reason: "again", today: ClaimWorld.today, state: w.state)
        }

        try w.claim(VisitID(100), id: 7000)
        try w.scrub(7000)
        try SubmissionFixtures.submit(&w)
        assertRejected(.usage, field: "claim") {
            try ClaimCreation.void(ClaimID(7000), voidingID: nil, reason: "billed in error", today: ClaimWorld.today, state: w.state)
        }
        let events = try ClaimCreation.void(ClaimID(7000), voidingID: ClaimID(7001), reason: "billed in error",
                                            today: ClaimWorld.today, state: w.state)
        let voiding = try XCTUnwrap(events.first as? ClaimCreated)
        XCTAssertEqual(voiding.frequency, .void)
        XCTAssertEqual(voiding.lines, w.state.claims[ClaimID(7000)]?.created.lines)
        w.apply(events)
        XCTAssertEqual(w.status(7000), .voided)
        XCTAssertEqual(w.state.claims[ClaimID(7000)]?.supersededBy, ClaimID(7001))
        XCTAssertNil(w.state.charges[ChargeID(55211)]?.claim, "a void claim bills nothing")
        // The payer never said what its claim number was, so the void is held until it is known.
        XCTAssertEqual(try w.scrub(7001).findings.map(\.rule), ["ORIGINAL-REF"])
    }
}
