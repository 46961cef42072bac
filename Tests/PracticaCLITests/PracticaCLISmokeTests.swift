import XCTest
@testable import PracticaCLI

final class PracticaCLISmokeTests: XCTestCase {
    func testModuleLinks() { XCTAssertTrue(true) }
}
