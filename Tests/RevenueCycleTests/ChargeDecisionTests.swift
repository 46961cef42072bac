import XCTest
@testable import RevenueCycle

final class ChargeDecisionTests: XCTestCase {
    func request(_ visit: VisitID, _ code: String = "99213", modifiers: [String] = [], units: Int = 1,
                 dx: [String] = ["E11.9", "I10"], pointers: [Int]? = nil, amount: Money? = nil, reason: String? = nil) -> ChargeRequest {
        ChargeRequest(visit: visit, code: code, modifiers: modifiers, units: units, diagnoses: dx, pointers: pointers,
                      amount: amount, overrideReason: reason)
    }

    func enter(_ w: ClaimWorld, _ r: ChargeRequest, codeList: DiagnosisCodeList? = nil) throws -> ChargeEntered {
        try ChargeDecisions.enter(r, id: ChargeID(1), today: ClaimWorld.today, state: w.state, codeList: codeList)
    }

    func testChargeIsPricedFromTheFeeScheduleTimesUnits() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        let e = try enter(w, request(v, "87880", units: 2, dx: ["J02.0"]))
        XCTAssertEqual(e.amount, Money(cents: 7_100))
        XCTAssertEqual(e.feeScheduleAmount, Money(cents: 7_100))
        XCTAssertNil(e.overrideReason)
        XCTAssertEqual(e.dateOfService, ClaimWorld.dos)
        XCTAssertEqual(e.provider, ProviderID(1))
        XCTAssertEqual(e.patient, PatientID(1))
        XCTAssertEqual(e.pointers, [1])
        XCTAssertEqual(e.enteredOn, ClaimWorld.today)
    }

    func testModifierSpecificFeeWinsOverTheBareCode() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        w.state.apply(FeeSet(code: try ProcedureCode("99213"), modifier: try Modifier("25"), amount: Money(cents: 13_000)))
        XCTAssertEqual(try enter(w, request(v, modifiers: ["25"])).amount, Money(cents: 13_000))
        XCTAssertEqual(try enter(w, request(v, modifiers: ["GT"])).amount, Money(cents: 12_500))
    }

    func testOverrideNeedsAReasonAndKeepsTheScheduledAmount() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        assertRejected(.usage, field: "reason") { try enter(w, request(v, amount: Money(cents: 9_000))) }
        let e = try enter(w, request(v, amount: Money(cents: 9_000), reason: "  prompt-pay discount "))
        XCTAssertEqual(e.amount, Money(cents: 9_000))
        XCTAssertEqual(e.feeScheduleAmount, Money(cents: 12_500))
        XCTAssertEqual(e.overrideReason, "prompt-pay discount")
        assertRejected(.usage, field: "amount") { try enter(w, request(v, amount: Money(cents: -1), reason: "x")) }
    }

    func testCodeWithoutFeeIsRefusedUnlessPriced() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        let r = assertRejected(.refused, field: "code") { try enter(w, request(v, "99214")) }
        XCTAssertEqual(r?.reason, "no fee for 99214 in the fee schedule")
        let e = try enter(w, request(v, "99214", amount: Money(cents: 18_000), reason: "not in schedule yet"))
        XCTAssertNil(e.feeScheduleAmount)
    }

    func testMalformedCodesAreRefusedNamingTheFlag() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        assertRejected(.usage, field: "code") { try enter(w, request(v, "9921")) }
        assertRejected(.usage, field: "code") { try enter(w, request(v, "W1234")) }
        assertRejected(.usage, field: "modifier") { try enter(w, request(v, modifiers: ["2"])) }
        assertRejected(.usage, field: "modifier") { try enter(w, request(v, modifiers: ["25", "59", "GT", "XU", "LT"])) }
        assertRejected(.usage, field: "modifier") { try enter(w, request(v, modifiers: ["25", "25"])) }
        assertRejected(.usage, field: "dx") { try enter(w, request(v, dx: ["E1.9"])) }
        assertRejected(.usage, field: "dx") { try enter(w, request(v, dx: [])) }
        assertRejected(.usage, field: "dx") { try enter(w, request(v, dx: ["I10", "i10"])) }
        assertRejected(.usage, field: "units") { try enter(w, request(v, units: 0)) }
    }

    func testPointersMustPointAtTheChargesDiagnoses() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        let r = assertRejected(.usage, field: "pointers") { try enter(w, request(v, pointers: [1, 3])) }
        XCTAssertEqual(r?.reason, "pointer 3 points at no diagnosis; there are 2")
        assertRejected(.usage, field: "pointers") { try enter(w, request(v, dx: ["A00", "B00", "C00", "D00", "E00"], pointers: [1, 2, 3, 4, 5])) }
        assertRejected(.usage, field: "pointers") { try enter(w, request(v, pointers: [2, 2])) }
        XCTAssertEqual(try enter(w, request(v, dx: ["A00", "B00", "C00", "D00", "E00"])).pointers, [1, 2, 3, 4])
        XCTAssertEqual(try enter(w, request(v, pointers: [2])).pointers, [2])
    }

    func testVisitMayNotGrowPastTwelveDiagnoses() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        let first = (0..<10).map { "A0\($0)" }
        try w.charge(v, "99213", dx: first, id: 1)
        XCTAssertNoThrow(try enter(w, request(v, "87880", dx: ["A00", "B00", "B01"])))
        let r = assertRejected(.refused, field: "dx") { try enter(w, request(v, "87880", dx: ["B00", "B01", "B02"])) }
        XCTAssertEqual(r?.reason, "the visit would have 13 diagnoses; a claim carries at most 12")
    }

    func testVisitMustExistAndBeCheckedOut() throws {
        var w = try ClaimWorld()
        assertRejected(.refused, field: "visit") { try enter(w, request(VisitID(404))) }
        try w.world.book(w.world.request(at: "2026-12-01 10:00"), firstID: 20)
        w.state.apply(PatientCheckedOut(appointment: AppointmentID(20), visit: VisitID(7)))
        w.state.apply(AppointmentCancelled(appointment: AppointmentID(20), reason: "data fix", by: .practice, isLate: false))
        let r = assertRejected(.refused, field: "visit") { try enter(w, request(VisitID(7))) }
        XCTAssertEqual(r?.reason, "V7 is cancelled, not checked out")
    }

    func testCodeListRefusesCategoriesThatAreNotBillable() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        let list = DiagnosisCodeList.parse("# codes\nE119    Type 2 diabetes mellitus without complications\nI10\tEssential hypertension\n")
        XCTAssertEqual(list.codes, ["E119", "I10"])
        XCTAssertNoThrow(try enter(w, request(v), codeList: list))
        let r = assertRejected(.usage, field: "dx") { try enter(w, request(v, dx: ["E11", "I10"]), codeList: list) }
        XCTAssertEqual(r?.reason, "E11 is not on the ICD-10-CM code list")
    }

    func testVoidingAChargeNeedsAReasonAndNoUnsentClaim() throws {
        var w = try ClaimWorld()
        let v = try w.visit()
        let e = try w.charge(v, "99213", id: 1)
        assertRejected(.usage, field: "reason") { try ChargeDecisions.void(e.charge, reason: " ", state: w.state) }
        assertRejected(.refused, field: "charge") { try ChargeDecisions.void(ChargeID(99), reason: "x", state: w.state) }
        try w.claim(v, id: 1)
        let r = assertRejected(.refused, field: "charge") { try ChargeDecisions.void(e.charge, reason: "typo", state: w.state) }
        XCTAssertEqual(r?.reason, "CH1 is on claim CL1, which is draft and not sent yet")
        w.apply(try ClaimCreation.void(ClaimID(1), voidingID: nil, reason: "rebuild", today: ClaimWorld.today, state: w.state))
        let voided = try ChargeDecisions.void(e.charge, reason: "typo", state: w.state)
        w.state.apply(voided)
        XCTAssertTrue(w.state.charges[e.charge]?.isVoided ?? false)
        assertRejected(.refused, field: "charge") { try ChargeDecisions.void(e.charge, reason: "again", state: w.state) }
    }
}
