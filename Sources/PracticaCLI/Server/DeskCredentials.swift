import Foundation

/// Where a desk keeps its server tokens: `$PRACTICA_CONFIG` (a file), else
/// `~/.config/practica/credentials`; one line per server, `URL user token`,
/// the file mode 0600 and its folder 0700, as ssh keeps its keys.
struct DeskCredentials {
    let path: String

    init(environment: [String: String]) {
        if let configured = environment["PRACTICA_CONFIG"], !configured.isEmpty {
            path = configured
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            path = home + "/.config/practica/credentials"
        }
    }

    struct Entry: Equatable {
        let server: String
        let user: String
        let token: String
    }

    func entries() -> [Entry] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            return parts.count == 3 ? Entry(server: parts[0], user: parts[1], token: parts[2]) : nil
        }
    }

    func entry(for server: String) -> Entry? {
        entries().first { $0.server == Self.normalized(server) }
    }

    func save(_ entry: Entry) throws {
        try write(entries().filter { $0.server != entry.server } + [entry])
    }

    func remove(server: String) throws {
        try write(entries().filter { $0.server != Self.normalized(server) })
    }

    private func write(_ list: [Entry]) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let text = list.map { "\($0.server) \($0.user) \($0.token)\n" }.joined()
        // Made owner-only before the token is written into it.
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o600])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A server URL without a trailing slash, so `https://h:8443/` and `https://h:8443` are one server.
    static func normalized(_ server: String) -> String {
        var text = server
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
