import EventLog
import Foundation
import HTTPKit
import XCTest

/// `practica serve` and desks on it: the same commands and output over the
/// network, sign-in, permissions, races, TLS and a shutdown in the middle of work.
final class ServerTests: XCTestCase {
    static let adminPassword = "lakeside harbor lantern"
    static let deskPassword = "front desk morning coffee"

    /// A scheduling practice with passwords for tester (admin) and maria (front desk), served.
    private func served(_ name: String = #function, extra: [String] = []) throws -> (SchedulingFixture, ServerProcess) {
        let f = try SchedulingFixture(name)
        XCTAssertEqual(try CLI.runWithInput(["user", "passwd", "tester", "--store", f.store], input: Self.adminPassword + "\n").status, 0)
        XCTAssertEqual(try CLI.runWithInput(["user", "passwd", "maria", "--store", f.store], input: Self.deskPassword + "\n").status, 0)
        let server = try ServerProcess(store: f.store, extra: extra)
        addTeardownBlock { server.stop() }
        return (f, server)
    }

    func testCommandsOverTheServerPrintExactlyWhatALocalRunPrints() throws {
        let (f, server) = try served()
        let twin = try SchedulingFixture("twin")
        let desk = try Desk.signIn(server, user: "tester", password: Self.adminPassword)
        let steps: [[String]] = [
            ["patient", "register", "--first", "Rosa", "--last", "Diaz", "--dob", "1988-02-03", "--sex", "F"],
            ["patient", "find", "diaz"],
            ["book", "--patient", f.patient, "--provider", f.provider, "--location", f.location, "--type", f.followUp, "--at", "2027-01-12 10:00"],
            ["book", "--patient", f.patient2, "--provider", f.provider, "--location", f.location, "--type", f.followUp, "--at", "2027-01-12 10:00"],
            ["schedule", "show", "--date", "2027-01-12"],
            ["schedule", "show", "--date", "2027-01-12", "--json"],
            ["appointments", "list", "--patient", f.patient, "--csv"],
            ["patient", "show", "PT9999"],
            ["book", "--patient", f.patient],
            ["cancel", "AP1001", "--reason", "flu", "--by", "patient"],
            ["provider", "list", "--json"],
            ["report", "ar-aging", "--as-of", "2027-01-31"],
        ]
        for step in steps {
            let local = try CLI.run(step + ["--store", twin.store])
            let remote = try desk.run(step)
            XCTAssertEqual(remote.status, local.status, "\(step): \(remote.stderr)")
            XCTAssertEqual(remote.stdout, local.stdout, "\(step)")
            XCTAssertEqual(remote.stderr, local.stderr, "\(step)")
        }
        // The commands the desk ran are the signed-in user's, as the log records them.
        let audit = try CLI.run(["audit", "user", "tester", "--store", f.store, "--json"])
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertTrue(audit.stdout.contains("\"command\":\"book\""), audit.stdout)
        XCTAssertTrue(audit.stdout.contains("StaffSignedIn"), audit.stdout)
        server.stop()
        // The access log names user, command and status, never an argument.
        XCTAssertTrue(server.accessLog.contains("user=tester command=\"book\" status=200"), server.accessLog)
        XCTAssertTrue(server.accessLog.contains("status=422"), server.accessLog)
        XCTAssertFalse(server.accessLog.contains("Diaz"), server.accessLog)
        XCTAssertFalse(server.accessLog.contains("2027-01-12"), server.accessLog)
    }

    func testFilesNamedOnTheLineTravelBothWays() throws {
        let (f, server) = try served()
        let desk = try Desk.signIn(server, user: "tester", password: Self.adminPassword)
        // A dashboard folder is written on the desk's machine, not the server's.
        let folder = temporaryStore("dashboard")
        let made = try desk.run(["report", "dashboard", "--out", folder, "--to", "2026-12-31"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stdout.contains(folder), "the desk's path is shown, not the server's: \(made.stdout)")
        let page = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("<html"), "the dashboard arrived")
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.store + "/.serve-staging/" + (folder as NSString).lastPathComponent))
        // An input file that does not exist at the desk is refused as a local run refuses it.
        let missing = try desk.run(["era", "import", "/nonexistent/acme.835"])
        let local = try CLI.run(["era", "import", "/nonexistent/acme.835", "--store", f.store])
        XCTAssertEqual(missing.status, local.status)
        XCTAssertEqual(missing.stderr, local.stderr)
    }

    func testSignInIsRequiredAndRolesAreEnforced() throws {
        let (_, server) = try served()
        // No token at all: 401, and the CLI says how to sign in.
        let raw = try HTTPClient().post(server.url + "/api/v1/run", body: Array(#"{"argv":["user","list"]}"#.utf8), headers: [])
        XCTAssertEqual(raw.status, 401)
        let anonymous = try CLI.run(["user", "list", "--server", server.url], environment: ["PRACTICA_CONFIG": temporaryStore("none")])
        assertRefused(anonymous, status: 1, mentioning: "not signed in")
        XCTAssertTrue(anonymous.stderr.contains("practica login --server"), anonymous.stderr)
        // A front-desk user may book but not add a provider: 403 from the server, exit 1 at the desk.
        let desk = try Desk.signIn(server, user: "maria", password: Self.deskPassword)
        let refused = try desk.run(["provider", "add", "--name", "Dr. New", "--npi", "1245319599", "--taxonomy", "207Q00000X"])
        assertRefused(refused, status: 1, mentioning: "may not")
        let token = try XCTUnwrap(String(contentsOfFile: desk.config, encoding: .utf8).split(separator: " ").last)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let forbidden = try HTTPClient().post(server.url + "/api/v1/run", body: Array(#"{"argv":["provider","add","--name","X","--npi","1245319599","--taxonomy","207Q00000X"]}"#.utf8),
                                              headers: ["Authorization: Bearer \(token)"])
        XCTAssertEqual(forbidden.status, 403)
        // --as is refused over the network: the token decides who acts.
        let impersonating = try desk.run(["provider", "list", "--as", "tester"])
        assertRefused(impersonating, status: 2, mentioning: "--as")
        // A command that never ends is refused by the server too, not only by the desk.
        let follow = try HTTPClient().post(server.url + "/api/v1/run", body: Array(#"{"argv":["log","tail","--follow"]}"#.utf8),
                                           headers: ["Authorization: Bearer \(token)"])
        XCTAssertEqual(follow.status, 400, String(decoding: follow.body, as: UTF8.self))
        // 401 says how to authenticate; no answer may be cached.
        XCTAssertEqual(raw.headers["www-authenticate"], "Bearer realm=\"practica\"")
        XCTAssertEqual(forbidden.headers["cache-control"], "no-store")
        // Malformed JSON: 400 with one line.
        let malformed = try HTTPClient().post(server.url + "/api/v1/run", body: Array("{argv".utf8), headers: ["Authorization: Bearer \(token)"])
        XCTAssertEqual(malformed.status, 400)
        XCTAssertEqual(String(decoding: malformed.body, as: UTF8.self).split(separator: "\n").count, 1)
        // Commands that work on the server's own disk are refused over the network.
        let backup = try desk.run(["store", "backup", "/tmp/x"])
        assertRefused(backup, status: 2, mentioning: "runs on the machine that holds the store")
    }

    func testRevokedSessionsAndNewPasswordsEndTokens() throws {
        let (f, server) = try served()
        let desk = try Desk.signIn(server, user: "maria", password: Self.deskPassword)
        XCTAssertEqual(try desk.run(["patient", "find", "smith"]).status, 0)
        let sessions = try CLI.run(["user", "sessions", "maria", "--store", f.store])
        XCTAssertEqual(sessions.status, 0, sessions.stderr)
        XCTAssertEqual(sessions.stdout.split(separator: "\n").count, 3, "header, rule and one session: \(sessions.stdout)")
        let admin = try Desk.signIn(server, user: "tester", password: Self.adminPassword)
        let revoked = try admin.run(["user", "revoke", "maria"])
        XCTAssertEqual(revoked.status, 0, revoked.stderr)
        XCTAssertTrue(revoked.stdout.contains("ended 1 session of maria"), revoked.stdout)
        assertRefused(try desk.run(["patient", "find", "smith"]), status: 1, mentioning: "expired or was revoked")
        // Signing in again works; a new password (typed at the desk, sent as a secret) ends that session too.
        let again = try Desk.signIn(server, user: "maria", password: Self.deskPassword)
        let changed = try CLI.runWithInput(["user", "passwd", "maria"], input: "a brand new desk password\n", environment: again.environment)
        XCTAssertEqual(changed.status, 0, changed.stderr)
        assertRefused(try again.run(["patient", "find", "smith"]), status: 1, mentioning: "not signed in")
        _ = try Desk.signIn(server, user: "maria", password: "a brand new desk password")
        // Neither password nor token is in the log.
        let log = try CLI.run(["log", "tail", "-n", "1000", "--json", "--store", f.store])
        let token = try String(contentsOfFile: again.config, encoding: .utf8)
        for secret in [Self.deskPassword, "a brand new desk password", String(token.split(separator: " ").last ?? "")] {
            XCTAssertFalse(log.stdout.contains(secret.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        XCTAssertTrue(log.stdout.contains("StaffSessionsRevoked"))
        XCTAssertTrue(log.stdout.contains("StaffPasswordSet"))
    }

    func testFiveFailedSignInsLockTheUser() throws {
        let (f, server) = try served()
        let config = temporaryStore("locked") + ".credentials"
        for attempt in 1...4 {
            let wrong = try CLI.runWithInput(["login", "--server", server.url, "--user", "maria"], input: "not the password \(attempt)\n",
                                             environment: ["PRACTICA_CONFIG": config])
            assertRefused(wrong, status: 1, mentioning: "wrong password")
        }
        let fifth = try CLI.runWithInput(["login", "--server", server.url, "--user", "maria"], input: "not the password 5\n",
                                         environment: ["PRACTICA_CONFIG": config])
        assertRefused(fifth, status: 1, mentioning: "locked")
        // Even the right password is refused while locked, with the wait.
        let right = try CLI.runWithInput(["login", "--server", server.url, "--user", "maria"], input: Self.deskPassword + "\n",
                                         environment: ["PRACTICA_CONFIG": config])
        assertRefused(right, status: 1, mentioning: "try again in 15 min")
        let raw = try HTTPClient().post(server.url + "/api/v1/login", body: Array(#"{"user":"maria","password":"x"}"#.utf8),
                                       headers: ["Content-Type: application/json"])
        XCTAssertEqual(raw.status, 429)
        XCTAssertNotNil(raw.headers["retry-after"].flatMap(Int.init))
        // Another user is not affected.
        _ = try Desk.signIn(server, user: "tester", password: Self.adminPassword)
        let audit = try CLI.run(["audit", "user", "maria", "--store", f.store])
        XCTAssertTrue(audit.stdout.contains("StaffLockedOut"), audit.stdout)
        // Five failures are recorded, then the lock; attempts during the lock are refused without growing the log.
        XCTAssertEqual(audit.stdout.components(separatedBy: "StaffSignInFailed").count - 1, 5, audit.stdout)
        XCTAssertEqual(audit.stdout.components(separatedBy: "StaffLockedOut").count - 1, 1, audit.stdout)
    }

    func testRemoteAndLocalBookingsRaceForOneSlotAndExactlyOneWins() throws {
        let (f, server) = try served()
        let desk = try Desk.signIn(server, user: "maria", password: Self.deskPassword)
        let before = try EventStore.open(at: f.store).lastPosition()
        let booking = ["book", "--patient", f.patient, "--provider", f.provider, "--location", f.location, "--type", f.followUp,
                       "--at", "2027-01-13 09:30"]
        var racers: [(Process, Pipe, Pipe)] = []
        for index in 0..<20 {
            if index % 2 == 0 {
                racers.append(try CLI.start(booking, environment: desk.environment))
            } else {
                racers.append(try CLI.start(booking + ["--store", f.store, "--as", "maria"]))
            }
        }
        var statuses: [Int32] = []
        for (process, out, err) in racers {
            _ = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            statuses.append(process.terminationStatus)
            if process.terminationStatus != 0 { XCTAssertTrue(stderr.contains("booked"), stderr) }
        }
        XCTAssertEqual(statuses.filter { $0 == 0 }.count, 1, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 == 1 }.count, 19, "\(statuses)")
        // One booking batch and nothing else (sign-in events came before `before`).
        let log = try EventStore.open(at: f.store)
        XCTAssertEqual(try log.lastPosition(), before + 1)
        XCTAssertEqual(try CLI.run(["store", "verify", "--store", f.store]).status, 0)
    }

    func testHTTPSWithASelfSignedCertificate() throws {
        let folder = temporaryStore("tls")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                             "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem"]
        openssl.standardError = Pipe()
        try openssl.run()
        openssl.waitUntilExit()
        XCTAssertEqual(openssl.terminationStatus, 0)
        let (_, server) = try served(extra: ["--tls-cert", folder + "/cert.pem", "--tls-key", folder + "/key.pem"])
        XCTAssertTrue(server.url.hasPrefix("https://"), server.url)
        let trusting = ["PRACTICA_CA_FILE": folder + "/cert.pem"]
        let desk = try Desk.signIn(server, user: "maria", password: Self.deskPassword, extra: trusting)
        let found = try desk.run(["patient", "find", "smith"], extra: trusting)
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertTrue(found.stdout.contains("Smith"), found.stdout)
        // Without trusting the certificate the desk refuses to talk, and says why.
        let untrusting = try desk.run(["patient", "find", "smith"])
        XCTAssertEqual(untrusting.status, 3, untrusting.stderr)
        XCTAssertTrue(untrusting.stderr.contains("cannot reach"), untrusting.stderr)
    }

    func testOversizeBodiesAreRefusedWith413() throws {
        let (f, server) = try served(extra: ["--max-body-mb", "1"])
        let desk = try Desk.signIn(server, user: "tester", password: Self.adminPassword)
        let big = temporaryStore("big") + ".835"
        try String(repeating: "X", count: 2 << 20).write(toFile: big, atomically: true, encoding: .utf8)
        let refused = try desk.run(["era", "import", big])
        assertRefused(refused, status: 1, mentioning: "refused the request")
        XCTAssertEqual(try CLI.run(["store", "verify", "--store", f.store]).status, 0)
    }

    func testSIGTERMDuringABurstLeavesEveryCommandWhollyAppendedOrNot() throws {
        let (f, server) = try served()
        let desk = try Desk.signIn(server, user: "maria", password: Self.deskPassword)
        var racers: [(String, Process, Pipe, Pipe)] = []
        for index in 0..<16 {
            let last = "Burst\(String(UnicodeScalar(UInt8(65 + index))))"
            let (process, out, err) = try CLI.start(["patient", "register", "--first", "Ann", "--last", last, "--dob", "1970-01-0\(1 + index % 9)", "--sex", "F"],
                                                    environment: desk.environment)
            racers.append((last, process, out, err))
            if index == 6 { server.process.terminate() }
        }
        let stopped = server.stop()
        XCTAssertEqual(stopped, 0, "serve drains and exits cleanly: \(server.accessLog)")
        XCTAssertTrue(server.accessLog.contains("stopped"), server.accessLog)
        var succeeded: Set<String> = []
        for (last, process, out, _) in racers {
            _ = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertTrue([0, 1, 3].contains(process.terminationStatus), "\(last): \(process.terminationStatus)")
            if process.terminationStatus == 0 { succeeded.insert(last) }
        }
        // Every reported success is in the log, and nothing else is.
        let found = try CLI.run(["patient", "find", "burst", "--json", "--store", f.store])
        let registered = Set(succeeded.filter { found.stdout.contains($0) })
        XCTAssertEqual(registered, succeeded)
        for (last, _, _, _) in racers where !succeeded.contains(last) {
            XCTAssertFalse(found.stdout.contains("\"\(last)\""), "\(last) was refused but is registered")
        }
        XCTAssertEqual(try CLI.run(["store", "verify", "--store", f.store]).status, 0)
    }

    func testPlainHTTPBeyondLoopbackIsRefusedWithoutTheInsecureFlag() throws {
        let f = try SchedulingFixture()
        let refused = try CLI.run(["serve", "--store", f.store, "--listen", "0.0.0.0:0"])
        assertRefused(refused, status: 2, mentioning: "unencrypted")
    }

    func testHealthAndTheAPIDescription() throws {
        let (_, server) = try served()
        let health = try HTTPClient().get(server.url + "/healthz")
        XCTAssertEqual(health.status, 200)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(health.body)) as? [String: Any])
        XCTAssertNotNil(object["head"] as? Int)
        XCTAssertEqual((object["readModels"] as? [[String: Any]])?.count, 7)
        let api = try HTTPClient().get(server.url + "/api/v1/openapi.json")
        XCTAssertEqual(api.status, 200)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(api.body)) as? [String: Any])
        XCTAssertNotNil((document["paths"] as? [String: Any])?["/api/v1/run"])
        XCTAssertEqual(try HTTPClient().get(server.url + "/nowhere").status, 404)
    }
}
