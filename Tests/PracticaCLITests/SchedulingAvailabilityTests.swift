import Foundation
import XCTest

/// Availability templates and exceptions, the waitlist, and finding free slots.
final class SchedulingAvailabilityTests: XCTestCase {
    func testAvailabilitySetLetsAProviderBeBookedWithoutForce() throws {
        let f = try SchedulingFixture()
        try assertAppendsNothing(f) {
            assertRefused(try f.book(at: "2026-12-07 09:00", provider: f.otherProvider), status: 1, mentioning: "outside the provider's availability")
        }
        let set = try f.run(["availability", "set", "--provider", f.otherProvider, "--location", f.location,
                             "--block", "mon 09:00-12:00", "--block", "wed 13:00-17:00", "--from", "2026-12-01"])
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(set.stdout.contains("PR1002 at LO1001 from 2026-12-01: mon 09:00-12:00, wed 13:00-17:00"), set.stdout)
        XCTAssertEqual(try f.book(at: "2026-12-07 09:00", provider: f.otherProvider).status, 0)
        try assertAppendsNothing(f) {
            assertRefused(try f.book(at: "2026-12-08 09:00", patient: f.patient2, provider: f.otherProvider),
                          status: 1, mentioning: "outside the provider's availability")
        }
    }

    func testAvailabilitySetRefusesOverlapsAndBadInput() throws {
        let f = try SchedulingFixture()
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["availability", "set", "--provider", f.provider, "--location", f.location,
                                     "--block", "mon 09:00-12:00", "--block", "mon 11:00-13:00"]),
                          status: 2, mentioning: "--block: mon 09:00-12:00 overlaps mon 11:00-13:00")
            assertRefused(try f.run(["availability", "set", "--provider", f.provider, "--location", f.location,
                                     "--block", "mon 12:00-09:00"]), status: 2, mentioning: "--block")
            assertRefused(try f.run(["availability", "set", "--provider", f.provider, "--location", f.location,
                                     "--block", "funday 09:00-12:00"]), status: 2, mentioning: "--block")
            assertRefused(try f.run(["availability", "set", "--provider", f.provider, "--location", f.location,
                                     "--block", "mon 09:00-12:00", "--from", "2026-02-29"]), status: 2, mentioning: "--from")
            assertRefused(try f.run(["availability", "set", "--provider", "PR9999", "--location", f.location,
                                     "--block", "mon 09:00-12:00"]), status: 1, mentioning: "--provider: unknown provider PR9999")
            assertRefused(try f.run(["availability", "set", "--provider", f.provider, "--location", "LO9999",
                                     "--block", "mon 09:00-12:00"]), status: 1, mentioning: "--location: unknown location LO9999")
            assertRefused(try f.run(["availability", "set", "--provider", f.provider, "--location", f.location,
                                     "--block", "mon 09:00-12:00"], as: "audrey"), status: 1, mentioning: "audrey")
        }
    }

    func testAProviderCannotHaveOverlappingHoursAtTwoLocations() throws {
        let f = try SchedulingFixture()
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["availability", "set", "--provider", f.provider, "--location", f.newYork,
                                     "--block", "mon 11:00-14:00", "--from", "2026-12-01"]),
                          status: 1, mentioning: "overlaps PR1001's hours at LO1001")
        }
        let fits = try f.run(["availability", "set", "--provider", f.provider, "--location", f.newYork,
                              "--block", "sat 09:00-12:00", "--from", "2026-12-01"])
        XCTAssertEqual(fits.status, 0, fits.stderr)
    }

    func testTimesAreTypedAndShownInTheLocationsZone() throws {
        let f = try SchedulingFixture()
        let r = try f.run(["book", "--patient", f.patient, "--provider", f.otherProvider, "--location", f.newYork,
                           "--type", f.followUp, "--at", "2026-12-01 09:00", "--force", "--reason", "visiting"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("2026-12-01 09:00–09:30 America/New_York"), r.stdout)
        let entry = try f.appointments().first
        XCTAssertEqual(entry?["start"] as? String, "2026-12-01T14:00:00Z", "09:00 EST is 14:00 UTC")
        XCTAssertEqual(entry?["localStart"] as? String, "2026-12-01 09:00")
        // Clashes compare instants, not wall clocks: 08:15 in Chicago is 09:15 in New York.
        try assertAppendsNothing(f) {
            assertRefused(try f.book(at: "2026-12-01 08:15", extra: ["--force", "--reason", "x"]),
                          status: 1, mentioning: "the patient is already booked (AP1001)")
        }
        XCTAssertEqual(try f.book(at: "2026-12-01 09:00").status, 0, "09:00 in Chicago is after 09:30 in New York")
    }

    func testExceptionBlocksBookingsAndRefusesBackwardsRanges() throws {
        let f = try SchedulingFixture()
        let added = try f.run(["availability", "exception", "add", "--provider", f.provider, "--start", "2026-12-24 00:00",
                               "--end", "2026-12-27 00:00", "--reason", "vacation", "--note", "Christmas"])
        XCTAssertEqual(added.status, 0, added.stderr)
        try assertAppendsNothing(f) {
            assertRefused(try f.book(at: "2026-12-24 09:00"), status: 1, mentioning: "the provider is away (vacation)")
            assertRefused(try f.run(["availability", "exception", "add", "--provider", f.provider, "--start", "2026-12-24 00:00",
                                     "--end", "2026-12-23 00:00", "--reason", "blocked"]), status: 2, mentioning: "--end")
            assertRefused(try f.run(["availability", "exception", "add", "--provider", f.provider, "--start", "2026-12-24 00:00",
                                     "--end", "2026-12-25 00:00", "--reason", "holiday"]), status: 2, mentioning: "--reason")
            assertRefused(try f.run(["availability", "exception", "add", "--provider", "PR9999", "--start", "2026-12-24 00:00",
                                     "--end", "2026-12-25 00:00", "--reason", "blocked"]), status: 1, mentioning: "unknown provider")
        }
        XCTAssertEqual(try f.book(at: "2026-12-28 09:00").status, 0, "back after the exception ends")
    }

    func testWaitlistAddAndList() throws {
        let f = try SchedulingFixture()
        let added = try f.run(["waitlist", "add", "--patient", f.patient, "--provider", f.provider, "--earliest", "2026-12-01", "--note", "mornings"])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stdout.contains("added WL1001"), added.stdout)
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["waitlist", "add", "--patient", f.patient, "--provider", f.provider]), status: 1, mentioning: "already waiting")
            assertRefused(try f.run(["waitlist", "add", "--patient", "PT9999", "--provider", f.provider]), status: 1, mentioning: "unknown or merged patient")
            assertRefused(try f.run(["waitlist", "add", "--patient", f.patient2, "--provider", f.provider, "--type", "AT9999"]), status: 1, mentioning: "--type")
            assertRefused(try f.run(["waitlist", "add", "--patient", f.patient2, "--provider", f.provider, "--earliest", "2026-13-01"]), status: 2, mentioning: "--earliest")
        }
        let list = try f.run(["waitlist", "list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("WL1001") && list.stdout.contains("mornings"), list.stdout)
        let json = try f.run(["waitlist", "list", "--json", "--provider", f.otherProvider])
        XCTAssertEqual(json.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "[]")
        assertRefused(try f.run(["waitlist", "list"], as: "mallory"), status: 1, mentioning: "mallory")
    }

    func testSlotsFindListsEarliestFreeSlotsAroundBookings() throws {
        let f = try SchedulingFixture()
        XCTAssertEqual(try f.book(at: "2026-12-01 09:00").status, 0)
        let r = try f.run(["slots", "find", "--provider", f.provider, "--type", f.followUp, "--from", "2026-12-01", "--count", "3", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let slots = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(slots?.compactMap { $0["start"] as? String }, ["2026-12-01 09:30", "2026-12-01 09:45", "2026-12-01 10:00"])
        let long = try f.run(["slots", "find", "--provider", f.provider, "--type", f.newPatient, "--from", "2026-12-01", "--count", "1"])
        XCTAssertTrue(long.stdout.contains("2026-12-01 09:30"), long.stdout)
        assertRefused(try f.run(["slots", "find", "--provider", "PR9999", "--type", f.followUp]), status: 1, mentioning: "unknown provider")
        assertRefused(try f.run(["slots", "find", "--provider", f.provider, "--type", "AT9999"]), status: 1, mentioning: "unknown appointment type")
        assertRefused(try f.run(["slots", "find", "--provider", f.provider, "--type", f.followUp, "--count", "0"]), status: 2, mentioning: "--count")
        let none = try f.run(["slots", "find", "--provider", f.otherProvider, "--type", f.followUp, "--from", "2026-12-01"])
        XCTAssertTrue(none.stdout.contains("no free slots"), none.stdout)
    }
}
