import XCTest
import X12

final class Professional837WriterTests: XCTestCase {
    func body(_ claims: [ProfessionalClaim837]) throws -> [X12Segment] {
        try XCTUnwrap(try X12Reader.read(try Claim837Fixtures.write(claims)).transactionSets.first).body
    }

    func ids(_ segments: [X12Segment]) -> [String] {
        segments.map { ["NM1", "HL", "REF", "DTP", "AMT", "SBR"].contains($0.id) ? "\($0.id)*\($0[1])" : $0.id }
    }

    func testSubscriberIsPatientClaimLayout() throws {
        let segments = try body([Claim837Fixtures.primarySelf])
        XCTAssertEqual(ids(segments), [
            "BHT", "NM1*41", "PER", "NM1*40", "HL*1", "PRV", "NM1*85", "N3", "N4", "REF*EI",
            "HL*2", "SBR*P", "NM1*IL", "N3", "N4", "DMG", "NM1*PR",
            "CLM", "HI", "NM1*82", "PRV",
            "LX", "SV1", "DTP*472", "REF*6R", "LX", "SV1", "DTP*472", "REF*6R",
        ])
        let hl = try XCTUnwrap(segments.first { $0.id == "HL" && $0[1] == "2" })
        XCTAssertEqual(hl.elements, ["2", "1", "22", "0"])
        XCTAssertEqual(segments.first { $0.id == "SBR" }?.elements, ["P", "18", "GRP5544", "", "", "", "", "", "CI"])
        XCTAssertEqual(segments.first { $0.id == "HI" }?.elements, ["ABK:J020", "ABF:R509"])
        XCTAssertEqual(segments.first { $0.id == "CLM" }?.elements, ["CL5521", "160.5", "", "", "11:B:1", "Y", "A", "Y", "Y"])
    }

    func testDependentPatientGetsItsOwnHierarchicalLevel() throws {
        let segments = try body([Claim837Fixtures.primaryDependent])
        let hls = segments.filter { $0.id == "HL" }.map(\.elements)
        XCTAssertEqual(hls, [["1", "", "20", "1"], ["2", "1", "22", "1"], ["3", "2", "23", "0"]])
        XCTAssertEqual(segments.first { $0.id == "PAT" }?[1], "19")
        XCTAssertEqual(segments.first { $0.id == "SBR" }?[2], "", "SBR02 is only 18 when the subscriber is the patient")
        XCTAssertEqual(segments.filter { $0.id == "DMG" }.map { $0[2] }, ["20150930"], "only the patient's demographics")
        XCTAssertEqual(segments.first { $0.id == "NM1" && $0[1] == "QC" }?[3], "DOE")
        XCTAssertFalse(segments.contains { $0.id == "NM1" && $0[1] == "82" })
        XCTAssertEqual(segments.first { $0.id == "DTP" && $0[1] == "431" }?[3], "20240312")
    }

    func testReplacementCarriesFrequencyAndOriginalClaimNumber() throws {
        let segments = try body([Claim837Fixtures.replacement])
        XCTAssertEqual(segments.first { $0.id == "CLM" }?.components(5), ["11", "B", "7"])
        XCTAssertEqual(segments.first { $0.id == "REF" && $0[1] == "F8" }?[2], "2024075000123")
    }

    func testVoidWithoutPayerClaimNumberIsRefused() {
        var claim = Claim837Fixtures.primarySelf
        claim.frequency = .void
        let error = assertX12Error(try Claim837Fixtures.write([claim]), kind: .invalidInput, segment: nil)
        XCTAssertTrue(error?.reason.contains("REF*F8") ?? false)
    }

    func testSecondaryClaimCarriesPriorPayerLoops() throws {
        let segments = try body([Claim837Fixtures.secondary])
        let claimPart = Array(segments.drop { $0.id != "CLM" })
        XCTAssertEqual(ids(claimPart), [
            "CLM", "HI", "NM1*82", "PRV",
            "SBR*P", "AMT*D", "OI", "NM1*IL", "NM1*PR",
            "LX", "SV1", "DTP*472", "REF*6R", "SVD", "CAS", "CAS", "DTP*573",
            "LX", "SV1", "DTP*472", "REF*6R", "SVD", "CAS", "DTP*573",
        ])
        XCTAssertEqual(segments.first { $0.id == "SBR" }?[1], "S")
        XCTAssertEqual(claimPart.first { $0.id == "SVD" }?.elements, ["BSIL1", "80", "HC:99213:25", "", "1"])
        XCTAssertEqual(claimPart.filter { $0.id == "CAS" }.map(\.elements), [["CO", "45", "25"], ["PR", "2", "20"], ["PR", "3", "15.5"]])
        XCTAssertEqual(claimPart.first { $0.id == "AMT" }?[2], "100")
    }

    func testUnbalancedPriorPayerAdjudicationIsRefused() {
        var claim = Claim837Fixtures.secondary
        claim.lines[1].priorAdjudications[0].paidCents = 2100
        let error = assertX12Error(try Claim837Fixtures.write([claim]), kind: .invalidInput, segment: nil)
        XCTAssertTrue(error?.reason.contains("line 2") ?? false, "\(String(describing: error))")
    }

    func testTotalChargeMustEqualTheLines() {
        var claim = Claim837Fixtures.primarySelf
        claim.totalChargeCents = 16000
        let error = assertX12Error(try Claim837Fixtures.write([claim]), kind: .invalidInput, segment: nil)
        XCTAssertEqual(error?.reason, "claim CL5521: total charge 160.00 differs from the lines' sum 160.50")
    }

    func testDiagnosisPointerOutOfRangeIsRefused() {
        var claim = Claim837Fixtures.primarySelf
        claim.lines[0].diagnosisPointers = [3]
        assertX12Error(try Claim837Fixtures.write([claim]), kind: .invalidInput, segment: nil)
    }

    func testNPIWithWrongCheckDigitIsRefused() {
        var claim = Claim837Fixtures.primarySelf
        claim.renderingProvider?.npi = "1245319598"
        let error = assertX12Error(try Claim837Fixtures.write([claim]), kind: .invalidInput, segment: nil)
        XCTAssertTrue(error?.reason.contains("check digit") ?? false)
    }

    func testSecondaryWithoutPriorPayerIsRefused() {
        var claim = Claim837Fixtures.primarySelf
        claim.responsibility = .secondary
        assertX12Error(try Claim837Fixtures.write([claim]), kind: .invalidInput, segment: nil)
    }
}
