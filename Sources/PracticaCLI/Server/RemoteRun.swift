import CLIKit
import Foundation
import HTTPKit

/// The desk's side of `--server`: sends the command line (and the files it names)
/// to the practice server with the desk's token, then prints what came back and
/// writes the files, so the person sees what a local run shows.
struct RemoteRun {
    let server: String
    let environment: [String: String]

    /// `--server`, else `$PRACTICA_SERVER`; nil (a local run) when neither is set.
    static func serverURL(_ command: ParsedCommand, _ environment: [String: String]) -> String? {
        if command.isSet("server") { return command.string("server") }
        if let url = environment["PRACTICA_SERVER"], !url.isEmpty { return url }
        return nil
    }

    var client: HTTPClient {
        HTTPClient(caFile: environment["PRACTICA_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 })
    }

    func perform(_ arguments: [String], command: ParsedCommand, output: any TextOutput, errors: any TextOutput) throws -> Int32 {
        guard !server.isEmpty else {
            throw CommandFailure("--server: empty URL", hint: "give the practice server's URL, e.g. https://desk.example:8443", exitCode: .usage)
        }
        if command.isSet("as") {
            throw CommandFailure("--as: not accepted over the network: the server acts as the user you signed in as",
                                 hint: "leave out --as, or sign in as that user with 'practica login --server \(server) --user NAME'",
                                 exitCode: .usage)
        }
        if command.isSet("store") {
            throw CommandFailure("--store: not accepted with --server: the server has its store",
                                 hint: "leave out --store, or leave out --server to use a local store", exitCode: .usage)
        }
        if let refusal = RemoteFiles.refusal(command) { throw refusal }
        guard let credentials = DeskCredentials(environment: environment).entry(for: server) else {
            throw CommandFailure("not signed in to \(DeskCredentials.normalized(server))",
                                 hint: "practica login --server \(DeskCredentials.normalized(server)) --user NAME")
        }
        var request = RunRequest(argv: Self.withoutServer(arguments))
        let name = command.path.joined(separator: " ")
        var outputs: [(RemoteFiles.Parameter, String)] = []
        for parameter in RemoteFiles.parameters[name] ?? [] {
            guard let typed = try RemoteFiles.value(of: parameter, in: command) else { continue }
            var file = RunRequest.FileContent()
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: typed, isDirectory: &isFolder)
            let parent = (typed as NSString).deletingLastPathComponent
            file.parentMissing = !parent.isEmpty && !FileManager.default.fileExists(atPath: parent)
            switch parameter.role {
            case .input:
                file.content = FileManager.default.contents(atPath: typed).map(Array.init)
            case .outputFile:
                file.exists = exists
            case .outputFolder:
                file.exists = exists
                file.nonEmpty = exists && (!isFolder.boolValue || !((try? FileManager.default.contentsOfDirectory(atPath: typed)) ?? []).isEmpty)
                outputs.append((parameter, typed))
                request.files[parameter.name] = file
                continue
            }
            if parameter.role == .outputFile { outputs.append((parameter, typed)) }
            request.files[parameter.name] = file
        }
        if name == "user passwd" {
            do {
                request.secret = try PasswordPrompt.read(prompt: "new password: ", confirm: true)
            } catch {
                throw CommandFailure("password: nothing was typed, or the two entries differ", hint: "run the command again", exitCode: .usage)
            }
        }
        let reply = try send(request, token: credentials.token)
        // What the command printed is shown whatever happens to its files here: it did run.
        output.write(reply.stdout)
        errors.write(reply.stderr)
        for (parameter, typed) in outputs {
            for file in reply.files[parameter.name] ?? [] {
                do {
                    try Self.write(file, for: parameter.role, at: typed)
                } catch {
                    throw CommandFailure("the command ran on the server, but \(typed) could not be written here",
                                         hint: "check the folder's permissions and free space; the server kept no copy")
                }
            }
        }
        return reply.exitCode
    }

    private func send(_ request: RunRequest, token: String) throws -> RunResponse {
        let reply: HTTPClient.Reply
        do {
            reply = try client.post(DeskCredentials.normalized(server) + "/api/v1/run", body: Array(request.json.rendered.utf8),
                                    headers: ["Content-Type: application/json", "Authorization: Bearer \(token)"])
        } catch {
            throw CommandFailure(error.description, hint: "check --server / PRACTICA_SERVER, and that 'practica serve' runs there",
                                 exitCode: .storeUnavailable)
        }
        if let response = RunResponse.parse(reply.body) { return response }
        throw Self.failure(status: reply.status, body: reply.body, server: DeskCredentials.normalized(server), retryAfter: reply.headers["retry-after"])
    }

    /// A reply that is not a command's result, as one line and a hint.
    static func failure(status: Int, body: [UInt8], server: String, retryAfter: String?) -> CommandFailure {
        let message = errorMessage(body)
        switch status {
        case 401:
            return CommandFailure("not signed in to \(server): \(message)", hint: "practica login --server \(server) --user NAME")
        case 429:
            return CommandFailure(message, hint: "wait \(retryAfter.map { "\($0) s" } ?? "a while") or ask an admin")
        case 413:
            return CommandFailure("the server refused the request: \(message)", hint: "send smaller files, or run the command on the server's machine")
        case 503:
            return CommandFailure("the server is unavailable: \(message)", hint: "try again in a moment", exitCode: .storeUnavailable)
        default:
            return CommandFailure("the server answered \(status): \(message)", hint: "check the server's version and log", exitCode: .storeUnavailable)
        }
    }

    /// The one line a server's refusal carries: `{"error": …}`, or a plain-text body.
    static func errorMessage(_ body: [UInt8]) -> String {
        ((try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any])?["error"] as? String
            ?? String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "error: ", with: "")
    }

    static func write(_ file: RunResponse.OutputFile, for role: RemoteFiles.Role, at typed: String) throws {
        // A returned name stays inside the folder the desk named: relative, no part climbing out.
        let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.path.hasPrefix("/"), !parts.contains(".."), !parts.contains("."), role == .outputFolder || file.path.isEmpty else { return }
        let target = role == .outputFolder ? typed + "/" + file.path : typed
        let folder = (target as NSString).deletingLastPathComponent
        // An output file goes into a folder that exists (the server checked as a local run would); a folder's files may need theirs.
        if role == .outputFolder, !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        guard FileManager.default.createFile(atPath: target, contents: Data(file.content), attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure("cannot write \(target) here", hint: "check the folder's permissions")
        }
    }

    static func localOnly(_ name: String) -> CommandFailure {
        CommandFailure("'practica \(name)' runs on the machine that holds the store, not over the network",
                       hint: "run it there, without --server and with PRACTICA_SERVER unset", exitCode: .usage)
    }

    /// The line without `--server URL` / `--server=URL`.
    static func withoutServer(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var skipNext = false
        for word in arguments {
            if skipNext { skipNext = false; continue }
            if word == "--server" { skipNext = true; continue }
            if word.hasPrefix("--server=") { continue }
            kept.append(word)
        }
        return kept
    }
}
