import XCTest
@testable import Charts

final class NumberTextTests: XCTestCase {
    func testCentsPrintAsGroupedDollars() {
        XCTAssertEqual(NumberText.money(cents: 123456), "$1,234.56")
        XCTAssertEqual(NumberText.money(cents: 0), "$0.00")
        XCTAssertEqual(NumberText.money(cents: 5), "$0.05")
        XCTAssertEqual(NumberText.money(cents: 100), "$1.00")
        XCTAssertEqual(NumberText.money(cents: 99_999), "$999.99")
        XCTAssertEqual(NumberText.money(cents: 100_000), "$1,000.00")
    }

    func testNegativeCentsPutTheSignBeforeTheDollar() {
        XCTAssertEqual(NumberText.money(cents: -123456), "-$1,234.56")
        XCTAssertEqual(NumberText.money(cents: -5), "-$0.05")
    }

    func testLargeAmountsArePrintedExactlyToTheCent() {
        // Beyond 2^53: a Double would already have lost the last cent.
        XCTAssertEqual(NumberText.money(cents: 9_007_199_254_740_993), "$90,071,992,547,409.93")
        XCTAssertEqual(NumberText.money(cents: Int64.max), "$92,233,720,368,547,758.07")
        XCTAssertEqual(NumberText.money(cents: Int64.min), "-$92,233,720,368,547,758.08")
    }

    func testCountsAndDecimalsAreGrouped() {
        XCTAssertEqual(NumberText.grouped(0), "0")
        XCTAssertEqual(NumberText.grouped(999), "999")
        XCTAssertEqual(NumberText.grouped(1000), "1,000")
        XCTAssertEqual(NumberText.grouped(-1_234_567), "-1,234,567")
        XCTAssertEqual(NumberText.decimal(425, places: 1), "42.5")
        XCTAssertEqual(NumberText.decimal(-5, places: 2), "-0.05")
        XCTAssertEqual(NumberText.decimal(123_456_789, places: 3), "123,456.789")
    }

    func testUnitsFormatTheirValues() {
        XCTAssertEqual(ValueUnit.cents.format(123456), "$1,234.56")
        XCTAssertEqual(ValueUnit.count.format(12345), "12,345")
        XCTAssertEqual(ValueUnit.basisPoints.format(1234), "12.34%")
        XCTAssertEqual(ValueUnit.basisPoints.format(10_000), "100.00%")
        XCTAssertEqual(ValueUnit.tenthsOfDays.format(425), "42.5 days")
        XCTAssertEqual(ValueUnit.days.format(38), "38 days")
    }

    func testTickLabelsUseTheStepsPrecisionWithoutRounding() {
        XCTAssertEqual(ValueUnit.cents.tickLabel(2_000_000, step: 500_000), "$20k")
        XCTAssertEqual(ValueUnit.cents.tickLabel(150_000_000, step: 50_000), "$1,500,000")
        XCTAssertEqual(ValueUnit.cents.tickLabel(200_000_000, step: 100_000_000), "$2M")
        XCTAssertEqual(ValueUnit.cents.tickLabel(250_000, step: 50_000), "$2,500")
        XCTAssertEqual(ValueUnit.cents.tickLabel(-500, step: 500), "-$5")
        XCTAssertEqual(ValueUnit.cents.tickLabel(50, step: 50), "$0.50")
        XCTAssertEqual(ValueUnit.basisPoints.tickLabel(1500, step: 500), "15%")
        XCTAssertEqual(ValueUnit.basisPoints.tickLabel(1250, step: 50), "12.5%")
        XCTAssertEqual(ValueUnit.basisPoints.tickLabel(1234, step: 50), "12.34%")   // off-step values keep their digits
        XCTAssertEqual(ValueUnit.tenthsOfDays.tickLabel(400, step: 100), "40 days")
        XCTAssertEqual(ValueUnit.tenthsOfDays.tickLabel(405, step: 5), "40.5 days")
    }

    func testPercentagesRoundHalfAwayFromZero() {
        XCTAssertEqual(Percentage.basisPoints(numerator: 1, denominator: 3), 3333)
        XCTAssertEqual(Percentage.basisPoints(numerator: 2, denominator: 3), 6667)
        XCTAssertEqual(Percentage.basisPoints(numerator: 1, denominator: 20_000), 1)   // exactly half a point
        XCTAssertEqual(Percentage.basisPoints(numerator: -1, denominator: 3), -3333)
        XCTAssertEqual(Percentage.basisPoints(numerator: 45, denominator: 45), 10_000)
        XCTAssertEqual(Percentage.basisPoints(numerator: 0, denominator: 7), 0)
    }

    func testPercentagesOfLargeAmountsDoNotOverflow() {
        // 10^16 cents × 10,000 exceeds Int64, the rate itself (50%) doesn't.
        XCTAssertEqual(Percentage.basisPoints(numerator: 10_000_000_000_000_000, denominator: 20_000_000_000_000_000), 5000)
        XCTAssertEqual(Percentage.basisPoints(numerator: Int64.max, denominator: Int64.max), 10_000)
        XCTAssertNil(Percentage.basisPoints(numerator: Int64.max, denominator: 1))
    }

    func testARateWithoutDenominatorIsNotAvailable() {
        XCTAssertNil(Percentage.basisPoints(numerator: 5, denominator: 0))
        XCTAssertEqual(Percentage.text(numerator: 5, denominator: 0), "n/a")
        XCTAssertEqual(Percentage.text(numerator: 1, denominator: 8), "12.50%")
    }
}
