/// The rules of staff sign-in, as pure decisions over times (seconds since 1970),
/// so they are tested with any clock.
struct SignInPolicy: Sendable {
    /// This many failures within `failureWindow` lock the user.
    var maxFailures = 5
    var failureWindow: Int64 = 15 * 60
    var lockDuration: Int64 = 15 * 60
    /// A session unused this long has expired.
    var idleLimit: Int64 = 12 * 3600
    /// A new password's least length.
    var minimumPasswordLength = 12

    /// The failures still inside the window at `now`.
    func recent(_ failures: [Int64], now: Int64) -> [Int64] {
        failures.filter { now - $0 < failureWindow && $0 <= now }
    }

    /// After one more failure at `now`: the failures to keep, and the end of a lock if this one locks.
    func afterFailure(_ failures: [Int64], now: Int64) -> (failures: [Int64], lockedUntil: Int64?) {
        let kept = recent(failures, now: now) + [now]
        return kept.count >= maxFailures ? ([], now + lockDuration) : (kept, nil)
    }

    /// Seconds until the user may try again, or nil when not locked.
    func retryAfter(lockedUntil: Int64?, now: Int64) -> Int64? {
        guard let lockedUntil, lockedUntil > now else { return nil }
        return lockedUntil - now
    }

    func isExpired(lastUsed: Int64, now: Int64) -> Bool { now - lastUsed >= idleLimit }

    /// Why `password` may not be used, or nil when it may.
    func weakness(of password: String, user: String) -> String? {
        if password.count < minimumPasswordLength { return "must be at least \(minimumPasswordLength) characters" }
        let folded = password.lowercased()
        if folded.contains(user.lowercased()) { return "must not contain the user name" }
        if Set(folded).count < 4 { return "uses too few different characters" }
        let stem = folded.filter { $0.isLetter }
        if CommonPasswords.stems.contains(folded) || CommonPasswords.stems.contains(stem) {
            return "is on the list of common passwords"
        }
        return nil
    }
}

/// Passwords (and their letter stems) found at the top of every published list of
/// breached passwords; a password made of one of these plus digits is refused too.
enum CommonPasswords {
    static let stems: Set<String> = [
        "password", "passwordpassword", "password123", "password1234", "qwertyuiop", "qwertyqwerty", "qwertyuiopasdfghjkl",
        "iloveyou", "letmein", "welcome", "welcometo", "administrator", "admin", "changeme", "changemenow", "abcdefghijkl",
        "abcdefghijklmnop", "abc123456789", "123456789012", "1234567890123", "111111111111", "000000000000", "1q2w3e4r5t6y",
        "1qaz2wsx3edc", "zaq12wsx", "asdfghjkl", "asdfasdfasdf", "trustno", "sunshine", "princess", "football", "baseball",
        "dragon", "monkey", "master", "shadow", "superman", "batman", "starwars", "whatever", "freedom", "michael", "jennifer",
        "jordan", "hunter", "computer", "internet", "secret", "summer", "winter", "spring", "autumn", "january", "december",
        "hello", "helloworld", "login", "passw", "qwerty", "azerty", "doctor", "hospital", "clinic", "medical", "practice",
        "practica", "frontdesk", "billing", "patient", "healthcare", "nurse", "physician",
    ]
}
