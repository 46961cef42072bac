import Foundation

/// What the machine can give a rebuild: `MemAvailable` from /proc/meminfo (memory
/// usable without swapping, page cache included), or less when the process's
/// cgroup (a container) has a memory limit nearer than that; the physical memory
/// where there is no /proc.
enum SystemMemory {
    static func availableBytes() -> Int? {
        let host = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)).flatMap(availableBytes(inMeminfo:))
        let group = cgroupHeadroom()
        switch (host, group) {
        case let (host?, group?): return min(host, group)
        case let (host?, nil): return host
        case let (nil, group?): return group
        case (nil, nil): return Int(clamping: ProcessInfo.processInfo.physicalMemory)
        }
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

    /// The process's cgroup memory limit less what the group already uses; nil when it has none.
    static func cgroupHeadroom() -> Int? {
        guard let membership = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else { return nil }
        for (directory, limitFile, usageFile) in cgroupFiles(membership) {
            func read(_ file: String) -> String? { try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) }
            if let limit = read(limitFile), let usage = read(usageFile) {
                return headroom(limit: limit, usage: usage)
            }
        }
        return nil
    }

    /// Where to read the limit and the usage, best first: the group's own directory
    /// (cgroup v2 `memory.max`, v1 `memory.limit_in_bytes`), then the mount's root,
    /// which is the group's inside a container.
    static func cgroupFiles(_ membership: String) -> [(directory: String, limit: String, usage: String)] {
        var out: [(String, String, String)] = []
        for line in membership.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let path = parts[2] == "/" ? "" : String(parts[2])
            if parts[0] == "0" && parts[1].isEmpty {
                out.append(("/sys/fs/cgroup" + path, "memory.max", "memory.current"))
            } else if parts[1].split(separator: ",").contains("memory") {
                out.append(("/sys/fs/cgroup/memory" + path, "memory.limit_in_bytes", "memory.usage_in_bytes"))
            }
        }
        out.append(("/sys/fs/cgroup", "memory.max", "memory.current"))
        out.append(("/sys/fs/cgroup/memory", "memory.limit_in_bytes", "memory.usage_in_bytes"))
        return out
    }

    /// nil for "max" (v2) or a v1 limit near Int64.max, which both mean no limit.
    static func headroom(limit: String, usage: String) -> Int? {
        let limitText = limit.trimmingCharacters(in: .whitespacesAndNewlines)
        guard limitText != "max", let bytes = Int(limitText), bytes < 1 << 60,
              let used = Int(usage.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return max(bytes - used, 0)
    }
}
