import XCTest
import BinaryCodec
import X12
@testable import RevenueCycle

/// The billing profile: checked before it reaches the log, round-tripped
/// through its binary layout, folded into state, and turned into the 837P setup.
final class BillingProfileTests: XCTestCase {
    static let request = BillingProfileRequest(ein: "37-1234567", address: "1 Main St, Chicago, IL 60601-1234",
                                               submitterID: "lake0001", submitterName: "Lakeside Family Medicine",
                                               contactPhone: "(312) 555-0100", receiverID: "ACMECH",
                                               receiverName: "Acme Clearinghouse", isProduction: false)

    func testValidProfileIsNormalisedAndRoundTrips() throws {
        let e = try BillingProfileDecision.set(Self.request)
        XCTAssertEqual(e.ein, "371234567")
        XCTAssertEqual(e.submitterID, "LAKE0001")
        XCTAssertEqual(e.submitterName, "LAKESIDE FAMILY MEDICINE")
        XCTAssertEqual(e.claimFilingIndicator, "CI")
        let bytes = e.encoded()
        XCTAssertEqual(try BillingProfileSet.decode(bytes, schemaVersion: 1), e)
        XCTAssertEqual(try EventRegistry.decode(typeName: BillingProfileSet.typeName, schemaVersion: 1, bytes: bytes) as? BillingProfileSet, e)
        XCTAssertEqual(e.json.objectKeysForTest, ["ein", "address", "submitterId", "submitterName", "contactName", "contactPhone",
                                                  "receiverId", "receiverName", "filingIndicator", "production"])
    }

    func testProfileIsFoldedAndBuildsTheSubmissionSetup() throws {
        let e = try BillingProfileDecision.set(Self.request)
        let state = PracticeState([e])
        XCTAssertEqual(state.directory.billingProfile, e)
        let setup = try SubmissionSetup(profile: e)
        XCTAssertEqual(setup.billingTaxID, "371234567")
        XCTAssertEqual(setup.billingAddress, X12Address(line1: "1 MAIN ST", city: "CHICAGO", state: "IL", postalCode: "606011234"))
        XCTAssertEqual([setup.senderID, setup.receiverID, setup.submitter.phone], ["LAKE0001", "ACMECH", "3125550100"])
        XCTAssertFalse(setup.isProduction)
    }

    func testEachBadFieldIsRefusedByItsFlag() {
        var cases: [(String, (inout BillingProfileRequest) -> Void)] = []
        cases.append(("ein", { $0.ein = "12345" }))
        cases.append(("address", { $0.address = "somewhere" }))
        cases.append(("address", { $0.address = "PO Box 12, Chicago, IL 60601" }))
        cases.append(("submitter-id", { $0.submitterID = "LAKE*0001" }))
        cases.append(("receiver-id", { $0.receiverID = "A-VERY-LONG-RECEIVER-ID" }))
        cases.append(("submitter-name", { $0.submitterName = "***" }))
        cases.append(("phone", { $0.contactPhone = "555" }))
        cases.append(("filing-indicator", { $0.claimFilingIndicator = "XX" }))
        for (field, change) in cases {
            var r = Self.request
            change(&r)
            XCTAssertThrowsError(try BillingProfileDecision.set(r)) { error in
                XCTAssertEqual((error as? Rejection)?.field, field)
                XCTAssertEqual((error as? Rejection)?.kind, .usage)
            }
        }
    }
}

private extension JSONValue {
    var objectKeysForTest: [String] {
        if case .object(let pairs) = self { return pairs.map(\.0) }
        return []
    }
}
