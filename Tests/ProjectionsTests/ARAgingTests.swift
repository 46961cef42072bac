import BinaryCodec
import EventLog
import Foundation
@testable import Projections
import RevenueCycle
import XCTest

final class ARAgingTests: XCTestCase {
    /// A billed synthetic practice plus the cases the workload lacks: a voided charge,
    /// a self-pay visit, an unapplied patient payment (a credit) and a PLB; a patient whose
    /// smaller unapplied payment pays part of their own older debt; a claim paid twice (an
    /// insurance credit).
    private func world() throws -> ReportWorld {
        let world = try ReportWorld()
        try world.appendSynthetic(6_000)
        try world.append(Make.visit(900_001, 900_001, insured: false) + [
            Make.charge(900_001, visit: 900_001, patient: 900_001, dos: "2026-01-05", cents: 9_000),
            Make.charge(900_002, visit: 900_001, patient: 900_001, dos: "2026-01-05", cents: 4_000),
            ("visit-900001", ChargeVoided(charge: ChargeID(900_002), reason: "entered twice")),
            Make.patientPaid(900_001, patient: 900_001, cents: 12_000, visits: [(900_001, 9_000)], on: "2026-01-20"),
            ("remittance-1", ProviderAdjustmentPosted(remittance: RemittanceID(1), provider: "1", reason: "L6", reference: nil,
                                                      amount: Money(cents: -150), paymentDate: Make.date("2026-02-01"))),
        ])
        try world.append(Make.visit(900_002, 900_002, insured: false) + Make.visit(900_003, 900_003, insured: true) + [
            Make.charge(900_003, visit: 900_002, patient: 900_002, dos: "2026-01-02", cents: 10_000),
            Make.patientPaid(900_002, patient: 900_002, cents: 4_000, visits: [], on: "2026-02-01"),
            Make.charge(900_004, visit: 900_003, patient: 900_003, dos: "2026-01-06", cents: 8_000),
            Make.claim(900_001, visit: 900_003, patient: 900_003, payer: 1, cents: 8_000, dos: "2026-01-06", on: "2026-01-07"),
            Make.paid(900_001, charge: 8_000, paid: 6_000, pr: 0, on: "2026-01-25"),
            Make.paid(900_001, charge: 8_000, paid: 6_000, pr: 0, on: "2026-02-05"),
        ])
        return world
    }

    private static let dates = ["2026-01-03", "2026-01-15", "2026-01-31", "2026-02-20", "2026-03-15", "2026-05-01", "2026-12-31"].map(Make.date)

    func testAgingByPayerEqualsAPlainFoldOfTheRawEventsOnEveryDate() throws {
        let world = try world()
        let plain = PlainAging(world.payloads)
        var creditsSeen = 0
        for date in Self.dates {
            let report = try world.aging(asOf: date, by: .payer)
            let expected = plain.agingWithCredits(asOf: date)
            XCTAssertEqual(Set(report.rows.map(\.group)), Set(expected.rows.keys), "groups as of \(date)")
            for row in report.rows {
                let e = expected.rows[row.group]
                XCTAssertEqual(row.insurance.amounts.map(\.cents), e?.insurance, "\(row.group) insurance as of \(date)")
                XCTAssertEqual(row.patient.amounts.map(\.cents), e?.patient, "\(row.group) patient as of \(date)")
                XCTAssertEqual(row.insuranceCredit.cents, e?.insuranceCredit, "\(row.group) insurance credit as of \(date)")
                XCTAssertEqual(row.patientCredit.cents, e?.patientCredit, "\(row.group) patient credit as of \(date)")
                XCTAssertFalse((row.insurance.amounts + row.patient.amounts).contains { $0.isNegative }, "no bucket goes negative: \(row)")
            }
            let patients = report.credits.filter { !$0.isInsurance }
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: patients.map { ($0.patient ?? PatientID(0), $0.amount.cents) }), expected.patientCredits,
                           "patients' credits as of \(date)")
            creditsSeen += patients.count
        }
        XCTAssertGreaterThan(creditsSeen, 0, "the history has patient credits to keep apart")
        let march = try world.aging(asOf: Make.date("2026-03-15"), by: .patient)
        XCTAssertEqual(march.credits.first { $0.patient == PatientID(900_001) }?.amount, Money(cents: 3_000), "paid 120.00 on a 90.00 visit")
        XCTAssertNil(march.credits.first { $0.patient == PatientID(900_002) }, "40.00 unapplied pays part of their own 100.00")
        XCTAssertEqual(march.rows.first { $0.group == "PT900002" }?.patient.days61to90, Money(cents: 6_000))
        XCTAssertEqual(march.credits.first { $0.claim == ClaimID(900_001) }?.amount, Money(cents: 8_000), "the claim paid twice")
    }

    func testAgingTotalsEqualTheLedgerToTheCent() throws {
        let world = try world()
        let ledger = Ledger(world.payloads)
        let final = try world.aging(asOf: Make.date("2030-01-01"))
        XCTAssertGreaterThan(final.total, .zero)
        XCTAssertGreaterThan(final.patientCredit + final.insuranceCredit, .zero)
        // Debts − credits = the ledger's open balance, to the cent.
        XCTAssertEqual(final.netInsurance, ledger.practice.insuranceBalance)
        XCTAssertEqual(final.netPatient, ledger.practice.patientBalance)
        XCTAssertEqual(final.debts - final.insuranceCredit - final.patientCredit, ledger.practice.openBalance)
        for date in Self.dates {
            let cut = ledger.entries.filter { $0.date <= date }.reduce(LedgerAccount()) { $0 + $1.delta }
            let report = try world.aging(asOf: date)
            XCTAssertEqual(report.netInsurance, cut.insuranceBalance, "insurance as of \(date)")
            XCTAssertEqual(report.netPatient, cut.patientBalance, "patient as of \(date)")
            let totals = try world.runner.read(ARAgingProjection.projectionName) { try ARReadModel($0).ledgerTotals(asOf: date) }
            XCTAssertEqual(totals, cut, "daily totals as of \(date)")
        }
    }

    func testAsOfAgingEqualsTheAgingOfALogCutAtThatDate() throws {
        let world = try world()
        for date in [Make.date("2026-01-12"), Make.date("2026-02-10")] {
            // The log as it would have been had nothing dated after `date` been entered yet.
            let cut = try ReportWorld()
            try cut.append(world.payloads.filter { (Self.effectiveDate(of: $0) ?? date) <= date }.map { (stream: "s", payload: $0) })
            for grouping in [ARGrouping.total, .payer, .patient, .provider, .location] {
                XCTAssertEqual(try world.aging(asOf: date, by: grouping), try cut.aging(asOf: date, by: grouping), "\(grouping) as of \(date)")
            }
        }
    }

    func testIncrementalModelsEqualARebuild() throws {
        let world = try ReportWorld()
        try world.appendSynthetic(3_000, seed: 5, batch: 37)
        let incremental = try ReadModels.all.map { try world.contents(of: $0.name) }
        try world.runner.rebuild()
        let rebuilt = try ReadModels.all.map { try world.contents(of: $0.name) }
        for (index, model) in ReadModels.all.enumerated() {
            XCTAssertEqual(incremental[index], rebuilt[index], "\(model.name): incremental differs from rebuild")
        }
        XCTAssertFalse(incremental[ReadModels.all.firstIndex { $0.name == "ar" } ?? 0].isEmpty)
    }

    func testReplacedClaimSecondaryClaimAndMergeAgeAsTheLedgerHasThem() throws {
        let world = try ReportWorld()
        let prior = PriorAdjudication(claim: ClaimID(1), payer: PayerID(1), coverage: CoverageID(1), payerClaimControlNumber: nil,
                                      paid: Money(cents: 6_000), patientResponsibility: Money(cents: 2_000), adjustments: [], lines: [],
                                      adjudicatedOn: Make.date("2026-02-01"))
        try world.append(Make.visit(1, 1, insured: true) + [
            Make.charge(1, visit: 1, patient: 1, dos: "2026-01-10", cents: 10_000),
            Make.claim(1, visit: 1, patient: 1, payer: 1, cents: 10_000, dos: "2026-01-10", on: "2026-01-11"),
            Make.paid(1, charge: 10_000, paid: 6_000, pr: 2_000, on: "2026-02-01"),
            Make.claim(2, visit: 1, patient: 1, payer: 2, cents: 2_000, dos: "2026-01-10", on: "2026-02-02", prior: prior),
            // As the domain appends a replacement: the new claim, then ClaimReplaced on the old one.
            Make.claim(3, visit: 1, patient: 1, payer: 2, cents: 2_000, dos: "2026-01-10", on: "2026-02-05", frequency: .replacement, prior: prior),
            ("claim-2", ClaimReplaced(claim: ClaimID(2), replacement: ClaimID(3), reason: "member id")),
            ("patient-2", PatientsMerged(kept: PatientID(1), dropped: PatientID(2))),
            Make.patientPaid(1, patient: 2, cents: 500, visits: [], on: "2026-02-06"),
        ])
        let ledger = Ledger(world.payloads)
        let report = try world.aging(asOf: Make.date("2026-03-01"), by: .payer)
        XCTAssertEqual(report.netInsurance, ledger.practice.insuranceBalance)
        XCTAssertEqual(report.netPatient, ledger.practice.patientBalance)
        XCTAssertEqual(report.rows.first { $0.group == "PA2" }?.insurance.days31to60, Money(cents: 2_000))
        // Between the replacement and the old claim's creation, only the old claim is billed.
        let before = try world.aging(asOf: Make.date("2026-02-03"), by: .payer)
        XCTAssertEqual(before.rows.first { $0.group == "PA2" }?.insurance.total, Money(cents: 2_000))
        XCTAssertEqual(before.rows.first { $0.group == "(not yet billed)" }?.insurance.total, nil)
        let byPatient = try world.aging(asOf: Make.date("2026-03-01"), by: .patient)
        XCTAssertEqual(byPatient.rows.map(\.group), ["PT1"], "the merged chart's credit is the kept chart's")
    }

    /// The date a payload takes effect, or nil for events that carry none.
    static func effectiveDate(of payload: any EventPayload) -> LocalDate? {
        switch payload {
        case let e as ChargeEntered: return e.dateOfService
        case let e as ClaimCreated: return e.createdOn
        case let e as ClaimScrubbed: return e.scrubbedOn
        case let e as ClaimSubmitted: return e.submittedOn
        case let e as ClaimPaymentPosted: return e.paymentDate
        case let e as ProviderAdjustmentPosted: return e.paymentDate
        case let e as DenialOpened: return e.openedOn
        case let e as DenialWrittenOff: return e.writtenOffOn
        case let e as PatientPaymentPosted: return e.receivedOn
        default: return nil
        }
    }
}
