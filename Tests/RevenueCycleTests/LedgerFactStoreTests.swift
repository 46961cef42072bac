import XCTest
@testable import RevenueCycle

/// The in-memory ledger keeps each kind of fact apart; read back under its key,
/// every kind must give what was stored, and `all` must list exactly what is held.
final class LedgerFactStoreTests: XCTestCase {
    func testEveryKindReadsBackAndForgetsOnNil() throws {
        let day = try LocalDate.parse("2026-03-02")
        let posting = ChargePosting(visit: VisitID(9), patient: PatientID(4), date: day,
                                    delta: LedgerAccount(charges: Money(cents: 12_500), insuranceBalance: Money(cents: 12_500)))
        let facts: [(LedgerFactKey, LedgerFact)] = [
            (.appointmentInsured(AppointmentID(1)), .flag(true)), (.visitInsured(VisitID(9)), .flag(false)),
            (.visitPatient(VisitID(9)), .patient(PatientID(4))), (.visitDate(VisitID(9)), .date(day)),
            (.charge(ChargeID(77)), .charge(posting)), (.claimVisit(ClaimID(5)), .visit(VisitID(9))),
            (.visitClaims(VisitID(9)), .claims([ClaimID(5), ClaimID(6)])), (.denialClaim(DenialID(3)), .claim(ClaimID(5))),
            (.suspended(RemittanceID(2), 4), .money(Money(cents: -310))), (.mergedInto(PatientID(8)), .patient(PatientID(4))),
        ]
        var store = LedgerFactStore()
        for (key, fact) in facts { store[key] = fact }
        for (key, fact) in facts { XCTAssertEqual(store[key], fact, "\(key)") }
        XCTAssertEqual(store.all, Dictionary(uniqueKeysWithValues: facts))
        XCTAssertEqual(store.visitDates, [VisitID(9): day])
        XCTAssertEqual(store.visitPatients, [VisitID(9): PatientID(4)])
        // Neighbours of the same kind and other kinds under the same number are separate facts.
        XCTAssertNil(store[.visitInsured(VisitID(10))])
        XCTAssertNil(store[.suspended(RemittanceID(2), 5)])
        XCTAssertNil(store[.visitClaims(VisitID(1))])
        for (key, _) in facts { store[key] = nil }
        XCTAssertTrue(store.all.isEmpty)
        for (key, _) in facts { XCTAssertNil(store[key], "\(key) was forgotten") }
    }
}
