import XCTest
@testable import RevenueCycle

final class CoverageDecisionTests: XCTestCase {
    private func request(rank: CoverageRank = .primary, from: String, to: String?, payer: UInt64 = 1,
                         relationship: SubscriberRelationship = .self, copay: Money? = nil) throws -> CoverageRequest {
        CoverageRequest(patient: PatientID(1), payer: PayerID(payer), memberID: " M123 ", groupNumber: "",
                        relationship: relationship, rank: rank,
                        span: try DateSpan(from: LocalDate.parse(from), to: to.map(LocalDate.parse)), copay: copay)
    }

    func testAddsCoverage() throws {
        let world = try PracticeWorld()
        let e = try CoverageDecisions.add(request(from: "2026-01-01", to: nil, copay: Money(cents: 2500)), id: CoverageID(1),
                                          patient: world.state.patients[PatientID(1)], directory: world.directory, existing: [])
        XCTAssertEqual(e.memberID, "M123")
        XCTAssertNil(e.groupNumber)
        XCTAssertEqual(e.copay, Money(cents: 2500))
    }

    func testCoverageThatEndsBeforeItStartsIsInvalid() {
        XCTAssertThrowsError(try request(from: "2026-06-01", to: "2026-01-01"))
    }

    func testRanksCannotCollideOnOverlappingDates() throws {
        let world = try PracticeWorld()
        let patient = world.state.patients[PatientID(1)]
        let first = try CoverageDecisions.add(request(from: "2026-01-01", to: "2026-06-30"), id: CoverageID(1),
                                              patient: patient, directory: world.directory, existing: [])
        let clash = try request(from: "2026-06-30", to: nil)
        let r = assertRejected(.refused, field: "rank") {
            try CoverageDecisions.add(clash, id: CoverageID(2), patient: patient, directory: world.directory, existing: [first])
        }
        XCTAssertEqual(r?.reason, "PT1 already has primary coverage CV1 from 2026-01-01 to 2026-06-30")
        // Next day, or another rank, is fine.
        XCTAssertNoThrow(try CoverageDecisions.add(request(from: "2026-07-01", to: nil), id: CoverageID(2), patient: patient,
                                                   directory: world.directory, existing: [first]))
        XCTAssertNoThrow(try CoverageDecisions.add(request(rank: .secondary, from: "2026-03-01", to: nil), id: CoverageID(2),
                                                   patient: patient, directory: world.directory, existing: [first]))
    }

    func testPayerMustExistAndSubscriberIsNeededForDependents() throws {
        let world = try PracticeWorld()
        let patient = world.state.patients[PatientID(1)]
        let unknownPayer = try request(from: "2026-01-01", to: nil, payer: 9)
        assertRejected(.refused, field: "payer") {
            try CoverageDecisions.add(unknownPayer, id: CoverageID(1), patient: patient, directory: world.directory, existing: [])
        }
        let child = try request(from: "2026-01-01", to: nil, relationship: .child)
        assertRejected(.usage, field: "subscriber") {
            try CoverageDecisions.add(child, id: CoverageID(1), patient: patient, directory: world.directory, existing: [])
        }
        let negative = try request(from: "2026-01-01", to: nil, copay: Money(cents: -1))
        assertRejected(.usage, field: "copay") {
            try CoverageDecisions.add(negative, id: CoverageID(1), patient: patient, directory: world.directory, existing: [])
        }
        let ok = try request(from: "2026-01-01", to: nil)
        assertRejected(.refused, field: "patient") {
            try CoverageDecisions.add(ok, id: CoverageID(1), patient: nil, directory: world.directory, existing: [])
        }
    }
}
