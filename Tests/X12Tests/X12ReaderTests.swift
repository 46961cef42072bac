import XCTest
@testable import X12

final class X12ReaderTests: XCTestCase {
    func testHandMadeInterchangeReadsWithNumberedSegments() throws {
        let interchange = try X12Reader.read(HandMade.interchange())
        XCTAssertEqual(interchange.controlNumber, "000000042")
        XCTAssertEqual(interchange.senderID, "SENDER")
        XCTAssertEqual(interchange.groups.count, 1)
        let set = try XCTUnwrap(interchange.transactionSets.first)
        XCTAssertEqual(set.identifier, "837")
        XCTAssertEqual(set.implementationReference, "005010X222A1")
        XCTAssertEqual(set.body.map(\.id), ["BHT", "NM1"])
        XCTAssertEqual(set.body.map(\.number), [4, 5])
        XCTAssertEqual(set.trailer.number, 6)
        XCTAssertEqual(set.body[1][3], "PRACTICA")
        XCTAssertEqual(set.body[1][99], "")
    }

    func testDelimitersComeFromISA() throws {
        let text = HandMade.interchange()
            .replacingOccurrences(of: "*", with: "|").replacingOccurrences(of: "~", with: "\u{1D}")
            .replacingOccurrences(of: "|T|:", with: "|T|>")
        let interchange = try X12Reader.read(text)
        XCTAssertEqual(interchange.delimiters.element, UInt8(ascii: "|"))
        XCTAssertEqual(interchange.delimiters.component, UInt8(ascii: ">"))
        XCTAssertEqual(interchange.delimiters.repetition, UInt8(ascii: "^"))
        XCTAssertEqual(interchange.delimiters.segment, 0x1D)
        XCTAssertEqual(interchange.transactionSets.first?.body.first?[3], "REF1")
    }

    func testByteOrderMarkAndCRLFAreTolerated() throws {
        let text = "\u{FEFF}" + HandMade.interchange(separator: "\r\n") + "\r\n\r\n"
        let interchange = try X12Reader.read(text)
        XCTAssertEqual(interchange.transactionSets.first?.body.map(\.id), ["BHT", "NM1"])
        XCTAssertEqual(interchange.trailer.number, 8)
    }

    func testNoLineBreaksAtAllReads() throws {
        XCTAssertEqual(try X12Reader.read(HandMade.interchange(separator: "")).trailer.number, 8)
    }

    func testWrongSECountIsRejectedAtSE() {
        let error = assertX12Error(try X12Reader.read(HandMade.interchange(seCount: "5")), kind: .countMismatch, segment: 6)
        XCTAssertEqual(error?.description, "segment 6 (SE): SE01 says 5 segments, the set has 4")
    }

    func testWrongGECountIsRejectedAtGE() {
        let error = assertX12Error(try X12Reader.read(HandMade.interchange(geCount: "2")), kind: .countMismatch, segment: 7)
        XCTAssertEqual(error?.description, "segment 7 (GE): GE01 says 2 transaction sets, the group has 1")
    }

    func testWrongIEACountIsRejectedAtIEA() {
        let error = assertX12Error(try X12Reader.read(HandMade.interchange(ieaCount: "3")), kind: .countMismatch, segment: 8)
        XCTAssertEqual(error?.description, "segment 8 (IEA): IEA01 says 3 functional groups, the interchange has 1")
    }

    func testMismatchedSetControlNumberIsRejectedAtSE() {
        let error = assertX12Error(try X12Reader.read(HandMade.interchange(seControl: "0002")), kind: .controlNumberMismatch, segment: 6)
        XCTAssertEqual(error?.reason, "SE02 0002 does not match ST02 0001 of segment 3")
    }

    func testMismatchedGroupControlNumberIsRejectedAtGE() {
        assertX12Error(try X12Reader.read(HandMade.interchange(geControl: "8")), kind: .controlNumberMismatch, segment: 7)
    }

    func testGroupControlNumbersCompareByValue() throws {
        XCTAssertNoThrow(try X12Reader.read(HandMade.interchange(geControl: "0007")))
    }

    func testMismatchedInterchangeControlNumberIsRejectedAtIEA() {
        let error = assertX12Error(try X12Reader.read(HandMade.interchange(ieaControl: "000000043")), kind: .controlNumberMismatch, segment: 8)
        XCTAssertEqual(error?.reason, "IEA02 000000043 does not match ISA13 000000042")
    }

    func testLenientOptionTurnsControlNumberMismatchIntoWarning() throws {
        let interchange = try X12Reader.read(HandMade.interchange(ieaControl: "000000043"), options: .lenientControlNumbers)
        XCTAssertEqual(interchange.warnings.map(\.segmentNumber), [8])
        // Counts stay strict even when lenient.
        assertX12Error(try X12Reader.read(HandMade.interchange(seCount: "9"), options: .lenientControlNumbers), kind: .countMismatch, segment: 6)
    }

    func testFileCutInsideASegmentIsTruncated() {
        let text = HandMade.interchange()
        let cut = String(text.prefix(text.count - 6)) // "...IEA*1*0000"
        let error = assertX12Error(try X12Reader.read(cut), kind: .truncated, segment: 8)
        XCTAssertEqual(error?.segmentLabel, "IEA")
    }

    func testFileCutAtASegmentBoundaryLacksIEA() {
        let text = HandMade.interchange()
        let withoutIEA = text.components(separatedBy: "\n").dropLast().joined(separator: "\n")
        let error = assertX12Error(try X12Reader.read(withoutIEA), kind: .missingSegment, segment: 7)
        XCTAssertTrue(error?.reason.contains("no IEA") ?? false, "\(String(describing: error))")
    }

    func testMissingSEIsNamedAtTheSegmentThatEndsTheSet() {
        let text = HandMade.interchange().replacingOccurrences(of: "SE*4*0001~\n", with: "")
        let error = assertX12Error(try X12Reader.read(text), kind: .missingSegment, segment: 6)
        XCTAssertEqual(error?.reason, "transaction set 0001 started at segment 3 has no SE before this GE")
    }

    func testShortFileIsTruncatedISA() {
        assertX12Error(try X12Reader.read(String(HandMade.isa.prefix(60))), kind: .truncated, segment: 1)
    }

    func testFileNotStartingWithISAIsRejected() {
        assertX12Error(try X12Reader.read("GS*HC~"), kind: .invalidHeader, segment: 1)
    }

    func testSegmentsUsingAnotherElementSeparatorAreRejected() {
        let text = HandMade.interchange().replacingOccurrences(of: "BHT*0019*00", with: "BHT|0019|00")
        let error = assertX12Error(try X12Reader.read(text), kind: .invalidDelimiters, segment: 4)
        XCTAssertTrue(error?.reason.contains("does not use the delimiters") ?? false)
    }

    func testSegmentTerminatorOtherThanDeclaredIsRejected() {
        // ISA declares "~" but the rest of the file ends segments with newlines only.
        let text = HandMade.isa + "\n" + HandMade.interchange().components(separatedBy: "\n").dropFirst()
            .map { $0.replacingOccurrences(of: "~", with: "") }.joined(separator: "\n") + "~"
        assertX12Error(try X12Reader.read(text), kind: .invalidDelimiters, segment: 2)
    }

    func testISAWithWrongFieldWidthIsRejected() {
        let text = HandMade.interchange().replacingOccurrences(of: "*SENDER         *", with: "*SENDER*")
        let error = assertX12Error(try X12Reader.read(text), kind: .invalidDelimiters, segment: 1)
        XCTAssertTrue(error?.reason.contains("fixed widths") ?? false)
    }

    func testClashingDelimitersAreRejected() {
        let text = HandMade.interchange().replacingOccurrences(of: "*T*:~", with: "*T*~~")
        let error = assertX12Error(try X12Reader.read(text), kind: .invalidDelimiters, segment: 1)
        XCTAssertEqual(error?.reason, "the component and segment separators are both '~'")
    }

    func testAlphanumericRepetitionSeparatorIsReadAsNoneWithWarning() throws {
        let text = HandMade.interchange().replacingOccurrences(of: "*0930*^*00501", with: "*0930*U*00501")
        let interchange = try X12Reader.read(text)
        XCTAssertNil(interchange.delimiters.repetition)
        XCTAssertEqual(interchange.warnings.count, 1)
    }

    func testDataAfterIEAIsRejected() {
        let text = HandMade.interchange() + "\nGS*HC*A*B*20240401*0930*8*X*005010X222A1~"
        assertX12Error(try X12Reader.read(text), kind: .unexpectedSegment, segment: 9)
    }

    func testSegmentOutsideSetIsRejected() {
        let text = HandMade.interchange().replacingOccurrences(of: "ST*837", with: "BHT*0019~\nST*837")
        assertX12Error(try X12Reader.read(text), kind: .unexpectedSegment, segment: 3)
    }

    func testCompositeAndRepetitionAccess() {
        let segment = X12Segment(id: "SVC", elements: ["HC:99213:25:59", "100", "", "", "1", "A^B"], number: 9)
        XCTAssertEqual(segment.components(1), ["HC", "99213", "25", "59"])
        XCTAssertEqual(segment.component(1, 2), "99213")
        XCTAssertEqual(segment.component(1, 9), "")
        XCTAssertEqual(segment.repetitions(6), ["A", "B"])
        XCTAssertNil(segment.value(3))
    }
}
