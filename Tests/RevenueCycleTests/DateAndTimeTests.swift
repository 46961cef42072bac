import XCTest
@testable import RevenueCycle

final class DateAndTimeTests: XCTestCase {
    func testParsesAndPrintsISODates() throws {
        let d = try LocalDate.parse("2026-02-28")
        XCTAssertEqual([d.year, d.month, d.day], [2026, 2, 28])
        XCTAssertEqual(d.description, "2026-02-28")
        XCTAssertEqual(try LocalDate.parse("2024-02-29").day, 29)
    }

    func testRejectsImpossibleDates() {
        XCTAssertThrowsError(try LocalDate.parse("2026-02-30")) { error in
            XCTAssertEqual((error as? ValueError)?.reason, "February 2026 has 28 days")
        }
        for text in ["2026-13-01", "2026-00-10", "2026-04-31", "2025-02-29", "1900-02-29", "0000-01-01",
                     "2026-1-01", "26-01-01", "2026/01/01", "tomorrow", "2026-01-01x"] {
            XCTAssertThrowsError(try LocalDate.parse(text), text)
        }
    }

    func testDayArithmeticCrossesMonthsYearsAndLeapDays() throws {
        let d = try LocalDate.parse("2026-02-28")
        XCTAssertEqual(d.adding(days: 1).description, "2026-03-01")
        XCTAssertEqual(try LocalDate.parse("2024-02-28").adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(try LocalDate.parse("2026-12-31").adding(days: 1).description, "2027-01-01")
        XCTAssertEqual(try LocalDate.parse("2026-01-01").adding(days: -1).description, "2025-12-31")
        XCTAssertEqual(try LocalDate.parse("2026-01-01").days(to: LocalDate.parse("2027-01-01")), 365)
        XCTAssertEqual(try LocalDate.parse("1970-01-01").daysSinceEpoch, 0)
        XCTAssertEqual(try LocalDate.parse("1969-12-31").daysSinceEpoch, -1)
        for n: Int64 in [-800_000, -1, 0, 1, 20_000, 2_900_000] {
            XCTAssertEqual(LocalDate(daysSinceEpoch: n).daysSinceEpoch, n)
        }
    }

    func testWeekdays() throws {
        XCTAssertEqual(try LocalDate.parse("1970-01-01").weekday, .thursday)
        XCTAssertEqual(try LocalDate.parse("2026-03-08").weekday, .sunday)
        XCTAssertEqual(try LocalDate.parse("2026-12-01").weekday, .tuesday)
        XCTAssertEqual(try LocalDate.parse("1969-12-29").weekday, .monday)
        XCTAssertEqual(try Weekday.parse("Mon"), .monday)
        XCTAssertEqual(try Weekday.parse("friday"), .friday)
        XCTAssertThrowsError(try Weekday.parse("fr"))
    }

    func testLocalTimes() throws {
        XCTAssertEqual(try LocalTime.parse("09:00").minutesSinceMidnight, 540)
        XCTAssertEqual(try LocalTime.parse("9:05").description, "09:05")
        XCTAssertEqual(try LocalTime.parse("23:59").minutesSinceMidnight, 1439)
        for text in ["24:00", "12:60", "1200", "12:5", "ab:cd", "", "-1:00"] {
            XCTAssertThrowsError(try LocalTime.parse(text), text)
        }
    }

    func testLocalDateTimeParsesBothSeparators() throws {
        let a = try LocalDateTime.parse("2026-12-01 09:00")
        XCTAssertEqual(a, try LocalDateTime.parse("2026-12-01T09:00"))
        XCTAssertEqual(a.adding(minutes: 15 * 60).description, "2026-12-02 00:00")
        XCTAssertThrowsError(try LocalDateTime.parse("2026-02-30 09:00")) { error in
            XCTAssertEqual((error as? ValueError)?.reason, "February 2026 has 28 days")
        }
        XCTAssertThrowsError(try LocalDateTime.parse("2026-12-01"))
    }

    func testTimeZoneIDsAreCheckedAgainstTheTzDatabase() throws {
        XCTAssertEqual(try TimeZoneID("America/Chicago").identifier, "America/Chicago")
        XCTAssertThrowsError(try TimeZoneID("Mars/Olympus_Mons"))
        XCTAssertThrowsError(try TimeZoneID(""))
    }

    func testNonexistentSpringForwardTimeIsRefused() throws {
        let chicago = try TimeZoneID("America/Chicago")
        XCTAssertThrowsError(try chicago.instant(for: LocalDateTime.parse("2026-03-08 02:30"))) { error in
            XCTAssertEqual((error as? ValueError)?.kind, "local time")
        }
        // 03:30 CDT (UTC-5) is 08:30Z.
        let ok = try chicago.instant(for: LocalDateTime.parse("2026-03-08 03:30"))
        XCTAssertEqual(ok.description, "2026-03-08T08:30:00Z")
        // 01:30 CST (UTC-6) is 07:30Z.
        XCTAssertEqual(try chicago.instant(for: LocalDateTime.parse("2026-03-08 01:30")).description, "2026-03-08T07:30:00Z")
    }

    func testAmbiguousFallBackTimeResolvesToTheEarliestInstant() throws {
        let chicago = try TimeZoneID("America/Chicago")
        let local = try LocalDateTime.parse("2026-11-01 01:30")
        XCTAssertTrue(chicago.isAmbiguous(local))
        // First 01:30 is CDT (UTC-5): 06:30Z; the second (CST) would be 07:30Z.
        XCTAssertEqual(try chicago.instant(for: local).description, "2026-11-01T06:30:00Z")
        XCTAssertFalse(chicago.isAmbiguous(try LocalDateTime.parse("2026-11-01 03:00")))
    }

    func testSlotAcrossFallBackConvertsBothWays() throws {
        let chicago = try TimeZoneID("America/Chicago")
        // 00:30 CDT + 120 minutes of real time ends at 01:30 CST.
        let slot = try ZonedSlot(local: LocalDateTime.parse("2026-11-01 00:30"), minutes: 120, zone: chicago)
        XCTAssertEqual(slot.start.description, "2026-11-01T05:30:00Z")
        XCTAssertEqual(slot.end.description, "2026-11-01T07:30:00Z")
        XCTAssertEqual(slot.localStart.description, "2026-11-01 00:30")
        XCTAssertEqual(slot.localEnd.description, "2026-11-01 01:30")
        XCTAssertEqual(chicago.offsetSeconds(at: slot.start), -5 * 3600)
        XCTAssertEqual(chicago.offsetSeconds(at: slot.end), -6 * 3600)
    }

    func testInstantRoundTripsThroughLocalTimeOutsideTransitions() throws {
        let tokyo = try TimeZoneID("Asia/Tokyo")
        let local = try LocalDateTime.parse("2026-07-04 18:45")
        let instant = try tokyo.instant(for: local)
        XCTAssertEqual(instant.description, "2026-07-04T09:45:00Z")
        XCTAssertEqual(tokyo.localDateTime(at: instant), local)
    }
}
