import BinaryCodec
import Foundation
@testable import Projections
import RevenueCycle
import XCTest

final class KPITests: XCTestCase {
    /// Two insured visits in January: CL1 clean and paid (60.00, PR 20.00, CO 20.00) after 19 days;
    /// CL2 held by the scrubber, overridden, then denied in full (CARC 50). The patient pays their 20.00.
    /// Three January appointments: one no-show, one cancelled in advance.
    private func handMadeWorld() throws -> ReportWorld {
        let world = try ReportWorld()
        let zone = try TimeZoneID("America/Chicago")
        let start = Instant(secondsSinceEpoch: 1_768_000_000)   // 2026-01-09
        var schedule: [(stream: String, payload: any EventPayload)] = (1...3).map { n in
            ("appointment-\(n)", AppointmentBooked(appointment: AppointmentID(UInt64(n)), patient: PatientID(1), provider: ProviderID(1),
                                                   location: LocationID(1), appointmentType: AppointmentTypeID(1),
                                                   start: Instant(secondsSinceEpoch: start.secondsSinceEpoch + Int64(n) * 86_400), minutes: 30, zone: zone))
        }
        schedule.append(("appointment-2", AppointmentNoShow(appointment: AppointmentID(2))))
        schedule.append(("appointment-3", AppointmentCancelled(appointment: AppointmentID(3), reason: "flu", by: .patient, isLate: false)))
        try world.append(schedule)
        try world.append(Make.visit(1, 1, insured: true) + Make.visit(4, 2, insured: true) + [
            Make.charge(1, visit: 1, patient: 1, dos: "2026-01-10", cents: 10_000, entered: "2026-01-12"),
            Make.charge(2, visit: 2, patient: 1, dos: "2026-01-20", cents: 20_000),
            Make.claim(1, visit: 1, patient: 1, payer: 1, cents: 10_000, dos: "2026-01-10", on: "2026-01-12"),
            ("claim-1", ClaimScrubbed(claim: ClaimID(1), findings: [], scrubbedOn: Make.date("2026-01-12"))),
            ("claim-1", ClaimSubmitted(claim: ClaimID(1), fileName: "a.837", interchangeControlNumber: 1, groupControlNumber: 1,
                                       transactionSetControlNumber: 1, submittedOn: Make.date("2026-01-13"))),
            Make.claim(2, visit: 2, patient: 1, payer: 2, cents: 20_000, dos: "2026-01-20", on: "2026-01-20"),
            ("claim-2", ClaimScrubbed(claim: ClaimID(2), findings: [ScrubFinding(rule: "MOD25-MISSING", message: "add 25")],
                                      scrubbedOn: Make.date("2026-01-20"))),
            ("claim-2", ClaimFindingOverridden(claim: ClaimID(2), rule: "MOD25-MISSING", reason: "documented", by: try UserID("biller"))),
            ("claim-2", ClaimSubmitted(claim: ClaimID(2), fileName: "b.837", interchangeControlNumber: 2, groupControlNumber: 2,
                                       transactionSetControlNumber: 2, submittedOn: Make.date("2026-01-21"))),
            Make.paid(1, charge: 10_000, paid: 6_000, pr: 2_000, on: "2026-02-01"),
            Make.paid(2, charge: 20_000, paid: 0, pr: 0, denied: 20_000, on: "2026-02-10"),
            ("claim-2", DenialOpened(denial: DenialID(1), claim: ClaimID(2), remittance: RemittanceID(2), line: nil, charge: nil, group: .contractual,
                                     carc: "50", rarcs: [], amount: Money(cents: 20_000), text: "not medically necessary", openedOn: Make.date("2026-02-10"))),
            Make.patientPaid(1, patient: 1, cents: 2_000, visits: [(1, 2_000)], on: "2026-02-15"),
        ])
        return world
    }

    private func figures(_ world: ReportWorld, variants: KPIVariants = KPIVariants()) throws -> [String: KPIFigure] {
        let from = MonthKey(Make.date("2026-01-01"))
        let to = MonthKey(Make.date("2026-02-28"))
        let months = try world.runner.read(KPIProjection.projectionName) { try KPIReadModel($0).months(from: from, through: to).map(\.sums) }
        let payers = try world.runner.read(KPIProjection.projectionName) { try KPIReadModel($0).payers(from: from, through: to) }
        let counters = try world.runner.read(ScheduleProjection.projectionName) { try ScheduleReadModel($0).counters() }
        let aging = try world.aging(asOf: Make.date("2026-06-30"))
        let list = KPISummary.figures(months: months, rolling: months, payers: payers, aging: aging,
                                      noShows: counters.reduce(0) { $0 + $1.counters.noShows },
                                      scheduled: counters.reduce(0) { $0 + $1.counters.scheduled }, variants: variants)
        return Dictionary(list.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func testKPIsOfAHandMadeHistoryHaveTheKnownAnswers() throws {
        let world = try handMadeWorld()
        let f = try figures(world)
        XCTAssertEqual(f["gross collection rate"]?.value, 2_667)        // 80.00 ÷ 300.00
        XCTAssertEqual(f["net collection rate"]?.value, 2_857)          // 80.00 ÷ (300.00 − 20.00)
        XCTAssertEqual(f["denial rate"]?.value, 5_000)                  // 1 of 2 claims remitted
        XCTAssertEqual(f["clean-claim rate"]?.value, 5_000)             // CL2 had a finding and an override
        XCTAssertEqual(f["first-pass resolution rate"]?.value, 5_000)   // CL1 only
        XCTAssertEqual(f["A/R over 90 days"]?.value, 10_000)            // CL2's 200.00, 161 days old
        XCTAssertEqual(f["A/R over 120 days"]?.value, 10_000)
        XCTAssertEqual(f["no-show rate"]?.value, 5_000)                 // 1 ÷ (3 booked − 1 cancelled in advance)
        XCTAssertEqual(f["charge lag"]?.value, 10)                      // (2 + 0) ÷ 2 = 1.0 day
        XCTAssertEqual(f["patient collection rate"]?.value, 10_000)     // 20.00 ÷ 20.00
        XCTAssertEqual(f["days to pay PA1"]?.value, 190)                // 2026-01-13 → 2026-02-01
        XCTAssertNil(f["days to pay PA2"], "a payer that paid nothing has no days to pay")
        XCTAssertEqual(try figures(world, variants: KPIVariants(denials: .dollars))["denial rate"]?.value, 6_667)   // 200.00 ÷ 300.00
        let reasons = try world.runner.read(KPIProjection.projectionName) {
            try KPIReadModel($0).denialReasons(from: MonthKey(Make.date("2026-01-01")), through: MonthKey(Make.date("2026-12-01")))
        }
        XCTAssertEqual(reasons.map(\.carc), ["50"])
        XCTAssertEqual(reasons.first?.dollars, Money(cents: 20_000))
    }

    /// Patient responsibility counts a self-pay visit's charges, and follows the visit's financial class (issue 15).
    func testPatientResponsibilityFollowsTheVisitsFinancialClass() throws {
        let world = try ReportWorld()
        func responsibility() throws -> Money {
            try world.runner.read(KPIProjection.projectionName) {
                try KPIReadModel($0).months(from: MonthKey(Make.date("2026-03-01")), through: MonthKey(Make.date("2026-03-31")))
            }.reduce(Money.zero) { $0 + $1.sums.patientResponsibility }
        }
        func change(_ insured: Bool) -> (stream: String, payload: any EventPayload) {
            ("visit-7", VisitFinancialClassChanged(visit: VisitID(7), coverage: insured ? CoverageID(1) : nil, payer: insured ? PayerID(1) : nil,
                                                   reason: "class", changedOn: Make.date("2026-03-20")))
        }
        try world.append(Make.visit(7, 7, insured: false) + [
            Make.charge(71, visit: 7, patient: 1, dos: "2026-03-10", cents: 10_000),
            Make.charge(72, visit: 7, patient: 1, dos: "2026-03-10", cents: 2_500),
        ])
        XCTAssertEqual(try responsibility(), Money(cents: 12_500))
        try world.append([change(true)])
        XCTAssertEqual(try responsibility(), .zero, "billed to insurance now")
        try world.append([change(false), ("visit-7", ChargeVoided(charge: ChargeID(72), reason: "wrong"))])
        XCTAssertEqual(try responsibility(), Money(cents: 10_000), "self-pay again, less the voided charge")
        try world.append([change(true), ("visit-7", ChargeVoided(charge: ChargeID(71), reason: "wrong"))])
        XCTAssertEqual(try responsibility(), .zero)
    }

    func testResubmissionTakesBackAFirstPassCount() throws {
        let world = try handMadeWorld()
        try world.append([("claim-1", ClaimSubmitted(claim: ClaimID(1), fileName: "c.837", interchangeControlNumber: 3, groupControlNumber: 3,
                                                     transactionSetControlNumber: 3, submittedOn: Make.date("2026-02-20")))])
        XCTAssertEqual(try figures(world)["first-pass resolution rate"]?.value, 0)
    }

    func testMonthlySumsEqualSumsOfTheRawEvents() throws {
        let world = try ReportWorld()
        try world.appendSynthetic(5_000, seed: 9)
        let all = try world.runner.read(KPIProjection.projectionName) {
            try KPIReadModel($0).months(from: MonthKey(value: 0), through: MonthKey(value: 200_000)).map(\.sums)
        }.reduce(KPIMonth(), +)
        let ledger = Ledger(world.payloads)
        XCTAssertEqual(all.chargesByService, ledger.practice.charges)
        XCTAssertEqual(all.chargesByEntry, ledger.practice.charges)
        XCTAssertEqual(all.payerPayments, ledger.practice.payerPayments)
        XCTAssertEqual(all.patientPayments, ledger.practice.patientPayments)
        let submitted = Set(world.payloads.compactMap { ($0 as? ClaimSubmitted)?.claim })
        XCTAssertEqual(all.claimsSubmitted, Int64(submitted.count))
        let denied = Set(world.payloads.compactMap { ($0 as? DenialOpened)?.claim })
        XCTAssertEqual(all.claimsDenied, Int64(denied.count))
        let lag = world.payloads.compactMap { $0 as? ChargeEntered }.reduce(0) { $0 + Int64($1.dateOfService.days(to: $1.enteredOn)) }
        XCTAssertEqual(all.chargeLagDays, lag)
    }
}
