import Foundation
import XCTest

/// The shared sample folder (/work/shared/x12, or PRACTICA_X12_SAMPLES).
enum SampleFiles {
    static var root: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["PRACTICA_X12_SAMPLES"] ?? "/work/shared/x12")
    }

    static func bytes(_ relativePath: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
        let url = root.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("sample \(url.path) is missing", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return Array(data)
    }

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    /// Every sample file in a folder, relative paths, sorted.
    static func all(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .sorted().map { "\(folder)/\($0)" }
    }
}
