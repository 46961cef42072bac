import Foundation
import Projections
@testable import PracticaCLI
import RevenueCycle
import XCTest

/// `schedule show` fits the terminal it is shown in (issue 15, review): a
/// four-provider day at 80 and 140 columns never has a line wider than the
/// terminal, says how to see everything, and piped output keeps every detail.
final class ScheduleWidthTests: XCTestCase {
    func calendar(providers: Int) throws -> ScheduleCalendar {
        let chicago = try TimeZoneID("America/Chicago")
        var columns: [ScheduleCalendar.Column] = []
        var names: [PatientID: String] = [:]
        for p in 0..<providers {
            var entries: [ScheduleEntry] = []
            for slot in 0..<6 {
                let patient = PatientID(UInt64(1_000 + p * 10 + slot))
                names[patient] = "Hernandez-Oyelaran, Maximiliano"
                let start = try chicago.instant(for: LocalDateTime.parse("2026-12-07 \(9 + slot):20"))
                entries.append(ScheduleEntry(AppointmentBooked(
                    appointment: AppointmentID(UInt64(1_000 + p * 10 + slot)), patient: patient, provider: ProviderID(UInt64(1_001 + p)),
                    location: LocationID(1_001), room: nil, appointmentType: AppointmentTypeID(1_001), start: start, minutes: 40,
                    zone: chicago, forcedReason: nil, recurrenceGroup: nil)))
            }
            columns.append(.init(header: "PR\(1_001 + p) Dr. Provider With A Long Name \(p)", entries: entries, showsProvider: false))
        }
        var calendar = ScheduleCalendar(columns: columns, step: 15)
        calendar.patientNames = names
        calendar.typeNames = [AppointmentTypeID(1_001): "New patient, extended"]
        return calendar
    }

    func testADayFitsTheTerminalAndSaysHowToSeeEverything() throws {
        for (providers, width) in [(4, 80), (4, 140), (2, 80), (8, 80), (12, 100)] {
            let text = try calendar(providers: providers).render(fitting: width)
            let widest = text.components(separatedBy: "\n").map { $0.count }.max() ?? 0
            XCTAssertLessThanOrEqual(widest, width, "\(providers) providers at \(width) columns:\n\(text)")
            XCTAssertTrue(text.contains("--provider ID shows one in full"), text)
            for p in 0..<providers { XCTAssertTrue(text.contains("PR\(1_001 + p)"), "every provider is shown: \(text)") }
            XCTAssertTrue(text.contains("AP1000") || providers == 0, "appointment ids stay readable: \(text)")
        }
    }

    func testPipedOutputKeepsEveryDetail() throws {
        let text = try calendar(providers: 4).render(fitting: nil)
        XCTAssertTrue(text.contains("PR1001 Dr. Provider With A Long Name 0"), text)
        XCTAssertTrue(text.contains("[B] 09:20 AP1000 PT1000 Hernandez-Oyelaran, Maximiliano · New patient, extended"), text)
        XCTAssertFalse(text.contains("shortened"), text)
    }
}
