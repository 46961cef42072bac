import XCTest
@testable import RevenueCycle

final class ValueTests: XCTestCase {
    func testSex() throws {
        XCTAssertEqual(try Sex.parse("f"), .female)
        XCTAssertEqual(try Sex.parse("M"), .male)
        XCTAssertEqual(try Sex.parse("U"), .unknown)
        XCTAssertThrowsError(try Sex.parse("X"))
    }

    func testRolesAndTheirPermissions() throws {
        XCTAssertEqual(try Role.parse("front-desk"), .frontDesk)
        XCTAssertEqual(try Role.parse("front_desk"), .frontDesk)
        XCTAssertThrowsError(try Role.parse("doctor"))
        XCTAssertTrue(Role.frontDesk.may(.schedule))
        XCTAssertTrue(Role.frontDesk.may(.registerPatients))
        XCTAssertFalse(Role.frontDesk.may(.postPayments))
        XCTAssertFalse(Role.frontDesk.may(.setUpPractice))
        XCTAssertTrue(Role.biller.may(.manageClaims))
        XCTAssertFalse(Role.biller.may(.schedule))
        XCTAssertEqual(Role.auditor.permissions, [.read, .audit])
        XCTAssertTrue(Permission.allCases.allSatisfy(Role.admin.may))
    }

    func testSearchFoldingIgnoresCaseAndAccents() throws {
        XCTAssertEqual(SearchText.fold("José"), "jose")
        XCTAssertEqual(SearchText.fold("MÜLLER"), "muller")
        XCTAssertEqual(SearchText.fold("Ñúñez"), "nunez")
        // The ASCII shortcut folds every ASCII text as decomposing, dropping marks and
        // lower-casing does; anything else goes the long way.
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = String(decoding: (0..<Int.random(in: 0...12, using: &rng)).map { _ in UInt8.random(in: 0...127, using: &rng) }, as: UTF8.self)
            XCTAssertEqual(SearchText.asciiFolded(text), SearchText.unicodeFolded(text), "\(Array(text.utf8))")
        }
        XCTAssertNil(SearchText.asciiFolded("José"))
        let name = try PersonName(first: "José", last: "Núñez")
        XCTAssertTrue(name.matches(search: "jose"))
        XCTAssertTrue(name.matches(search: "NUN"))
        XCTAssertTrue(name.matches(search: "jo nu"))
        XCTAssertFalse(name.matches(search: "maria"))
        XCTAssertEqual(name.description, "Núñez, José")
    }

    func testPersonNameRejectsEmptyParts() {
        XCTAssertThrowsError(try PersonName(first: " ", last: "Lee")) { error in
            XCTAssertEqual((error as? ValueError)?.kind, "first name")
        }
        XCTAssertThrowsError(try PersonName(first: "Ann", last: "123"))
        XCTAssertEqual(try PersonName(first: "Ann", middle: "", last: "Lee").middle, nil)
    }

    func testPhoneNumbersNormalizeToTenDigits() throws {
        XCTAssertEqual(try PhoneNumber("(312) 555-0100").digits, "3125550100")
        XCTAssertEqual(try PhoneNumber("+1 312.555.0100").digits, "3125550100")
        XCTAssertEqual(try PhoneNumber("3125550100").formatted, "(312) 555-0100")
        for text in ["555-0100", "312-555-01000", "call me", "312 555 O100"] {
            XCTAssertThrowsError(try PhoneNumber(text), text)
        }
    }

    func testEmailShape() {
        XCTAssertNoThrow(try EmailAddress("ann@example.com"))
        for text in ["ann", "ann@", "@x.com", "ann@example", "a b@x.com", "a@b@c.com"] {
            XCTAssertThrowsError(try EmailAddress(text), text)
        }
    }

    func testPlaceOfService() {
        XCTAssertEqual(try PlaceOfService("11").code, "11")
        for text in ["1", "111", "00", "ab"] { XCTAssertThrowsError(try PlaceOfService(text), text) }
    }

    func testProcedureCodes() throws {
        XCTAssertEqual(try ProcedureCode("99213").kind, .cpt)
        XCTAssertEqual(try ProcedureCode("3074F").kind, .cptCategoryII)
        XCTAssertEqual(try ProcedureCode("0042T").kind, .cptCategoryIII)
        XCTAssertEqual(try ProcedureCode("0001U").kind, .proprietaryLab)
        XCTAssertEqual(try ProcedureCode("j1885").code, "J1885")
        XCTAssertEqual(try ProcedureCode("J1885").kind, .hcpcs)
        for text in ["9921", "992133", "3074X", "W1234", "J188A", "ABCDE"] {
            XCTAssertThrowsError(try ProcedureCode(text), text)
        }
    }

    func testDiagnosisCodes() throws {
        XCTAssertEqual(try DiagnosisCode("E11.9").compact, "E119")
        XCTAssertEqual(try DiagnosisCode("e119").description, "E11.9")
        XCTAssertEqual(try DiagnosisCode("I10").description, "I10")
        XCTAssertEqual(try DiagnosisCode("S72.001A").description, "S72.001A")
        for text in ["E1", "11.9", "E11.", "E11.12345", "EE1.9", "E1.19", "E11..9"] {
            XCTAssertThrowsError(try DiagnosisCode(text), text)
        }
    }

    func testModifiersAndTaxonomy() throws {
        XCTAssertEqual(try Modifier("gt").code, "GT")
        XCTAssertEqual(try Modifier("25").code, "25")
        XCTAssertThrowsError(try Modifier("2"))
        XCTAssertThrowsError(try Modifier("25X"))
        XCTAssertEqual(try TaxonomyCode("207q00000x").code, "207Q00000X")
        XCTAssertThrowsError(try TaxonomyCode("207Q00000"))
    }

    func testDateSpanAndAvailabilityBlock() throws {
        let a = try LocalDate.parse("2026-01-01"), b = try LocalDate.parse("2026-06-30")
        XCTAssertThrowsError(try DateSpan(from: b, to: a)) { error in
            XCTAssertEqual((error as? ValueError)?.reason, "ends before it starts")
        }
        let span = try DateSpan(from: a, to: b)
        XCTAssertTrue(span.contains(b))
        XCTAssertFalse(span.contains(b.adding(days: 1)))
        XCTAssertTrue(span.overlaps(try DateSpan(from: b, to: nil)))
        XCTAssertFalse(span.overlaps(try DateSpan(from: b.adding(days: 1), to: nil)))
        let block = try AvailabilityBlock.parse("mon 09:00-12:00")
        XCTAssertEqual(block.description, "mon 09:00-12:00")
        XCTAssertThrowsError(try AvailabilityBlock.parse("mon 12:00-09:00"))
        XCTAssertThrowsError(try AvailabilityBlock.parse("mon 09:00"))
    }

    func testSettings() throws {
        XCTAssertEqual(try PracticeSettingKey.parse("late-cancel-hours"), .lateCancelHours)
        XCTAssertEqual(try PracticeSettingKey.lateCancelHours.validate("048"), "48")
        XCTAssertThrowsError(try PracticeSettingKey.lateCancelHours.validate("-1"))
        XCTAssertThrowsError(try PracticeSettingKey.parse("color"))
    }
}
