import XCTest
@testable import CLIKit

final class TextTableTests: XCTestCase {
    func testNumericColumnsAlignRightAndTotalIsSetOff() {
        var table = TextTable(columns: [.init("Payer"), .init("Claims", alignment: .right), .init("Balance", alignment: .right)])
        table.append(["Aetna", "3", "120.00"])
        table.append(["Blue Cross", "12", "1,045.50"])
        table.totalRow = ["Total", "15", "1,165.50"]
        XCTAssertEqual(table.render(), """
            Payer       Claims   Balance
            ----------  ------  --------
            Aetna            3    120.00
            Blue Cross      12  1,045.50
            ----------  ------  --------
            Total           15  1,165.50

            """)
    }

    func testWidthsUseDisplayColumnsForWideAndAccentedText() {
        var table = TextTable(columns: [.init("Name"), .init("N", alignment: .right)])
        table.append(["山田", "1"])
        table.append(["José", "22"])
        table.append(["Zoë", "3"])
        let lines = table.render().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, ["Name   N", "----  --", "山田   1", "José  22", "Zoë    3"])
        XCTAssertEqual(Set(lines.map { DisplayWidth.of($0) }), [8])  // every row fills 8 columns
    }

    func testShortRowsPadAndTrailingSpacesAreTrimmed() {
        var table = TextTable(columns: [.init("A"), .init("B")])
        table.append(["x"])
        table.append(["long", "y", "ignored"])
        XCTAssertEqual(table.render(), "A     B\n----  -\nx\nlong  y\n")
    }

    func testDisplayWidth() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)  // e + combining acute
        XCTAssertEqual(DisplayWidth.of("日本"), 4)
        XCTAssertEqual(DisplayWidth.of("✅"), 2)
        XCTAssertEqual(DisplayWidth.padLeft("日", to: 4), "  日")
    }

    func testTextWrapper() {
        XCTAssertEqual(TextWrapper.wrap("one two three", width: 7), ["one two", "three"])
        XCTAssertEqual(TextWrapper.wrap("averyverylongword x", width: 5), ["averyverylongword", "x"])
        XCTAssertEqual(TextWrapper.wrapParagraphs("a b\n\nc", width: 10), ["a b", "", "c"])
    }
}
