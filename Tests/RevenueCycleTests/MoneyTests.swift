import XCTest
@testable import RevenueCycle

final class MoneyTests: XCTestCase {
    func testParsesWholeOneAndTwoDecimalAndNegativeAmounts() throws {
        XCTAssertEqual(try Money.parse("125").cents, 12_500)
        XCTAssertEqual(try Money.parse("125.5").cents, 12_550)
        XCTAssertEqual(try Money.parse("125.00").cents, 12_500)
        XCTAssertEqual(try Money.parse("-3.10").cents, -310)
        XCTAssertEqual(try Money.parse(" 0.07 ").cents, 7)
    }

    func testRejectsMoreThanTwoDecimalsWithAReason() {
        XCTAssertThrowsError(try Money.parse("1.234")) { error in
            XCTAssertEqual((error as? ValueError)?.reason, "more than two decimals")
        }
    }

    func testRejectsNonNumbers() {
        for text in ["", "abc", "12a", "$12", "1,234.00", "1.2.3", "-", ".5", "5.", "--3", "+3", "1e3"] {
            XCTAssertThrowsError(try Money.parse(text), "\(text) should be refused")
        }
    }

    func testRejectsOverflowInsteadOfTrapping() {
        // Beyond Int64: refused while reading digits, not by trapping.
        XCTAssertThrowsError(try Money.parse("92233720368547758.08")) { error in
            XCTAssertEqual((error as? ValueError)?.reason, "amount is too large")
        }
        // Within Int64 but beyond what anyone bills: refused so sums can't overflow.
        XCTAssertThrowsError(try Money.parse("92233720368547758.07")) { error in
            XCTAssertEqual((error as? ValueError)?.reason, "amount is too large (at most 999999999.99)")
        }
    }

    func testPrintsTwoDecimals() throws {
        XCTAssertEqual(Money(cents: 123_456).description, "1234.56")
        XCTAssertEqual(Money(cents: -310).description, "-3.10")
        XCTAssertEqual(Money(cents: 5).description, "0.05")
        XCTAssertEqual(Money.zero.description, "0.00")
        XCTAssertEqual(Money(cents: Int64.min).description, "-92233720368547758.08")
        XCTAssertEqual(try Money.parse(Money(cents: 98_765).description), Money(cents: 98_765))
    }

    func testArithmeticIsExactInCents() {
        let a = Money(cents: 10), b = Money(cents: 20)
        XCTAssertEqual(a + b, Money(cents: 30))
        XCTAssertEqual(a - b, Money(cents: -10))
        XCTAssertEqual(-a, Money(cents: -10))
        XCTAssertEqual(a * 3, Money(cents: 30))
        XCTAssertEqual(Money.sum([a, b, a]), Money(cents: 40))
        XCTAssertLessThan(a, b)
        var c = a
        c += b
        c -= a
        XCTAssertEqual(c, b)
    }
}

final class MoneyLimitTests: XCTestCase {
    func testAmountsBeyondABillionAreRefusedSoLedgerSumsCannotOverflow() throws {
        XCTAssertEqual(try Money.parse("999999999.99").cents, 99_999_999_999)
        XCTAssertEqual(try Money.parse("-999999999.99").cents, -99_999_999_999)
        XCTAssertThrowsError(try Money.parse("1000000000.00")) { XCTAssertTrue("\($0)".contains("too large")) }
        XCTAssertThrowsError(try Money.parse("92233720368547758.07"))
    }

    func testDigitsWithCombiningMarksAreNotDigits() {
        XCTAssertThrowsError(try Money.parse("1\u{0301}0.00"))
        XCTAssertThrowsError(try ProcedureCode("9921\u{0301}3"))
        XCTAssertThrowsError(try NPI("123456789\u{0301}3"))
    }
}
