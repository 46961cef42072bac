import XCTest
@testable import RevenueCycle

final class SetupDecisionTests: XCTestCase {
    func testAuthorizationChecksUserAndRole() throws {
        let world = try PracticeWorld()
        XCTAssertNoThrow(try PracticeSetup.authorize(UserID("maria"), for: .schedule, in: world.directory))
        XCTAssertNoThrow(try PracticeSetup.authorize(UserID("admin"), for: .setUpPractice, in: world.directory))
        let nobody = try UserID("nobody"), audrey = try UserID("audrey"), maria = try UserID("maria")
        assertRejected(.refused, field: "as") { try PracticeSetup.authorize(nobody, for: .read, in: world.directory) }
        let r = assertRejected(.refused, field: "as") {
            try PracticeSetup.authorize(audrey, for: .schedule, in: world.directory)
        }
        XCTAssertEqual(r?.reason, "audrey is auditor and may not schedule (only front-desk, admin)")
        assertRejected(.refused, field: "as") {
            try PracticeSetup.authorize(maria, for: .setUpPractice, in: world.directory)
        }
        assertRejected(.refused, field: "as") {
            try PracticeSetup.authorize(maria, for: .read, in: PracticeDirectory())
        }
    }

    func testInitializeMakesTheFirstAdminOnlyOnce() throws {
        let name = try DisplayName("Lakeside"), admin = try UserID("boss"), zone = try TimeZoneID("America/Chicago")
        let (practice, user) = try PracticeSetup.initialize(name: name, admin: admin, timeZone: zone, directory: PracticeDirectory())
        XCTAssertEqual(practice.admin, admin)
        XCTAssertEqual(user.role, .admin)
        let world = try PracticeWorld()
        assertRejected(.refused, field: "store") {
            try PracticeSetup.initialize(name: name, admin: admin, timeZone: zone, directory: world.directory)
        }
    }

    func testUsersAreUnique() throws {
        let world = try PracticeWorld()
        XCTAssertEqual(try PracticeSetup.addUser(UserID("bill"), role: .biller, directory: world.directory).role, .biller)
        let maria = try UserID("maria")
        assertRejected(.refused, field: "name") {
            try PracticeSetup.addUser(maria, role: .biller, directory: world.directory)
        }
    }

    func testProviderNPIMustBeUnique() throws {
        let world = try PracticeWorld()
        let name = try DisplayName("Dr. New"), tax = try TaxonomyCode("207Q00000X")
        let fresh = try PracticeSetup.addProvider(id: ProviderID(3), name: name, npi: NPI("1982736455".luhnFixed),
                                                  taxonomy: tax, isBilling: false, isRendering: true, directory: world.directory)
        XCTAssertEqual(fresh.provider, ProviderID(3))
        let taken = try NPI("1234567893")
        let r = assertRejected(.refused, field: "npi") {
            try PracticeSetup.addProvider(id: ProviderID(3), name: name, npi: taken, taxonomy: tax,
                                          isBilling: true, isRendering: true, directory: world.directory)
        }
        XCTAssertEqual(r?.reason, "NPI 1234567893 already belongs to PR1 (Dr. Lee)")
        assertRejected(.usage, field: "billing") {
            try PracticeSetup.addProvider(id: ProviderID(3), name: name, npi: taken, taxonomy: tax,
                                          isBilling: false, isRendering: false, directory: world.directory)
        }
    }

    func testLocationsAndRooms() throws {
        let world = try PracticeWorld()
        let zone = try TimeZoneID("America/Denver"), pos = try PlaceOfService("11")
        XCTAssertNoThrow(try PracticeSetup.addLocation(id: LocationID(3), name: DisplayName("West"), address: "3 W St",
                                                       placeOfService: pos, timeZone: zone, directory: world.directory))
        let main = try DisplayName("MAIN"), exam = try DisplayName("Exam 1"), other = try DisplayName("Exam 9")
        assertRejected(.refused, field: "name") {
            try PracticeSetup.addLocation(id: LocationID(3), name: main, address: "x", placeOfService: pos, timeZone: zone, directory: world.directory)
        }
        assertRejected(.usage, field: "address") {
            try PracticeSetup.addLocation(id: LocationID(3), name: other, address: " ", placeOfService: pos, timeZone: zone, directory: world.directory)
        }
        XCTAssertEqual(try PracticeSetup.addRoom(id: RoomID(9), location: LocationID(1), name: other, directory: world.directory).room, RoomID(9))
        assertRejected(.refused, field: "location") {
            try PracticeSetup.addRoom(id: RoomID(9), location: LocationID(42), name: other, directory: world.directory)
        }
        assertRejected(.refused, field: "name") {
            try PracticeSetup.addRoom(id: RoomID(9), location: LocationID(1), name: exam, directory: world.directory)
        }
        // The same room name at another location is fine.
        XCTAssertNoThrow(try PracticeSetup.addRoom(id: RoomID(9), location: LocationID(2), name: exam, directory: world.directory))
    }

    func testAppointmentTypesNeedPositiveMinutes() throws {
        let world = try PracticeWorld()
        let name = try DisplayName("Physical")
        XCTAssertEqual(try PracticeSetup.addAppointmentType(id: AppointmentTypeID(3), name: name, minutes: 45, directory: world.directory).minutes, 45)
        for bad in [0, -5, 721] {
            assertRejected(.usage, field: "minutes") {
                try PracticeSetup.addAppointmentType(id: AppointmentTypeID(3), name: name, minutes: bad, directory: world.directory)
            }
        }
    }

    func testPayersFeesAndSettings() throws {
        let world = try PracticeWorld()
        let name = try DisplayName("Beta Health")
        XCTAssertEqual(try PracticeSetup.addPayer(id: PayerID(2), name: name, electronicPayerID: "bcbs1", timelyFilingDays: 180,
                                                  directory: world.directory).electronicPayerID, "BCBS1")
        assertRejected(.refused, field: "payer-id") {
            try PracticeSetup.addPayer(id: PayerID(2), name: name, electronicPayerID: "60054", timelyFilingDays: 90, directory: world.directory)
        }
        assertRejected(.usage, field: "timely-filing-days") {
            try PracticeSetup.addPayer(id: PayerID(2), name: name, electronicPayerID: "X1", timelyFilingDays: 0, directory: world.directory)
        }
        let code = try ProcedureCode("99213")
        XCTAssertEqual(try PracticeSetup.setFee(code: code, modifier: nil, amount: Money.parse("125.00")).amount.cents, 12_500)
        assertRejected(.usage, field: "amount") {
            try PracticeSetup.setFee(code: code, modifier: nil, amount: Money(cents: -1))
        }
        XCTAssertEqual(try PracticeSetup.changeSetting(.lateCancelHours, value: "48").value, "48")
        assertRejected(.usage, field: "value") { try PracticeSetup.changeSetting(.lateCancelHours, value: "soon") }
    }
}

extension String {
    /// Replaces the last digit with the correct NPI check digit, so tests can make valid NPIs.
    var luhnFixed: String {
        let nine = self.prefix(9).compactMap { Int(String($0)) }
        return String(self.prefix(9)) + String(NPI.checkDigit(forFirstNine: nine))
    }
}
