import Foundation
import PracticaTestSupport
import X12
import X12Fuzzing
import XCTest

/// Keeps `tools/fuzz` compiled and honest: its core runs a couple of thousand
/// damaged inputs here (the long run is the tool's, outside the timed suite).
final class X12FuzzTests: XCTestCase {
    private func samples() throws -> [[UInt8]] {
        try ["835/lfh_managed-care.835", "835/edi835parser_sample_835.txt", "999/imsweb_x12_999_rejected.txt",
             "277ca/imsweb_x12_277CA_rejected.txt", "837p/lfh_demo.example1.837"].map(SampleFiles.bytes)
    }

    func testTwoThousandDamagedInputsAreReadOrRefusedWithoutACrash() throws {
        let mutator = X12Mutator(seeds: try samples(), seed: 2_026)
        let summary = X12FuzzRun.run(mutator, inputs: 0..<2_000, clock: { DispatchTime.now().uptimeNanoseconds })
        XCTAssertEqual(summary.inputs, 2_000)
        XCTAssertEqual(summary.accepted + summary.refused, 2_000)
        // The mutations must both break files and leave some readable: a fuzzer that only
        // produces garbage (or only the samples) tests nothing.
        XCTAssertGreaterThan(summary.refused, 200, "\(summary)")
        XCTAssertGreaterThan(summary.acceptedBy["835"] ?? 0, 20, "\(summary)")
        XCTAssertLessThan(summary.maxMilliseconds, 1_000, "\(summary)")
    }

    func testInputsReplayFromTheSeedAndIndexAlone() throws {
        let mutator = X12Mutator(seeds: try samples(), seed: 7)
        XCTAssertEqual(mutator.input(at: 1_234), X12Mutator(seeds: try samples(), seed: 7).input(at: 1_234))
        XCTAssertNotEqual(mutator.input(at: 1_234), mutator.input(at: 1_235))
    }
}
