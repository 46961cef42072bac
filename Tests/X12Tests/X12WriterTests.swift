import XCTest
@testable import X12

final class X12WriterTests: XCTestCase {
    func header() -> X12InterchangeHeader { Claim837Fixtures.interchangeHeader }

    func group(_ sets: [X12OutgoingTransactionSet]) -> X12OutgoingGroup {
        X12OutgoingGroup(header: X12GroupHeader(functionalIdentifier: "HC", applicationSender: "S", applicationReceiver: "R",
                                                date: Claim837Fixtures.day(2024, 4, 1), time: X12Time.midnight,
                                                controlNumber: 77, version: "005010X222A1"), transactionSets: sets)
    }

    func set(_ control: String, _ body: [X12OutputSegment]) -> X12OutgoingTransactionSet {
        X12OutgoingTransactionSet(identifier: "837", controlNumber: control, implementationReference: "005010X222A1", body: body)
    }

    func testISAIsFixedWidthAndTrailersAreComputed() throws {
        let body = [X12OutputSegment("BHT", ["0019", "00", "R", "20240401", "0000", "CH"]),
                    X12OutputSegment("NM1", ["41", "2", "X", "", "", "", "", "46", "ID", "", ""])]
        let text = try X12Writer().write(header: header(), groups: [group([set("0001", body), set("0002", [])])])
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0].count, 106)
        XCTAssertEqual(lines[0], "ISA*00*          *00*          *ZZ*PRAC0001       *ZZ*ACMECH         *240401*0930*^*00501*000001207*0*T*:~")
        XCTAssertEqual(lines[4], "NM1*41*2*X*****46*ID~", "trailing empty elements are dropped")
        XCTAssertEqual(lines[5], "SE*4*0001~")
        XCTAssertEqual(lines[7], "SE*2*0002~")
        XCTAssertEqual(lines[8], "GE*2*77~")
        XCTAssertEqual(lines[9], "IEA*1*000001207~")
        let read = try X12Reader.read(text)
        XCTAssertEqual(read.transactionSets.map(\.controlNumber), ["0001", "0002"])
        XCTAssertEqual(read.transactionSets[0].body.map(\.elements), [["0019", "00", "R", "20240401", "0000", "CH"],
                                                                     ["41", "2", "X", "", "", "", "", "46", "ID"]])
    }

    func testNonASCIIDelimiterIsRefused() {
        assertX12Error(try X12Delimiters(element: "|", component: ">", repetition: "!", segment: "é"), kind: .invalidDelimiters, segment: nil)
        assertX12Error(try X12Delimiters(element: "|", component: "|", repetition: nil, segment: "~"), kind: .invalidDelimiters, segment: nil)
        assertX12Error(try X12Delimiters(element: "A", component: ":", repetition: nil, segment: "~"), kind: .invalidDelimiters, segment: nil)
    }

    func testValueContainingADelimiterIsRefused() {
        let body = [X12OutputSegment("N3", ["12 ELM*ROAD"])]
        let error = assertX12Error(try X12Writer().write(header: header(), groups: [group([set("0001", body)])]),
                                   kind: .invalidInput, segment: 4)
        XCTAssertEqual(error?.segmentLabel, "N3")
    }

    func testOverlongISAFieldIsRefused() {
        var h = header()
        h.senderID = "A-SENDER-ID-THAT-IS-TOO-LONG"
        assertX12Error(try X12Writer().write(header: h, groups: []), kind: .invalidInput, segment: 1)
    }

    func test837PRoundTripsThroughTheReaderWithOtherDelimiters() throws {
        let delimiters = try X12Delimiters(element: "|", component: ">", repetition: "!", segment: "~", lineBreak: "\r\n")
        let text = try Claim837Fixtures.write([Claim837Fixtures.primarySelf, Claim837Fixtures.secondary], delimiters: delimiters)
        let interchange = try X12Reader.read(text)
        XCTAssertEqual(interchange.delimiters.component, UInt8(ascii: ">"))
        let body = try XCTUnwrap(interchange.transactionSets.first).body
        let clms = body.filter { $0.id == "CLM" }
        XCTAssertEqual(clms.map { $0[1] }, ["CL5521", "CL5530"])
        XCTAssertEqual(clms[0].components(5), ["11", "B", "1"])
        XCTAssertEqual(try X12Amount.cents(from: clms[0][2]), 16050)
        let sv1 = try XCTUnwrap(body.first { $0.id == "SV1" })
        XCTAssertEqual(sv1.components(1), ["HC", "99213", "25"])
        XCTAssertEqual(sv1.components(7), ["1", "2"])
    }
}
