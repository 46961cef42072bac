import BinaryCodec
import XCTest
@testable import RevenueCycle

/// The one input rule's pieces in the domain: `FreeText`, `EchoedInput`,
/// `TypedDateTime` with a zone, and `JSONNumbers`.
final class InputRuleValueTests: XCTestCase {
    func testFreeTextRefusesHiddenCharactersAndEnforcesEachFieldsLimit() throws {
        XCTAssertEqual(try FreeText.validate("  José Núñez ", as: .name, kind: "name"), "José Núñez")
        for hidden in ["\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}", "\u{202E}",
                       "\u{2066}", "\u{2069}", "\u{FEFF}", "\u{00AD}", "\n", "\t", "\u{7F}", "\u{85}", "\u{2028}"] {
            XCTAssertThrowsError(try FreeText.validate("Gar\(hidden)cia", as: .name, kind: "last name"), hidden.debugDescription)
        }
        for field in FreeText.Field.allCases {
            XCTAssertNoThrow(try FreeText.validate(String(repeating: "é", count: field.maximumLength), as: field, kind: "x"))
            XCTAssertThrowsError(try FreeText.validate(String(repeating: "é", count: field.maximumLength + 1), as: field, kind: "x"))
        }
        XCTAssertThrowsError(try FreeText.validate(" ", as: .note, kind: "note"))
    }

    func testErrorsEchoInputShortAndEscaped() {
        let long = ValueError(kind: "note", input: String(repeating: "x", count: 5_000), reason: "too long").description
        XCTAssertLessThan(long.count, 100, long)
        XCTAssertTrue(long.contains("…"), long)
        let bidi = ValueError(kind: "name", input: "a\u{202E}b\nc", reason: "r").description
        XCTAssertEqual(bidi, "invalid name \"a\\u{202E}b\\nc\": r")
    }

    func testTypedTimesInTheFallBackHourNeedAnOffsetAndGapsAreRefused() throws {
        let chicago = try TimeZoneID("America/Chicago")
        XCTAssertThrowsError(try chicago.instant(for: TypedDateTime.parse("2026-11-01 01:30"))) { error in
            XCTAssertTrue("\(error)".contains("happens twice"), "\(error)")
        }
        XCTAssertEqual(try chicago.instant(for: TypedDateTime.parse("2026-11-01 01:30-05:00")).description, "2026-11-01T06:30:00Z")
        XCTAssertEqual(try chicago.instant(for: TypedDateTime.parse("2026-11-01 01:30-06:00")).description, "2026-11-01T07:30:00Z")
        XCTAssertThrowsError(try chicago.instant(for: TypedDateTime.parse("2026-11-01 01:30+02:00")))
        XCTAssertThrowsError(try chicago.instant(for: TypedDateTime.parse("2026-03-08 02:30")))
        XCTAssertEqual(try chicago.instant(for: TypedDateTime.parse("2026-12-01 09:00")).description, "2026-12-01T15:00:00Z")
        XCTAssertThrowsError(try TypedDateTime.parse("9999-12-31 23:50"))
        XCTAssertThrowsError(try TypedDateTime.parse("2026-12-01 09:00-25:00"))
    }

    func testAReportSpansAtMostTwentyCalendarYears() throws {
        XCTAssertNoThrow(try PlausibleDates.checkReportRange(from: LocalDate.parse("2006-12-01"), to: LocalDate.parse("2026-11-30")))
        XCTAssertThrowsError(try PlausibleDates.checkReportRange(from: LocalDate.parse("2006-12-01"), to: LocalDate.parse("2026-12-01")))
        XCTAssertNoThrow(try PlausibleDates.checkReportRange(from: LocalDate.parse("2004-02-29"), to: LocalDate.parse("2024-02-27")))
        XCTAssertThrowsError(try PlausibleDates.checkReportRange(from: LocalDate.parse("2004-02-29"), to: LocalDate.parse("2024-02-29")))
        XCTAssertThrowsError(try PlausibleDates.checkReportRange(from: LocalDate.parse("2026-02-01"), to: LocalDate.parse("2026-01-31")))
    }

    func testJSONNumbersAreExactDecimals() {
        XCTAssertEqual(JSONNumbers.money(Money(cents: -12_345)).rendered, "-123.45")
        XCTAssertEqual(JSONNumbers.money(Money(cents: 5)).rendered, "0.05")
        XCTAssertEqual(JSONNumbers.days(tenths: 442).rendered, "44.2")
        XCTAssertEqual(JSONNumbers.days(tenths: -5).rendered, "-0.5")
        XCTAssertEqual(JSONNumbers.percent(basisPoints: 1_234).rendered, "12.34")
        XCTAssertEqual(JSONNumbers.percent(basisPoints: 7).rendered, "0.07")
    }
}
