import BinaryCodec
import CLIKit
import EventLog
import Foundation
import HTTPKit
import RevenueCycle

/// The practice server's routes: the CLI over HTTP (`/api/v1/run`), staff
/// sign-in, health and the API's description. Every command runs through the
/// same parser, handlers and permission checks as a local `practica`, as the
/// user the bearer token signed in.
final class PracticeServer: @unchecked Sendable {
    let resident: ResidentStore
    let accessLog: any TextOutput
    let staging: URL
    /// Seconds since 1970; tests may move it.
    let now: @Sendable () -> Int64

    init(resident: ResidentStore, accessLog: any TextOutput, staging: URL,
         now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.resident = resident
        self.accessLog = accessLog
        self.staging = staging
        self.now = now
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        var user = "-"
        var command = "-"
        let response: HTTPResponse
        switch (request.method, request.path) {
        case ("GET", "/healthz"):
            response = health()
        case ("GET", "/api/v1/openapi.json"):
            response = .json(200, OpenAPIDocument.text)
        case ("POST", "/api/v1/login"):
            command = "login"
            (response, user) = login(request)
        case ("POST", "/api/v1/logout"):
            command = "logout"
            (response, user) = logout(request)
        case ("POST", "/api/v1/run"):
            (response, user, command) = run(request)
        case (_, "/healthz"), (_, "/api/v1/openapi.json"):
            response = .json(405, Self.errorJSON("method \(request.method) is not allowed here"), headers: [("Allow", "GET")])
        case (_, "/api/v1/login"), (_, "/api/v1/logout"), (_, "/api/v1/run"):
            response = .json(405, Self.errorJSON("method \(request.method) is not allowed here"), headers: [("Allow", "POST")])
        default:
            response = .json(404, Self.errorJSON("no such endpoint"))
        }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        // Who, which command (never its arguments: they hold patient data), how it ended, how long.
        accessLog.write("\(Self.timestamp()) user=\(user) command=\"\(command)\" status=\(response.status) ms=\(String(format: "%.1f", milliseconds))\n")
        return response
    }

    // MARK: health

    private func health() -> HTTPResponse {
        do {
            let (head, models) = try resident.status()
            let list = models.map { JSONValue.object([("name", .string($0.name)), ("checkpoint", .int(Int64($0.checkpoint))),
                                                      ("lag", .int(Int64($0.lag)))]) }
            return .json(200, JSONValue.object([("status", .string("ok")), ("head", .int(Int64(head))), ("readModels", .array(list))]).rendered)
        } catch {
            return .json(503, Self.errorJSON("the store cannot be read: \(error)"))
        }
    }

    // MARK: sign-in

    /// Looks at a request before its body is read: a command needs a live token, a
    /// sign-in a small JSON body (so a web page cannot post one from a browser).
    func admit(_ request: HTTPRequest) -> HTTPResponse? {
        let refusal = admission(request)
        if let refusal {
            accessLog.write("\(Self.timestamp()) user=- command=\"-\" status=\(refusal.status) ms=0.0 (before the body)\n")
        }
        return refusal
    }

    private func admission(_ request: HTTPRequest) -> HTTPResponse? {
        switch (request.method, request.path) {
        case ("POST", "/api/v1/run"):
            guard let token = Self.bearer(request), (try? resident.credentials.user(forToken: token, now: now())) ?? nil != nil else {
                return Self.unauthorized(Self.bearer(request) == nil ? "not signed in" : "the session has expired or was revoked")
            }
            return nil
        case ("POST", "/api/v1/login"), ("POST", "/api/v1/logout"):
            if let length = request.header("content-length").flatMap(Int.init), length > 65_536 {
                return .json(413, Self.errorJSON("a sign-in request is a few bytes of JSON"))
            }
            if request.path == "/api/v1/login", request.header("content-type")?.lowercased().hasPrefix("application/json") != true {
                return .json(415, Self.errorJSON("send the sign-in as application/json"))
            }
            return nil
        default:
            return nil
        }
    }

    private func login(_ request: HTTPRequest) -> (HTTPResponse, String) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any],
              let name = object["user"] as? String, let password = object["password"] as? String else {
            return (.json(400, Self.errorJSON("expected {\"user\": …, \"password\": …}")), "-")
        }
        // One answer for every refusal before a password is verified, in the same time: a caller learns
        // nothing about which names exist, are disabled or have a password. The access log names nobody yet.
        let refused = Self.unauthorized("unknown user or wrong password")
        guard let user = try? UserID(name) else {
            resident.credentials.verifyDecoy(password)
            return (refused, "-")
        }
        do {
            let directory = try resident.exclusively { try resident.frontDesk(actor: user.name).state.directory }
            guard directory.users[user] != nil, !directory.disabledUsers.contains(user) else {
                resident.credentials.verifyDecoy(password)
                return (refused, "-")
            }
            let moment = now()
            switch try resident.credentials.signIn(user.name, password: password, now: moment) {
            case .signedIn(let token, let session):
                try record(StaffSignedIn(user: user, session: session), by: user, command: "login")
                let idle = resident.credentials.policy.idleLimit
                return (.json(200, JSONValue.object([("user", .string(user.name)), ("token", .string(token)), ("session", .string(session)),
                                                     ("idleSeconds", .int(idle))]).rendered), user.name)
            case .noPassword:
                try record(StaffSignInFailed(user: user, reason: .noPassword), by: user, command: "login")
                return (refused, "-")
            case .wrongPassword(let lockedUntil):
                try record(StaffSignInFailed(user: user, reason: .wrongPassword), by: user, command: "login")
                if let lockedUntil {
                    try record(StaffLockedOut(user: user, until: lockedUntil), by: user, command: "login")
                    return (Self.locked(user, retryAfter: lockedUntil - moment), "-")
                }
                return (refused, "-")
            case .locked(let wait):
                // Not recorded: the lock was, once; attempts during it would only grow the log.
                return (Self.locked(user, retryAfter: wait), "-")
            }
        } catch {
            return (.json(503, Self.errorJSON("sign-in is unavailable; try again in a moment")), "-")
        }
    }

    static func unauthorized(_ message: String) -> HTTPResponse {
        .json(401, errorJSON(message), headers: [("WWW-Authenticate", "Bearer realm=\"practica\"")])
    }

    private static func locked(_ user: UserID, retryAfter: Int64) -> HTTPResponse {
        let minutes = max(1, (retryAfter + 59) / 60)
        return .json(429, errorJSON("\(user) is locked after too many failed sign-ins; try again in \(minutes) min"),
                     headers: [("Retry-After", String(retryAfter))])
    }

    private func logout(_ request: HTTPRequest) -> (HTTPResponse, String) {
        guard let token = Self.bearer(request) else { return (Self.unauthorized("not signed in"), "-") }
        do {
            guard let (user, _) = try resident.credentials.user(forToken: token, now: now()) else {
                return (.json(200, JSONValue.object([("signedOut", .bool(false))]).rendered), "-")
            }
            if try resident.credentials.signOut(token: token), let id = try? UserID(user) {
                try record(StaffSessionsRevoked(user: id, count: 1, signedOut: true), by: id, command: "logout")
            }
            return (.json(200, JSONValue.object([("signedOut", .bool(true))]).rendered), user)
        } catch {
            return (.json(503, Self.errorJSON("sign-out failed: \(error)")), "-")
        }
    }

    /// Appends a sign-in event to the user's access stream, as that user: apart from `user-NAME`,
    /// which every permission check reads, so years of sign-ins never slow a command down.
    private func record(_ payload: any EventPayload, by user: UserID, command: String) throws {
        var writer = ByteWriter()
        payload.encode(to: &writer)
        let type = Swift.type(of: payload)
        _ = try resident.store.append(AppendMetadata(actor: user.name, causation: command)) { _ in
            [NewEvent(stream: StaffAccessStream.name(user), typeName: type.typeName, schemaVersion: type.schemaVersion, payload: writer.bytes)]
        }
    }

    // MARK: commands

    private func run(_ request: HTTPRequest) -> (HTTPResponse, String, String) {
        guard let token = Self.bearer(request) else {
            return (Self.unauthorized("not signed in"), "-", "-")
        }
        let user: String
        do {
            guard let found = try resident.credentials.user(forToken: token, now: now()) else {
                return (Self.unauthorized("the session has expired or was revoked"), "-", "-")
            }
            user = found.user
        } catch {
            return (.json(503, Self.errorJSON("sessions cannot be read: \(error)")), "-", "-")
        }
        let parsed: RunRequest
        switch RunRequest.parse(request.body) {
        case .success(let value): parsed = value
        case .failure(let error): return (.json(400, Self.errorJSON("malformed request: \(error.reason)")), user, "-")
        }
        let command = Self.commandName(parsed.argv)
        let output = CapturedOutput()
        let errors = CapturedOutput()
        let staging: RemoteRunStaging
        do {
            staging = try RemoteRunStaging(request: parsed, under: self.staging)
        } catch {
            return (.json(503, Self.errorJSON("cannot stage the command's files: \(error.localizedDescription)")), user, command)
        }
        let (status, denied) = Practica.runOnServer(parsed.argv, resident: resident, actor: user,
                                                    remote: RemoteInputs(secret: parsed.secret),
                                                    prepare: { try staging.prepare($0) }, output: output, errors: errors)
        let response = RunResponse(exitCode: status, stdout: staging.restorePaths(in: output.contents),
                                   stderr: staging.restorePaths(in: errors.contents), files: staging.collectOutputs())
        let http: Int
        switch status {
        case 0: http = 200
        case 1: http = denied ? 403 : 422
        case 2: http = 400
        case 3: http = 503
        default: http = 500
        }
        return (.json(http, response.json.rendered), user, command)
    }

    /// The command's words (no option values or arguments), for the access log.
    static func commandName(_ argv: [String]) -> String {
        let words = argv.prefix { !$0.hasPrefix("-") }.prefix(2)
        guard let first = words.first else { return "-" }
        let known = CommandTree.root.subcommand(named: first)
        if let known, !known.isLeaf, words.count == 2, known.subcommand(named: words[words.index(after: words.startIndex)]) != nil {
            return words.joined(separator: " ")
        }
        return known == nil ? "?" : first
    }

    /// The token of an `Authorization: Bearer …` header (the scheme's name in any case).
    static func bearer(_ request: HTTPRequest) -> String? {
        guard let header = request.header("authorization"), header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func errorJSON(_ message: String) -> String {
        JSONValue.object([("error", .string(message))]).rendered
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date())
    }
}
