import Foundation
import PracticaTestSupport
import XCTest

/// The shared X12 samples (/work/shared/x12, or PRACTICA_X12_SAMPLES), and the
/// 277CA samples pointed at our claims.
///
/// The public 277CA samples answer claims "5781" and "3920394930203", ids from
/// another system; our claim ids carry the CL prefix. `accepted(claimID:)` and
/// `rejected(claimID:)` change only that one TRN*2 element (the segment count
/// stays the same), so everything else the payer said is the sample's.
enum X12Samples {
    static func bytes(_ relativePath: String) throws -> [UInt8] { try SampleFiles.bytes(relativePath) }

    static let acceptedPath = "277ca/imsweb_x12_277CA_accepted.txt"
    static let rejectedPath = "277ca/imsweb_x12_277CA_rejected.txt"

    static func accepted(claimID: String) throws -> [UInt8] {
        try retargeted(acceptedPath, from: "TRN*2*5781~", to: "TRN*2*\(claimID)~")
    }

    static func rejected(claimID: String) throws -> [UInt8] {
        try retargeted(rejectedPath, from: "TRN*2*3920394930203~", to: "TRN*2*\(claimID)~")
    }

    static func retargeted(_ path: String, from: String, to: String) throws -> [UInt8] {
        let text = String(decoding: try bytes(path), as: UTF8.self)
        XCTAssertTrue(text.contains(from), "\(path) no longer contains \(from)")
        return Array(text.replacingOccurrences(of: from, with: to).utf8)
    }
}
