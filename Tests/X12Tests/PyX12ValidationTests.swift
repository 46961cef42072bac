import Foundation
import XCTest
import PracticaTestSupport
import X12

/// Runs pyx12's `x12valid` on what the 837P writer produces: an independent
/// reading of the implementation guide, so our own reader agreeing with our
/// own writer is not the only evidence the files are right.
final class PyX12ValidationTests: XCTestCase {
    func validate(_ text: String, name: String) throws -> (ok: Bool, report: String) {
        try PyX12Validator.validate(text, name: name)
    }

    func assertValid(_ claims: [ProfessionalClaim837], name: String) throws {
        let text = try Claim837Fixtures.write(claims)
        let (ok, report) = try validate(text, name: name)
        XCTAssertTrue(ok, "pyx12 rejects \(name):\n\(report)\n\(text)")
    }

    func testPrimaryClaimForSubscriberPassesPyX12() throws {
        try assertValid([Claim837Fixtures.primarySelf], name: "primary-self.837")
    }

    func testPrimaryClaimForDependentPassesPyX12() throws {
        try assertValid([Claim837Fixtures.primaryDependent], name: "primary-dependent.837")
    }

    func testReplacementClaimPassesPyX12() throws {
        try assertValid([Claim837Fixtures.replacement], name: "replacement.837")
    }

    func testSecondaryClaimWithPriorAdjudicationPassesPyX12() throws {
        try assertValid([Claim837Fixtures.secondary], name: "secondary.837")
    }

    func testBatchOfAllVariantsPassesPyX12() throws {
        try assertValid([Claim837Fixtures.primarySelf, Claim837Fixtures.primaryDependent,
                         Claim837Fixtures.replacement, Claim837Fixtures.secondary], name: "batch.837")
    }
}

extension PyX12ValidationTests {
    /// Proves the harness reads a Failure verdict: without this, a harness that never
    /// saw "Failure" would make every test above pass vacuously.
    func testValidatorHarnessReportsFailureForBrokenClaim() throws {
        let text = try Claim837Fixtures.write([Claim837Fixtures.primarySelf])
            .replacingOccurrences(of: "HI*ABK:J020", with: "HI*ZZZ:J020")
        let (ok, report) = try validate(text, name: "broken.837")
        XCTAssertFalse(ok)
        XCTAssertTrue(report.contains("HI*ZZZ:J020"), report)
    }
}
