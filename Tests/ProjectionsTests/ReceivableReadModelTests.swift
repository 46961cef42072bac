import BinaryCodec
import EventLog
@testable import Projections
import RevenueCycle
import XCTest

/// The ledger (kept by the A/R model) and the receivables read model against a fresh rebuild (byte for
/// byte) and against the domain folds (`Ledger`, `Receivables`) over the same
/// raw events, after incremental catch-ups in small chunks.
final class ReceivableReadModelTests: XCTestCase {
    private func makeRunner() throws -> (EventStore, ProjectionRunner) {
        let store = try EventStore.create(at: NSTemporaryDirectory() + "practica-projections/receivables-\(UUID().uuidString)")
        return (store, ProjectionRunner(store: store, views: try KeyValueStore(path: store.paths.views),
                                        projections: [ARAgingProjection(), ReceivablesProjection()]))
    }

    private func append(_ events: [any EventPayload], to store: EventStore) throws {
        let batch = events.map { NewEvent(stream: "money", typeName: type(of: $0).typeName, schemaVersion: type(of: $0).schemaVersion,
                                          payload: $0.encoded()) }
        try store.append(batch, metadata: AppendMetadata(actor: "test"))
    }

    /// The folds over the raw events as stored (decoded again), not over the values the test built.
    private func fold(_ store: EventStore) throws -> Receivables {
        var books = Receivables()
        try store.scan(from: 1) { e in
            books.apply(try EventRegistry.decode(typeName: e.typeName, schemaVersion: e.schemaVersion, bytes: e.payload))
            return true
        }
        return books
    }

    func testLedgerReadModelAfterCatchUpEqualsARebuildAndTheLedgerFold() throws {
        let (store, runner) = try makeRunner()
        runner.chunkSize = 7
        var history = MoneyHistory(seed: 43)   // 42 merged down to two charts once class changes joined the history
        for _ in 0..<40 {
            try append(try history.batch(size: 12), to: store)
            try runner.catchUp()
        }
        let ledger = try fold(store).ledger
        XCTAssertTrue(ledger.isBalanced, ledger.firstUnbalanced ?? "")
        try runner.read(ARAgingProjection.projectionName) { table in
            let model = LedgerReadModel(table)
            var expected: [LedgerAccountKey: LedgerAccount] = [.practice: ledger.practice]
            for (id, a) in ledger.patients { expected[.patient(id)] = a }
            for (id, a) in ledger.visits { expected[.visit(id)] = a }
            for (id, a) in ledger.claims { expected[.claim(id)] = a }
            let accounts = try model.accounts()
            XCTAssertEqual(accounts.count, expected.count)
            for (key, account) in expected { XCTAssertEqual(accounts[key], account, "\(key)") }
            XCTAssertTrue(accounts.values.allSatisfy(\.isBalanced))
            XCTAssertEqual(try model.facts(), ledger.facts)
            XCTAssertEqual(try model.journal(), ledger.entries)
            XCTAssertEqual(try model.unappliedPayerCash, ledger.unappliedPayerCash)
            for patient in ledger.patients.keys {
                XCTAssertEqual(try model.journal(of: patient), ledger.entries.filter { $0.patient.map(ledger.resolved) == patient })
            }
        }
        XCTAssertGreaterThan(ledger.patients.count, 2)
        XCTAssertGreaterThan(ledger.entries.count, 100)

        let before = try FrontDeskStory.dump(runner, ARAgingProjection.projectionName)
        try runner.rebuild([ARAgingProjection.projectionName])
        XCTAssertEqual(try FrontDeskStory.dump(runner, ARAgingProjection.projectionName), before, "a rebuild writes the same bytes")
    }

    func testClaimStatusesFollowPostingsAndDenialsAsTheFoldDoes() throws {
        let store = try EventStore.create(at: NSTemporaryDirectory() + "practica-projections/settle-\(UUID().uuidString)")
        let runner = ProjectionRunner(store: store, views: try KeyValueStore(path: store.paths.views), projections: [ClaimsProjection()])
        runner.chunkSize = 6
        var history = MoneyHistory(seed: 99)
        var state = PracticeState()
        for _ in 0..<40 {
            let batch = try history.batch(size: 10)
            try append(batch, to: store)
            for e in batch { state.apply(e) }
            try runner.catchUp()
        }
        let summaries = try runner.read(ClaimsProjection.projectionName) { try ClaimsReadModel($0).all() }
        XCTAssertEqual(summaries.map(\.claim), state.claims.keys.sorted())
        for s in summaries {
            XCTAssertEqual(s.status, state.claims[s.claim]?.status, "\(s.claim)")
            XCTAssertEqual(s.payerClaimNumber, state.claims[s.claim]?.payerClaimNumber, "\(s.claim)")
        }
        let statuses = Set(summaries.map(\.status))
        XCTAssertTrue(statuses.isSuperset(of: [.paid, .partlyPaid]), "\(statuses)")
        let before = try FrontDeskStory.dump(runner, ClaimsProjection.projectionName)
        try runner.rebuild()
        XCTAssertEqual(try FrontDeskStory.dump(runner, ClaimsProjection.projectionName), before)
    }

    func testReceivablesQueuesAgreeWithTheFold() throws {
        let (store, runner) = try makeRunner()
        runner.chunkSize = 5
        var history = MoneyHistory(seed: 7)
        for _ in 0..<30 {
            try append(try history.batch(size: 10), to: store)
            try runner.catchUp()
        }
        let books = try fold(store)
        try runner.read(ReceivablesProjection.projectionName) { table in
            let model = ReceivablesReadModel(table)
            let open = books.denials.values.filter(\.status.isOpen)
            XCTAssertEqual(Set(try model.denialQueue().map(\.id)), Set(open.map(\.id)))
            for d in try model.denials() {
                XCTAssertEqual(d.status, books.denials[d.id]?.status, "\(d.id)")
                XCTAssertEqual(d.notes, books.denials[d.id]?.notes)
            }
            XCTAssertEqual(Set(try model.suspenseQueue().map { SuspenseKey(remittance: $0.remittance, index: $0.index) }), Set(books.suspense.keys))
            for r in books.remittances.values {
                XCTAssertEqual(try model.remittance(r.remittance), r)
                XCTAssertEqual(try model.remittance(payer: r.payer, trace: r.traceNumber), r.remittance)
            }
            XCTAssertNil(try model.remittance(payer: PayerID(1), trace: "no such trace"))
        }
        XCTAssertFalse(books.denials.isEmpty)
        XCTAssertFalse(books.remittances.isEmpty)
        let before = try FrontDeskStory.dump(runner, ReceivablesProjection.projectionName)
        try runner.rebuild()
        XCTAssertEqual(try FrontDeskStory.dump(runner, ReceivablesProjection.projectionName), before)
    }
}
