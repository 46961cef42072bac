import BinaryCodec
import CSodium
import EventLog
import Foundation

/// The server's secrets for staff sign-in, kept in `<store>/auth` (mode 0700),
/// never in the log: argon2id password hashes (libsodium's crypto_pwhash_str),
/// sessions by the BLAKE2b digest of their token (a stolen table opens nothing),
/// and recent failures per user for the lockout.
///
/// Tokens are 256 random bits shown once, to the desk that signed in.
final class StaffCredentials: @unchecked Sendable {
    let table: KeyValueStore
    let policy: SignInPolicy
    private let signInLock = NSLock()

    static func folder(of store: StorePaths) -> String { store.root + "/auth" }

    init(store: StorePaths, policy: SignInPolicy = SignInPolicy()) throws {
        _ = sodium_init()
        let folder = Self.folder(of: store)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
        table = try KeyValueStore(path: folder, mapSize: 8 << 20)
        self.policy = policy
    }

    // MARK: passwords

    /// Hashes `password` with argon2id (libsodium's interactive limits: ~64 MB, well under a second).
    static func hash(_ password: String) throws -> [UInt8] {
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let bytes = password.utf8CString
        let status = bytes.withUnsafeBufferPointer { chars -> Int32 in
            guard let base = chars.baseAddress else { return -1 }
            return crypto_pwhash_str(&out, base, UInt64(chars.count - 1),
                              UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE), Int(crypto_pwhash_MEMLIMIT_INTERACTIVE))
        }
        guard status == 0 else { throw CredentialError.hashing }
        return Array(String(cString: out).utf8)
    }

    static func verify(_ password: String, against stored: [UInt8]) -> Bool {
        let hash = stored.map { CChar(bitPattern: $0) } + [0]
        let bytes = password.utf8CString
        return bytes.withUnsafeBufferPointer { chars in
            guard let base = chars.baseAddress else { return false }
            return crypto_pwhash_str_verify(hash, base, UInt64(chars.count - 1)) == 0
        }
    }

    func setPassword(_ password: String, for user: String) throws {
        try storePassword(hash: try Self.hash(password), for: user)
    }

    /// Stores an argon2id hash made by `hash` and ends the user's sessions.
    func storePassword(hash hashed: [UInt8], for user: String) throws {
        try table.write { tx in
            try tx.put("password", key: Array(user.utf8), value: hashed)
            // A new password ends every session of the user.
            try deleteSessions(of: user, in: tx)
        }
    }

    func hasPassword(_ user: String) throws -> Bool {
        try table.read { tx in try tx.get("password", key: Array(user.utf8)) != nil }
    }

    // MARK: sign-in

    enum SignIn: Equatable {
        case signedIn(token: String, session: String)
        case wrongPassword(lockedUntil: Int64?)
        case noPassword
        case locked(retryAfter: Int64)
    }

    /// Checks `password` for `user` at `now`; a success opens a session.
    ///
    /// Sign-ins run one at a time (an argon2id check is ~0.1 s), so concurrent wrong
    /// guesses each count: the failure record is read, checked and written by one
    /// attempt before the next reads it.
    func signIn(_ user: String, password: String, now: Int64) throws -> SignIn {
        signInLock.lock()
        defer { signInLock.unlock() }
        let key = Array(user.utf8)
        let (stored, record) = try table.read { tx in
            (try tx.get("password", key: key), try tx.get("failures", key: key).map(FailureRecord.init) ?? FailureRecord())
        }
        if let wait = policy.retryAfter(lockedUntil: record.lockedUntil, now: now) { return .locked(retryAfter: wait) }
        guard let stored else {
            // The same work as a real check, so the answer's timing does not tell who has a password.
            _ = Self.verify(password, against: Self.decoy)
            return .noPassword
        }
        guard Self.verify(password, against: stored) else {
            let next = policy.afterFailure(record.failures, now: now)
            try table.write { tx in
                try tx.put("failures", key: key, value: FailureRecord(failures: next.failures, lockedUntil: next.lockedUntil).bytes)
            }
            return .wrongPassword(lockedUntil: next.lockedUntil)
        }
        var random = [UInt8](repeating: 0, count: 32)
        randombytes_buf(&random, 32)
        let token = random.map { String(format: "%02x", $0) }.joined()
        let digest = Self.digest(token)
        try table.write { tx in
            try tx.delete("failures", key: key)
            try tx.put("session", key: digest, value: SessionRecord(user: user, created: now, lastUsed: now).bytes)
        }
        return .signedIn(token: token, session: Self.sessionName(digest))
    }

    /// Checks a password against nothing, for a name that has none (see `signIn`).
    func verifyDecoy(_ password: String) { _ = Self.verify(password, against: Self.decoy) }

    /// An argon2id hash of a random password nobody knows, made once per process.
    private static let decoy: [UInt8] = {
        var random = [UInt8](repeating: 0, count: 16)
        randombytes_buf(&random, 16)
        return (try? hash(random.map { String(format: "%02x", $0) }.joined())) ?? []
    }()

    /// The user a token signs in, refreshing its idle clock; nil when unknown or expired.
    func user(forToken token: String, now: Int64) throws -> (user: String, session: String)? {
        let digest = Self.digest(token)
        guard let bytes = try table.read({ tx in try tx.get("session", key: digest) }), let record = SessionRecord(bytes) else { return nil }
        if policy.isExpired(lastUsed: record.lastUsed, now: now) {
            try table.write { tx in try tx.delete("session", key: digest) }
            return nil
        }
        // Written at most once a minute (a busy desk should not cost a write per command), re-read inside
        // the write so a revocation or a new password in between is never undone.
        if now - record.lastUsed >= 60 {
            let alive = try table.write { tx -> Bool in
                guard let current = try tx.get("session", key: digest), var touched = SessionRecord(current) else { return false }
                touched.lastUsed = now
                try tx.put("session", key: digest, value: touched.bytes)
                return true
            }
            guard alive else { return nil }
        }
        return (record.user, Self.sessionName(digest))
    }

    struct SessionInfo: Equatable {
        let session: String
        let created: Int64
        let lastUsed: Int64
    }

    /// The user's live sessions at `now`.
    func sessions(of user: String, now: Int64) throws -> [SessionInfo] {
        try table.read { tx in
            var found: [SessionInfo] = []
            try tx.scan("session") { key, value in
                if let record = SessionRecord(Array(value)), record.user == user, !policy.isExpired(lastUsed: record.lastUsed, now: now) {
                    found.append(SessionInfo(session: Self.sessionName(Array(key)), created: record.created, lastUsed: record.lastUsed))
                }
                return true
            }
            return found.sorted { $0.created < $1.created }
        }
    }

    /// Ends every session of `user`; returns how many there were.
    @discardableResult
    func revokeAll(of user: String) throws -> Int {
        try table.write { tx in try deleteSessions(of: user, in: tx) }
    }

    /// Ends the one session of `token`; returns whether there was one.
    func signOut(token: String) throws -> Bool {
        let digest = Self.digest(token)
        return try table.write { tx in
            guard try tx.get("session", key: digest) != nil else { return false }
            try tx.delete("session", key: digest)
            return true
        }
    }

    private func deleteSessions(of user: String, in tx: KeyValueTransaction) throws -> Int {
        var doomed: [[UInt8]] = []
        try tx.scan("session") { key, value in
            if SessionRecord(Array(value))?.user == user { doomed.append(Array(key)) }
            return true
        }
        for key in doomed { try tx.delete("session", key: key) }
        return doomed.count
    }

    static func digest(_ token: String) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let bytes = Array(token.utf8)
        _ = crypto_generichash(&out, 32, bytes, UInt64(bytes.count), nil, 0)
        return out
    }

    /// Eight hex digits of the digest: enough to tell a user's sessions apart in `user sessions` and the log.
    static func sessionName(_ digest: [UInt8]) -> String {
        digest.prefix(4).map { String(format: "%02x", $0) }.joined()
    }
}

enum CredentialError: Error, CustomStringConvertible {
    case hashing
    var description: String { "the password could not be hashed (out of memory?)" }
}

/// A session's row: who, and when it was made and last used.
struct SessionRecord: Equatable {
    var user: String
    var created: Int64
    var lastUsed: Int64

    init(user: String, created: Int64, lastUsed: Int64) {
        self.user = user
        self.created = created
        self.lastUsed = lastUsed
    }

    init?(_ bytes: [UInt8]) {
        var reader = ByteReader(bytes)
        guard let user = try? reader.readString(), let created = try? reader.readVarInt(), let used = try? reader.readVarInt() else { return nil }
        self.init(user: user, created: created, lastUsed: used)
    }

    var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.writeString(user)
        writer.writeVarInt(created)
        writer.writeVarInt(lastUsed)
        return writer.bytes
    }
}

/// A user's recent failed sign-ins and the end of a lock.
struct FailureRecord: Equatable {
    var failures: [Int64] = []
    var lockedUntil: Int64?

    init(failures: [Int64] = [], lockedUntil: Int64? = nil) {
        self.failures = failures
        self.lockedUntil = lockedUntil
    }

    init(_ bytes: [UInt8]) {
        var reader = ByteReader(bytes)
        lockedUntil = (try? reader.readOptionalVarInt()) ?? nil
        let count = (try? reader.readVarUInt()) ?? 0
        for _ in 0..<min(count, 64) {
            if let time = try? reader.readVarInt() { failures.append(time) }
        }
    }

    var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.writeOptionalVarInt(lockedUntil)
        writer.writeVarUInt(UInt64(failures.count))
        for time in failures { writer.writeVarInt(time) }
        return writer.bytes
    }
}
