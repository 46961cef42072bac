import XCTest
import PracticaTestSupport
import BinaryCodec
import X12
@testable import RevenueCycle

/// Every public 835 sample, read by the X12 reader and posted to a practice
/// that knows the payers but none of the claims: everything lands in suspense.
final class RemittanceSampleTests: XCTestCase {
    /// Payers as the samples name them (by REF*2U where given, else by N1*PR name).
    static let payers: [(String, String)] = [
        ("NYSDOH", "NYSDOH01"), ("WSFG - Benefits", "31048"), ("Your Tax Dollars At Work", "TAXD01"), ("Rushmore Life", "RUSH01"),
    ]
    /// Samples the reader refuses, with the reason it must give. None today: each balances.
    static let expectedRejections: [String: String] = [:]

    func practice() throws -> PracticeState {
        var state = try PracticeWorld().state
        for (i, p) in Self.payers.enumerated() {
            state.apply(PayerAdded(payer: PayerID(UInt64(10 + i)), name: try DisplayName(p.0), electronicPayerID: p.1, timelyFilingDays: 90))
        }
        return state
    }

    func testEverySampleLandsInSuspenseWithNothingDropped() throws {
        let folder = SampleFiles.root.appendingPathComponent("835")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names.count, 4, "\(names)")
        var state = try practice()
        var denials = IDSequence(first: DenialID(1))
        var nextID: UInt64 = 1
        for name in names {
            let bytes = try X12Samples.bytes("835/\(name)")
            let remittances: [Remittance835]
            do {
                remittances = try Remittance835Reader.read(bytes)
            } catch {
                XCTAssertEqual(error.description, Self.expectedRejections[name], "\(name) was rejected unexpectedly")
                continue
            }
            XCTAssertNil(Self.expectedRejections[name], "\(name) should have been rejected")
            for (n, remittance) in remittances.enumerated() {
                let id = RemittanceID(nextID)
                nextID += 1
                let outcome = try RemittancePosting.post(remittance, id: id, fileDigest: "\(name)#\(n)", receivedOn: ClaimWorld.day("2026-12-15"),
                                                         denialIDs: &denials, state: state)
                guard case .posted(let result) = outcome else { XCTFail("\(name) #\(n): \(outcome)"); continue }
                let suspended = result.events.compactMap { $0 as? RemittanceClaimSuspended }
                XCTAssertEqual(suspended.count, remittance.claims.count, "\(name): every claim payment is kept")
                XCTAssertEqual(suspended.map(\.index), Array(remittance.claims.indices))
                XCTAssertEqual(suspended.map(\.paid.cents), remittance.claims.map(\.paidCents))
                XCTAssertEqual(suspended.map { $0.lines.count }, remittance.claims.map(\.lines.count))
                XCTAssertEqual(suspended.map { $0.adjustments.count + $0.lines.flatMap(\.adjustments).count },
                               remittance.claims.map { $0.adjustments.count + $0.lines.flatMap(\.adjustments).count })
                XCTAssertTrue(result.events.allSatisfy { !($0 is ClaimPaymentPosted) && !($0 is DenialOpened) })
                let plb = result.events.compactMap { $0 as? ProviderAdjustmentPosted }
                XCTAssertEqual(Money.sum(suspended.map(\.paid)) - Money.sum(plb.map(\.amount)), Money(cents: remittance.payment.amountCents),
                               "\(name): suspense + PLB account for BPR02")
                for event in result.events {
                    let decoded = try EventRegistry.decode(typeName: type(of: event).typeName, schemaVersion: type(of: event).schemaVersion,
                                                           bytes: event.encoded())
                    XCTAssertEqual(decoded.json, event.json)
                }
                for e in result.events { state.apply(e) }
                guard case .alreadyImported(let earlier) = try RemittancePosting.post(
                    remittance, id: RemittanceID(999), fileDigest: "", receivedOn: ClaimWorld.today, denialIDs: &denials, state: state) else {
                    return XCTFail("\(name) #\(n) posted twice")
                }
                XCTAssertEqual(earlier, id)
            }
        }
        XCTAssertEqual(state.receivables.suspense.count, 3 + 6 + 1 + 2, "emedny 3, sample_835 2 + 4, COB 1, managed care 2")
        XCTAssertEqual(state.receivables.ledger.unappliedPayerCash, Money(cents: 4_575 + 178 + 14_113 + 3_400 + 94_500))
        XCTAssertTrue(state.receivables.ledger.isBalanced)
    }
}
