import XCTest
@testable import RevenueCycle

final class RevenueCycleSmokeTests: XCTestCase {
    func testModuleLinks() { XCTAssertTrue(true) }
}
