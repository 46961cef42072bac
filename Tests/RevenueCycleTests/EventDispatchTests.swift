import XCTest
import BinaryCodec
@testable import RevenueCycle

/// The type sets folds ask before their `switch` chains, and the denial index
/// that keeps `openDenials(of:)` from scanning every denial.
final class EventDispatchTests: XCTestCase {
    func testTypeSetAnswersByTheEventsOwnType() throws {
        let set = EventTypeSet([PatientCheckedIn.self, PatientsMerged.self])
        XCTAssertTrue(set.contains(EventFixtures.checkedIn()))
        XCTAssertTrue(set.contains(EventFixtures.patientsMerged()))
        XCTAssertFalse(set.contains(EventFixtures.checkedOut()))
        XCTAssertFalse(set.contains(EventFixtures.noShow() as any EventPayload))
        XCTAssertTrue(set.contains(PatientCheckedIn.self))
        XCTAssertFalse(set.contains(PatientCheckedOut.self))
        XCTAssertEqual(set.names, ["PatientCheckedIn", "PatientsMerged"])
    }

    /// PracticeState hands each event to exactly one of its chains, and every
    /// registered type is folded by some chain (a new type must be added to one).
    func testEveryRegisteredTypeHasAFold() {
        let chains = [PracticeState.frontDeskTypes, PracticeState.billingTypes, PracticeState.settlementTypes]
        for type in EventRegistry.allTypes {
            let owners = chains.filter { $0.contains(type) }.count
            XCTAssertLessThanOrEqual(owners, 1, "\(type.typeName) is in two of PracticeState's chains")
            let folded = owners == 1 || Receivables.recordTypes.contains(type) || LedgerRules.handledTypes.contains(type)
            XCTAssertTrue(folded, "\(type.typeName) is folded by no chain")
        }
        XCTAssertEqual(LedgerRules.eventTypes, LedgerRules.handledTypes.names)
        XCTAssertEqual(LedgerRules.eventTypes.count, 17)
    }

    func testOpenDenialsFollowTheirClaimAndStatus() throws {
        let d = try LocalDate.parse("2026-03-02")
        func opened(_ denial: UInt64, _ claim: UInt64) -> DenialOpened {
            DenialOpened(denial: DenialID(denial), claim: ClaimID(claim), remittance: RemittanceID(1), line: nil, charge: nil,
                         group: .contractual, carc: "50", rarcs: [], amount: Money(cents: 1_000), text: "CO-50", openedOn: d)
        }
        var books = Receivables()
        // Opened out of id order on purpose: the answer is in id order.
        for e in [opened(7, 1), opened(3, 1), opened(5, 2), opened(9, 1)] { books.apply(e) }
        books.apply(DenialResolved(denial: DenialID(9), note: "paid on appeal", resolvedOn: d))
        books.apply(DenialAppealed(denial: DenialID(7), note: "records sent", appealedOn: d))
        XCTAssertEqual(books.openDenials(of: ClaimID(1)).map(\.id), [DenialID(3), DenialID(7)])
        XCTAssertEqual(books.openDenials(of: ClaimID(1)).map(\.status), [.open, .appealed])
        XCTAssertEqual(books.openDenials(of: ClaimID(2)).map(\.id), [DenialID(5)])
        XCTAssertEqual(books.openDenials(of: ClaimID(3)).map(\.id), [])
        // The same denial opened twice (a replayed remittance) is listed once.
        books.apply(opened(5, 2))
        XCTAssertEqual(books.openDenials(of: ClaimID(2)).map(\.id), [DenialID(5)])
    }
}
