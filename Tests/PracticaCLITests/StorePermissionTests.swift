import Foundation
import XCTest

/// The store and every file made from it hold patients' data: owner only (or the
/// group named at init), never others; `store verify` warns about looser ones.
final class StorePermissionTests: XCTestCase {
    private func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? -1) & 0o7777
    }

    private func assertMode(_ path: String, _ expected: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(String(mode(path), radix: 8), String(expected, radix: 8), path, file: file, line: line)
    }

    func testAStoreAndItsCopiesAreOwnerOnly() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--store", store, "--as", "maria"]).status, 0)
        XCTAssertEqual(try CLI.run(["user", "list", "--store", store, "--as", "maria"]).status, 0)
        for folder in [store, store + "/log", store + "/views"] { assertMode(folder, 0o700) }
        for file in ["/log/data.mdb", "/log/lock.mdb", "/views/data.mdb", "/views/lock.mdb"] { assertMode(store + file, 0o600) }

        let backup = temporaryStore("backup")
        XCTAssertEqual(try CLI.run(["store", "backup", backup, "--store", store, "--as", "maria"]).status, 0)
        assertMode(backup, 0o700)
        assertMode(backup + "/log/data.mdb", 0o600)
        let replay = temporaryStore("replay")
        XCTAssertEqual(try CLI.run(["replay", "--until", "2", "--into", replay, "--store", store, "--as", "maria"]).status, 0)
        for folder in [replay, replay + "/log", replay + "/views"] { assertMode(folder, 0o700) }
        for file in ["/log/data.mdb", "/views/data.mdb", "/replay-horizon"] { assertMode(replay + file, 0o600) }
        let dashboard = temporaryStore("dashboard")
        XCTAssertEqual(try CLI.run(["report", "dashboard", "--out", dashboard, "--store", store, "--as", "maria"]).status, 0)
        assertMode(dashboard, 0o700)
        assertMode(dashboard + "/index.html", 0o600)

        let verify = try CLI.run(["store", "verify", "--store", store, "--as", "maria"])
        XCTAssertEqual(verify.status, 0)
        XCTAssertFalse(verify.stderr.contains("warning"), verify.stderr)
    }

    func testSubmittedClaimFilesAreOwnerOnly() throws {
        let f = try ClaimsFixture()
        _ = try f.cleanClaim()
        let out = try f.folder().appendingPathComponent("claims.837").path
        try f.ok(["claim", "submit", "--all-clean", "--out", out])
        assertMode(out, 0o600)
    }

    func testVerifyWarnsNamingAPathOthersMayRead() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--store", store]).status, 0)
        XCTAssertEqual(chmod(store + "/log/data.mdb", 0o644), 0)
        let verify = try CLI.run(["store", "verify", "--store", store])
        XCTAssertEqual(verify.status, 0, "loose permissions are a warning; the log is intact")
        XCTAssertTrue(verify.stderr.contains("warning: \(store)/log/data.mdb may be read by others"), verify.stderr)
        XCTAssertTrue(verify.stdout.contains("intact"), verify.stdout)
    }

    func testAnExistingFolderKeepsItsModeAndTheLogInsideIsPrivate() throws {
        let store = temporaryStore()
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        XCTAssertEqual(try CLI.run(["init", "--store", store]).status, 0)
        assertMode(store, 0o755)   // never chmod a folder practica did not make (it might be '.' or '/')
        assertMode(store + "/log", 0o700)
        assertMode(store + "/log/data.mdb", 0o600)
        let verify = try CLI.run(["store", "verify", "--store", store])
        XCTAssertEqual(verify.status, 0)
        XCTAssertTrue(verify.stderr.contains("warning: \(store) may be read by others"), verify.stderr)
        XCTAssertFalse(verify.stderr.contains("log/data.mdb"), verify.stderr)
    }

    func testInitGroupSharesTheStoreWithThatGroupOnly() throws {
        guard let entry = getgrgid(getgid()) else { throw XCTSkip("no group entry for this process") }
        let group = String(cString: entry.pointee.gr_name)
        let store = temporaryStore()
        let created = try CLI.run(["init", "--store", store, "--group", group])
        XCTAssertEqual(created.status, 0, created.stderr)
        assertMode(store, 0o2750)
        assertMode(store + "/log", 0o2750)
        assertMode(store + "/log/data.mdb", 0o640)
        XCTAssertEqual(try CLI.run(["user", "list", "--store", store]).status, 0)
        assertMode(store + "/views/data.mdb", 0o640)
        let attributes = try FileManager.default.attributesOfItem(atPath: store + "/log/data.mdb")
        XCTAssertEqual((attributes[.groupOwnerAccountID] as? NSNumber)?.uint32Value, getgid())
        let verify = try CLI.run(["store", "verify", "--store", store])
        XCTAssertEqual(verify.status, 0)
        XCTAssertFalse(verify.stderr.contains("warning"), verify.stderr)
        assertRefused(try CLI.run(["init", "--store", temporaryStore("nogroup"), "--group", "no-such-group-here"]),
                      status: 2, mentioning: "--group: no group named")
    }
}
