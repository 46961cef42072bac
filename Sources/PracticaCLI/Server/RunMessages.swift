import BinaryCodec
import CLIKit
import Foundation

/// The body of `POST /api/v1/run`: a `practica` command line as the desk typed it
/// (without `--server`), the files it names, and a secret typed at the desk
/// (a new password), which never travels in the argv.
struct RunRequest {
    struct FileContent {
        /// The file's bytes (inputs); nil when the desk could not read it.
        var content: [UInt8]?
        /// For outputs: whether the desk's path exists already, and is a folder with something in it.
        var exists = false
        var nonEmpty = false
        /// For outputs: the folder the desk named it in does not exist.
        var parentMissing = false
    }

    var argv: [String]
    var files: [String: FileContent] = [:]
    var secret: String?

    var json: JSONValue {
        .object([
            ("argv", .array(argv.map(JSONValue.string))),
            ("files", .object(files.sorted { $0.key < $1.key }.map { name, file in
                (name, .object([("content", file.content.map { .string(Data($0).base64EncodedString()) } ?? .null),
                                ("exists", .bool(file.exists)), ("nonEmpty", .bool(file.nonEmpty)),
                                ("parentMissing", .bool(file.parentMissing))]))
            })),
            ("secret", .optional(secret)),
        ])
    }

    /// Reads a request body; nil with the reason when it is not one.
    static func parse(_ body: [UInt8]) -> Result<RunRequest, WireError> {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            return .failure(WireError("the body is not a JSON object"))
        }
        guard let argv = object["argv"] as? [String] else { return .failure(WireError("argv: expected an array of strings")) }
        var request = RunRequest(argv: argv)
        if let secret = object["secret"], !(secret is NSNull) {
            guard let text = secret as? String else { return .failure(WireError("secret: expected a string")) }
            request.secret = text
        }
        if let files = object["files"] {
            guard let files = files as? [String: Any] else { return .failure(WireError("files: expected an object")) }
            for (name, value) in files {
                guard let entry = value as? [String: Any] else { return .failure(WireError("files.\(name): expected an object")) }
                var file = FileContent()
                if let text = entry["content"] as? String {
                    guard let data = Data(base64Encoded: text) else { return .failure(WireError("files.\(name).content: not base64")) }
                    file.content = Array(data)
                }
                file.exists = entry["exists"] as? Bool ?? false
                file.nonEmpty = entry["nonEmpty"] as? Bool ?? false
                file.parentMissing = entry["parentMissing"] as? Bool ?? false
                request.files[name] = file
            }
        }
        return .success(request)
    }
}

/// The answer of `POST /api/v1/run`: what a local run would have printed and
/// returned, and the files it wrote for the desk.
struct RunResponse {
    struct OutputFile {
        /// Relative to the folder the desk named; empty for a single output file.
        var path: String
        var content: [UInt8]
    }

    var exitCode: Int32
    var stdout: String
    var stderr: String
    var files: [String: [OutputFile]] = [:]

    var json: JSONValue {
        .object([
            ("exitCode", .int(Int64(exitCode))),
            ("stdout", .string(stdout)),
            ("stderr", .string(stderr)),
            ("files", .object(files.sorted { $0.key < $1.key }.map { name, list in
                (name, .array(list.map { .object([("path", .string($0.path)), ("content", .string(Data($0.content).base64EncodedString()))]) }))
            })),
        ])
    }

    static func parse(_ body: [UInt8]) -> RunResponse? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any],
              let code = object["exitCode"] as? Int, let stdout = object["stdout"] as? String,
              let stderr = object["stderr"] as? String else { return nil }
        var response = RunResponse(exitCode: Int32(code), stdout: stdout, stderr: stderr)
        for (name, value) in object["files"] as? [String: Any] ?? [:] {
            let list = (value as? [[String: Any]] ?? []).compactMap { entry -> OutputFile? in
                guard let path = entry["path"] as? String, let text = entry["content"] as? String,
                      let data = Data(base64Encoded: text) else { return nil }
                return OutputFile(path: path, content: Array(data))
            }
            response.files[name] = list
        }
        return response
    }
}

/// A request the server cannot read, said in one line.
struct WireError: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// What a command run by the server learned besides its output.
struct RemoteInputs {
    /// A secret the desk typed (a new password), for commands that ask for one.
    var secret: String?
}

/// Collects a command's output in memory (the server sends it back whole).
final class CapturedOutput: TextOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    var isTerminal: Bool { false }

    func write(_ text: String) {
        lock.lock()
        self.text += text
        lock.unlock()
    }

    var contents: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
}
