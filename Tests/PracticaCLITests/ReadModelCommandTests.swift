import Foundation
import XCTest

/// Listings read the patients and directory read models: they catch them up
/// first, and a deleted `views/` directory only costs a transparent rebuild.
final class ReadModelCommandTests: XCTestCase {
    /// `projections status --json`, keyed by read model name.
    private func status(_ f: PracticeFixture) throws -> [String: [String: Any]] {
        let rows = try JSONArray(try f.ok(["projections", "status", "--json"], as: "sam").stdout)
        return Dictionary(rows.compactMap { row in (row["name"] as? String).map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
    }

    func testListingsCatchUpTheModelsAndADeletedViewsDirectoryIsRebuilt() throws {
        let f = try PracticeFixture().withPayer()
        try f.ok(["provider", "add", "--name", "Ana Ruiz MD", "--npi", "1234567893", "--taxonomy", "207Q00000X"])
        let garcia = try f.register("José", "García", dob: "1980-04-02", extra: ["--phone", "312-555-0100"])
        try f.ok(["coverage", "add", "--patient", garcia, "--payer", "PA1001", "--member-id", "XEH1", "--rank", "primary",
                  "--from", "2026-01-01"], as: "jo")
        XCTAssertTrue(try status(f)["patients"]?["storedVersion"] is NSNull, "nothing has read the model yet")

        let found = try f.ok(["patient", "find", "GARCIA"], as: "sam").stdout
        XCTAssertTrue(found.contains("\(garcia)  García, José"), found)
        let providers = try f.ok(["provider", "list"], as: "sam").stdout
        let chart = try f.ok(["patient", "show", garcia], as: "sam").stdout
        XCTAssertTrue(chart.contains("XEH1"), chart)
        let events = try f.eventCount()
        for name in ["patients", "directory"] {
            let row = try XCTUnwrap(try status(f)[name], "\(name) is listed")
            XCTAssertEqual(row["lag"] as? Int, 0, name)
            XCTAssertEqual(row["checkpoint"] as? Int, events, name)
            XCTAssertEqual(row["storedVersion"] as? Int, name == "directory" ? 2 : 1, name)  // directory v2: staff leave
            XCTAssertGreaterThan(row["entries"] as? Int ?? 0, 0, name)
        }

        // A new chart is seen by the next listing: the models catch up, they are not rebuilt.
        let second = try f.register("Ana", "Garcia", dob: "1990-01-01", extra: ["--confirm-new"])
        XCTAssertTrue(try f.ok(["patient", "find", "garcia"], as: "sam").stdout.contains(second))

        try FileManager.default.removeItem(atPath: f.store + "/views")
        XCTAssertEqual(try f.ok(["provider", "list"], as: "sam").stdout, providers)
        XCTAssertEqual(try f.ok(["patient", "show", garcia], as: "sam").stdout, chart)
        XCTAssertTrue(try f.ok(["patient", "find", "555-0100"], as: "sam").stdout.contains(garcia))
        for name in ["patients", "directory"] {
            XCTAssertEqual(try status(f)[name]?["lag"] as? Int, 0, name)
        }
    }

    func testMergeIsRefusedWhenTheKeptChartWouldHoldTwoPrimariesOnTheSameDates() throws {
        let f = try PracticeFixture().withPayer()
        let keep = try f.register("Maria", "Garcia", dob: "1980-04-02")
        let drop = try f.register("María", "García", dob: "1980-04-02", extra: ["--confirm-new"])
        for (patient, from) in [(keep, "2026-01-01"), (drop, "2026-03-01")] {
            try f.ok(["coverage", "add", "--patient", patient, "--payer", "PA1001", "--member-id", "M-\(patient)",
                      "--rank", "primary", "--from", from], as: "jo")
        }
        let before = try f.eventCount()
        let refused = try f.run(["patient", "merge", keep, drop], as: "jo")
        assertRefused(refused, status: 1, mentioning: "primary CV1001 (2026-01-01 to open) and CV1002 (2026-03-01 to open)")
        XCTAssertEqual(try f.eventCount(), before, "nothing appended")
        XCTAssertNil(try JSONObject(try f.ok(["patient", "show", drop, "--json"]).stdout)["mergedInto"] as? String)
    }

    /// A deciding command's first look at a long log reads it a chunk ahead on another
    /// thread; the state it folds agrees with the claims read model, claim by claim.
    func testTheFoldOfALongLogAgreesWithTheClaimsModel() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--synthetic", "--store", store, "--as", "tester"]).status, 0)
        XCTAssertEqual(try CLI.run(["store", "synth", "--store", store, "--events", "24000", "--batch", "4000", "--billing"]).status, 0)
        let listed = try JSONArray(try CLI.run(["claims", "list", "--json", "--store", store, "--as", "tester"]).stdout)
        XCTAssertGreaterThan(listed.count, 1_000)
        // Synthetic claims live on prefixed streams, so `claim show` folds the whole log (past the read-ahead threshold).
        for row in listed.prefix(4) + listed.suffix(4) {
            let id = try XCTUnwrap(row["claim"] as? String)
            let shown = try CLI.run(["claim", "show", id, "--json", "--store", store, "--as", "tester"])
            XCTAssertEqual(shown.status, 0, shown.stderr)
            let claim = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
            XCTAssertEqual(claim?["status"] as? String, row["status"] as? String, id)
        }
    }
}
