import XCTest
@testable import CLIKit

final class SuggestionTests: XCTestCase {
    func testEditDistanceCountsTranspositionAsOne() {
        XCTAssertEqual(Suggestion.editDistance("lgo", "log"), 1)
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("", "abc"), 3)
        XCTAssertEqual(Suggestion.editDistance("same", "same"), 0)
    }

    func testClosestPicksNearestAndRespectsLimit() {
        XCTAssertEqual(Suggestion.closest(to: "lgo", among: ["claim", "log"]), "log")
        XCTAssertEqual(Suggestion.closest(to: "submt", among: ["show", "submit"]), "submit")
        XCTAssertNil(Suggestion.closest(to: "xyz", among: ["log", "claim"]))
        XCTAssertNil(Suggestion.closest(to: "ab", among: ["log"]))
    }

    func testPrefixSuggestsTheLongerCommand() {
        XCTAssertEqual(Suggestion.closest(to: "sub", among: ["show", "submit"]), "submit")
    }
}
