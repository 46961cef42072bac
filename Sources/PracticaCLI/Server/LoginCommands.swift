import BinaryCodec
import CLIKit
import Foundation
import HTTPKit

/// `practica login` and `practica logout`: a desk signs in to the practice server
/// and keeps the token in its credentials file (see ``DeskCredentials``).
enum LoginCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "login", abstract: "Sign this desk in to a practice server.",
        discussion: "Asks for the password (without echo; one line of standard input when that is not a terminal) and keeps the "
            + "session's token in $PRACTICA_CONFIG, else ~/.config/practica/credentials (mode 0600). Then every command with "
            + "--server URL (or $PRACTICA_SERVER) runs there as this user. Five failures in 15 minutes lock the user for 15 minutes.",
        options: [.value("user", valueName: "name", help: "Your practica user name.", isRequired: true)],
        examples: [Example("practica login --server https://desk.lakeside.example:8443 --user jo", "Sign in as jo."),
                   Example("practica login --server http://127.0.0.1:8080 --user maria", "Sign in to a server on this machine; then add --server (or set PRACTICA_SERVER) to any command.")])

    static let handlers: [String: CommandHandler] = ["login": login]

    static func login(_ command: ParsedCommand, _ context: CommandContext) throws {
        let server = try serverURL(command, context)
        let user = try command.required("user")
        let password: String
        do {
            password = try PasswordPrompt.read(prompt: "password for \(user): ", confirm: false)
        } catch {
            throw CommandFailure("password: nothing was typed", hint: "type it at the prompt, or pipe one line to standard input", exitCode: .usage)
        }
        let body = JSONValue.object([("user", .string(user)), ("password", .string(password))]).rendered
        let run = RemoteRun(server: server, environment: context.environment)
        let reply: HTTPClient.Reply
        do {
            reply = try run.client.post(server + "/api/v1/login", body: Array(body.utf8), headers: ["Content-Type: application/json"])
        } catch {
            throw CommandFailure(error.description, hint: "check the URL, and that 'practica serve' runs there", exitCode: .storeUnavailable)
        }
        guard reply.status == 200, let object = (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any],
              let token = object["token"] as? String, let session = object["session"] as? String else {
            if reply.status == 401 {
                throw CommandFailure("sign-in refused: \(RemoteRun.errorMessage(reply.body))", hint: "check the user name and password; five failures lock the user for 15 minutes")
            }
            throw RemoteRun.failure(status: reply.status, body: reply.body, server: server, retryAfter: reply.headers["retry-after"])
        }
        let credentials = DeskCredentials(environment: context.environment)
        try credentials.save(DeskCredentials.Entry(server: server, user: user, token: token))
        let idle = (object["idleSeconds"] as? Int).map { $0 / 3600 } ?? 12
        context.report("signed in to \(server) as \(user) (session \(session)); it ends after \(idle) h unused",
                       json: .object([("server", .string(server)), ("user", .string(user)), ("session", .string(session))]))
    }

    static func serverURL(_ command: ParsedCommand, _ context: CommandContext) throws -> String {
        guard let server = RemoteRun.serverURL(command, context.environment), !server.isEmpty else {
            throw CommandFailure("--server: which practice server?", hint: "e.g. --server https://desk.lakeside.example:8443", exitCode: .usage)
        }
        guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
            throw CommandFailure("--server: '\(server.prefix(60))' is not an http:// or https:// URL", hint: "e.g. --server https://desk.lakeside.example:8443", exitCode: .usage)
        }
        return DeskCredentials.normalized(server)
    }
}

enum LogoutCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "logout", abstract: "End this desk's session on a practice server and forget its token.",
        examples: [Example("practica logout --server https://desk.lakeside.example:8443", "Sign out.")])

    static let handlers: [String: CommandHandler] = ["logout": logout]

    static func logout(_ command: ParsedCommand, _ context: CommandContext) throws {
        let server = try LoginCommand.serverURL(command, context)
        let credentials = DeskCredentials(environment: context.environment)
        guard let entry = credentials.entry(for: server) else {
            context.report("not signed in to \(server)", json: .object([("server", .string(server)), ("signedOut", .bool(false))]))
            return
        }
        // The token is forgotten here even if the server cannot be reached; it then ends by idling out.
        let run = RemoteRun(server: server, environment: context.environment)
        let reached = (try? run.client.post(server + "/api/v1/logout", body: [], headers: ["Authorization: Bearer \(entry.token)"])) != nil
        try credentials.remove(server: server)
        context.report(reached ? "signed out of \(server)" : "forgot the token for \(server) (the server did not answer; the session ends when it idles out)",
                       json: .object([("server", .string(server)), ("signedOut", .bool(reached))]))
    }
}
