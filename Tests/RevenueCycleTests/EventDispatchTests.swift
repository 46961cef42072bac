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

    /// `exactly` answers by the payload's own type: every sample is itself, with the
    /// same bytes, and no other type (the folds' `if let` chains rely on both).
    func testExactlyMatchesOnlyThePayloadsOwnType() throws {
        let samples = try Self.oneOfEachType()
        let types = EventRegistry.allTypes
        // `exactly` compares type identities, which is a cast only for types without subclasses.
        for type in types { XCTAssertFalse(type is AnyClass, "\(type.typeName) is a class") }
        for event in samples {
            func check<T: EventPayload>(_ type: T.Type) {
                let matched = event.exactly(type)
                XCTAssertEqual(matched != nil, T.self == Swift.type(of: event), "\(Swift.type(of: event).typeName) as \(T.typeName)")
                if let matched { XCTAssertEqual(matched.encoded(), event.encoded(), T.typeName) }
            }
            for type in types { check(type) }
        }
    }

    /// One sample of every registered event type, from the codec tests' fixtures.
    static func oneOfEachType() throws -> [any EventPayload] {
        let day = try LocalDate.parse("2026-12-04")
        let frontDesk: [any EventPayload] = [
            try EventFixtures.practiceInitialized(), try EventFixtures.userAdded(), try EventFixtures.settingChanged(),
            try EventFixtures.providerAdded(), try EventFixtures.locationAdded(), try EventFixtures.roomAdded(),
            try EventFixtures.typeAdded(), try EventFixtures.payerAdded(), try EventFixtures.feeSet(),
            try EventFixtures.patientRegistered(), try EventFixtures.patientUpdated(), EventFixtures.patientsMerged(),
            try EventFixtures.coverageAdded(), try EventFixtures.availabilitySet(), try EventFixtures.exceptionAdded(),
            try EventFixtures.appointmentBooked(), try EventFixtures.appointmentRescheduled(), EventFixtures.appointmentCancelled(),
            EventFixtures.noShow(), EventFixtures.checkedIn(), EventFixtures.checkedOut(), try EventFixtures.waitlistAdded(),
            EventFixtures.waitlistRemoved(),
            BillingProfileSet(ein: "123456789", address: "1 Main St", submitterID: "S1", submitterName: "Lakeside", contactName: "Bill",
                              contactPhone: try PhoneNumber("3125550100"), receiverID: "R1", receiverName: "Acme", claimFilingIndicator: "CI",
                              isProduction: false),
        ]
        let claims: [any EventPayload] = [
            try ClaimEventCodecTests.chargeEntered(), ChargeVoided(charge: ChargeID(812), reason: "wrong patient"),
            ClaimScrubbed(claim: ClaimID(5522), findings: [], scrubbedOn: day),
            ClaimFindingOverridden(claim: ClaimID(5522), rule: "DUP-CLAIM", reason: "second visit", by: try UserID("bill")),
            ClaimSubmitted(claim: ClaimID(5522), fileName: "c.837", interchangeControlNumber: 1, groupControlNumber: 1,
                           transactionSetControlNumber: 1, submittedOn: day),
            ClaimAcknowledged(claim: ClaimID(5522), accepted: true, reasons: [], receivedOn: day),
            ClaimAcceptedByPayer(claim: ClaimID(5522), statuses: ClaimEventCodecTests.statuses, payerClaimNumber: "P1", receivedOn: day),
            ClaimRejectedByPayer(claim: ClaimID(5522), statuses: ClaimEventCodecTests.statuses, receivedOn: day),
            ClaimReplaced(claim: ClaimID(5521), replacement: ClaimID(5522), reason: "wrong units"),
            ClaimVoided(claim: ClaimID(5521), voidingClaim: nil, reason: "never sent"),
            VisitFinancialClassChanged(visit: VisitID(100), coverage: CoverageID(1), payer: PayerID(1), reason: "card found", changedOn: day),
        ]
        let staffAccess: [any EventPayload] = [
            StaffPasswordSet(user: try UserID("bill")), StaffSignedIn(user: try UserID("bill"), session: "0a1b2c3d"),
            StaffSignInFailed(user: try UserID("bill"), reason: .wrongPassword), StaffLockedOut(user: try UserID("bill"), until: 1_800_000_000),
            StaffSessionsRevoked(user: try UserID("bill"), count: 2, signedOut: false),
        ]
        let staff: [any EventPayload] = [
            UserDisabled(user: try UserID("maria"), reason: "left"), UserEnabled(user: try UserID("maria")),
            UserRoleChanged(user: try UserID("maria"), role: .biller),
        ]
        return frontDesk + claims + ReceivableEventCodecTests.samples + staffAccess + (try CorrectionEventTests.samples) + staff
    }

    /// Each fold's switch has a case for exactly the types of the set its caller
    /// asks first: a type missing from a set would be skipped without a sound.
    func testEveryFoldsSwitchMatchesExactlyItsTypeSet() throws {
        let samples = try Self.oneOfEachType()
        XCTAssertEqual(Set(samples.map { type(of: $0).typeName }), Set(EventRegistry.allTypes.map { $0.typeName }),
                       "one sample of every registered type")
        for event in samples {
            let name = type(of: event).typeName
            var state = PracticeState()
            XCTAssertEqual(state.applyFrontDesk(event), PracticeState.frontDeskTypes.contains(event), "front desk: \(name)")
            state = PracticeState()
            XCTAssertEqual(state.applyBilling(event), PracticeState.billingTypes.contains(event), "billing: \(name)")
            state = PracticeState()
            XCTAssertEqual(state.applySettlement(event), PracticeState.settlementTypes.contains(event), "settlement: \(name)")
            var books = Receivables()
            XCTAssertEqual(books.applyRecords(event), Receivables.recordTypes.contains(event), "receivables: \(name)")
            var ledger = MemoryLedgerBooks()
            XCTAssertEqual(LedgerRules.dispatch(event, to: &ledger), LedgerRules.handledTypes.contains(event), "ledger rules: \(name)")
            // PracticeState's chains share no type; each registered type is folded somewhere.
            let owners = [PracticeState.frontDeskTypes, PracticeState.billingTypes, PracticeState.settlementTypes].filter { $0.contains(event) }
            XCTAssertLessThanOrEqual(owners.count, 1, name)
            let auditOnly = EventRegistry.staffAccessTypes.contains { $0.typeName == name }
            XCTAssertTrue(owners.count == 1 || Receivables.recordTypes.contains(event) || LedgerRules.handledTypes.contains(event) || auditOnly,
                          "\(name) is folded by no chain")
            XCTAssertFalse(auditOnly && !owners.isEmpty, "\(name) is for the audit trail only")
        }
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
