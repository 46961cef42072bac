import XCTest
import BinaryCodec
@testable import RevenueCycle

/// `PracticeWorld` plus what billing needs, built by folding real events and
/// running the real front-desk decisions (book, check in, check out):
///
/// - PR3 "Lakeside Family Medicine" bills (NPI 1987654328); PR1 Dr. Lee renders.
/// - PT1 Núñez lives at "12 Elm Road, Springfield, IL 62704", insured by PA1 (CV1, self, primary).
/// - PT3 Timmy Doe is the child of subscriber Jane Doe on CV2 (PA1, primary).
/// - Fees: 99213 125.00, 17110 150.00, 87880 35.50, 36415 10.00.
/// - Visits are seen on 2026-12-01; "today" is 2026-12-02.
struct ClaimWorld {
    var world: PracticeWorld
    var state: PracticeState {
        get { world.state }
        set { world.state = newValue }
    }
    static let today = day("2026-12-02")
    static let dos = day("2026-12-01")

    init() throws {
        world = try PracticeWorld()
        let events: [any EventPayload] = [
            ProviderAdded(provider: ProviderID(3), name: try DisplayName("Lakeside Family Medicine"), npi: try NPI("1987654328"),
                          taxonomy: try TaxonomyCode("207Q00000X"), isBilling: true, isRendering: false),
            UserAdded(user: try UserID("bill"), role: .biller),
            PatientUpdated(patient: PatientID(1), address: .set("12 Elm Road, Springfield, IL 62704")),
            PatientRegistered(patient: PatientID(3), name: try PersonName(first: "Timmy", last: "Doe"),
                              dateOfBirth: Self.day("2015-09-30"), sex: .male, address: "12 Elm Road, Apt 4, Springfield, IL 62704"),
            CoverageAdded(coverage: CoverageID(1), patient: PatientID(1), payer: PayerID(1), memberID: "XYZ123456789",
                          groupNumber: "GRP5544", rank: .primary, span: try DateSpan(from: Self.day("2026-01-01"), to: nil)),
            CoverageAdded(coverage: CoverageID(2), patient: PatientID(3), payer: PayerID(1), memberID: "JD998877",
                          relationship: .child,
                          subscriber: Subscriber(name: try PersonName(first: "Jane", last: "Doe"), dateOfBirth: Self.day("1980-04-12")),
                          rank: .primary, span: try DateSpan(from: Self.day("2026-01-01"), to: nil)),
            FeeSet(code: try ProcedureCode("99213"), amount: Money(cents: 12_500)),
            FeeSet(code: try ProcedureCode("17110"), amount: Money(cents: 15_000)),
            FeeSet(code: try ProcedureCode("87880"), amount: Money(cents: 3_550)),
            FeeSet(code: try ProcedureCode("36415"), amount: Money(cents: 1_000)),
        ]
        for e in events { world.state.apply(e) }
    }

    static func day(_ s: String) -> LocalDate {
        (try? LocalDate.parse(s)) ?? LocalDate(daysSinceEpoch: 0)
    }

    mutating func apply(_ events: [any EventPayload]) {
        for e in events { world.state.apply(e) }
    }

    /// Books, checks in and checks out an appointment; the visit is `V<visit>`.
    @discardableResult
    mutating func visit(patient: UInt64 = 1, at: String = "2026-12-01 09:00", appointment: UInt64 = 10,
                        visit: UInt64 = 100, selfPay: Bool = false) throws -> VisitID {
        try world.book(world.request(patient: patient, at: at), firstID: appointment)
        let id = AppointmentID(appointment)
        let coverages = state.coverages(of: PatientID(patient))
        state.apply(try AppointmentLifecycle.checkIn(id, coverages: coverages, selfPay: selfPay, snapshot: world.snapshot))
        state.apply(try AppointmentLifecycle.checkOut(id, visit: VisitID(visit), snapshot: world.snapshot))
        return VisitID(visit)
    }

    @discardableResult
    mutating func charge(_ visit: VisitID, _ code: String, modifiers: [String] = [], dx: [String] = ["J02.0"],
                         pointers: [Int]? = nil, id: UInt64) throws -> ChargeEntered {
        let e = try ChargeDecisions.enter(ChargeRequest(visit: visit, code: code, modifiers: modifiers, diagnoses: dx, pointers: pointers),
                                          id: ChargeID(id), today: Self.today, state: state)
        state.apply(e)
        return e
    }

    @discardableResult
    mutating func claim(_ visit: VisitID, id: UInt64) throws -> ClaimCreated {
        let e = try ClaimCreation.create(visit: visit, id: ClaimID(id), today: Self.today, state: state)
        state.apply(e)
        return e
    }

    @discardableResult
    mutating func scrub(_ id: UInt64, tables: ScrubTables = ScrubTables(), today: LocalDate = ClaimWorld.today) throws -> ClaimScrubbed {
        let e = try ClaimReview.scrub(ClaimID(id), state: state, today: today, tables: tables)
        state.apply(e)
        return e
    }

    /// A clean claim CL<id> for a checked-out visit of `patient` with an office visit and a strep test.
    mutating func cleanClaim(patient: UInt64 = 1, appointment: UInt64 = 10, visit: UInt64 = 100, id: UInt64 = 5521,
                             at: String = "2026-12-01 09:00") throws -> ClaimID {
        let v = try self.visit(patient: patient, at: at, appointment: appointment, visit: visit)
        try charge(v, "99213", dx: ["J02.0", "R50.9"], id: id * 10 + 1)
        try charge(v, "87880", dx: ["J02.0"], id: id * 10 + 2)
        try claim(v, id: id)
        let scrubbed = try scrub(id)
        XCTAssertEqual(scrubbed.findings, [], "fixture claim CL\(id) should be clean")
        return ClaimID(id)
    }

    func status(_ id: UInt64) -> ClaimStatus? { state.claims[ClaimID(id)]?.status }
}
