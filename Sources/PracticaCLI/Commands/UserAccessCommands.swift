import BinaryCodec
import CLIKit
import EventLog
import Foundation
import RevenueCycle

/// `practica user passwd|sessions|revoke`: staff passwords and server sessions.
/// Passwords and sessions live in `<store>/auth`, never in the log; the log gets
/// an event saying that a password was set or sessions were revoked, and by whom.
enum UserAccessCommands {
    static let specs: [CommandSpec] = [
        CommandSpec(name: "passwd", abstract: "Set a user's password for signing in to the practice server.",
                    discussion: "An admin sets or resets anyone's; any user may change their own. The password is read from the "
                        + "terminal without echo (twice), or as one line of standard input when that is not a terminal; never from "
                        + "the command line. At least 12 characters, not a common password, not containing the user name; "
                        + "stored as an argon2id hash. Setting it ends the user's sessions.",
                    arguments: [ArgumentSpec("name", help: "The user whose password to set.")],
                    examples: [Example("practica user passwd jo", "Set Jo's password (asked for twice)."),
                               Example("practica user passwd maria", "Change your own (as maria).")]),
        CommandSpec(name: "sessions", abstract: "List a user's open server sessions.",
                    arguments: [ArgumentSpec("name", help: "The user.")],
                    examples: [Example("practica user sessions jo", "When each of Jo's sessions began and was last used.")]),
        CommandSpec(name: "revoke", abstract: "End every server session of a user (a lost laptop, a person who left).",
                    arguments: [ArgumentSpec("name", help: "The user.")],
                    examples: [Example("practica user revoke jo", "Sign Jo out everywhere.")]),
    ]

    static let handlers: [String: CommandHandler] = ["user passwd": passwd, "user sessions": sessions, "user revoke": revoke]

    static func passwd(_ command: ParsedCommand, _ context: CommandContext) throws {
        let user = try command.argumentValue("name", UserID.parse)
        let session = try context.frontDesk()
        // Changing one's own password needs only to be a user; anyone else's needs manage-users.
        let permission: Permission = context.actor == user.name ? .read : .manageUsers
        _ = try session.authorize(permission)
        guard session.state.directory.users[user] != nil else {
            throw RejectionFailure(.refused("name", "unknown user \(user)", hint: "see 'practica user list'"))
        }
        let password: String
        if let remote = context.remote {
            guard let secret = remote.secret else { throw CommandFailure("the new password did not travel with the command", exitCode: .usage) }
            password = secret
        } else {
            do {
                password = try PasswordPrompt.read(prompt: "new password for \(user): ", confirm: true)
            } catch PasswordPrompt.Failure.mismatch {
                throw CommandFailure("password: the two entries differ; nothing changed", hint: "run the command again", exitCode: .usage)
            } catch {
                throw CommandFailure("password: nothing was typed", hint: "type it at the prompt, or pipe one line to standard input", exitCode: .usage)
            }
        }
        let credentials = try context.credentials()
        if let weakness = credentials.policy.weakness(of: password, user: user.name) {
            throw CommandFailure("password: \(weakness)", hint: "choose a longer passphrase, e.g. four unrelated words", exitCode: .usage)
        }
        // Hashed first: the log never says a password was set that could not be.
        let hashed = try StaffCredentials.hash(password)
        try session.append(permission: permission, command: "user passwd") { _, _ in
            [NewEvent(stream: StaffAccessStream.name(user), StaffPasswordSet(user: user))]
        }
        try credentials.storePassword(hash: hashed, for: user.name)
        context.report("password set for \(user); their sessions were ended",
                       json: .object([("user", .string(user.name)), ("passwordSet", .bool(true))]))
    }

    static func sessions(_ command: ParsedCommand, _ context: CommandContext) throws {
        let user = try command.argumentValue("name", UserID.parse)
        _ = try context.frontDesk().authorize(context.actor == user.name ? .read : .manageUsers)
        let now = Int64(Date().timeIntervalSince1970)
        let found = try context.credentials().sessions(of: user.name, now: now)
        var listing = Listing(columns: [.init("session"), .init("signed in (UTC)"), .init("last used (UTC)")], emptyNote: "no open sessions")
        for session in found {
            listing.append([session.session, Self.utc(session.created), Self.utc(session.lastUsed)],
                           json: .object([("session", .string(session.session)), ("created", .string(Self.utc(session.created))),
                                          ("lastUsed", .string(Self.utc(session.lastUsed)))]))
        }
        listing.print(command, context)
    }

    static func revoke(_ command: ParsedCommand, _ context: CommandContext) throws {
        let user = try command.argumentValue("name", UserID.parse)
        let session = try context.frontDesk()
        _ = try session.authorize(.manageUsers)
        guard session.state.directory.users[user] != nil else {
            throw RejectionFailure(.refused("name", "unknown user \(user)", hint: "see 'practica user list'"))
        }
        let credentials = try context.credentials()
        let count = try credentials.revokeAll(of: user.name)
        try session.append(permission: .manageUsers, command: "user revoke") { _, _ in
            [NewEvent(stream: StaffAccessStream.name(user), StaffSessionsRevoked(user: user, count: Int64(count), signedOut: false))]
        }
        context.report("ended \(count) session\(count == 1 ? "" : "s") of \(user)",
                       json: .object([("user", .string(user.name)), ("revoked", .int(Int64(count)))]))
    }

    static func utc(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

/// Where a user's sign-ins, failures, lockouts, password changes and revocations go.
enum StaffAccessStream {
    static func name(_ user: UserID) -> String { "access-\(user.name)" }
}

extension CommandContext {
    /// Staff passwords and sessions: the server's open table, else this store's opened now.
    func credentials() throws -> StaffCredentials {
        if let resident { return resident.credentials }
        return try StaffCredentials(store: try store().paths)
    }
}
