import XCTest
@testable import Charts

final class AxisScaleTests: XCTestCase {
    func testStepsFollowTheOneTwoFiveProgression() {
        XCTAssertEqual(AxisScale(covering: [93]).ticks, [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(AxisScale(covering: [100]).ticks, [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(AxisScale(covering: [101]).step, 50)
        XCTAssertEqual(AxisScale(covering: [7]).step, 2)
        XCTAssertEqual(AxisScale(covering: [1_234_567]).step, 500_000)
        for max: Int64 in [1, 3, 9, 17, 44, 99, 250, 999, 12_345, 987_654_321] {
            let step = AxisScale(covering: [max]).step
            var mantissa = step
            while mantissa % 10 == 0 { mantissa /= 10 }
            XCTAssertTrue([1, 2, 5].contains(mantissa), "step \(step) for \(max)")
        }
    }

    func testTicksCoverEveryValueAndSitOnMultiplesOfTheStep() {
        let values: [Int64] = [-3_450, 12, 9_999, 27_001]
        let scale = AxisScale(covering: values)
        XCTAssertLessThanOrEqual(scale.lower, -3_450)
        XCTAssertGreaterThanOrEqual(scale.upper, 27_001)
        XCTAssertEqual(scale.ticks.first, scale.lower)
        XCTAssertEqual(scale.ticks.last, scale.upper)
        XCTAssertTrue(scale.ticks.allSatisfy { $0 % scale.step == 0 })
        XCTAssertTrue(scale.ticks.contains(0))
        XCTAssertLessThanOrEqual(scale.ticks.count, 9)
    }

    func testAllZeroValuesStillGiveAnAxisFromZero() {
        let scale = AxisScale(covering: [0, 0, 0])
        XCTAssertEqual(scale.ticks, [0, 1])
        XCTAssertEqual(AxisScale(covering: [0, 0], unit: .cents).ticks, [0, 100])
        XCTAssertEqual(AxisScale(covering: []).ticks, [0, 1])
        XCTAssertEqual(scale.fraction(of: 0), 0)
    }

    func testNegativeValuesExtendTheAxisBelowZero() {
        let scale = AxisScale(covering: [-75, -10])
        XCTAssertEqual(scale.ticks, [-80, -60, -40, -20, 0])
        XCTAssertEqual(scale.fraction(of: 0), 1)
        let mixed = AxisScale(covering: [-40, 160])
        XCTAssertEqual(mixed.ticks, [-50, 0, 50, 100, 150, 200])
    }

    func testAFlatNonZeroSeriesWithoutZeroGetsAnInterval() {
        let scale = AxisScale(covering: [42, 42], includeZero: false)
        XCTAssertLessThan(scale.lower, scale.upper)
        XCTAssertLessThanOrEqual(scale.lower, 42)
        XCTAssertGreaterThanOrEqual(scale.upper, 42)
        let negative = AxisScale(covering: [-42], includeZero: false)
        XCTAssertLessThan(negative.lower, negative.upper)
        XCTAssertLessThanOrEqual(negative.lower, -42)
    }

    func testMinimumStepKeepsMoneyAxesInWholeDollars() {
        let scale = AxisScale(covering: [37], unit: .cents)   // 37 cents
        XCTAssertEqual(scale.step, 100)
        XCTAssertEqual(scale.ticks, [0, 100])
    }

    func testExtremeValuesDoNotTrap() {
        for values: [Int64] in [[Int64.max], [Int64.min], [Int64.min, Int64.max], [Int64.max - 1, Int64.max]] {
            let scale = AxisScale(covering: values)
            XCTAssertFalse(scale.ticks.isEmpty)
            XCTAssertLessThanOrEqual(scale.lower, values.min() ?? 0)
            XCTAssertGreaterThanOrEqual(scale.upper, values.max() ?? 0)
            XCTAssertLessThan(scale.ticks.count, 12)
        }
    }

    func testFractionIsProportionalAndClamped() {
        let scale = AxisScale(covering: [100])
        XCTAssertEqual(scale.fraction(of: 50), 0.5, accuracy: 1e-12)
        XCTAssertEqual(scale.fraction(of: 500), 1)
        XCTAssertEqual(scale.fraction(of: -5), 0)
    }
}
