import Foundation
import XCTest

/// `availability exception list|remove`, `room list|remove`, `waitlist remove` and
/// `location update --timezone` through the real binary.
final class ScheduleCorrectionTests: XCTestCase {
    /// A Monday at least two weeks ahead, so "appointments to come" holds whenever the suite runs.
    static func futureMonday() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = Date().addingTimeInterval(14 * 86_400)
        while calendar.component(.weekday, from: day) != 2 { day += 86_400 }
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// An exception typed with the wrong end blocked the provider for years; removing it frees the time.
    func testRemovingAnExceptionFreesTheTimeAndIsAnEvent() throws {
        let f = try SchedulingFixture()
        let monday = Self.futureMonday()
        let added = try f.run(["availability", "exception", "add", "--provider", f.provider, "--start", "\(monday) 00:00",
                               "--end", "2028-01-01 00:00", "--reason", "blocked", "--note", "typo"])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stdout.hasPrefix("AX1001: PR1001 blocked from \(monday) 00:00"), added.stdout)
        try f.run(["availability", "exception", "add", "--provider", f.otherProvider, "--start", "2026-12-24 00:00",
                   "--end", "2026-12-25 00:00", "--reason", "vacation"])
        assertRefused(try f.book(at: "\(monday) 09:00"), status: 1, mentioning: "the provider is away (blocked)")

        let listed = try JSONSerialization.jsonObject(with: Data(try f.run(["availability", "exception", "list", "--json",
                                                                            "--provider", f.provider]).stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(listed?.compactMap { $0["exception"] as? String }, ["AX1001"])
        XCTAssertEqual(listed?.first?["end"] as? String, "2028-01-01 00:00")

        let removed = try f.run(["availability", "exception", "remove", "AX1001", "--reason", "wrong year", "--as", "maria"])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertEqual(removed.stdout, "removed exception AX1001 of PR1001\n")
        XCTAssertEqual(try f.book(at: "\(monday) 09:00").status, 0, "the provider can be booked again")
        let table = try f.run(["availability", "exception", "list"]).stdout
        XCTAssertTrue(table.contains("AX1002") && !table.contains("AX1001"), table)
        let stream = try f.run(["log", "show", "--stream", "availability-\(f.provider)"]).stdout
        XCTAssertTrue(stream.contains("AvailabilityExceptionRemoved") && stream.contains("wrong year"), stream)

        try assertAppendsNothing(f) {
            assertRefused(try f.run(["availability", "exception", "remove", "AX1001"]), status: 1, mentioning: "<exception>: AX1001 was already removed")
            assertRefused(try f.run(["availability", "exception", "remove", "AX9999"]), status: 1, mentioning: "<exception>: unknown exception AX9999")
            assertRefused(try f.run(["availability", "exception", "remove", "PR1001"]), status: 2, mentioning: "<exception>")
            assertRefused(try f.run(["availability", "exception", "remove", "AX1002", "--as", "audrey"]), status: 1, mentioning: "audrey is auditor")
        }
    }

    func testRoomsAreListedAndRemovedOnlyWhenNoAppointmentIsToCome() throws {
        let f = try SchedulingFixture()
        let monday = Self.futureMonday()
        let rooms = try JSONSerialization.jsonObject(with: Data(try f.run(["room", "list", "--json"]).stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(rooms?.compactMap { $0["room"] as? String }, [f.room, f.otherRoom])
        let booked = try f.book(at: "\(monday) 09:00", extra: ["--room", f.otherRoom])
        XCTAssertEqual(booked.status, 0, booked.stderr)
        let appointment = appointmentID(in: booked.stdout)

        try assertAppendsNothing(f) {
            assertRefused(try f.run(["room", "remove", f.otherRoom]), status: 1,
                          mentioning: "<room>: \(f.otherRoom) (Exam 2) is booked for \(appointment) (\(monday) 09:00)")
            assertRefused(try f.run(["room", "remove", "RO9999"]), status: 1, mentioning: "<room>: unknown room RO9999")
            assertRefused(try f.run(["room", "remove", f.room, "--as", "maria"]), status: 1, mentioning: "maria is front-desk")
            assertRefused(try f.run(["room", "list", "--location", "LO9999"]), status: 1, mentioning: "--location: unknown location LO9999")
        }
        XCTAssertEqual(try f.run(["cancel", appointment, "--reason", "moved"]).status, 0)
        let removed = try f.run(["room", "remove", f.otherRoom, "--reason", "now storage"])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        let left = try JSONSerialization.jsonObject(with: Data(try f.run(["room", "list", "--location", f.location, "--json"]).stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(left?.compactMap { $0["room"] as? String }, [f.room])
        let locations = try f.run(["location", "list"]).stdout
        XCTAssertFalse(locations.contains(f.otherRoom), locations)
        XCTAssertEqual(try f.run(["projections", "rebuild", "--all"]).status, 0)
        XCTAssertFalse(try f.run(["location", "list"]).stdout.contains(f.otherRoom), "a rebuild leaves the room out too")
        try assertAppendsNothing(f) {
            assertRefused(try f.book(at: "\(monday) 10:00", extra: ["--room", f.otherRoom]), status: 1, mentioning: f.otherRoom)
        }
        // A room name freed by a removal can be used again.
        XCTAssertEqual(try f.run(["room", "add", "--location", f.location, "--name", "Exam 2"]).status, 0)
    }

    func testWaitlistEntryIsWithdrawnWithItsReason() throws {
        let f = try SchedulingFixture()
        XCTAssertEqual(try f.run(["waitlist", "add", "--patient", f.patient2, "--provider", f.provider]).status, 0)
        let removed = try f.run(["waitlist", "remove", "WL1001", "--reason", "booked at another practice", "--as", "maria"])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertEqual(try f.run(["waitlist", "list"]).stdout, "the waitlist is empty\n")
        let stream = try f.run(["log", "show", "--stream", "waitlist-WL1001", "--json"]).stdout
        XCTAssertTrue(stream.contains("\"reason\":\"booked at another practice\""), stream)
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["waitlist", "remove", "WL1001", "--reason", "again"]), status: 1, mentioning: "<entry>: WL1001 is not on the waitlist")
            assertRefused(try f.run(["waitlist", "remove", "WL1001"]), status: 2, mentioning: "--reason")
            assertRefused(try f.run(["waitlist", "remove", "WL1001", "--reason", " "]), status: 1, mentioning: "<entry>")
        }
    }

    func testLocationTimeZoneChangeIsRefusedWhileAppointmentsAreToCome() throws {
        let f = try SchedulingFixture()
        let monday = Self.futureMonday()
        let booked = try f.book(at: "\(monday) 09:00")
        XCTAssertEqual(booked.status, 0, booked.stderr)
        let appointment = appointmentID(in: booked.stdout)
        try assertAppendsNothing(f) {
            assertRefused(try f.run(["location", "update", f.location, "--timezone", "America/Denver"]), status: 1,
                          mentioning: "--timezone: \(f.location) has appointments to come booked in America/Chicago, which would move to America/Denver: \(appointment)")
            assertRefused(try f.run(["location", "update", f.location, "--timezone", "Mars/Olympus"]), status: 2, mentioning: "--timezone")
            assertRefused(try f.run(["location", "update", f.location, "--name", "East"]), status: 1, mentioning: "--name")
            assertRefused(try f.run(["location", "update", "LO9999", "--name", "West"]), status: 1, mentioning: "<location>: unknown location LO9999")
        }
        // Other fields change freely; the location without appointments may change zone.
        XCTAssertEqual(try f.run(["location", "update", f.location, "--address", "3 Main St"]).stdout, "updated \(f.location): address\n")
        XCTAssertEqual(try f.run(["location", "update", f.newYork, "--timezone", "America/Detroit"]).status, 0)
        let listed = try JSONSerialization.jsonObject(with: Data(try f.run(["location", "list", "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
        XCTAssertEqual(listed.compactMap { $0["address"] as? String }, ["3 Main St", "5 Broadway"])
        XCTAssertEqual(listed.compactMap { $0["timeZone"] as? String }, ["America/Chicago", "America/Detroit"])
        XCTAssertEqual(listed.first?["name"] as? String, "Main", "a field not given stays")
    }
}
