import Foundation
import PracticaTestSupport
import XCTest

/// 835 remittances written by the tests for the claims `ClaimsFixture` makes:
/// 99213 125.00 + 87880 35.50 = 160.50 for Maria Garcia (member XEH123456789)
/// to Acme Health (payer id 60054), as the payer would send them.
enum Remit835 {
    /// - parameter bpr: BPR02; a balanced file has Σ CLP04 − Σ PLB.
    /// - parameter seCount: SE01 as written; nil writes the right count.
    static func file(bpr: String, trace: String = "EFT0001", payerName: String = "ACME HEALTH", payerID: String? = "60054",
                     date: String = Remit835.yesterday, claims: [[String]], plb: [String] = [], seCount: Int? = nil) -> String {
        Remit835Envelope.file(bpr: bpr, trace: trace, payerName: payerName, payerID: payerID, date: date, claims: claims, plb: plb, seCount: seCount)
    }

    /// Paid 100.00 of 160.50: 99213 paid 80 (CO-45 15, PR-1 10, PR-2 20), 87880 paid 20 (CO-45 5.50, PR-3 10).
    /// PR 40.00 (deductible 10, coinsurance 20, copay 10), contractual 20.50. `sign` "-" with status 22 reverses it.
    static func paid(_ claim: String, dos: String, sign: String = "", status: String = "1") -> [String] {
        let s = sign
        return ["CLP*\(claim)*\(status)*\(s)160.5*\(s)100*\(s)40*12*PCN777", "NM1*QC*1*GARCIA*MARIA****MI*XEH123456789", "DTM*232*\(dos)",
                "SVC*HC:99213*\(s)125*\(s)80**1", "DTM*472*\(dos)", "CAS*CO*45*\(s)15", "CAS*PR*1*\(s)10**2*\(s)20", "REF*6R*\(claim)-1",
                "SVC*HC:87880*\(s)35.5*\(s)20**1", "DTM*472*\(dos)", "CAS*CO*45*\(s)5.5", "CAS*PR*3*\(s)10", "REF*6R*\(claim)-2"]
    }

    /// 99213 paid 100 (CO-45 25); 87880 denied: paid 0, CO-`carc` 35.50 with RARC N130.
    static func partlyDenied(_ claim: String, dos: String, carc: String = "50") -> [String] {
        ["CLP*\(claim)*1*160.5*100**12*PCN888", "NM1*QC*1*GARCIA*MARIA****MI*XEH123456789", "DTM*232*\(dos)",
         "SVC*HC:99213*125*100**1", "DTM*472*\(dos)", "CAS*CO*45*25", "REF*6R*\(claim)-1",
         "SVC*HC:87880*35.5*0**1", "DTM*472*\(dos)", "CAS*CO*\(carc)*35.5", "REF*6R*\(claim)-2", "LQ*HE*N130"]
    }

    /// A claim payment for a claim we never sent (CLP01 unknown, another patient): it must land in suspense.
    static func unknownClaim(dos: String) -> [String] {
        ["CLP*ZZ999*1*80*50**12*PCN999", "NM1*QC*1*NOBODY*NEMO****MI*NN000", "DTM*232*\(dos)",
         "SVC*HC:99213*80*50**1", "DTM*472*\(dos)", "CAS*CO*45*30"]
    }

    /// BPR16 by default: yesterday, so payments are effective by today (aging "as of today" counts them)
    /// and still after the fixture's date of service (three days ago).
    static var yesterday: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date().addingTimeInterval(-86_400))
    }

    /// X12 date of a fixture date of service ("2026-11-22" → "20261122").
    static func date(_ text: String) -> String { text.replacingOccurrences(of: "-", with: "") }
}

/// `ClaimsFixture` with a claim the payer has (submitted, 277CA-accepted), ready for 835s.
struct RemittanceFixture {
    let claims: ClaimsFixture
    let claim: String
    var dos: String { Remit835.date(claims.dateOfService.description) }

    /// The visit is checked in with PT1001's coverage CV1001, so charges open with insurance.
    init(_ name: String = #function, file: StaticString = #filePath, line: UInt = #line) throws {
        claims = try ClaimsFixture(name, file: file, line: line)
        claim = try claims.cleanClaim(coverage: "CV1001", file: file, line: line)
        let folder = try claims.folder()
        try claims.ok(["claim", "submit", claim, "--out", folder.appendingPathComponent("sent.837").path], file: file, line: line)
        let ack = folder.appendingPathComponent("payer.277")
        try Data(AckFiles.ack277(accepted: [claim]).utf8).write(to: ack)
        try claims.ok(["claim", "ack", ack.path], file: file, line: line)
    }

    /// Writes `text` beside the store and returns its path.
    func write(_ text: String, _ name: String) throws -> String {
        let url = try claims.folder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Imports `text` as the biller and asserts it worked.
    @discardableResult
    func importing(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        try claims.ok(["era", "import", try write(text, name)], file: file, line: line)
    }

    func status(_ claim: String? = nil) throws -> String? {
        try claims.json(["claim", "show", claim ?? self.claim], as: "sam")["status"] as? String
    }

    /// `balance show` as JSON (an auditor reads).
    func balance(_ arguments: [String]) throws -> [String: Any] {
        try claims.json(["balance", "show"] + arguments, as: "sam")
    }
}
