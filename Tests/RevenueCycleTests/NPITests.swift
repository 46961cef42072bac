import XCTest
@testable import RevenueCycle

final class NPITests: XCTestCase {
    func testAcceptsNPIWhoseLuhnDigitOverThe80840PrefixMatches() throws {
        XCTAssertEqual(try NPI("1234567893").digits, "1234567893")
        // CMS's published example and another real-format one.
        XCTAssertNoThrow(try NPI("1245319599"))
    }

    func testRejectsWrongCheckDigitNamingTheExpectedOne() {
        XCTAssertThrowsError(try NPI("1234567890")) { error in
            XCTAssertEqual((error as? ValueError)?.reason, "check digit should be 3, not 0")
            XCTAssertEqual((error as? ValueError)?.description,
                           "invalid NPI \"1234567890\": check digit should be 3, not 0")
        }
    }

    func testRejectsWrongLengthAndNonDigits() {
        for text in ["", "123456789", "12345678930", "12345678a3", "1234 67893"] {
            XCTAssertThrowsError(try NPI(text), text)
        }
    }
}
