/// 835 interchanges around claim blocks, as a payer would send them: the
/// envelope both the domain and the CLI tests build their remittances in.
public enum Remit835Envelope {
    public static let isa = "ISA*00*          *00*          *ZZ*ACMEPAY        *ZZ*LAKE0001       *261215*1200*^*00501*000000077*0*T*:~"

    /// - parameter bpr: BPR02; a balanced file has Σ CLP04 − Σ PLB.
    /// - parameter date: BPR16, CCYYMMDD.
    /// - parameter seCount: SE01 as written; nil writes the right count.
    public static func file(bpr: String, trace: String, payerName: String, payerID: String?, date: String,
                            claims: [[String]], plb: [String], seCount: Int? = nil) -> String {
        var body = ["BPR*I*\(bpr)*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*\(date)",
                    "TRN*1*\(trace)*1512345678", "N1*PR*\(payerName)"]
        if let payerID { body.append("REF*2U*\(payerID)") }
        body += ["PER*BL*EDI*TE*8005551212", "N1*PE*LAKESIDE FAMILY MEDICINE*XX*1987654328"]
        for (i, block) in claims.enumerated() { body += ["LX*\(i + 1)"] + block }
        body += plb
        let set = ["ST*835*0001"] + body + ["SE*\(seCount ?? body.count + 2)*0001"]
        let rest = ["GS*HP*ACMEPAY*LAKE0001*20261215*1200*77*X*005010X221A1"] + set + ["GE*1*77", "IEA*1*000000077"]
        return ([isa] + rest.map { $0 + "~" }).joined(separator: "\n")
    }
}

/// 999 acknowledgements from the clearinghouse, for the tests that import them.
public enum Ack999Envelope {
    public static let isa = "ISA*00*          *00*          *ZZ*ACMECH         *ZZ*LAKE0001       *261203*0930*^*00501*000000042*0*T*:~"

    /// A 999 answering `group`: each set accepted ("A") or rejected ("R", with a
    /// missing-NM1 error); the group's AK9 status follows from them unless given.
    public static func file(group: String, sets: [(control: String, status: String)], groupStatus: String? = nil,
                            ackGroupControl: String) -> String {
        var body = ["AK1*HC*\(group)*005010X222A1~"]
        for s in sets {
            body.append("AK2*837*\(s.control)*005010X222A1~")
            if s.status == "R" { body.append("IK3*NM1*17*2010BA*3~") }
            body.append(s.status == "R" ? "IK5*R*5~" : "IK5*\(s.status)~")
        }
        let accepted = sets.filter { $0.status != "R" }.count
        let status = groupStatus ?? (accepted == sets.count ? "A" : accepted == 0 ? "R" : "P")
        body.append("AK9*\(status)*\(sets.count)*\(sets.count)*\(accepted)~")
        let set = ["ST*999*0001*005010X231A1~"] + body + ["SE*\(body.count + 2)*0001~"]
        return ([isa, "GS*FA*ACMECH*LAKE0001*20261203*0930*\(ackGroupControl)*X*005010X231A1~"] + set
                + ["GE*1*\(ackGroupControl)~", "IEA*1*000000042~"]).joined(separator: "\n")
    }
}
