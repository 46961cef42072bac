import Foundation
import XCTest
import X12

/// Runs pyx12's `x12valid` on what the 837P writer produces: an independent
/// reading of the implementation guide, so our own reader agreeing with our
/// own writer is not the only evidence the files are right.
final class PyX12ValidationTests: XCTestCase {
    static var validatorPath: String {
        ProcessInfo.processInfo.environment["PRACTICA_X12VALID"] ?? "/work/main/.venv-x12/bin/x12valid"
    }

    /// Writes `text` to a fresh temp folder (x12valid drops a .997 next to its input) and returns the verdict and errors.
    func validate(_ text: String, name: String) throws -> (ok: Bool, report: String) {
        let path = Self.validatorPath
        guard FileManager.default.isExecutableFile(atPath: path) else {
            XCTFail("pyx12 validator not found at \(path): create it with `python3 -m venv /work/main/.venv-x12 && /work/main/.venv-x12/bin/pip install pyx12` or set PRACTICA_X12VALID")
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12valid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [file.path]
        process.currentDirectoryURL = folder
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = output.split(separator: "\n").map(String.init)
        let ok = lines.contains { $0.hasSuffix("\(name): OK") }
        let failed = lines.contains { $0.hasSuffix("\(name): Failure") }
        XCTAssertTrue(ok || failed, "x12valid gave no verdict for \(name):\n\(output)")
        let errors = lines.filter { $0.contains("ERROR") }.joined(separator: "\n")
        return (ok, errors.isEmpty ? output : errors)
    }

    func assertValid(_ claims: [ProfessionalClaim837], name: String) throws {
        let text = try Claim837Fixtures.write(claims)
        let (ok, report) = try validate(text, name: name)
        XCTAssertTrue(ok, "pyx12 rejects \(name):\n\(report)\n\(text)")
    }

    func testPrimaryClaimForSubscriberPassesPyX12() throws {
        try assertValid([Claim837Fixtures.primarySelf], name: "primary-self.837")
    }

    func testPrimaryClaimForDependentPassesPyX12() throws {
        try assertValid([Claim837Fixtures.primaryDependent], name: "primary-dependent.837")
    }

    func testReplacementClaimPassesPyX12() throws {
        try assertValid([Claim837Fixtures.replacement], name: "replacement.837")
    }

    func testSecondaryClaimWithPriorAdjudicationPassesPyX12() throws {
        try assertValid([Claim837Fixtures.secondary], name: "secondary.837")
    }

    func testBatchOfAllVariantsPassesPyX12() throws {
        try assertValid([Claim837Fixtures.primarySelf, Claim837Fixtures.primaryDependent,
                         Claim837Fixtures.replacement, Claim837Fixtures.secondary], name: "batch.837")
    }
}

extension PyX12ValidationTests {
    /// Proves the harness reads a Failure verdict: without this, a harness that never
    /// saw "Failure" would make every test above pass vacuously.
    func testValidatorHarnessReportsFailureForBrokenClaim() throws {
        let text = try Claim837Fixtures.write([Claim837Fixtures.primarySelf])
            .replacingOccurrences(of: "HI*ABK:J020", with: "HI*ZZZ:J020")
        let (ok, report) = try validate(text, name: "broken.837")
        XCTAssertFalse(ok)
        XCTAssertTrue(report.contains("HI*ZZZ:J020"), report)
    }
}
