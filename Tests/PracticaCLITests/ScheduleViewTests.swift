import Foundation
import XCTest

/// `schedule show` and `appointments list`, read from the schedule projection.
final class ScheduleViewTests: XCTestCase {
    /// Dec 1 (Tue): AP1001 PT1001 09:00 booked→checked in, AP1002 PT1002 09:30 cancelled,
    /// AP1003 PT1003 with PR1002 10:00 (forced); Dec 3 (Thu): AP1004 PT1001 14:00.
    private func populated(_ name: String = #function) throws -> SchedulingFixture {
        let f = try SchedulingFixture(name)
        let bookings = [
            try f.book(at: "2026-12-01 09:00"),
            try f.book(at: "2026-12-01 09:30", patient: f.patient2),
            try f.book(at: "2026-12-01 10:00", patient: f.patient3, provider: f.otherProvider, extra: ["--force", "--reason", "cover"]),
            try f.book(at: "2026-12-03 14:00"),
        ]
        for (i, r) in bookings.enumerated() { XCTAssertEqual(r.status, 0, "booking \(i + 1): \(r.stderr)") }
        XCTAssertEqual(try f.run(["check-in", "AP1001"]).status, 0)
        XCTAssertEqual(try f.run(["cancel", "AP1002", "--reason", "sick", "--by", "practice"]).status, 0)
        return f
    }

    func testDayCalendarHasAColumnPerProviderAndStatusMarks() throws {
        let f = try populated()
        let r = try f.run(["schedule", "show", "--date", "2026-12-01"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "tue 2026-12-01")
        XCTAssertTrue(lines[1].hasPrefix("time") && lines[1].contains("PR1001") && lines[1].contains("PR1002"), r.stdout)
        let nine = lines.first { $0.hasPrefix("09:00") } ?? ""
        XCTAssertTrue(nine.contains("[I] 09:00 AP1001 PT1001 Núñez, J · Follow-up"), "the desk sees the patient's name and the visit type: \(r.stdout)")
        XCTAssertTrue(lines[1].contains("Dr. Lee"), "columns name the provider: \(lines[1])")
        XCTAssertTrue(lines.first { $0.hasPrefix("09:15") }?.contains("│") ?? false, "a running appointment continues: \(r.stdout)")
        XCTAssertTrue(lines.first { $0.hasPrefix("09:30") }?.contains("[X] 09:30 AP1002 PT1002") ?? false, r.stdout)
        XCTAssertTrue(lines.first { $0.hasPrefix("10:00") }?.contains("[B] 10:00 AP1003 PT1003") ?? false, r.stdout)
        XCTAssertFalse(r.stdout.contains("AP1004"), "another day's appointment stays out")

        let one = try f.run(["schedule", "show", "--date", "2026-12-01", "--provider", f.otherProvider])
        XCTAssertFalse(one.stdout.contains("AP1001"), one.stdout)
        XCTAssertTrue(one.stdout.contains("AP1003"), one.stdout)
        let empty = try f.run(["schedule", "show", "--date", "2026-12-02"])
        XCTAssertTrue(empty.stdout.contains("no appointments on 2026-12-02"), empty.stdout)
    }

    func testWeekCalendarHasAColumnPerDay() throws {
        let f = try populated()
        let r = try f.run(["schedule", "show", "--date", "2026-12-03", "--week", "--provider", f.provider])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("week of 2026-11-30"), r.stdout)
        let header = r.stdout.split(separator: "\n").dropFirst().first ?? ""
        XCTAssertTrue(header.contains("mon 2026-11-30") && header.contains("fri 2026-12-04"), r.stdout)
        XCTAssertFalse(header.contains("sat"), "an empty weekend is left out: \(header)")
        XCTAssertTrue(r.stdout.contains("AP1001") && r.stdout.contains("AP1004") && !r.stdout.contains("AP1003"), r.stdout)
    }

    func testJSONAndCSVOutput() throws {
        let f = try populated()
        let json = try f.run(["schedule", "show", "--date", "2026-12-01", "--json", "--location", f.location])
        let entries = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(entries?.compactMap { $0["appointment"] as? String }.sorted(), ["AP1001", "AP1002", "AP1003"])
        XCTAssertEqual(entries?.first { $0["appointment"] as? String == "AP1003" }?["forcedReason"] as? String, "cover")
        let csv = try f.run(["schedule", "show", "--date", "2026-12-01", "--csv", "--provider", f.provider])
        let rows = csv.stdout.split(separator: "\r\n")
        XCTAssertEqual(rows.first, "appointment,date,start,end,minutes,zone,provider,location,room,patient,type,status,late,visit,forced_reason")
        XCTAssertEqual(rows.count, 3, csv.stdout)
        XCTAssertTrue(rows.contains("AP1002,2026-12-01,09:30,10:00,30,America/Chicago,PR1001,LO1001,,PT1002,AT1001,cancelled,,,"), csv.stdout)
    }

    func testAppointmentsListFilters() throws {
        let f = try populated()
        func ids(_ filters: [String]) throws -> [String] { try f.appointments(filters).compactMap { $0["appointment"] as? String } }
        XCTAssertEqual(try ids([]), ["AP1001", "AP1002", "AP1003", "AP1004"])
        XCTAssertEqual(try ids(["--patient", f.patient]), ["AP1001", "AP1004"])
        XCTAssertEqual(try ids(["--provider", f.otherProvider]), ["AP1003"])
        XCTAssertEqual(try ids(["--status", "cancelled"]), ["AP1002"])
        XCTAssertEqual(try ids(["--status", "checked-in", "--patient", f.patient]), ["AP1001"])
        XCTAssertEqual(try ids(["--from", "2026-12-02"]), ["AP1004"])
        XCTAssertEqual(try ids(["--to", "2026-12-01", "--provider", f.provider]), ["AP1001", "AP1002"])
        let table = try f.run(["appointments", "list", "--patient", f.patient])
        XCTAssertTrue(table.stdout.contains("09:00–09:30") && table.stdout.contains("checked-in"), table.stdout)
        assertRefused(try f.run(["appointments", "list", "--status", "lost"]), status: 2, mentioning: "--status")
        assertRefused(try f.run(["appointments", "list", "--from", "2026-12-02", "--to", "2026-12-01"]), status: 2, mentioning: "--to")
        assertRefused(try f.run(["appointments", "list", "--from", "2026-02-31"]), status: 2, mentioning: "--from")
        assertRefused(try f.run(["appointments", "list"], as: "mallory"), status: 1, mentioning: "mallory")
        XCTAssertEqual(try f.run(["appointments", "list"], as: "audrey").status, 0, "auditors may read")
    }

    func testScheduleStaysInStepWithRebuild() throws {
        let f = try populated()
        let before = try f.run(["schedule", "show", "--date", "2026-12-01", "--json"]).stdout
        XCTAssertEqual(try f.run(["projections", "rebuild", "schedule"]).status, 0)
        XCTAssertEqual(try f.run(["schedule", "show", "--date", "2026-12-01", "--json"]).stdout, before)
    }
}
