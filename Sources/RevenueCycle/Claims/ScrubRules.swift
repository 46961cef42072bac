/// The individual scrubber rules; see `ClaimScrubber.rules` for ids.
enum ScrubRules {
    /// A value the 837P carries that X12 cannot: entered before entry checked it, or
    /// sent back in another payer's file. Held here, per claim, so a submission never fails whole.
    static func x12Characters(_ ctx: ScrubContext) -> [ScrubFinding] {
        ctx.x12Fields.compactMap { field in
            X12Characters.problem(in: field.value, folded: field.folded).map {
                ScrubFinding(rule: "X12-CHARS", message: "\(field.name): \($0); correct it on file, then scrub again")
            }
        }
    }

    /// A claim for a visit whose financial class is self-pay (changed after the claim was
    /// made, or made before the class was enforced) must not reach a payer; a void
    /// (frequency 8) only withdraws one, so it may go.
    static func selfPay(_ c: ClaimCreated, _ ctx: ScrubContext) -> [ScrubFinding] {
        guard ctx.visitIsSelfPay, c.frequency != .void else { return [] }
        return [ScrubFinding(rule: "SELF-PAY", message: "visit \(c.visit) is self-pay (its financial class): void this claim, or "
                             + "change the class with `practica visit financial-class \(c.visit) --insurance --reason \"…\"`")]
    }

    static func memberID(_ c: ClaimCreated, _ ctx: ScrubContext) -> [ScrubFinding] {
        guard let coverage = ctx.coverage, coverage.memberID.trimmedForInput.isEmpty else { return [] }
        return [ScrubFinding(rule: "MEMBER-ID", message: "coverage \(coverage.coverage) has no subscriber member id; copy it from the insurance card")]
    }

    static func dates(_ c: ClaimCreated, _ ctx: ScrubContext) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        let dos = c.dateOfService
        if let dob = ctx.patient?.dateOfBirth, dob > dos {
            out.append(ScrubFinding(rule: "DOB-AFTER-DOS",
                                    message: "patient's date of birth \(dob) is after the date of service \(dos); check both in the chart"))
        }
        for (i, line) in c.lines.enumerated() where line.dateOfService > ctx.today {
            out.append(ScrubFinding(rule: "DOS-FUTURE", message: "date of service \(line.dateOfService) is in the future; bill after the service",
                                    line: i + 1))
        }
        return out
    }

    static func diagnosisPointers(_ c: ClaimCreated) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        for (i, line) in c.lines.enumerated() {
            if line.pointers.isEmpty {
                out.append(ScrubFinding(rule: "DX-POINTER", message: "\(line.procedure) points at no diagnosis; link it to at least one", line: i + 1))
            }
            for p in line.pointers where !(1...max(c.diagnoses.count, 1)).contains(p) || c.diagnoses.isEmpty {
                out.append(ScrubFinding(rule: "DX-POINTER",
                                        message: "\(line.procedure) points at diagnosis \(p) but the claim has \(c.diagnoses.count); fix the charge's pointers",
                                        line: i + 1))
            }
        }
        return out
    }

    /// Format is already guaranteed: `DiagnosisCode` and `ProcedureCode`
    /// validate at entry and again when a record is decoded. What format cannot
    /// tell is whether a well-formed code is billable ("E11" is a category), so
    /// these rules check the code lists when the practice configured them.
    static func codes(_ c: ClaimCreated, _ tables: ScrubTables) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        if let list = tables.diagnosisCodes {
            for dx in c.diagnoses where !list.contains(dx) {
                out.append(ScrubFinding(rule: "DX-CODE", message: "\(dx) is not a billable ICD-10-CM code on the code list; code to the highest specificity"))
            }
        }
        if let list = tables.procedureCodes {
            for (i, line) in c.lines.enumerated() where !list.contains(line.procedure.code) {
                out.append(ScrubFinding(rule: "CPT-CODE", message: "\(line.procedure) is not on the procedure code list; check the code", line: i + 1))
            }
        }
        return out
    }

    /// Office/outpatient E/M codes 99202-99205 and 99211-99215.
    static func isEvaluationAndManagement(_ p: ProcedureCode) -> Bool {
        guard p.kind == .cpt, let n = Int(p.code) else { return false }
        return (99202...99205).contains(n) || (99211...99215).contains(n)
    }

    /// Codes that carry a global surgical period or are separately billable
    /// procedures (surgery 10004-69990, injections and infusions 96360-96549):
    /// billing one with an E/M the same day needs modifier 25 on the E/M.
    /// Labs, radiology and venipuncture (36400-36416, no global period) do not.
    static func isProcedure(_ p: ProcedureCode) -> Bool {
        guard p.kind == .cpt, let n = Int(p.code), !(36400...36416).contains(n) else { return false }
        return (10004...69990).contains(n) || (96360...96549).contains(n)
    }

    static func modifier25(_ c: ClaimCreated) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        // Modifier 25: a significant, separately identifiable E/M service.
        let has25 = { (line: ClaimLine) in line.modifiers.contains { $0.code == "25" } }
        for (i, line) in c.lines.enumerated() {
            if isEvaluationAndManagement(line.procedure) {
                let procedures = c.lines.filter { isProcedure($0.procedure) && $0.dateOfService == line.dateOfService }
                if let first = procedures.first, !has25(line) {
                    out.append(ScrubFinding(rule: "MOD25-MISSING",
                                            message: "\(line.procedure) is billed with procedure \(first.procedure) on \(line.dateOfService); add modifier 25 to the E/M if it was a separate service, or remove it",
                                            line: i + 1))
                }
            } else if has25(line) {
                out.append(ScrubFinding(rule: "MOD25-NOT-EM", severity: .warning,
                                        message: "modifier 25 is for E/M services; \(line.procedure) probably needs another modifier", line: i + 1))
            }
        }
        return out
    }

    static func duplicateLines(_ c: ClaimCreated) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        for (i, line) in c.lines.enumerated() {
            if let j = c.lines[..<i].firstIndex(where: { $0.procedure == line.procedure && $0.modifiers == line.modifiers && $0.dateOfService == line.dateOfService }) {
                out.append(ScrubFinding(rule: "DUP-LINE",
                                        message: "\(line.procedure) on \(line.dateOfService) repeats line \(j + 1); bill it once with more units, or add a distinguishing modifier",
                                        line: i + 1))
            }
        }
        return out
    }

    static func duplicateClaims(_ c: ClaimCreated, _ others: [ClaimRecord]) -> [ScrubFinding] {
        let mine = Set(c.lines.map { LineKey(code: $0.procedure, date: $0.dateOfService) })
        var out: [ScrubFinding] = []
        // A secondary claim bills its primary's lines again on purpose.
        for other in others where !other.status.isInactive && other.created.frequency != .void && other.id != c.originalClaim
            && other.id != c.priorAdjudication?.claim && other.created.priorAdjudication?.claim != c.claim {
            let theirs = Set(other.created.lines.map { LineKey(code: $0.procedure, date: $0.dateOfService) })
            let shared = mine.intersection(theirs).sorted { ($0.date, $0.code) < ($1.date, $1.code) }
            if let first = shared.first {
                out.append(ScrubFinding(rule: "DUP-CLAIM",
                                        message: "claim \(other.id) (\(other.status)) already bills \(shared.map(\.code.code).joined(separator: ", ")) for \(first.date); void one of them or replace the other claim"))
            }
        }
        return out
    }

    private struct LineKey: Hashable {
        let code: ProcedureCode
        let date: LocalDate
    }

    static func timelyFiling(_ c: ClaimCreated, _ ctx: ScrubContext) -> [ScrubFinding] {
        guard let payer = ctx.payer, payer.timelyFilingDays > 0 else { return [] }
        let deadline = c.dateOfService.adding(days: payer.timelyFilingDays)
        guard ctx.today > deadline else { return [] }
        return [ScrubFinding(rule: "TIMELY-FILING",
                             message: "\(payer.name) accepts claims up to \(payer.timelyFilingDays) days after service; the limit was \(deadline). Send proof of timely filing or write it off")]
    }

    static func coverage(_ c: ClaimCreated, _ ctx: ScrubContext) -> [ScrubFinding] {
        guard let coverage = ctx.coverage else {
            return [ScrubFinding(rule: "COVERAGE-INACTIVE", message: "coverage \(c.coverage) is not on file; add the patient's coverage and recreate the claim")]
        }
        let dos = c.dateOfService
        guard !coverage.span.contains(dos) else { return [] }
        return [ScrubFinding(rule: "COVERAGE-INACTIVE",
                             message: "coverage \(coverage.coverage) runs \(coverage.span), not on the date of service \(dos); verify eligibility or bill the coverage active that day")]
    }

    static func zeroCharges(_ c: ClaimCreated) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        for (i, line) in c.lines.enumerated() where line.amount.cents <= 0 {
            out.append(ScrubFinding(rule: "ZERO-CHARGE", message: "\(line.procedure) charges \(line.amount); enter the fee or remove the line", line: i + 1))
        }
        if c.total.cents <= 0, out.isEmpty {
            out.append(ScrubFinding(rule: "ZERO-CHARGE", message: "the claim's total is \(c.total); a claim must charge something"))
        }
        return out
    }

    static func procedurePairs(_ c: ClaimCreated, _ table: ProcedurePairTable) -> [ScrubFinding] {
        var out: [ScrubFinding] = []
        for edit in table.edits {
            for (i, line) in c.lines.enumerated() where line.procedure == edit.column2 {
                guard c.lines.contains(where: { $0.procedure == edit.column1 && $0.dateOfService == line.dateOfService }) else { continue }
                if edit.modifierAllowed, line.modifiers.contains(where: { ProcedurePairTable.bypassModifiers.contains($0.code) }) { continue }
                let advice = edit.modifierAllowed
                    ? "add 59 or an X modifier if it was a distinct service, or remove it"
                    : "it is included in \(edit.column1) and may never be billed with it; remove it"
                out.append(ScrubFinding(rule: "NCCI-PAIR", message: "\(edit.column2) with \(edit.column1) on \(line.dateOfService): \(advice)",
                                        line: i + 1))
            }
        }
        return out
    }

    static func patientAddress(_ c: ClaimCreated, _ ctx: ScrubContext) -> [ScrubFinding] {
        guard let patient = ctx.patient else {
            return [ScrubFinding(rule: "PATIENT-ADDRESS", message: "patient \(c.patient) is not on file")]
        }
        guard let text = patient.address, PostalAddress.parse(text) != nil else {
            return [ScrubFinding(rule: "PATIENT-ADDRESS",
                                 message: "\(patient.id)'s address \"\(patient.address ?? "")\" needs street, city, state and ZIP, like \"12 Elm Rd, Springfield, IL 62704\"")]
        }
        return []
    }

    static func originalReference(_ c: ClaimCreated, _ ctx: ScrubContext) -> [ScrubFinding] {
        guard c.frequency != .original else { return [] }
        guard let original = c.originalClaim, let record = ctx.original else {
            return [ScrubFinding(rule: "ORIGINAL-REF", message: "a \(c.frequency) claim must name the claim it supersedes")]
        }
        guard record.payerClaimNumber?.isEmpty ?? true else { return [] }
        return [ScrubFinding(rule: "ORIGINAL-REF",
                             message: "the payer's claim number for \(original) is unknown (it comes with the 277CA or 835); a \(c.frequency) claim must quote it")]
    }
}
