import XCTest
@testable import Projections

final class ProjectionsSmokeTests: XCTestCase {
    func testModuleLinks() { XCTAssertTrue(true) }
}
