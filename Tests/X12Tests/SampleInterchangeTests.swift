import XCTest
import PracticaTestSupport
import X12

/// Every shared sample goes through the reader; the ones with known envelope
/// deviations (see /work/shared/x12/README.md) are rejected precisely.
final class SampleInterchangeTests: XCTestCase {
    /// Samples whose envelopes are broken, with the exact rejection.
    static let knownBroken: [String: String] = [
        "837p/imsweb_x12_valid.txt": "segment 36 (SE): SE01 says 25 segments, the set has 34",
        "837p/imsweb_x12_valid_different_separators.txt": "segment 36 (SE): SE01 says 25 segments, the set has 34",
        "999/imsweb_x12_999_accepted.txt": "segment 10 (IEA): IEA02 000000001 does not match ISA13 000000286",
        "271/lfh_subscriber-health-benefit-check-error.271": "segment 10 (SE): SE02 4323 does not match ST02 4321 of segment 3",
    ]

    func testEverySampleIsReadOrRejectedPrecisely() throws {
        var seen = 0
        for folder in ["270", "271", "277ca", "835", "837p", "999"] {
            for path in try SampleFiles.all(in: folder) {
                seen += 1
                let bytes = try SampleFiles.bytes(path)
                if let expected = Self.knownBroken[path] {
                    do {
                        _ = try X12Reader.read(bytes)
                        XCTFail("\(path) should be rejected: \(expected)")
                    } catch {
                        XCTAssertEqual("\(error)", expected, path)
                    }
                } else {
                    let interchange = try X12Reader.read(bytes)
                    XCTAssertFalse(interchange.transactionSets.isEmpty, path)
                    XCTAssertTrue(interchange.transactionSets.allSatisfy { $0.identifier == folder.prefix(3) }, path)
                }
            }
        }
        XCTAssertEqual(seen, 19, "the sample folder changed; review knownBroken")
    }

    func testEnvelopeDeviationsLeaveContentReadableWhenLenient() throws {
        let interchange = try X12Reader.read(try SampleFiles.bytes("999/imsweb_x12_999_accepted.txt"), options: .lenientControlNumbers)
        XCTAssertEqual(interchange.warnings.map(\.segmentNumber), [10])
    }

    func test837PSamplesTokenizeWithTheirSetsIntact() throws {
        let expected: [String: (sets: Int, claims: Int)] = [
            "837p/lfh_demo.autoaccident.837": (1, 1), "837p/lfh_demo.cob.example3.A.837": (1, 1),
            "837p/lfh_demo.example1.837": (1, 1), "837p/lfh_demo.example2.837": (1, 1),
        ]
        for (path, counts) in expected {
            let interchange = try X12Reader.read(try SampleFiles.bytes(path))
            XCTAssertEqual(interchange.transactionSets.count, counts.sets, path)
            let clms = interchange.transactionSets.flatMap(\.body).filter { $0.id == "CLM" }
            XCTAssertEqual(clms.count, counts.claims, path)
            XCTAssertEqual(interchange.groups.first?.version, "005010X222A2", path)
        }
    }

    func testDifferentSeparatorsSampleTokenizesLikeTheStandardOne() throws {
        let standard = try X12Tokenizer.tokenize(try SampleFiles.bytes("837p/imsweb_x12_valid.txt"))
        let different = try X12Tokenizer.tokenize(try SampleFiles.bytes("837p/imsweb_x12_valid_different_separators.txt"))
        XCTAssertEqual(different.delimiters.element, UInt8(ascii: "~"))
        XCTAssertEqual(different.delimiters.component, UInt8(ascii: "^"))
        XCTAssertEqual(different.delimiters.segment, UInt8(ascii: "_"))
        XCTAssertNil(different.delimiters.repetition, "ISA11 is 'U'")
        XCTAssertEqual(standard.segments.count, 38)
        XCTAssertEqual(different.segments.map(\.id), standard.segments.map(\.id))
        XCTAssertEqual(different.segments.map(\.elements), standard.segments.map(\.elements).map { $0.map {
            $0.replacingOccurrences(of: ":", with: "^")
        } })
        let sv1 = try XCTUnwrap(different.segments.first { $0.id == "SV1" })
        XCTAssertEqual(sv1.components(1), ["HC", "99211", "25"])
    }
}
