import Foundation
import X12

/// Realistic 837P inputs: a self-insured patient, a dependent, a replacement, a secondary claim.
enum Claim837Fixtures {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> X12Date {
        // Fixture dates are literals known to exist.
        (try? X12Date(year: y, month: m, day: d)) ?? X12Date.fixtureFallback
    }

    static let officeAddress = X12Address(line1: "100 MAIN STREET", line2: "SUITE 200", city: "SPRINGFIELD", state: "IL", postalCode: "627011234")
    static let homeAddress = X12Address(line1: "12 ELM ROAD", city: "SPRINGFIELD", state: "IL", postalCode: "62704")

    static let submitter = Submitter837(name: .organization("PRACTICA FAMILY MEDICINE"), identifier: "PRAC0001",
                                        contactName: "BILLING OFFICE", phone: "2175550100")
    static let receiver = Receiver837(name: "ACME CLEARINGHOUSE", identifier: "ACMECH")
    static let billing = BillingProvider837(name: .organization("PRACTICA FAMILY MEDICINE"), npi: "1234567893",
                                            taxID: "371234567", taxonomy: "207Q00000X", address: officeAddress)
    static let rendering = RenderingProvider837(name: .person(last: "WELBY", first: "MARCUS", middle: "A"),
                                                npi: "1245319599", taxonomy: "207Q00000X")
    static let payer = Payer837(name: "BLUE SHIELD OF ILLINOIS", payerID: "BSIL1")
    static let secondaryPayer = Payer837(name: "GOLDEN RULE INSURANCE", payerID: "GRI77")

    static let jane = Subscriber837(name: .person(last: "DOE", first: "JANE", middle: "Q"), memberID: "XYZ123456789",
                                    birthDate: day(1980, 4, 12), sex: .female, address: homeAddress,
                                    groupNumber: "GRP5544", claimFilingIndicator: "CI")
    static let timmy = Patient837(name: .person(last: "DOE", first: "TIMMY"), birthDate: day(2015, 9, 30), sex: .male,
                                  address: homeAddress, relationshipCode: "19")

    static func officeVisit(_ id: String, charge: Int64 = 12500, date: X12Date = day(2024, 3, 15)) -> [ServiceLine837] {
        [
            ServiceLine837(procedure: ProcedureCode(code: "99213", modifiers: ["25"]), chargeCents: charge, units: 1,
                           diagnosisPointers: [1, 2], serviceDate: date, lineControlNumber: "\(id)-1"),
            ServiceLine837(procedure: ProcedureCode(code: "87880"), chargeCents: 3550, units: 1,
                           diagnosisPointers: [1], serviceDate: date, lineControlNumber: "\(id)-2"),
        ]
    }

    static var primarySelf: ProfessionalClaim837 {
        ProfessionalClaim837(claimID: "CL5521", subscriber: jane, payer: payer, totalChargeCents: 16050,
                             diagnoses: ["J02.0", "R50.9"], renderingProvider: rendering, lines: officeVisit("CL5521"))
    }

    static var primaryDependent: ProfessionalClaim837 {
        ProfessionalClaim837(claimID: "CL5522", subscriber: jane, patient: timmy, payer: payer, totalChargeCents: 16050,
                             diagnoses: ["J02.9", "R05.9"], onsetDate: day(2024, 3, 12), lines: officeVisit("CL5522"))
    }

    static var replacement: ProfessionalClaim837 {
        ProfessionalClaim837(claimID: "CL5521", subscriber: jane, payer: payer, totalChargeCents: 17550, frequency: .replacement,
                             payerClaimControlNumber: "2024075000123", diagnoses: ["J02.0", "R50.9"],
                             renderingProvider: rendering, lines: officeVisit("CL5521", charge: 14000))
    }

    /// Jane's secondary claim after the primary paid 100.00 of 160.50.
    static var secondary: ProfessionalClaim837 {
        let adjudicated = day(2024, 4, 2)
        var lines = officeVisit("CL5530")
        lines[0].priorAdjudications = [
            LineAdjudication837(otherPayerID: "BSIL1", paidCents: 8000, adjustments: [
                ClaimAdjustment(group: .contractualObligation, reasonCode: "45", amountCents: 2500),
                ClaimAdjustment(group: .patientResponsibility, reasonCode: "2", amountCents: 2000),
            ], adjudicationDate: adjudicated),
        ]
        lines[1].priorAdjudications = [
            LineAdjudication837(otherPayerID: "BSIL1", paidCents: 2000, adjustments: [
                ClaimAdjustment(group: .patientResponsibility, reasonCode: "3", amountCents: 1550),
            ], adjudicationDate: adjudicated),
        ]
        let primary = OtherPayer837(responsibility: .primary, relationshipCode: "18", groupNumber: "GRP5544",
                                    claimFilingIndicator: "CI", subscriberName: jane.name, subscriberMemberID: jane.memberID,
                                    payerName: payer.name, payerID: payer.payerID, paidCents: 10000)
        var secondarySubscriber = jane
        secondarySubscriber.memberID = "GR998877"
        secondarySubscriber.groupNumber = nil
        return ProfessionalClaim837(claimID: "CL5530", subscriber: secondarySubscriber, payer: secondaryPayer,
                                    responsibility: .secondary, totalChargeCents: 16050, diagnoses: ["J02.0", "R50.9"],
                                    renderingProvider: rendering, otherPayers: [primary], lines: lines)
    }

    static func batch(_ claims: [ProfessionalClaim837]) -> Professional837Batch {
        Professional837Batch(submitter: submitter, receiver: receiver, billingProvider: billing, batchReference: "B20240401",
                             createdDate: day(2024, 4, 1), createdTime: (try? X12Time(hour: 9, minute: 30)) ?? X12Time.midnight,
                             claims: claims)
    }

    static var interchangeHeader: X12InterchangeHeader {
        X12InterchangeHeader(senderID: "PRAC0001", receiverID: "ACMECH", date: day(2024, 4, 1),
                             time: (try? X12Time(hour: 9, minute: 30)) ?? X12Time.midnight, controlNumber: 1207, isProduction: false)
    }

    static func write(_ claims: [ProfessionalClaim837], delimiters: X12Delimiters = .standard) throws -> String {
        try Professional837Writer().write(batch(claims), interchange: interchangeHeader, groupControlNumber: 1207,
                                          transactionSetControlNumber: "0001", delimiters: delimiters)
    }
}

extension X12Date {
    static let fixtureFallback: X12Date = {
        guard let d = try? X12Date(year: 2000, month: 1, day: 1) else { fatalError("2000-01-01 is a date") }
        return d
    }()
}

extension X12Time {
    static let midnight: X12Time = {
        guard let t = try? X12Time(hour: 0, minute: 0) else { fatalError("00:00 is a time") }
        return t
    }()
}
