import BinaryCodec
import EventLog
import Foundation
import Projections
import RevenueCycle

/// The payers' side: each payer answers the claims due that day in one 835
/// (its own speed, its own denial habits), written to
/// `<store>/demo-files/835/`, then imported by the biller exactly as
/// `era import FILE` does: read back whole, balance-checked, posted in one batch.
extension DemoSimulation {
    func remittance(_ payerIndex: Int) throws {
        let key = DemoPayerDay(payer: payerIndex, day: today.daysSinceEpoch)
        guard let work = payerWork.removeValue(forKey: key), !work.isEmpty else { return }
        let payer = DemoPayer.all[payerIndex]
        let adjudicator = DemoAdjudicator(payer: payer)
        var claims: [DemoRemittanceClaim] = []
        for item in work {
            switch item {
            case .answer(let id):
                guard let answer = answer(id, adjudicator: adjudicator) else { continue }
                answers[id] = answer
                claims.append(answer)
            case .overturn(let id), .reprice(let id):
                guard let previous = answers[id] else { continue }
                let corrected: DemoRemittanceClaim
                if case .overturn = item { corrected = adjudicator.overturned(previous) } else { corrected = adjudicator.repriced(previous) }
                answers[id] = corrected
                claims += [previous.reversal, corrected]
            }
        }
        guard !claims.isEmpty else { return }
        controlNumber += 1
        let date = DemoAdjudicator.x12(today)
        let writer = DemoRemittanceFile(payer: payer, payeeName: DemoCatalog.practiceName,
                                        payeeNPI: DemoCatalog.npi(DemoCatalog.providers[0].npiBase), payeeTaxID: "371234567",
                                        receiverID: Self.billingProfile.submitterID)
        let text = try writer.text(claims: claims, date: date, trace: "\(payer.electronicID)\(date)\(controlNumber)",
                                   controlNumber: controlNumber)
        let file = files.appendingPathComponent("835/\(payer.electronicID)-\(date).835")
        try permissions.writeNewFile(Array(text.utf8), to: file.path)
        guard let bytes = FileManager.default.contents(atPath: file.path) else { return }
        let outcome = try command("era import", as: biller) {
            try RemittanceImport.perform(RemittanceImportRequest(bytes: Array(bytes), name: file.path), session: session)
        }
        stats.remittanceFiles += 1
        // What the import posted, read back from the log as any reader would see it.
        guard let positions = outcome.positions else { return }
        var posted: [any EventPayload] = []
        try session.store.scan(from: positions.lowerBound, through: positions.upperBound) { event in
            posted.append(try StoredEvent.decode(event))
            return true
        }
        followUp(posted)
    }

    /// The payer's first answer to a claim it was sent.
    func answer(_ id: ClaimID, adjudicator: DemoAdjudicator) -> DemoRemittanceClaim? {
        let state = session.state
        guard let record = state.claims[id], let coverage = state.coverages[record.created.coverage],
              let patient = state.patients[record.created.patient] else { return nil }
        let member = DemoMember(last: patient.name.last, first: patient.name.first, memberID: coverage.memberID)
        let number = "\(adjudicator.payer.electronicID.prefix(2))\(today.year)\(id.number)"
        if let prior = record.created.priorAdjudication {
            let deductible = answers[prior.claim].map { a in
                a.lines.flatMap(\.adjustments).filter { $0.group == "PR" && $0.reason == "1" }.reduce(0) { $0 + $1.cents }
            } ?? 0
            return adjudicator.adjudicateSecondary(record.created, primaryDeductible: deductible, member: member, payerClaimNumber: number)
        }
        let year = DemoPatientYear(patient: record.created.patient, year: record.created.dateOfService.year)
        var left = deductibles[year] ?? openingDeductible(adjudicator.payer.deductible, serviceMonth: record.created.dateOfService.month)
        let answer = adjudicator.adjudicate(record.created, copay: coverage.copay?.cents ?? 0, deductibleLeft: &left, member: member,
                                            payerClaimNumber: number, random: &random)
        deductibles[year] = left
        return answer
    }

    /// What a member still owes toward the deductible when the practice first bills them in a
    /// year. Hospital bills and other doctors count toward it too, so by spring many have met
    /// it: all of it is open in the first quarter, a shrinking random part later on.
    func openingDeductible(_ full: Int64, serviceMonth month: Int) -> Int64 {
        guard full > 0, random.chance(month <= 3 ? 0.75 : 0.4 * Double(13 - month) / 9) else { return 0 }
        return full * Int64(random.int(30...100)) / 100
    }

    /// What the biller does with a posted remittance: bill the secondary, let the patient
    /// know what they owe, put denials in the queue; the payer may reprice a claim later.
    func followUp(_ events: [any EventPayload]) {
        var denied: [ClaimID] = []
        for event in events {
            switch event {
            case let e as ClaimPaymentPosted where e.status != "22":
                guard let record = session.state.claims[e.claim] else { continue }
                let index = patientIndex[record.created.patient]
                if !record.created.isSecondary, e.patientResponsibility > .zero, let index, patients[index].hasSupplement {
                    agenda.add(.secondaryClaim(e.claim), at: later(days: 0, from: 9, to: 16))
                } else if let index {
                    planPatientPayment(record.created.visit, patient: index)
                }
                if e.paid > .zero, e.denied == .zero, !record.created.isSecondary, random.chance(0.012),
                   let payer = practice.payers.firstIndex(of: record.created.payer) {
                    expect(.reprice(e.claim), from: payer, on: today.adding(days: random.int(30...60)))
                }
            case let e as DenialOpened where !denied.contains(e.claim):
                denied.append(e.claim)
                agenda.add(.workDenials(e.claim), at: later(days: random.int(5...20)))
            default: continue
            }
        }
    }
}
