import Foundation
import XCTest

/// `provider|payer|appointment-type update` through the real binary: only the
/// fields given change, listings and the schedule show the new values, and the
/// checks are those of `add`.
final class DirectoryUpdateTests: XCTestCase {
    private func list(_ f: SchedulingFixture, _ noun: String) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(try f.run([noun, "list", "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
    }

    func testProviderUpdateShowsInListingsAndTheSchedule() throws {
        let f = try SchedulingFixture()
        let monday = ScheduleCorrectionTests.futureMonday()
        XCTAssertEqual(try f.book(at: "\(monday) 09:00").status, 0)
        let out = try f.run(["provider", "update", f.provider, "--name", "Dr. Lee-Park"])
        XCTAssertEqual(out.stdout, "updated \(f.provider): name\n", out.stderr)
        let lee = try list(f, "provider").first ?? [:]
        XCTAssertEqual(lee["name"] as? String, "Dr. Lee-Park")
        XCTAssertEqual(lee["npi"] as? String, "1234567893", "a field not given stays")
        let schedule = try f.run(["schedule", "show", "--date", monday]).stdout
        XCTAssertTrue(schedule.contains("Lee-Park"), schedule)
        let stream = try f.run(["log", "show", "--stream", "provider-\(f.provider)"]).stdout
        XCTAssertTrue(stream.contains("ProviderUpdated"), stream)
        // A rebuild from the log reads the same as the model kept up event by event.
        XCTAssertEqual(try f.run(["projections", "rebuild", "--all"]).status, 0)
        XCTAssertEqual(try list(f, "provider").first?["name"] as? String, "Dr. Lee-Park")

        try assertAppendsNothing(f) {
            assertRefused(try f.run(["provider", "update", f.provider, "--npi", "1245319599"]), status: 1,
                          mentioning: "--npi: NPI 1245319599 already belongs to \(f.otherProvider)")
            assertRefused(try f.run(["provider", "update", f.provider, "--npi", "1234567890"]), status: 2, mentioning: "--npi")
            assertRefused(try f.run(["provider", "update", f.provider, "--name", "Dr. Lee-Park"]), status: 2,
                          mentioning: "<provider>: nothing to change for \(f.provider)")
            assertRefused(try f.run(["provider", "update", f.provider]), status: 2, mentioning: "nothing to change")
            assertRefused(try f.run(["provider", "update", "PR9999", "--name", "X"]), status: 1, mentioning: "<provider>: unknown provider PR9999")
            assertRefused(try f.run(["provider", "update", f.provider, "--name", "Y", "--as", "maria"]), status: 1, mentioning: "maria is front-desk")
        }
    }

    func testPayerAndAppointmentTypeUpdates() throws {
        let f = try SchedulingFixture()
        XCTAssertEqual(try f.run(["payer", "update", "PA1001", "--timely-filing-days", "180"]).stdout, "updated PA1001: timelyFilingDays\n")
        let payer = try list(f, "payer").first ?? [:]
        XCTAssertEqual(payer["timelyFilingDays"] as? Int, 180)
        XCTAssertEqual(payer["name"] as? String, "Acme Health")
        XCTAssertEqual(try f.run(["payer", "update", "PA1001", "--payer-id", "aet01"]).status, 0)
        XCTAssertEqual(try list(f, "payer").first?["payerId"] as? String, "AET01", "normalised as add does")

        XCTAssertEqual(try f.run(["appointment-type", "update", f.followUp, "--minutes", "20"]).status, 0)
        let types = try list(f, "appointment-type")
        XCTAssertEqual(types.first?["minutes"] as? Int, 20)
        XCTAssertEqual(types.first?["name"] as? String, "Follow-up")
        // Booking takes the new default length.
        let monday = ScheduleCorrectionTests.futureMonday()
        XCTAssertEqual(try f.book(at: "\(monday) 09:00").status, 0)
        XCTAssertEqual(try f.appointments().first.map { "\($0["minutes"] ?? "")" }, "20")

        try assertAppendsNothing(f) {
            assertRefused(try f.run(["payer", "update", "PA1001", "--timely-filing-days", "0"]), status: 2, mentioning: "--timely-filing-days")
            assertRefused(try f.run(["payer", "update", "PA1001", "--payer-id", "A*B"]), status: 2, mentioning: "--payer-id")
            assertRefused(try f.run(["payer", "update", "PA9999", "--name", "X"]), status: 1, mentioning: "<payer>: unknown payer PA9999")
            assertRefused(try f.run(["appointment-type", "update", f.followUp, "--minutes", "0"]), status: 2, mentioning: "--minutes")
            assertRefused(try f.run(["appointment-type", "update", f.followUp, "--name", "new patient"]), status: 1,
                          mentioning: "--name: appointment type \(f.newPatient) is already called New patient")
            assertRefused(try f.run(["appointment-type", "update", "AT9999", "--minutes", "15"]), status: 1,
                          mentioning: "<appointment-type>: unknown appointment type AT9999")
        }
    }
}
