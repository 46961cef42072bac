import Foundation
import XCTest

/// The date half of "one rule for every input" (issue 15 #13): plausible
/// ranges per field, daylight-saving gaps and overlaps, and "now" from the
/// session's clock (`$PRACTICA_CLOCK` here).
final class DateRuleTests: XCTestCase {
    func testBookingIsNeitherInThePastWithoutForceNorBeyondTheHorizon() throws {
        let f = try SchedulingFixture()                                   // now: 2026-11-30 06:00 in Chicago
        try assertAppendsNothing(f) {
            let year10000 = try f.book(at: "9999-12-31 23:50", extra: ["--force", "--reason", "x"])
            assertRefused(year10000, status: 2, mentioning: "--at: invalid date \"9999-12-31 23:50\": must be between 1900-01-01 and 2199-12-31")
            XCTAssertFalse(year10000.stderr.contains("10000"), year10000.stderr)
            assertRefused(try f.book(at: "2029-01-08 09:00"), status: 2, mentioning: "more than two years ahead")
            // A series whose last occurrence falls past the horizon is refused whole.
            assertRefused(try f.book(at: "2028-11-27 09:00", extra: ["--every", "week", "--count", "2"]), status: 2,
                          mentioning: "2028-12-04 is more than two years ahead")
            let past = try f.book(at: "2026-11-27 09:00")
            assertRefused(past, status: 1, mentioning: "--at: 2026-11-27 09:00 America/Chicago is in the past")
            XCTAssertTrue(past.stderr.contains("--force --reason"), past.stderr)
            assertRefused(try f.run(["book", "--patient", f.patient, "--provider", f.provider, "--location", f.location,
                                     "--type", f.followUp, "--at", "2026-12-01 09:00", "--reason", "x"]), status: 2, mentioning: "--reason is only used with --force")
        }
        XCTAssertEqual(try f.book(at: "2028-11-30 09:00").status, 0, "the last day of the horizon is bookable")
        let recorded = try f.book(at: "2026-11-27 09:00", extra: ["--force", "--reason", "entered after the visit"])
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        // Moving an appointment follows the same rule.
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["reschedule", "AP1001", "--at", "2026-11-27 10:00"]), status: 1, mentioning: "is in the past")
            assertRefused(try f.run(["reschedule", "AP1001", "--at", "2031-01-06 10:00"]), status: 2, mentioning: "more than two years ahead")
        }
    }

    func testAvailabilityExceptionsRefuseSkippedTimesAndEndlessSpans() throws {
        let f = try SchedulingFixture()
        let base = ["availability", "exception", "add", "--provider", f.provider, "--reason", "vacation"]
        try assertAppendsNothing(f) {
            let gap = try f.run(base + ["--start", "2027-03-14 02:30", "--end", "2027-03-15 00:00"])
            assertRefused(gap, status: 2, mentioning: "--start: 2027-03-14 02:30 does not exist in America/Chicago")
            assertRefused(try f.run(base + ["--start", "2027-03-13 00:00", "--end", "2027-03-14 02:15"]), status: 2, mentioning: "--end:")
            assertRefused(try f.run(base + ["--start", "2026-12-24 00:00", "--end", "9999-12-31 00:00"]), status: 2,
                          mentioning: "must be between 1900-01-01 and 2199-12-31")
            assertRefused(try f.run(base + ["--start", "2026-12-24 00:00", "--end", "2030-01-01 00:00"]), status: 2,
                          mentioning: "more than two years ahead")
        }
        XCTAssertEqual(try f.run(base + ["--start", "2027-03-14 03:00", "--end", "2027-03-15 00:00"]).status, 0)
    }

    /// `replay --until` (and `audit --as-of`, which shares its reading) takes times by the same rule as `book`.
    func testCutOffTimesInTheFallBackHourNeedTheirOffset() throws {
        let store = temporaryStore()
        XCTAssertEqual(try CLI.run(["init", "--store", store, "--timezone", "America/Chicago", "--as", "maria"]).status, 0)
        let into = temporaryStore("into")
        let twice = try CLI.run(["replay", "--until", "2026-11-01 01:30", "--into", into, "--store", store, "--as", "maria"])
        assertRefused(twice, status: 2, mentioning: "--until: invalid local time \"2026-11-01 01:30\": happens twice in America/Chicago")
        assertRefused(try CLI.run(["replay", "--until", "2026-03-08 02:30", "--into", into, "--store", store, "--as", "maria"]),
                      status: 2, mentioning: "does not exist in America/Chicago")
        let chosen = try CLI.run(["replay", "--until", "2026-11-01 01:30-06:00", "--into", into, "--store", store, "--as", "maria"])
        XCTAssertEqual(chosen.status, 0, chosen.stderr)
    }

    func testASubscribersDateOfBirthIsNotInTheFuture() throws {
        let f = try SchedulingFixture()
        let base = ["coverage", "add", "--patient", f.patient2, "--payer", "PA1001", "--member-id", "XEH1", "--rank", "primary",
                    "--from", "2026-01-01", "--relationship", "child", "--subscriber-first", "Ann", "--subscriber-last", "Smith"]
        try assertAppendsNothing(f) {
            assertRefused(try f.run(base + ["--subscriber-dob", "2027-05-01"]), status: 2, mentioning: "--subscriber-dob: 2027-05-01 is in the future")
            assertRefused(try f.run(base + ["--subscriber-dob", "1850-05-01"]), status: 2, mentioning: "--subscriber-dob")
        }
        XCTAssertEqual(try f.run(base + ["--subscriber-dob", "1975-03-02"]).status, 0)
    }

    func testAnUnreadablePinnedClockIsRefusedNotIgnored() throws {
        let f = try SchedulingFixture()
        let r = try CLI.run(["book", "--patient", f.patient, "--provider", f.provider, "--location", f.location, "--type", f.followUp,
                             "--at", "2026-12-01 09:00", "--store", f.store], environment: ["PRACTICA_CLOCK": "tomorrow"])
        assertRefused(r, status: 2, mentioning: "PRACTICA_CLOCK")
    }

    /// `slots find` proposes only what `book` takes without --force.
    func testSlotsFindNeverProposesThePastOrBeyondTheHorizon() throws {
        let f = try SchedulingFixture()                                   // now: Monday 2026-11-30 06:00 in Chicago
        let past = try JSONArray(try f.run(["slots", "find", "--provider", f.provider, "--type", f.followUp,
                                            "--from", "2026-11-02", "--count", "1", "--json"]).stdout)
        XCTAssertEqual(past.first?["start"] as? String, "2026-11-30 09:00", "the first free slot from now, not from --from")
        let beyond = try JSONArray(try f.run(["slots", "find", "--provider", f.provider, "--type", f.followUp,
                                              "--from", "2028-11-29", "--count", "500", "--json"]).stdout)
        XCTAssertFalse(beyond.isEmpty)
        XCTAssertTrue(beyond.allSatisfy { ($0["start"] as? String ?? "9") <= "2028-11-30 23:59" }, "\(beyond.last ?? [:])")
        let booked = try f.book(at: beyond.last?["start"] as? String ?? "")
        XCTAssertEqual(booked.status, 0, booked.stderr)
    }

    func testDemoStillRunsOnItsSimulatedClock() throws {
        let store = temporaryStore()
        let r = try CLI.run(["demo", "--store", store, "--months", "1", "--patients", "40"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }
}
