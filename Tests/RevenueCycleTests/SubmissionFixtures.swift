import PracticaTestSupport
import X12
@testable import RevenueCycle

/// The clearinghouse setup and hand-written 999s for submission and acknowledgement tests.
enum SubmissionFixtures {
    static let setup = SubmissionSetup(
        submitter: Submitter837(name: .organization("LAKESIDE FAMILY MEDICINE"), identifier: "LAKE0001",
                                contactName: "BILLING OFFICE", phone: "3125550100"),
        receiver: Receiver837(name: "ACME CLEARINGHOUSE", identifier: "ACMECH"),
        senderID: "LAKE0001", receiverID: "ACMECH", billingTaxID: "371234567",
        billingAddress: X12Address(line1: "1 MAIN ST", city: "CHICAGO", state: "IL", postalCode: "606011234"),
        isProduction: false)

    static func request(_ claims: [UInt64]? = nil, isa: Int = 1, gs: Int = 1, st: Int = 1,
                        today: LocalDate = ClaimWorld.today) -> SubmissionRequest {
        SubmissionRequest(claims: claims.map { $0.map(ClaimID.init) }, fileName: "claims-\(isa).837",
                          interchangeControlNumber: isa, groupControlNumber: gs, transactionSetControlNumber: st,
                          today: today, time: (try? LocalTime(hour: 9, minute: 30)) ?? LocalTime(clamping: 570))
    }

    /// Submits and folds the events in.
    @discardableResult
    static func submit(_ w: inout ClaimWorld, _ claims: [UInt64]? = nil, isa: Int = 1, gs: Int = 1, st: Int = 1) throws -> SubmissionFile {
        let file = try ClaimSubmissionDecision.submit(request(claims, isa: isa, gs: gs, st: st), setup: setup, state: w.state)
        w.apply(file.events)
        return file
    }

    static let isa = Ack999Envelope.isa

    /// A 999 for group `group`: each set accepted ("A") or rejected ("R", with a missing-NM1 error).
    static func ack999(group: String, sets: [(control: String, status: String)], groupStatus: String? = nil) -> [UInt8] {
        Array(Ack999Envelope.file(group: group, sets: sets, groupStatus: groupStatus, ackGroupControl: "9").utf8)
    }
}
