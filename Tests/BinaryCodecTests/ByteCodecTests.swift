import BinaryCodec
import XCTest

final class ByteCodecTests: XCTestCase {
    func testVarintsRoundTripAtTheirEdges() throws {
        let unsigned: [UInt64] = [0, 1, 127, 128, 16_383, 16_384, UInt64(UInt32.max), .max]
        let signed: [Int64] = [0, 1, -1, 63, -64, 64, -65, .max, .min]
        var w = ByteWriter()
        for v in unsigned { w.writeVarUInt(v) }
        for v in signed { w.writeVarInt(v) }
        var r = ByteReader(w.bytes)
        for v in unsigned { XCTAssertEqual(try r.readVarUInt(), v) }
        for v in signed { XCTAssertEqual(try r.readVarInt(), v) }
        XCTAssertTrue(r.isAtEnd)
        var small = ByteWriter()
        small.writeVarInt(-1)
        XCTAssertEqual(small.bytes, [1], "zig-zag keeps small negatives to one byte")
    }

    func testStringsOptionalsAndFixedWidthRoundTrip() throws {
        var w = ByteWriter()
        w.writeString("José Hernández")
        w.writeOptionalString(nil)
        w.writeOptionalString("E11.9")
        w.writeOptionalVarInt(-2_500)
        w.writeUInt64BigEndian(0x0102_0304_0506_0708)
        w.writeUInt32LittleEndian(0xA1B2_C3D4)
        w.writeBool(true)
        var r = ByteReader(w.bytes)
        XCTAssertEqual(try r.readString(), "José Hernández")
        XCTAssertNil(try r.readOptionalString())
        XCTAssertEqual(try r.readOptionalString(), "E11.9")
        XCTAssertEqual(try r.readOptionalVarInt(), -2_500)
        XCTAssertEqual(try r.readUInt64BigEndian(), 0x0102_0304_0506_0708)
        XCTAssertEqual(try r.readUInt32LittleEndian(), 0xA1B2_C3D4)
        XCTAssertEqual(try r.readBool(), true)
    }

    func testHostileBytesThrowInsteadOfTrapping() {
        var truncated = ByteReader([0x05, 0x41])   // says 5 bytes, has 1
        XCTAssertThrowsError(try truncated.readString())
        var endless = ByteReader(Array(repeating: 0xFF, count: 12))
        XCTAssertThrowsError(try endless.readVarUInt())
        var badBool = ByteReader([7])
        XCTAssertThrowsError(try badBool.readBool())
        var badUTF8 = ByteReader([2, 0xC3, 0x28])
        XCTAssertThrowsError(try badUTF8.readString()) { XCTAssertTrue("\($0)".contains("UTF-8")) }
        var empty = ByteReader([])
        XCTAssertThrowsError(try empty.readByte()) { XCTAssertEqual($0 as? DecodingError, .truncated(at: 0)) }
    }

    /// Strings read back as the standard library's validating initializer reads them:
    /// ASCII through the shortcut, other UTF-8 through validation, invalid bytes refused.
    func testStringsReadFromBytesMatchValidatedDecoding() {
        var rng = SystemRandomNumberGenerator()
        let samples: [[UInt8]] = (0..<300).map { _ in (0..<Int.random(in: 0...20, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) } }
            + [Array("José Núñez".utf8), Array("99213".utf8), [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80]]
        for bytes in samples {
            let ours = bytes.withUnsafeBufferPointer(String.init(validatingUTF8Bytes:))
            XCTAssertEqual(ours, String(validating: bytes, as: UTF8.self), "\(bytes)")
            var reader = ByteReader([UInt8(bytes.count)] + bytes)
            XCTAssertEqual(try? reader.readString(), ours, "\(bytes)")
        }
    }

    func testJSONRenderingEscapesAndKeepsKeyOrder() {
        let value = JSONValue.object([("b", .string("quote \" slash \\ newline \n tab \t \u{01}")), ("a", .number("125.00")),
                                      ("list", .array([.int(-3), .bool(false), .null]))])
        XCTAssertEqual(value.rendered, #"{"b":"quote \" slash \\ newline \n tab \t \u0001","a":125.00,"list":[-3,false,null]}"#)
        XCTAssertEqual(value["a"], .number("125.00"))
        XCTAssertNil(value["missing"])
    }
}
