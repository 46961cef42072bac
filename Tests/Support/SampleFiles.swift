import Foundation

/// The shared X12 sample folder (/work/shared/x12, or `$PRACTICA_X12_SAMPLES`),
/// read the same way by every test target that uses the public samples.
public enum SampleFiles {
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "sample \(path) is missing (set PRACTICA_X12_SAMPLES to the x12 sample folder)" }
    }

    public static var root: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["PRACTICA_X12_SAMPLES"] ?? "/work/shared/x12")
    }

    /// - throws: `Missing` when the file is not there: a missing sample fails the test, it never skips it.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        let url = root.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(path: url.path) }
        return Array(data)
    }

    public static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    /// Every sample file in a folder, relative paths, sorted.
    public static func all(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .sorted().map { "\(folder)/\($0)" }
    }
}
