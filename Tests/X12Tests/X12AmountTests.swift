import XCTest
import X12

final class X12AmountTests: XCTestCase {
    func testParsesX12DecimalsExactly() throws {
        let cases: [(String, Int64)] = [
            ("125", 12500), ("125.5", 12550), ("125.50", 12550), ("-12.00", -1200), (".5", 50), ("0.05", 5),
            ("-.01", -1), ("1.500", 150), ("1.5000", 150), ("007", 700), ("5.", 500), ("92233720368547.75", 9_223_372_036_854_775),
        ]
        for (text, cents) in cases {
            XCTAssertEqual(try X12Amount.cents(from: text), cents, text)
        }
    }

    func testRejectsFractionsOfACentAndNonAmounts() {
        for text in ["1.005", "0.001", "", "-", ".", "1.2.3", "12a", "1,000.00", "+5", "1e3", "--1", "99999999999999999"] {
            assertX12Error(try X12Amount.cents(from: text), kind: .invalidAmount, segment: nil)
        }
    }

    func testFormatsWithoutTrailingZeros() {
        XCTAssertEqual(X12Amount.string(fromCents: 12500), "125")
        XCTAssertEqual(X12Amount.string(fromCents: 12550), "125.5")
        XCTAssertEqual(X12Amount.string(fromCents: 12505), "125.05")
        XCTAssertEqual(X12Amount.string(fromCents: 0), "0")
        XCTAssertEqual(X12Amount.string(fromCents: 5), "0.05")
        XCTAssertEqual(X12Amount.string(fromCents: -50), "-0.5")
        XCTAssertEqual(X12Amount.dollars(-1005), "-10.05")
        XCTAssertEqual(X12Amount.dollars(15000), "150.00")
    }

    func testFormattingRoundTripsThroughParsing() throws {
        for cents: Int64 in [0, 1, 9, 10, 99, 100, 101, 12345, -1, -12345, 999_999_999] {
            XCTAssertEqual(try X12Amount.cents(from: X12Amount.string(fromCents: cents)), cents)
        }
    }

    func testDatesAreValidatedAgainstTheCalendar() throws {
        XCTAssertEqual(try X12Date(ccyymmdd: "20240229").description, "2024-02-29")
        XCTAssertEqual(try X12Date(year: 2024, month: 3, day: 5).ccyymmdd, "20240305")
        for bad in ["20230229", "20002316", "2024031", "2024-03-01", "19000229"] {
            assertX12Error(try X12Date(ccyymmdd: bad), kind: .invalidDate, segment: nil)
        }
    }

    func testQuantitiesAreExactDecimals() throws {
        XCTAssertEqual(try X12Quantity.decimal(from: "1.5"), Decimal(string: "1.5"))
        XCTAssertEqual(X12Quantity.string(from: 2), "2")
        XCTAssertEqual(X12Quantity.string(from: Decimal(string: "1.25") ?? 0), "1.25")
        assertX12Error(try X12Quantity.decimal(from: "1x"), kind: .invalidValue, segment: nil)
    }
}
