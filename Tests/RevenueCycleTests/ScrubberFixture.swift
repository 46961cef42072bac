import XCTest
@testable import RevenueCycle

/// A clean claim CL5521 (99213 + 87880 for PT1 on 2026-12-01) and its scrub
/// context, to change one thing at a time and see which rule notices.
struct ScrubberFixture {
    var world: ClaimWorld
    var claim: ClaimCreated
    var context: ScrubContext

    init() throws {
        world = try ClaimWorld()
        let id = try world.cleanClaim()
        let record = try XCTUnwrap(world.state.claims[id])
        claim = record.created
        context = ScrubContext(claim: record, state: world.state, today: ClaimWorld.today)
    }

    /// The rule ids the scrubber reports for `claim` in `context`.
    func rules() -> [String] { findings().map(\.rule) }

    func findings() -> [ScrubFinding] { ClaimScrubber.findings(for: ClaimRecord(claim), context: context) }

    /// `claim` with other lines (total recomputed), diagnoses or frequency.
    mutating func change(lines: [ClaimLine]? = nil, diagnoses: [DiagnosisCode]? = nil,
                         frequency: ClaimFrequencyType? = nil, originalClaim: ClaimID? = nil) {
        let c = claim
        let newLines = lines ?? c.lines
        claim = ClaimCreated(claim: c.claim, visit: c.visit, patient: c.patient, coverage: c.coverage, payer: c.payer,
                             billingProvider: c.billingProvider, renderingProvider: c.renderingProvider,
                             placeOfService: c.placeOfService, frequency: frequency ?? c.frequency,
                             originalClaim: originalClaim ?? c.originalClaim, lines: newLines,
                             diagnoses: diagnoses ?? c.diagnoses, total: Money.sum(newLines.map(\.amount)), createdOn: c.createdOn)
    }

    func line(_ code: String, modifiers: [String] = [], amount: Int64 = 10_000, pointers: [Int] = [1],
              on date: LocalDate = ClaimWorld.dos, charge: UInt64 = 90) throws -> ClaimLine {
        ClaimLine(charge: ChargeID(charge), procedure: try ProcedureCode(code), modifiers: try modifiers.map { try Modifier($0) },
                  amount: Money(cents: amount), pointers: pointers, dateOfService: date)
    }

    /// The coverage in the context with one field changed.
    func coverage(memberID: String? = nil, span: DateSpan? = nil) throws -> CoverageAdded {
        let c = try XCTUnwrap(context.coverage)
        return CoverageAdded(coverage: c.coverage, patient: c.patient, payer: c.payer, memberID: memberID ?? c.memberID,
                             groupNumber: c.groupNumber, relationship: c.relationship, subscriber: c.subscriber, rank: c.rank,
                             span: span ?? c.span, copay: c.copay)
    }
}
