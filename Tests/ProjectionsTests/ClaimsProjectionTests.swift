import BinaryCodec
import EventLog
@testable import Projections
import RevenueCycle
import XCTest

/// The claims read model checked against a fresh rebuild (byte for byte) and
/// against the `PracticeState` fold of the same events, over a history that
/// takes claims through every transition: held, overridden, sent, bounced by
/// a 999, resent, accepted, rejected by the payer, replaced and voided.
final class ClaimsProjectionTests: XCTestCase {
    static let day = LocalDate(daysSinceEpoch: 20_780)

    static func created(_ n: UInt64, payer: UInt64 = 1, cents: Int64 = 16_050, frequency: ClaimFrequencyType = .original,
                        original: UInt64? = nil) throws -> ClaimCreated {
        let line = ClaimLine(charge: ChargeID(n * 10), procedure: try ProcedureCode("99213"), amount: Money(cents: cents),
                             pointers: [1], dateOfService: day)
        return ClaimCreated(claim: ClaimID(n), visit: VisitID(n), patient: PatientID(n % 3 + 1), coverage: CoverageID(1),
                            payer: PayerID(payer), billingProvider: ProviderID(2), renderingProvider: ProviderID(1),
                            placeOfService: try PlaceOfService("11"), frequency: frequency, originalClaim: original.map(ClaimID.init),
                            lines: [line], diagnoses: [try DiagnosisCode("E11.9")], total: Money(cents: cents), createdOn: day)
    }

    static func scrubbed(_ n: UInt64, _ findings: [ScrubFinding] = [], on offset: Int = 1) -> ClaimScrubbed {
        ClaimScrubbed(claim: ClaimID(n), findings: findings, scrubbedOn: day.adding(days: offset))
    }

    static func submitted(_ n: UInt64, isa: Int) -> ClaimSubmitted {
        ClaimSubmitted(claim: ClaimID(n), fileName: "f\(isa).837", interchangeControlNumber: isa, groupControlNumber: isa,
                       transactionSetControlNumber: isa, submittedOn: day.adding(days: isa + 1))
    }

    static let held = ScrubFinding(rule: "MOD25-MISSING", message: "add modifier 25", line: 1)
    static let warning = ScrubFinding(rule: "MOD25-NOT-EM", severity: .warning, message: "check the modifier", line: 2)
    static let rejection = PayerClaimStatus(category: "A7", code: "562", entity: "85", text: "A7 rejected — 562 NPI")

    /// Batches appended one after another, each followed by a catch-up.
    static func history() throws -> [[any EventPayload]] {
        let user = try UserID("bill")
        return [
            [try created(1), scrubbed(1, [held, warning]), try created(2, payer: 2), scrubbed(2), try created(4), try created(5)],
            [ClaimFindingOverridden(claim: ClaimID(1), rule: "MOD25-MISSING", reason: "separate", by: user),
             submitted(1, isa: 1), submitted(2, isa: 1), ClaimVoided(claim: ClaimID(4), voidingClaim: nil, reason: "wrong payer")],
            [ClaimAcknowledged(claim: ClaimID(1), accepted: false, reasons: ["segment NM1 missing"], receivedOn: day.adding(days: 3)),
             ClaimAcknowledged(claim: ClaimID(2), accepted: true, receivedOn: day.adding(days: 3)),
             ClaimRejectedByPayer(claim: ClaimID(2), statuses: [rejection], receivedOn: day.adding(days: 4)),
             scrubbed(5), submitted(5, isa: 2)],
            [scrubbed(1, [held], on: 5), submitted(1, isa: 3),
             ClaimAcknowledged(claim: ClaimID(1), accepted: true, receivedOn: day.adding(days: 6)),
             ClaimAcceptedByPayer(claim: ClaimID(1), statuses: [], payerClaimNumber: "PAY-1", receivedOn: day.adding(days: 7)),
             try created(6, frequency: .void, original: 5), ClaimVoided(claim: ClaimID(5), voidingClaim: ClaimID(6), reason: "dup")],
            [try created(3, cents: 12_500, frequency: .replacement, original: 1),
             ClaimReplaced(claim: ClaimID(1), replacement: ClaimID(3), reason: "units"), scrubbed(3, [held, warning], on: 8),
             ClaimScrubbed(claim: ClaimID(99), findings: [], scrubbedOn: day)],   // an unknown claim changes nothing
        ]
    }

    private func makeRunner() throws -> (EventStore, ProjectionRunner) {
        let root = NSTemporaryDirectory() + "practica-projections/claims-\(UUID().uuidString)"
        let store = try EventStore.create(at: root)
        return (store, ProjectionRunner(store: store, views: try KeyValueStore(path: store.paths.views), projections: [ClaimsProjection()]))
    }

    private func append(_ events: [any EventPayload], to store: EventStore) throws {
        let batch = events.map { e in
            NewEvent(stream: "claim-\(ClaimEventSubject.claim(of: e).map(\.description) ?? "none")",
                     typeName: type(of: e).typeName, schemaVersion: type(of: e).schemaVersion, payload: e.encoded())
        }
        try store.append(batch, metadata: AppendMetadata(actor: "test"))
    }

    private func dump(_ runner: ProjectionRunner) throws -> [[UInt8]] {
        try runner.read(ClaimsProjection.projectionName) { table in
            var out: [[UInt8]] = []
            try table.scan { key, value in
                out.append(key + [0xFF] + value)
                return true
            }
            return out
        }
    }

    func testIncrementalCatchUpEqualsARebuildAndAgreesWithTheFold() throws {
        let (store, runner) = try makeRunner()
        runner.chunkSize = 3
        var state = PracticeState()
        for batch in try Self.history() {
            try append(batch, to: store)
            try runner.catchUp()
            for e in batch { state.apply(e) }
        }
        let incremental = try dump(runner)
        try runner.rebuild()
        XCTAssertEqual(try dump(runner), incremental, "catch-up and rebuild must write the same table")

        let summaries = try runner.read(ClaimsProjection.projectionName) { try ClaimsReadModel($0).all() }
        XCTAssertEqual(summaries.map(\.claim), state.claims.keys.sorted())
        for s in summaries {
            let r = try XCTUnwrap(state.claims[s.claim])
            XCTAssertEqual(s.status, r.status, "\(s.claim)")
            XCTAssertEqual(s.findings, r.findings, "\(s.claim)")
            XCTAssertEqual(s.openFindings, r.openFindings, "\(s.claim)")
            XCTAssertEqual(s.overrides, r.overrides, "\(s.claim)")
            XCTAssertEqual(s.rejectionReasons, r.rejectionReasons, "\(s.claim)")
            XCTAssertEqual(s.submissionCount, r.submissions.count, "\(s.claim)")
            XCTAssertEqual(s.lastInterchange, r.lastSubmission?.interchangeControlNumber, "\(s.claim)")
            XCTAssertEqual(s.payerClaimNumber, r.payerClaimNumber, "\(s.claim)")
            XCTAssertEqual(s.supersededBy, r.supersededBy, "\(s.claim)")
            XCTAssertEqual([s.payer.number, s.patient.number, UInt64(s.total.cents)],
                           [r.created.payer.number, r.created.patient.number, UInt64(r.created.total.cents)], "\(s.claim)")
        }
        XCTAssertEqual(summaries.map(\.status), [.replaced, .rejected, .held, .voided, .voided, .draft])
    }

    func testIndexesAndQueuesFollowEachClaimsCurrentStatus() throws {
        let (store, runner) = try makeRunner()
        for batch in try Self.history() { try append(batch, to: store) }
        try runner.catchUp()
        try runner.read(ClaimsProjection.projectionName) { table in
            let model = ClaimsReadModel(table)
            let all = try model.all()
            for status in ClaimStatus.allCases {
                XCTAssertEqual(try model.claims(status: status).map(\.claim), all.filter { $0.status == status }.map(\.claim), "\(status)")
            }
            XCTAssertEqual(try model.claims(payer: PayerID(2)).map(\.claim), [ClaimID(2)])
            XCTAssertEqual(try model.queue(.holds).map(\.claim), [ClaimID(3)])
            XCTAssertEqual(try model.queue(.holds).first?.queue?.reasons, ["MOD25-MISSING: add modifier 25"])
            XCTAssertEqual(try model.queue(.rejections).map(\.claim), [ClaimID(2)])
            XCTAssertEqual(try model.queue(.rejections).first?.queue?.reasons, ["A7 rejected — 562 NPI"])
            let first = try XCTUnwrap(try model.claim(ClaimID(1)))
            XCTAssertEqual([first.firstSubmittedOn, first.lastSubmittedOn], [Self.day.adding(days: 2), Self.day.adding(days: 4)])
        }
    }

    func testDamagedEntryIsReportedNotTrapped() {
        XCTAssertThrowsError(try ClaimSummary.decode([1, 5])) { error in
            XCTAssertTrue("\(error)".contains("claims") || error is DecodingError, "\(error)")
        }
        XCTAssertThrowsError(try ClaimSummary.decode([9]))
    }
}
