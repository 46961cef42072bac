import Foundation

/// What the machine can give a rebuild: `MemAvailable` from /proc/meminfo
/// (memory usable without swapping, page cache included), nil where there is none.
enum SystemMemory {
    static func availableBytes(meminfo path: String = "/proc/meminfo") -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return availableBytes(inMeminfo: text)
    }

    /// "MemAvailable:   16327724 kB" → bytes.
    static func availableBytes(inMeminfo text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }
}
