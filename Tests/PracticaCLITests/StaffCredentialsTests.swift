import EventLog
import Foundation
@testable import PracticaCLI
import XCTest

/// Sign-in rules with a clock the test moves: idle expiry, lockout and its end.
final class StaffCredentialsTests: XCTestCase {
    private func credentials() throws -> StaffCredentials {
        let root = temporaryStore()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return try StaffCredentials(store: StorePaths(root: root))
    }

    func testATokenExpiresAfterTheIdleLimitAndUseKeepsItAlive() throws {
        let store = try credentials()
        try store.setPassword("correct horse battery", for: "jo")
        let t0: Int64 = 1_800_000_000
        guard case .signedIn(let token, _) = try store.signIn("jo", password: "correct horse battery", now: t0) else {
            return XCTFail("sign-in refused")
        }
        let idle = store.policy.idleLimit
        XCTAssertEqual(try store.user(forToken: token, now: t0 + idle - 1)?.user, "jo", "used just before the limit")
        // That use restarted the idle clock.
        XCTAssertEqual(try store.user(forToken: token, now: t0 + 2 * idle - 2)?.user, "jo")
        XCTAssertNil(try store.user(forToken: token, now: t0 + 3 * idle), "expired after a full idle period")
        XCTAssertNil(try store.user(forToken: token, now: t0 + 3 * idle + 1), "and stays expired")
        XCTAssertNil(try store.user(forToken: "0" + token.dropFirst(), now: t0), "a different token opens nothing")
    }

    func testFiveFailuresLockForFifteenMinutesThenTheRightPasswordWorks() throws {
        let store = try credentials()
        try store.setPassword("correct horse battery", for: "jo")
        let t0: Int64 = 1_800_000_000
        for i in 0..<4 {
            XCTAssertEqual(try store.signIn("jo", password: "wrong \(i)", now: t0 + Int64(i)), .wrongPassword(lockedUntil: nil))
        }
        XCTAssertEqual(try store.signIn("jo", password: "wrong 5", now: t0 + 4), .wrongPassword(lockedUntil: t0 + 4 + 900))
        XCTAssertEqual(try store.signIn("jo", password: "correct horse battery", now: t0 + 5), .locked(retryAfter: 899))
        guard case .signedIn = try store.signIn("jo", password: "correct horse battery", now: t0 + 4 + 900) else {
            return XCTFail("the lock should have ended")
        }
    }

    func testFailuresOutsideTheWindowDoNotCount() throws {
        let store = try credentials()
        try store.setPassword("correct horse battery", for: "jo")
        let t0: Int64 = 1_800_000_000
        for i in 0..<4 { _ = try store.signIn("jo", password: "wrong", now: t0 + Int64(i)) }
        // Sixteen minutes later the four old failures have left the window.
        XCTAssertEqual(try store.signIn("jo", password: "wrong", now: t0 + 960), .wrongPassword(lockedUntil: nil))
    }

    func testPasswordsAreStoredAsArgon2idAndRevocationEndsSessions() throws {
        let store = try credentials()
        try store.setPassword("correct horse battery", for: "jo")
        let stored = try store.table.read { tx in try tx.get("password", key: Array("jo".utf8)) }
        let text = String(decoding: try XCTUnwrap(stored), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("$argon2id$"), text)
        XCTAssertFalse(text.contains("correct horse battery"))
        for i in 0..<3 { _ = try store.signIn("jo", password: "correct horse battery", now: 1_800_000_000 + Int64(i)) }
        XCTAssertEqual(try store.sessions(of: "jo", now: 1_800_000_010).count, 3)
        XCTAssertEqual(try store.revokeAll(of: "jo"), 3)
        XCTAssertEqual(try store.sessions(of: "jo", now: 1_800_000_010).count, 0)
    }

    func testConcurrentWrongPasswordsStillLock() throws {
        let store = try credentials()
        try store.setPassword("correct horse battery", for: "jo")
        let t0: Int64 = 1_800_000_000
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            _ = try? store.signIn("jo", password: "guess \(i)", now: t0)
        }
        guard case .locked = try store.signIn("jo", password: "correct horse battery", now: t0 + 10) else {
            return XCTFail("eight concurrent wrong guesses must lock the user")
        }
    }

    func testARevokedSessionIsNotRefreshedByALaterUse() throws {
        let store = try credentials()
        try store.setPassword("correct horse battery", for: "jo")
        let t0: Int64 = 1_800_000_000
        guard case .signedIn(let token, _) = try store.signIn("jo", password: "correct horse battery", now: t0) else {
            return XCTFail("sign-in refused")
        }
        XCTAssertEqual(try store.revokeAll(of: "jo"), 1)
        // A use a minute later (which would refresh the idle clock) finds nothing to refresh.
        XCTAssertNil(try store.user(forToken: token, now: t0 + 120))
        XCTAssertEqual(try store.sessions(of: "jo", now: t0 + 120).count, 0)
    }

    func testWeakPasswordsAreNamed() {
        let policy = SignInPolicy()
        XCTAssertEqual(policy.weakness(of: "short", user: "jo"), "must be at least 12 characters")
        XCTAssertEqual(policy.weakness(of: "password1234", user: "jo"), "is on the list of common passwords")
        XCTAssertEqual(policy.weakness(of: "Password12345678", user: "jo"), "is on the list of common passwords")
        XCTAssertEqual(policy.weakness(of: "aaaaaaaaaaaaaa", user: "jo"), "uses too few different characters")
        XCTAssertEqual(policy.weakness(of: "maria is at the desk", user: "maria"), "must not contain the user name")
        XCTAssertNil(policy.weakness(of: "lantern harbor quietly", user: "jo"))
    }
}
