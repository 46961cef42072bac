import Foundation
import PracticaTestSupport

/// Acknowledgement files written by the tests from what `claim submit` wrote:
/// the control numbers a clearinghouse's 999 answers, and the claim ids a
/// payer's 277CA echoes in TRN02.
enum AckFiles {
    /// ISA13, GS06 and every ST02 of an 837P file.
    struct SentNumbers {
        let interchange: String
        let group: String
        let sets: [String]

        init(_ text: String) {
            let segments = text.split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "*", omittingEmptySubsequences: false).map(String.init) }
            interchange = segments.first { $0.first == "ISA" }.map { $0[13] } ?? ""
            group = segments.first { $0.first == "GS" }.map { $0[6] } ?? ""
            sets = segments.filter { $0.first == "ST" }.map { $0[2] }
        }
    }

    static let isa = Ack999Envelope.isa

    /// A 999 answering `group`: each set accepted ("A") or rejected ("R", with a missing-NM1 error).
    static func ack999(group: String, sets: [(control: String, status: String)]) -> String {
        Ack999Envelope.file(group: group, sets: sets, ackGroupControl: "42")
    }

    /// A 277CA with one patient-level loop per claim: `rejected` claims get A7:562:85 (billing provider NPI), the others A2:20.
    static func ack277(accepted: [String] = [], rejected: [String] = []) -> String {
        var body = [
            "BHT*0085*08*BATCH1*20261203*0930*TH~",
            "HL*1**20*1~", "NM1*PR*2*ACME HEALTH*****PI*60054~", "TRN*1*BATCH1~", "DTP*050*D8*20261203~", "DTP*009*D8*20261203~",
            "HL*2*1*21*1~", "NM1*41*2*LAKESIDE FAMILY MEDICINE*****46*LAKE0001~", "TRN*2*BATCH1~", "STC*A1:20*20261203*WQ*100~",
            "HL*3*2*19*1~", "NM1*85*2*LAKESIDE FAMILY MEDICINE*****XX*1987654328~", "TRN*1*PROVIDER1~",
        ]
        var hl = 3
        for (claim, isRejected) in accepted.map({ ($0, false) }) + rejected.map({ ($0, true) }) {
            hl += 1
            body += ["HL*\(hl)*3*PT~", "NM1*QC*1*GARCIA*MARIA****MI*XEH123456789~", "TRN*2*\(claim)~"]
            body += isRejected ? ["STC*A7:562:85*20261203*U*160.50~"] : ["STC*A2:20*20261203*WQ*160.50~", "REF*1K*PAYER\(claim)~"]
        }
        let set = ["ST*277*0001*005010X214~"] + body + ["SE*\(body.count + 2)*0001~"]
        return ([isa, "GS*HN*ACMECH*LAKE0001*20261203*0930*43*X*005010X214~"] + set + ["GE*1*43~", "IEA*1*000000042~"])
            .joined(separator: "\n")
    }
}
