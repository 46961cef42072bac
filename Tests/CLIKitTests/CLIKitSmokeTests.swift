import XCTest
@testable import CLIKit

final class CLIKitSmokeTests: XCTestCase {
    func testModuleLinks() { XCTAssertTrue(true) }
}
