import CLIKit

/// Which command-line values name files on the desk's machine, so a command run
/// on a server carries them: inputs are uploaded with the request, outputs come
/// back with the answer and are written where the desk asked.
///
/// Commands that work on the server's own disk (`init`, `demo`, `serve`,
/// `replay`, `store backup`, `store synth`) are ``localOnly``: they are refused
/// over the network rather than guessing which machine was meant.
enum RemoteFiles {
    enum Role: String {
        /// Read by the command: uploaded.
        case input
        /// Written by the command (must not exist): sent back.
        case outputFile = "output-file"
        /// A new or empty folder the command fills: every file sent back.
        case outputFolder = "output-folder"
    }

    struct Parameter {
        /// The option's long name or the positional argument's name.
        let name: String
        let role: Role
    }

    static let parameters: [String: [Parameter]] = [
        "era import": [Parameter(name: "file", role: .input)],
        "claim ack": [Parameter(name: "file", role: .input)],
        "claim submit": [Parameter(name: "out", role: .outputFile)],
        "statement run": [Parameter(name: "out", role: .outputFolder)],
        "report dashboard": [Parameter(name: "out", role: .outputFolder)],
    ]

    /// Commands that only make sense on the machine holding the store.
    static let localOnly: Set<String> = ["init", "demo", "serve", "replay", "store backup", "store synth"]

    /// Commands that talk to the server themselves, named by the same --server.
    static let signsIn: Set<String> = ["login", "logout"]

    /// Options a remote command may not carry: the server decides the store, the token decides who acts.
    static let serverDecided = ["store", "as"]

    /// Why `command` cannot run over the network, or nil when it can. Asked at the desk
    /// and again by the server (a request need not come from `practica`).
    static func refusal(_ command: ParsedCommand) -> CommandFailure? {
        let name = command.path.joined(separator: " ")
        if localOnly.contains(name) || signsIn.contains(name) { return RemoteRun.localOnly(name) }
        if name == "log tail", command.flag("follow") {
            // It never ends: it would hold the server's one command slot for ever.
            return CommandFailure("--follow: not available over the network", hint: "run 'practica log tail' again, or follow on the server's machine",
                                  exitCode: .usage)
        }
        return nil
    }

    /// The path the line names for `parameter`, refused when empty as a local run refuses it.
    static func value(of parameter: Parameter, in command: ParsedCommand) throws -> String? {
        let isOption = command.isSet(parameter.name)
        guard let typed = isOption ? command.string(parameter.name) : command.argument(parameter.name) else { return nil }
        return try PathInput.nonEmpty(typed, isOption ? "--\(parameter.name)" : "<\(parameter.name)>")
    }
}
