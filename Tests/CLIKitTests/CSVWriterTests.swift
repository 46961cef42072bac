import XCTest
@testable import CLIKit

final class CSVWriterTests: XCTestCase {
    func testPlainFieldsAreNotQuoted() {
        XCTAssertEqual(CSVWriter().record(["a", "b c", ""]), "a,b c,\r\n")
    }

    func testFieldsNeedingQuotesAreQuotedAndQuotesDoubled() {
        XCTAssertEqual(CSVWriter.escape("Smith, Ana"), "\"Smith, Ana\"")
        XCTAssertEqual(CSVWriter.escape("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.escape("line1\nline2"), "\"line1\nline2\"")
        XCTAssertEqual(CSVWriter.escape("cr\ronly"), "\"cr\ronly\"")
        XCTAssertEqual(CSVWriter.escape("crlf\r\nend"), "\"crlf\r\nend\"")  // "\r\n" is one Character
        XCTAssertEqual(CSVWriter.escape("\""), "\"\"\"\"")
    }

    func testDocumentWithHeaderAndUnixLineEnding() {
        let csv = CSVWriter(lineEnding: "\n")
        XCTAssertEqual(csv.document(header: ["patient", "note"], rows: [["Ana", "said \"hi\", left"], ["Bo", "ok"]]),
                       "patient,note\nAna,\"said \"\"hi\"\", left\"\nBo,ok\n")
        XCTAssertEqual(csv.document(header: nil, rows: []), "")
    }
}
