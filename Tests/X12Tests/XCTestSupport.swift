import XCTest
import X12

/// Asserts that `body` throws an `X12Error` of `kind` at `segment`, and returns it for further checks.
@discardableResult
func assertX12Error<T>(_ body: @autoclosure () throws -> T, kind: X12Error.Kind, segment: Int?,
                       file: StaticString = #filePath, line: UInt = #line) -> X12Error? {
    do {
        _ = try body()
        XCTFail("expected \(kind) at segment \(segment.map(String.init) ?? "none"), but it succeeded", file: file, line: line)
        return nil
    } catch let error as X12Error {
        XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line)
        XCTAssertEqual(error.segmentNumber, segment, "\(error)", file: file, line: line)
        return error
    } catch {
        XCTFail("expected X12Error, got \(error)", file: file, line: line)
        return nil
    }
}

/// A small valid interchange with one group and one set, written out by hand.
enum HandMade {
    static let isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240401*0930*^*00501*000000042*0*T*:~"

    /// segments 1 ISA, 2 GS, 3 ST, 4 BHT, 5 NM1, 6 SE, 7 GE, 8 IEA
    static func interchange(seCount: String = "4", stControl: String = "0001", seControl: String = "0001",
                            geCount: String = "1", gsControl: String = "7", geControl: String = "7",
                            ieaCount: String = "1", ieaControl: String = "000000042", separator: String = "\n") -> String {
        [
            isa,
            "GS*HC*SENDER*RECEIVER*20240401*0930*\(gsControl)*X*005010X222A1~",
            "ST*837*\(stControl)*005010X222A1~",
            "BHT*0019*00*REF1*20240401*0930*CH~",
            "NM1*41*2*PRACTICA*****46*SENDER~",
            "SE*\(seCount)*\(seControl)~",
            "GE*\(geCount)*\(geControl)~",
            "IEA*\(ieaCount)*\(ieaControl)~",
        ].joined(separator: separator)
    }
}
