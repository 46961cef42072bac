import XCTest
@testable import RevenueCycle

final class PatientDecisionTests: XCTestCase {
    let today = (try? LocalDate.parse("2026-06-01")) ?? LocalDate(daysSinceEpoch: 0)

    private func registration(first: String = "Maria", last: String, dob: String, phone: String? = nil) throws -> PatientRegistration {
        PatientRegistration(name: try PersonName(first: first, last: last), dateOfBirth: try LocalDate.parse(dob), sex: .female,
                            phone: try phone.map(PhoneNumber.init))
    }

    func testRegistersANewPatient() throws {
        let world = try PracticeWorld()
        let e = try PatientDecisions.register(registration(last: "Garcia", dob: "1990-01-01"), id: PatientID(3),
                                              candidates: Array(world.state.patients.values), confirmNew: false, today: today)
        XCTAssertEqual(e.patient, PatientID(3))
        XCTAssertEqual(e.confirmedNotDuplicateOf, [])
    }

    func testSameLastNameAndBirthDateIsALikelyDuplicateIgnoringAccents() throws {
        let world = try PracticeWorld()
        let r = try registration(first: "Jose", last: "NUNEZ", dob: "1980-05-17")
        let candidates = Array(world.state.patients.values)
        let rejection = assertRejected(.refused, field: "patient") {
            try PatientDecisions.register(r, id: PatientID(3), candidates: candidates, confirmNew: false, today: today)
        }
        XCTAssertEqual(rejection?.duplicates, [PatientID(1)])
        XCTAssertEqual(rejection?.reason, "likely duplicate of PT1")
        let confirmed = try PatientDecisions.register(r, id: PatientID(3), candidates: candidates, confirmNew: true, today: today)
        XCTAssertEqual(confirmed.confirmedNotDuplicateOf, [PatientID(1)])
    }

    func testSamePhoneIsALikelyDuplicate() throws {
        let world = try PracticeWorld()
        let r = try registration(last: "Other", dob: "2001-01-01", phone: "(312) 555-0100")
        let candidates = Array(world.state.patients.values)
        let rejection = assertRejected(.refused, field: "patient") {
            try PatientDecisions.register(r, id: PatientID(3), candidates: candidates, confirmNew: false, today: today)
        }
        XCTAssertEqual(rejection?.duplicates, [PatientID(1)])
    }

    func testMergedChartsAreNotDuplicates() throws {
        var world = try PracticeWorld()
        world.state.apply(PatientsMerged(kept: PatientID(2), dropped: PatientID(1)))
        let r = try registration(first: "Jose", last: "Nunez", dob: "1980-05-17")
        XCTAssertNoThrow(try PatientDecisions.register(r, id: PatientID(3), candidates: Array(world.state.patients.values),
                                                       confirmNew: false, today: today))
    }

    func testBirthDateInTheFutureIsRefused() throws {
        let r = try registration(last: "Baby", dob: "2027-01-01")
        assertRejected(.usage, field: "dob") {
            try PatientDecisions.register(r, id: PatientID(3), candidates: [], confirmNew: false, today: today)
        }
    }

    func testUpdateKeepsOnlyRealChanges() throws {
        var world = try PracticeWorld()
        let current = world.state.patients[PatientID(1)]
        let phone = try PhoneNumber("3125550100"), newPhone = try PhoneNumber("3125559999")
        let e = try PatientDecisions.update(PatientID(1), current: current, sex: .male, phone: .set(newPhone),
                                            email: .clear, address: .set(" 5 Elm "), today: today)
        XCTAssertNil(e.sex, "unchanged sex is dropped")
        XCTAssertNil(e.email, "clearing an absent e-mail is no change")
        XCTAssertEqual(e.phone, .set(newPhone))
        XCTAssertEqual(e.address, .set("5 Elm"))
        world.state.apply(e)
        XCTAssertEqual(world.state.patients[PatientID(1)]?.phone, newPhone)
        XCTAssertEqual(world.state.patients[PatientID(1)]?.address, "5 Elm")
        let updated = world.state.patients[PatientID(1)]
        assertRejected(.usage, field: "patient") {
            try PatientDecisions.update(PatientID(1), current: updated, phone: .set(newPhone), today: today)
        }
        assertRejected(.refused, field: "patient") {
            try PatientDecisions.update(PatientID(9), current: nil, phone: .set(phone), today: today)
        }
    }

    func testMergeRules() throws {
        var world = try PracticeWorld()
        let p1 = world.state.patients[PatientID(1)], p2 = world.state.patients[PatientID(2)]
        // PT1 and PT2 differ in date of birth and name: a merge is final, so it needs confirming (issue 15).
        let unconfirmed = assertRejected(.refused, field: "dob") {
            try PatientDecisions.merge(keep: PatientID(1), drop: PatientID(2), keptRecord: p1, droppedRecord: p2,
                                       keptCoverages: [], droppedCoverages: [])
        }
        XCTAssertEqual(unconfirmed?.reason, "PT1 was born 1980-05-17 and PT2 1975-03-02: they may be two people")
        XCTAssertEqual(try PatientDecisions.merge(keep: PatientID(1), drop: PatientID(2), keptRecord: p1, droppedRecord: p2,
                                                  keptCoverages: [], droppedCoverages: [], confirmed: true),
                       PatientsMerged(kept: PatientID(1), dropped: PatientID(2)))
        assertRejected(.usage, field: "drop") {
            try PatientDecisions.merge(keep: PatientID(1), drop: PatientID(1), keptRecord: p1, droppedRecord: p1, keptCoverages: [], droppedCoverages: [])
        }
        assertRejected(.refused, field: "drop") {
            try PatientDecisions.merge(keep: PatientID(1), drop: PatientID(9), keptRecord: p1, droppedRecord: nil, keptCoverages: [], droppedCoverages: [])
        }
        world.state.apply(PatientsMerged(kept: PatientID(1), dropped: PatientID(2)))
        let merged = world.state.patients[PatientID(2)]
        let r = assertRejected(.refused, field: "keep") {
            try PatientDecisions.merge(keep: PatientID(2), drop: PatientID(1), keptRecord: merged, droppedRecord: p1, keptCoverages: [], droppedCoverages: [])
        }
        XCTAssertEqual(r?.reason, "PT2 was merged into PT1")
        XCTAssertEqual(world.state.resolvedPatient(PatientID(2)), PatientID(1))
        XCTAssertFalse(world.snapshot.patients.contains(PatientID(2)))
    }

    func testFindMatchesNamePrefixBirthDateAndPhone() throws {
        let world = try PracticeWorld()
        let jose = try XCTUnwrap(world.state.patients[PatientID(1)])
        XCTAssertTrue(jose.matches(search: "nunez"))
        XCTAssertTrue(jose.matches(search: "José"))
        XCTAssertTrue(jose.matches(search: "1980-05-17"))
        XCTAssertTrue(jose.matches(search: "555-0100"))
        XCTAssertFalse(jose.matches(search: "1980-05-18"))
        XCTAssertFalse(jose.matches(search: "smith"))
    }

    /// The kept chart would end up with both charts' coverages: the same rank on
    /// overlapping dates is refused and every clashing pair is named; other ranks,
    /// or dates apart, merge.
    func testMergeRefusesSameRankOnOverlappingDates() throws {
        var world = try PracticeWorld()
        func coverage(_ id: UInt64, _ patient: UInt64, _ rank: CoverageRank, _ from: String, _ to: String?) throws -> CoverageAdded {
            CoverageAdded(coverage: CoverageID(id), patient: PatientID(patient), payer: PayerID(1), memberID: "M\(id)", rank: rank,
                          span: try DateSpan(from: LocalDate.parse(from), to: to.map(LocalDate.parse)))
        }
        let keptPrimary = try coverage(1, 1, .primary, "2026-01-01", nil)
        let keptSecondary = try coverage(2, 1, .secondary, "2026-01-01", "2026-03-31")
        let droppedPrimary = try coverage(3, 2, .primary, "2025-06-01", "2026-01-01")   // touches the kept primary's first day
        let droppedSecondary = try coverage(4, 2, .secondary, "2026-04-01", nil)         // after the kept secondary ends
        for c in [keptPrimary, keptSecondary, droppedPrimary, droppedSecondary] { world.state.apply(c) }
        let p1 = world.state.patients[PatientID(1)], p2 = world.state.patients[PatientID(2)]
        let r = assertRejected(.refused, field: "drop") {
            try PatientDecisions.merge(keep: PatientID(1), drop: PatientID(2), keptRecord: p1, droppedRecord: p2,
                                       keptCoverages: world.state.coverages(of: PatientID(1)),
                                       droppedCoverages: world.state.coverages(of: PatientID(2)), confirmed: true)
        }
        XCTAssertEqual(r?.reason, "merging would give PT1 overlapping coverages of the same rank: "
                           + "primary CV1 (2026-01-01 to open) and CV3 (2025-06-01 to 2026-01-01)")
        // The same charts merge once the ranks no longer collide on any date.
        let moved = try coverage(3, 2, .tertiary, "2025-06-01", "2026-01-01")
        XCTAssertEqual(try PatientDecisions.merge(keep: PatientID(1), drop: PatientID(2), keptRecord: p1, droppedRecord: p2,
                                                  keptCoverages: [keptPrimary, keptSecondary], droppedCoverages: [moved, droppedSecondary],
                                                  confirmed: true),
                       PatientsMerged(kept: PatientID(1), dropped: PatientID(2)))
    }
}
