import X12

/// Who an 835 is from and which of our claims each of its claim payments is for.
///
/// Kept apart from the posting so the matching rules read on their own:
/// payer by electronic id then name; claim by CLP01 (our claim id, sent in
/// CLM01), then by patient + date of service + charge.
enum RemittanceMatching {
    /// The payer the 835 names: by its id (REF*2U, else N104) among the payers' electronic ids,
    /// narrowed or else found by name.
    /// - throws: `Rejection` on field "file" for an unknown or ambiguous payer.
    static func payer(of r: Remittance835, _ directory: PracticeDirectory) throws(Rejection) -> PayerAdded {
        let all = directory.payers.values.sorted { $0.payer < $1.payer }
        let name = key(r.payer.name)
        let id = r.payer.payerIdentification?.trimmedForInput ?? ""
        let byID = id.isEmpty ? [] : all.filter { $0.electronicPayerID.trimmedForInput == id }
        let byName = all.filter { key($0.name.text) == name && !name.isEmpty }
        let candidates = byID.count > 1 ? byID.filter { key($0.name.text) == name } : (byID.isEmpty ? byName : byID)
        let shown = "\"\(r.payer.name)\"" + (id.isEmpty ? "" : " (payer id \(id))")
        guard let payer = candidates.first else {
            throw .refused("file", "the 835 is from \(shown), which is not one of the practice's payers; nothing was posted",
                           hint: id.isEmpty
                               ? "add it with `practica payer add --name \"\(r.payer.name)\" --payer-id PAYER-ID` (the file names no payer id: "
                                   + "take it from the clearinghouse's payer list)"
                               : "add it with `practica payer add --name \"\(r.payer.name)\" --payer-id \(id)`")
        }
        guard candidates.count == 1 else {
            throw .refused("file", "the 835 from \(shown) matches several payers: "
                           + candidates.map(\.payer.description).joined(separator: ", ") + "; nothing was posted",
                           hint: "give the payers distinct names or payer ids")
        }
        return payer
    }

    /// Upper-case letters and digits only, so "WSFG - Benefits" and "WSFG BENEFITS" compare equal.
    static func key(_ text: String) -> String {
        String(SearchText.fold(text).uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    /// The claim a CLP pays, or why none can take it.
    enum Match {
        case claim(ClaimRecord)
        case none(String)
    }

    static func claim(for clp: ClaimPayment835, payer: PayerID, _ state: PracticeState) -> Match {
        if let id = try? ClaimID.parse(clp.patientControlNumber), let record = state.claims[id] {
            return check(record, clp, payer: payer)
        }
        // A reversal carries the original's amounts negated.
        let charge = Money(cents: clp.chargeCents < 0 ? -clp.chargeCents : clp.chargeCents)
        guard let dos = serviceDate(clp) else {
            return .none("CLP01 \"\(clp.patientControlNumber)\" is not one of our claims, and the payment has no date of service to match by")
        }
        let candidates = state.claims.values.filter { r in
            r.created.payer == payer && !r.status.isInactive && r.created.frequency != .void && !r.status.canBeScrubbed
                && r.created.total == charge && r.created.dateOfService == dos && samePatient(r, clp, state)
        }.sorted { $0.id < $1.id }
        switch candidates.count {
        case 1: return check(candidates[0], clp, payer: payer)
        case 0: return .none("CLP01 \"\(clp.patientControlNumber)\" is not one of our claims, and no claim to this payer matches the patient, date of service \(dos) and charge \(charge)")
        default: return .none("CLP01 \"\(clp.patientControlNumber)\" is not one of our claims, and several match the patient, date and charge: "
                              + candidates.map(\.id.description).joined(separator: ", "))
        }
    }

    /// A claim found must be one this payer has, and a reversal must have something to reverse.
    static func check(_ record: ClaimRecord, _ clp: ClaimPayment835, payer: PayerID) -> Match {
        guard record.created.payer == payer else {
            return .none("\(record.id) is billed to \(record.created.payer), not to the payer of this remittance")
        }
        guard ![.draft, .clean, .held].contains(record.status) else {
            return .none("\(record.id) is \(record.status): it was never sent")
        }
        guard !record.status.isInactive else {
            return .none("\(record.id) was \(record.status)" + (record.supersededBy.map { " by \($0)" } ?? "") + "; post to the claim that superseded it")
        }
        guard record.created.frequency != .void else { return .none("\(record.id) is a void claim; it cannot be paid") }
        if clp.status == .reversal, record.postings.isEmpty {
            return .none("CLP02 22 reverses a payment on \(record.id), but none was posted")
        }
        return .claim(record)
    }

    static func serviceDate(_ clp: ClaimPayment835) -> LocalDate? {
        (clp.serviceStart ?? clp.lines.compactMap(\.serviceDate).min()).flatMap(localDate)
    }

    static func localDate(_ d: X12Date) -> LocalDate? { try? LocalDate(year: d.year, month: d.month, day: d.day) }

    /// The member id on the claim's coverage, else last and first name.
    static func samePatient(_ record: ClaimRecord, _ clp: ClaimPayment835, _ state: PracticeState) -> Bool {
        if let member = clp.patientID, let coverage = state.coverages[record.created.coverage],
           key(member) == key(coverage.memberID) {
            return true
        }
        guard case .person(let last, let first, _, _)? = clp.patientName,
              let patient = state.patients[state.resolvedPatient(record.created.patient)] else { return false }
        return key(last) == key(patient.name.last) && key(first) == key(patient.name.first)
    }

    /// Our charge for each SVC: by the line control number we sent (REF*6R "CL5521-2"),
    /// else the first line not yet taken with the same code and amount.
    static func charges(for lines: [ServiceLinePayment835], on record: ClaimRecord) -> [ChargeID?] {
        var taken = Set<Int>()
        let claimLines = record.created.lines
        return lines.map { line in
            if let control = line.lineControlNumber, control.hasPrefix("\(record.id)-"),
               let n = Int(control.dropFirst("\(record.id)-".count)), claimLines.indices.contains(n - 1), !taken.contains(n - 1) {
                taken.insert(n - 1)
                return claimLines[n - 1].charge
            }
            let billed = Money(cents: line.chargeCents < 0 ? -line.chargeCents : line.chargeCents)
            guard let at = claimLines.indices.first(where: {
                !taken.contains($0) && claimLines[$0].procedure.code == line.procedure.code && claimLines[$0].amount == billed
            }) else { return nil }
            taken.insert(at)
            return claimLines[at].charge
        }
    }
}
