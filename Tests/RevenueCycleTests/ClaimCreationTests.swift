import XCTest
import BinaryCodec
@testable import RevenueCycle

final class ClaimCreationTests: XCTestCase {
    func testClaimSnapshotsUnbilledChargesAndRenumbersPointers() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        try w.charge(v, "99213", dx: ["J02.0", "R50.9"], id: 1)
        try w.charge(v, "87880", dx: ["R50.9", "J06.9"], pointers: [1, 2], id: 2)
        let voided = try w.charge(v, "36415", id: 3)
        w.state.apply(try ChargeDecisions.void(voided.charge, reason: "not drawn", state: w.state))
        let c = try w.claim(v, id: 5521)
        XCTAssertEqual(c.diagnoses.map(\.description), ["J02.0", "R50.9", "J06.9"])
        XCTAssertEqual(c.lines.map(\.charge), [ChargeID(1), ChargeID(2)])
        XCTAssertEqual(c.lines.map(\.pointers), [[1, 2], [2, 3]])
        XCTAssertEqual(c.total, Money(cents: 16_050))
        XCTAssertEqual(c.coverage, CoverageID(1))
        XCTAssertEqual(c.payer, PayerID(1))
        XCTAssertEqual(c.billingProvider, ProviderID(3))
        XCTAssertEqual(c.renderingProvider, ProviderID(1))
        XCTAssertEqual(c.placeOfService.code, "11")
        XCTAssertEqual(c.frequency, .original)
        XCTAssertEqual(c.dateOfService, ClaimWorld.dos)
        XCTAssertEqual(w.status(5521), .draft)
        XCTAssertEqual(w.state.charges[ChargeID(1)]?.claim, ClaimID(5521))
        XCTAssertEqual(w.state.claimsByVisit[v], [ClaimID(5521)])
        let again = assertRejected(.refused, field: "visit") {
            try ClaimCreation.create(visit: v, id: ClaimID(5522), today: ClaimWorld.today, state: w.state)
        }
        XCTAssertEqual(again?.reason, "V100 has no charges waiting to be billed")
        // A charge added later goes on its own claim.
        try w.charge(v, "36415", id: 4)
        XCTAssertEqual(try w.claim(v, id: 5522).lines.map(\.charge), [ChargeID(4)])
    }

    func testClaimNeedsPrimaryCoverageActiveOnTheDateOfService() throws {
        var w = try ClaimWorld()
        w.state.apply(CoverageAdded(coverage: CoverageID(9), patient: PatientID(2), payer: PayerID(1), memberID: "S1",
                                    rank: .secondary, span: try DateSpan(from: ClaimWorld.day("2026-01-01"), to: nil)))
        let v = try w.visit(patient: 2)
        try w.charge(v, "99213", id: 1)
        let r = assertRejected(.refused, field: "visit") {
            try ClaimCreation.create(visit: v, id: ClaimID(1), today: ClaimWorld.today, state: w.state)
        }
        XCTAssertEqual(r?.reason, "PT2 has no primary coverage active on 2026-12-01")
    }

    func testClaimNeedsABillingProvider() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        try w.charge(v, "99213", id: 1)
        let provider = try XCTUnwrap(w.state.directory.providers[ProviderID(3)])
        w.state.apply(ProviderAdded(provider: provider.provider, name: provider.name, npi: provider.npi, taxonomy: provider.taxonomy,
                                    isBilling: false, isRendering: false))
        assertRejected(.refused, field: "billing-provider") {
            try ClaimCreation.create(visit: v, id: ClaimID(1), today: ClaimWorld.today, state: w.state)
        }
        assertRejected(.refused, field: "billing-provider") {
            try ClaimCreation.create(visit: v, id: ClaimID(1), today: ClaimWorld.today, state: w.state, billingProvider: ProviderID(1))
        }
    }

    func testDependentsClaimGoesToTheSubscribersCoverage() throws {
        var w = try ClaimWorld()
        let v = try w.visit(patient: 3)
        try w.charge(v, "99213", id: 1)
        let c = try w.claim(v, id: 7)
        XCTAssertEqual(c.patient, PatientID(3))
        XCTAssertEqual(c.coverage, CoverageID(2))
    }

    func testFoldingDecodedClaimEventsGivesTheSameClaims() throws {
        let events: [any EventPayload] = [
            try ClaimEventCodecTests.chargeEntered(),
            ClaimCreated(claim: ClaimID(1), visit: VisitID(9), patient: PatientID(1042), coverage: CoverageID(1), payer: PayerID(1),
                         billingProvider: ProviderID(3), renderingProvider: ProviderID(1), placeOfService: try PlaceOfService("11"),
                         lines: [ClaimLine(charge: ChargeID(812), procedure: try ProcedureCode("99213"), amount: Money(cents: 1),
                                           pointers: [1], dateOfService: ClaimWorld.dos)],
                         diagnoses: [try DiagnosisCode("E11.9")], total: Money(cents: 1), createdOn: ClaimWorld.today),
            ClaimScrubbed(claim: ClaimID(1), findings: [ScrubFinding(rule: "ZERO-CHARGE", message: "m")], scrubbedOn: ClaimWorld.today),
            ClaimFindingOverridden(claim: ClaimID(1), rule: "ZERO-CHARGE", reason: "ok", by: try UserID("bill")),
            ClaimSubmitted(claim: ClaimID(1), fileName: "f", interchangeControlNumber: 5, groupControlNumber: 6,
                           transactionSetControlNumber: 7, submittedOn: ClaimWorld.today),
        ]
        let decoded = try events.map { e in
            try EventRegistry.decode(typeName: type(of: e).typeName, schemaVersion: type(of: e).schemaVersion, bytes: e.encoded())
        }
        let direct = PracticeState(events)
        let replayed = PracticeState(decoded)
        XCTAssertEqual(direct.claims, replayed.claims)
        XCTAssertEqual(direct.charges, replayed.charges)
        XCTAssertEqual(replayed.claims[ClaimID(1)]?.status, .submitted)
        XCTAssertEqual(replayed.charges[ChargeID(812)]?.claim, ClaimID(1))
        XCTAssertEqual(replayed.controlNumbers.interchange, 5)
        XCTAssertEqual(replayed.controlNumbers.transactionSet, 7)
    }
}
