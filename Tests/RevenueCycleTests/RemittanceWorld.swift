import XCTest
import PracticaTestSupport
import BinaryCodec
import X12
@testable import RevenueCycle

/// `ClaimWorld` with claims sent to the payer, and hand-built 835s to pay them.
///
/// - CL5521: PT1 (member XYZ123456789), V100 on 2026-12-01: 99213 125.00 (CH55211) + 87880 35.50 (CH55212) = 160.50.
/// - CL5522: PT3 (Jane Doe's child, member JD998877), V101, same lines.
/// Both are submitted to PA1 "Acme" (payer id 60054).
struct RemittanceWorld {
    var claims: ClaimWorld
    var state: PracticeState {
        get { claims.state }
        set { claims.state = newValue }
    }
    var denialIDs = IDSequence(first: DenialID(1))
    var nextRemittance: UInt64 = 1

    init() throws {
        claims = try ClaimWorld()
        _ = try claims.cleanClaim()
        _ = try claims.cleanClaim(patient: 3, appointment: 11, visit: 101, id: 5522, at: "2026-12-01 10:00")
        try SubmissionFixtures.submit(&claims, isa: 1, gs: 1, st: 1)
    }

    mutating func apply(_ events: [any EventPayload]) { claims.apply(events) }

    /// Reads `text` with the X12 reader and posts its first 835, folding the events in.
    @discardableResult
    mutating func post(_ text: String, digest: String? = nil) throws -> RemittancePostingOutcome {
        let remittance = try XCTUnwrap(try Remittance835Reader.read(Array(text.utf8)).first)
        let id = RemittanceID(nextRemittance)
        let outcome = try RemittancePosting.post(remittance, id: id, fileDigest: digest ?? "digest-\(nextRemittance)",
                                                 receivedOn: ClaimWorld.day("2026-12-15"), denialIDs: &denialIDs, state: state)
        if case .posted(let result) = outcome {
            apply(result.events)
            nextRemittance += 1
        }
        return outcome
    }

    func claim(_ id: UInt64) -> ClaimRecord? { state.claims[ClaimID(id)] }
    var ledger: Ledger { state.receivables.ledger }
}

/// Builds small 835 interchanges around claim blocks, like a payer would send them.
enum Remit835 {
    /// - parameter bpr: BPR02, which must be Σ CLP04 − Σ PLB for the reader to accept the file.
    static func file(bpr: String, trace: String = "EFT0001", payerName: String = "ACME", payerID: String? = "60054",
                     date: String = "20261210", claims: [[String]], plb: [String] = []) -> String {
        Remit835Envelope.file(bpr: bpr, trace: trace, payerName: payerName, payerID: payerID, date: date, claims: claims, plb: plb)
    }

    /// CL5521 paid 100.00: 99213 paid 80 (CO-45 15, PR-1 10, PR-2 20), 87880 paid 20 (CO-45 5.50, PR-3 10).
    static func paidCL5521(clp01: String = "CL5521", lineRefs: Bool = true, sign: String = "", status: String = "1") -> [String] {
        let s = sign
        return ["CLP*\(clp01)*\(status)*\(s)160.5*\(s)100*\(s)40*12*PCN777", "NM1*QC*1*NUNEZ*JOSE****MI*XYZ123456789", "DTM*232*20261201",
                "SVC*HC:99213*\(s)125*\(s)80**1", "DTM*472*20261201", "CAS*CO*45*\(s)15", "CAS*PR*1*\(s)10**2*\(s)20"]
            + (lineRefs ? ["REF*6R*CL5521-1"] : [])
            + ["SVC*HC:87880*\(s)35.5*\(s)20**1", "DTM*472*20261201", "CAS*CO*45*\(s)5.5", "CAS*PR*3*\(s)10"]
            + (lineRefs ? ["REF*6R*CL5521-2"] : [])
    }

    /// CL5522: 99213 paid 100 (CO-45 25), 87880 denied CO-50 with RARC N130.
    static let partlyDeniedCL5522 = [
        "CLP*CL5522*1*160.5*100**12*PCN888", "NM1*QC*1*DOE*TIMMY****MI*JD998877", "DTM*232*20261201",
        "SVC*HC:99213*125*100**1", "DTM*472*20261201", "CAS*CO*45*25", "REF*6R*CL5522-1",
        "SVC*HC:87880*35.5*0**1", "DTM*472*20261201", "CAS*CO*50*35.5", "REF*6R*CL5522-2", "LQ*HE*N130",
    ]
}
