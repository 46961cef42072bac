import XCTest
@testable import BinaryCodec

final class BinaryCodecSmokeTests: XCTestCase {
    func testModuleLinks() { XCTAssertTrue(true) }
}
