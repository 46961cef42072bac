import Foundation
import XCTest

/// `practica book` run as a user would: what it books, and everything it refuses without appending.
final class SchedulingBookingTests: XCTestCase {
    func testBookingPrintsTheAppointmentInLocalTimeAndStoresTheInstant() throws {
        let f = try SchedulingFixture()
        let result = try f.book(at: "2026-12-01 09:00", extra: ["--room", f.room])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("AP1001  2026-12-01 09:00–09:30 America/Chicago"), result.stdout)
        let listed = try f.appointments()
        XCTAssertEqual(listed.count, 1)
        XCTAssertEqual(listed.first?["start"] as? String, "2026-12-01T15:00:00Z", "09:00 CST is 15:00 UTC")
        XCTAssertEqual(listed.first?["room"] as? String, f.room)
        XCTAssertEqual(listed.first?["status"] as? String, "booked")
    }

    func testJSONOutputAndMinutesOverride() throws {
        let f = try SchedulingFixture()
        let result = try f.book(at: "2026-12-01 10:00", extra: ["--minutes", "45", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let events = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(events?.first?["minutes"] as? Int, 45)
        XCTAssertEqual(events?.first?["localStart"] as? String, "2026-12-01 10:00")
    }

    func testUnknownIdsAreRefusedNamingTheField() throws {
        let f = try SchedulingFixture()
        try assertAppendsNothing(f) {
            assertRefused(try f.book(at: "2026-12-01 09:00", patient: "PT9999"), status: 1, mentioning: "--patient: unknown or merged patient PT9999")
            assertRefused(try f.book(at: "2026-12-01 09:00", provider: "PR9999"), status: 1, mentioning: "--provider: unknown provider PR9999")
            assertRefused(try f.book(at: "2026-12-01 09:00", extra: ["--room", "RO9999"]), status: 1, mentioning: "--room: unknown room")
            assertRefused(try f.run(["book", "--patient", f.patient, "--provider", f.provider, "--location", "LO9999",
                                     "--type", f.followUp, "--at", "2026-12-01 09:00"]), status: 1, mentioning: "--location: unknown location")
            assertRefused(try f.run(["book", "--patient", f.patient, "--provider", f.provider, "--location", f.location,
                                     "--type", "AT9999", "--at", "2026-12-01 09:00"]), status: 1, mentioning: "--type: unknown appointment type")
            assertRefused(try f.book(at: "2026-12-01 09:00", patient: "AP1001"), status: 2, mentioning: "--patient")
        }
    }

    func testImpossibleDatesAndBadLengthsAreUsageErrors() throws {
        let f = try SchedulingFixture()
        try assertAppendsNothing(f) {
            assertRefused(try f.book(at: "2026-02-30 09:00"), status: 2, mentioning: "--at: invalid date and time \"2026-02-30 09:00\": February 2026 has 28 days")
            assertRefused(try f.book(at: "2026-12-01 25:00"), status: 2, mentioning: "--at")
            assertRefused(try f.book(at: "tomorrow"), status: 2, mentioning: "--at")
            assertRefused(try f.book(at: "2026-12-01 09:00", extra: ["--minutes", "0"]), status: 2, mentioning: "--minutes")
            assertRefused(try f.book(at: "2026-12-01 09:00", extra: ["--minutes", "-15"]), status: 2, mentioning: "--minutes")
            assertRefused(try f.book(at: "2026-12-01 09:00", extra: ["--every", "week"]), status: 2, mentioning: "--every needs --count")
            assertRefused(try f.book(at: "2026-12-01 09:00", extra: ["--every", "month", "--count", "2"]), status: 2, mentioning: "--every")
            assertRefused(try f.book(at: "2026-12-01 09:00", extra: ["--every", "week", "--count", "0"]), status: 2, mentioning: "--count")
            assertRefused(try f.book(at: "2026-12-01 09:00", extra: ["--force"]), status: 2, mentioning: "--force needs --reason")
        }
    }

    func testOutsideAvailabilityNeedsForceAndTheReasonIsRecorded() throws {
        let f = try SchedulingFixture()
        try assertAppendsNothing(f) {
            assertRefused(try f.book(at: "2026-12-01 12:15"), status: 1, mentioning: "outside the provider's availability")
            assertRefused(try f.book(at: "2026-12-05 09:00"), status: 1, mentioning: "outside the provider's availability")
        }
        let forced = try f.book(at: "2026-12-05 09:00", extra: ["--force", "--reason", "Saturday clinic"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try f.appointments().first?["forcedReason"] as? String, "Saturday clinic")
    }

    func testProviderRoomAndPatientAreNeverDoubleBooked() throws {
        let f = try SchedulingFixture()
        XCTAssertEqual(try f.book(at: "2026-12-01 09:00", extra: ["--room", f.room]).status, 0)
        try assertAppendsNothing(f) {
            // Same provider, another patient, overlapping by 15 minutes.
            assertRefused(try f.book(at: "2026-12-01 09:15", patient: f.patient2), status: 1, mentioning: "the provider is booked (AP1001)")
            // Another provider, same room: even --force does not override a double booking.
            assertRefused(try f.book(at: "2026-12-01 09:00", patient: f.patient2, provider: f.otherProvider,
                                     extra: ["--room", f.room, "--force", "--reason", "no hours set"]),
                          status: 1, mentioning: "the room is booked (AP1001)")
            // Same patient with another provider at the same time.
            assertRefused(try f.book(at: "2026-12-01 09:00", provider: f.otherProvider, extra: ["--force", "--reason", "x"]),
                          status: 1, mentioning: "the patient is already booked (AP1001)")
        }
        XCTAssertEqual(try f.book(at: "2026-12-01 09:30", patient: f.patient2, extra: ["--room", f.room]).status, 0, "back to back is fine")
    }

    func testRecurringSeriesBooksEveryOccurrence() throws {
        let f = try SchedulingFixture()
        let result = try f.book(at: "2026-12-01 09:00", extra: ["--every", "week", "--count", "4"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("booked 4 appointments"), result.stdout)
        let dates = try f.appointments().compactMap { ($0["localStart"] as? String)?.prefix(10) }
        XCTAssertEqual(dates, ["2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22"])
    }

    func testRecurringSeriesWithConflictsListsThemAllAndBooksNone() throws {
        let f = try SchedulingFixture()
        XCTAssertEqual(try f.book(at: "2026-12-08 09:00", patient: f.patient2).status, 0)
        XCTAssertEqual(try f.book(at: "2026-12-22 09:15", patient: f.patient3).status, 0)
        try f.run(["availability", "exception", "add", "--provider", f.provider, "--start", "2026-12-29 00:00",
                   "--end", "2026-12-30 00:00", "--reason", "vacation"])
        try assertAppendsNothing(f) {
            let r = try f.book(at: "2026-12-01 09:00", extra: ["--every", "week", "--count", "6"])
            assertRefused(r, status: 1, mentioning: "3 of 6 occurrences conflict; nothing was booked")
            XCTAssertTrue(r.stderr.contains("2026-12-08 09:00: the provider is booked (AP1001)"), r.stderr)
            XCTAssertTrue(r.stderr.contains("2026-12-22 09:00: the provider is booked (AP1002)"), r.stderr)
            XCTAssertTrue(r.stderr.contains("2026-12-29 09:00: the provider is away (vacation)"), r.stderr)
        }
        XCTAssertEqual(try f.appointments([ "--patient", f.patient]).count, 0)
    }

    func testSpringForwardNonexistentTimeIsRefusedNamingAt() throws {
        let f = try SchedulingFixture()
        try assertAppendsNothing(f) {
            let r = try f.book(at: "2026-03-08 02:30", extra: ["--force", "--reason", "Sunday clinic"])
            assertRefused(r, status: 2, mentioning: "--at:")
            XCTAssertTrue(r.stderr.contains("does not exist in America/Chicago"), r.stderr)
            // A weekly series that lands on the skipped hour is refused whole, naming that occurrence.
            let series = try f.book(at: "2026-03-01 02:30", extra: ["--every", "week", "--count", "3", "--force", "--reason", "x"])
            assertRefused(series, status: 1, mentioning: "2026-03-08 02:30: this local time does not exist")
        }
        XCTAssertEqual(try f.book(at: "2026-03-08 03:30", extra: ["--force", "--reason", "Sunday clinic"]).status, 0,
                       "the hour after the gap exists")
    }

    func testBookingAcrossTheNovemberFallBackKeepsRealDuration() throws {
        var f = try SchedulingFixture()
        f.clock = "2026-10-01T12:00:00Z"
        // 01:00 happens twice that night: a bare time is refused naming both offsets (issue 15 #13).
        try assertAppendsNothing(f) {
            let bare = try f.book(at: "2026-11-01 01:00", extra: ["--minutes", "90", "--force", "--reason", "overnight study"])
            assertRefused(bare, status: 2, mentioning: "happens twice in America/Chicago")
            XCTAssertTrue(bare.stderr.contains("2026-11-01 01:00-05:00") && bare.stderr.contains("2026-11-01 01:00-06:00"), bare.stderr)
            assertRefused(try f.book(at: "2026-11-01 01:00-04:00", extra: ["--force", "--reason", "x"]), status: 2, mentioning: "not -04:00")
        }
        // 01:00 CDT + 90 real minutes ends at 01:30 CST, after the clocks fell back.
        let long = try f.book(at: "2026-11-01 01:00-05:00", extra: ["--minutes", "90", "--force", "--reason", "overnight study"])
        XCTAssertEqual(long.status, 0, long.stderr)
        XCTAssertTrue(long.stdout.contains("2026-11-01 01:00–01:30 America/Chicago"), long.stdout)
        let first = try f.appointments().first
        XCTAssertEqual(first?["start"] as? String, "2026-11-01T06:00:00Z")
        // 01:30 the first time round (CDT, 06:30Z) falls inside it: the provider is taken.
        try assertAppendsNothing(f) {
            assertRefused(try f.book(at: "2026-11-01 01:30-05:00", patient: f.patient2, extra: ["--force", "--reason", "x"]),
                          status: 1, mentioning: "the provider is booked (AP1001)")
        }
        // The second 01:30 (CST, 07:30Z) is free once the first appointment is over.
        let second = try f.book(at: "2026-11-01 01:45-06:00", patient: f.patient2, extra: ["--force", "--reason", "x"])
        XCTAssertEqual(second.status, 0, second.stderr)
        // A weekly series across the change keeps 09:00 on the wall clock; the UTC hour moves.
        XCTAssertEqual(try f.book(at: "2026-10-26 09:00", patient: f.patient2, extra: ["--every", "week", "--count", "2"]).status, 0)
        let starts = try f.appointments(["--patient", f.patient2]).compactMap { $0["start"] as? String }
        XCTAssertEqual(starts, ["2026-11-01T07:45:00Z", "2026-10-26T14:00:00Z", "2026-11-02T15:00:00Z"].sorted())
    }

    func testRolesAreCheckedAndUnknownUsersRefused() throws {
        let f = try SchedulingFixture()
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["book", "--patient", f.patient, "--provider", f.provider, "--location", f.location,
                                     "--type", f.followUp, "--at", "2026-12-01 09:00"], as: "audrey"), status: 1, mentioning: "audrey")
            assertRefused(try f.run(["book", "--patient", f.patient, "--provider", f.provider, "--location", f.location,
                                     "--type", f.followUp, "--at", "2026-12-01 09:00"], as: "mallory"), status: 1, mentioning: "mallory")
        }
        let desk = try f.run(["book", "--patient", f.patient, "--provider", f.provider, "--location", f.location,
                              "--type", f.followUp, "--at", "2026-12-01 09:00"], as: "maria")
        XCTAssertEqual(desk.status, 0, desk.stderr)
    }
}
