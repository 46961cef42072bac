import XCTest
@testable import RevenueCycle

final class IdentifierTests: XCTestCase {
    func testPrefixedIDsParseAndPrint() throws {
        XCTAssertEqual(try PatientID.parse("PT1042"), PatientID(1042))
        XCTAssertEqual(try PatientID.parse("pt1042").description, "PT1042")
        XCTAssertEqual(try AppointmentID.parse("AP20931").number, 20931)
        XCTAssertEqual(try VisitID.parse("V7").description, "V7")
        XCTAssertEqual(PayerID(3).description, "PA3")
        XCTAssertEqual(PaymentID(3).description, "PY3")
        XCTAssertEqual(ProviderID(1).description, "PR1")
        XCTAssertEqual(LocationID(1).description, "LO1")
        XCTAssertEqual(RoomID(1).description, "RO1")
        XCTAssertEqual(AppointmentTypeID(1).description, "AT1")
        XCTAssertEqual(CoverageID(1).description, "CV1")
        XCTAssertEqual(WaitlistEntryID(1).description, "WL1")
    }

    func testWrongPrefixOrMissingNumberIsRefused() {
        XCTAssertThrowsError(try PatientID.parse("AP1042")) { error in
            XCTAssertEqual((error as? ValueError)?.kind, "patient id")
        }
        for text in ["PT", "PT-1", "PT12a", "1042", "", "PT99999999999999999999999"] {
            XCTAssertThrowsError(try PatientID.parse(text), text)
        }
        XCTAssertThrowsError(try PayerID.parse("PY1"), "payments use PY, payers PA")
    }

    func testUserNames() throws {
        XCTAssertEqual(try UserID("maria").name, "maria")
        XCTAssertEqual(try UserID("j.smith-2").name, "j.smith-2")
        for text in ["", "Maria", "1abc", "a b", String(repeating: "a", count: 33)] {
            XCTAssertThrowsError(try UserID(text), text)
        }
    }
}
