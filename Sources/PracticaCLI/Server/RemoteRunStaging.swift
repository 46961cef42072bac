import CLIKit
import Foundation

/// The server's side of the files a remote command names: a private folder per
/// request where uploaded inputs are written and outputs are made, the command's
/// values pointed there, and the output collected afterwards. Paths in the
/// command's output are turned back into the desk's, so the desk reads exactly
/// what a local run prints.
final class RemoteRunStaging {
    let folder: URL
    private let request: RunRequest
    /// Staged path → what the desk typed.
    private var substitutions: [(staged: String, typed: String)] = []
    private var outputs: [(name: String, role: RemoteFiles.Role, staged: String, existedAtDesk: Bool)] = []

    init(request: RunRequest, under parent: URL) throws {
        self.request = request
        folder = parent.appendingPathComponent("req-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Points every file value of `command` into the staging folder, writing inputs.
    func prepare(_ command: ParsedCommand) throws -> ParsedCommand {
        var prepared = command
        let name = command.path.joined(separator: " ")
        for parameter in RemoteFiles.parameters[name] ?? [] {
            guard let typed = try RemoteFiles.value(of: parameter, in: command) else { continue }
            let file = request.files[parameter.name] ?? RunRequest.FileContent()
            let place = folder.appendingPathComponent(parameter.name, isDirectory: true)
            try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // Only the desk's last path component is kept, and never one that climbs out of the staging folder.
            let last = (typed as NSString).lastPathComponent
            let base = ["", "/", ".", ".."].contains(last) ? "file" : last
            var staged = place.appendingPathComponent(base).path
            if parameter.role != .input && file.parentMissing {
                // The desk's folder does not exist: neither does the staged one, so the command says so as it would locally.
                let missing = place.appendingPathComponent("missing-folder")
                staged = missing.appendingPathComponent(base).path
                substitutions.append((missing.path, (typed as NSString).deletingLastPathComponent))
            }
            switch parameter.role {
            case .input:
                if let content = file.content {
                    FileManager.default.createFile(atPath: staged, contents: Data(content), attributes: [.posixPermissions: 0o600])
                }
            case .outputFile:
                if file.exists { FileManager.default.createFile(atPath: staged, contents: Data(), attributes: [.posixPermissions: 0o600]) }
                outputs.append((parameter.name, .outputFile, staged, file.exists))
            case .outputFolder:
                if file.exists {
                    try FileManager.default.createDirectory(atPath: staged, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                    if file.nonEmpty {
                        FileManager.default.createFile(atPath: staged + "/.already-has-files", contents: Data(), attributes: [.posixPermissions: 0o600])
                    }
                }
                outputs.append((parameter.name, .outputFolder, staged, file.exists))
            }
            substitutions.append((staged, typed))
            prepared = prepared.replacingValue(of: parameter.name, with: staged)
        }
        return prepared
    }

    /// The command's text with staged paths written as the desk typed them.
    func restorePaths(in text: String) -> String {
        var text = text
        for substitution in substitutions.sorted(by: { $0.staged.count > $1.staged.count }) {
            text = text.replacingOccurrences(of: substitution.staged, with: substitution.typed)
        }
        return text
    }

    /// What the command wrote for the desk.
    func collectOutputs() -> [String: [RunResponse.OutputFile]] {
        var collected: [String: [RunResponse.OutputFile]] = [:]
        let manager = FileManager.default
        for output in outputs {
            switch output.role {
            case .outputFile:
                if !output.existedAtDesk, let data = manager.contents(atPath: output.staged) {
                    collected[output.name] = [RunResponse.OutputFile(path: "", content: Array(data))]
                }
            case .outputFolder:
                guard let walker = manager.enumerator(atPath: output.staged) else { continue }
                var files: [RunResponse.OutputFile] = []
                while let relative = walker.nextObject() as? String {
                    let full = output.staged + "/" + relative
                    var isFolder: ObjCBool = false
                    guard relative != ".already-has-files", manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                          let data = manager.contents(atPath: full) else { continue }
                    files.append(RunResponse.OutputFile(path: relative, content: Array(data)))
                }
                collected[output.name] = files.sorted { $0.path < $1.path }
            case .input:
                break
            }
        }
        return collected
    }
}
