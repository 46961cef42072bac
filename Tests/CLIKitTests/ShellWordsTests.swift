import XCTest
@testable import CLIKit

final class ShellWordsTests: XCTestCase {
    func testSplitsOnWhitespaceAndHonoursQuotes() {
        XCTAssertEqual(ShellWords.split("  a  'b c' \"d \\\"e\\\"\" f\\ g ''"), ["a", "b c", "d \"e\"", "f g", ""])
        XCTAssertEqual(ShellWords.split(""), [])
    }
}
