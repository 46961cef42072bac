import XCTest
@testable import X12

final class X12SmokeTests: XCTestCase {
    func testModuleLinks() { XCTAssertTrue(true) }
}
