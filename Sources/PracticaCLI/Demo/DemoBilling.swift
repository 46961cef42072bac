import Foundation
import RevenueCycle

/// The biller's week: `claim scrub --all` every evening, holds fixed the next
/// morning, `claim submit --all-clean` on Tuesdays into an 837P kept in
/// `<store>/demo-files/837/`, and the secondary claim once the primary has paid.
extension DemoSimulation {
    func scrubAll() throws {
        let waiting = session.state.claims.values.contains { ClaimWriteHandlers.waitingForScrub.contains($0.status) }
        guard waiting else { return }
        let verdicts = try command("claim scrub", as: biller) { try session.scrubClaims(nil, tables: ScrubTables()) }
        for verdict in verdicts {
            let errors = verdict.findings.filter { $0.severity == .error }.map(\.rule)
            guard let rule = errors.first, session.state.claims[verdict.claim]?.status == .held else { continue }
            // Fixed once: a claim held again the next evening for the same rule waits in the holds queue.
            let next = instant(weekday(today.adding(days: 1)), hour: random.int(8...11), minute: random.int(0...59))
            if !fixedHolds.contains(verdict.claim) { agenda.add(.fixHold(verdict.claim, rule: rule), at: next) }
            fixedHolds.insert(verdict.claim)
        }
    }

    /// The holds queue: a missing address is added to the chart (the next scrub clears the
    /// claim); a forgotten modifier 25 is overridden with the reason the chart supports.
    func fixHold(_ claim: ClaimID, rule: String) throws {
        guard let record = session.state.claims[claim], record.status == .held else { return }
        switch rule {
        case "PATIENT-ADDRESS":
            guard let index = patientIndex[record.created.patient] else { return }
            let address = patients[index].address
            try command("patient update", as: frontDesk) { _ = try session.updatePatientAddress(record.created.patient, to: address) }
            patients[index].addressMissing = false
        case "MOD25-MISSING":
            try command("claim override", as: biller) {
                _ = try session.overrideFinding(claim, rule: rule, reason: "separately identifiable E/M, documented in the note")
            }
        default:
            stats.refusals["holds left: \(rule)", default: 0] += 1
        }
    }

    /// Tuesday's interchange: every clean claim. Each payer's answer is due after its
    /// usual delay; a few are never answered (the insurance aging tail).
    func submitClean() throws {
        guard session.state.claims.values.contains(where: { $0.status == .clean }) else { return }
        let path = files.appendingPathComponent("837/claims-\(DemoAdjudicator.x12(today)).837").path
        let staging = try ClaimFileStaging(path: path, permissions: permissions)
        defer { staging.discard() }
        let file = try command("claim submit", as: biller) { try session.submitClaims(nil, staging: staging) }
        if let first = file.events.first { try staging.publish(interchange: first.interchangeControlNumber) }
        for submitted in file.events {
            guard let claim = session.state.claims[submitted.claim],
                  let payer = practice.payers.firstIndex(of: claim.created.payer) else { continue }
            let profile = DemoPayer.all[payer]
            guard !random.chance(profile.silenceRate) else { continue }
            let days = random.around(profile.daysToPay, spread: profile.daysSpread, floor: 4)
            expect(.answer(submitted.claim), from: payer, on: today.adding(days: days))
        }
    }

    /// Puts work in a payer's pile for a day, and that payer's 835 on the agenda
    /// (at dawn on a weekday, so the biller imports it first thing).
    func expect(_ work: DemoPayerWork, from payer: Int, on date: LocalDate) {
        let day = weekday(date)
        let key = DemoPayerDay(payer: payer, day: day.daysSinceEpoch)
        if payerWork[key] == nil { agenda.add(.remittance(payer: payer), at: instant(day, hour: 6, minute: 5 * payer)) }
        payerWork[key, default: []].append(work)
    }

    /// `claim create-secondary`, the morning after the primary's remittance was posted.
    func secondaryClaim(_ primary: ClaimID) throws {
        guard !claimsWithSecondary.contains(primary), let record = session.state.claims[primary],
              record.isAdjudicated, record.netPatientResponsibility > .zero else { return }
        claimsWithSecondary.insert(primary)
        try command("claim create-secondary", as: biller) { _ = try SecondaryClaimCreation.perform(primary: primary, session: session) }
    }

    /// The denial queue: an appeal where the payer may well reverse itself (missing
    /// information, medical necessity), a write-off for bundling and timely filing,
    /// and some left for later (the queue is never empty).
    func workDenials(_ claim: ClaimID) throws {
        let open = session.state.receivables.openDenials(of: claim).filter { $0.status == .open }
        guard let first = open.first, let payerID = session.state.claims[claim]?.created.payer,
              let payer = practice.payers.firstIndex(of: payerID) else { return }
        let reason = first.opened.carc
        guard random.chance(0.85) else { return }
        let appealable = reason == "16" || reason == "50"
        if appealable, random.chance(0.6) {
            for denial in open {
                let note = reason == "16" ? "resent with the missing referral and notes" : "appealed with the visit note showing medical necessity"
                try command("denial appeal", as: biller) {
                    _ = try DenialWork.perform(DenialWorkRequest(denial: denial.id, action: .appeal, reason: note), session: session)
                }
            }
            if random.chance(reason == "16" ? 0.7 : 0.45) {
                expect(.overturn(claim), from: payer, on: today.adding(days: random.int(18...35)))
            } else {
                agenda.add(.writeOffDenials(claim), at: later(days: random.int(30...45)))
            }
        } else {
            agenda.add(.writeOffDenials(claim), at: later(days: random.int(1...10)))
        }
    }

    /// `denial write-off` for what is still open on the claim.
    func writeOffDenials(_ claim: ClaimID) throws {
        for denial in session.state.receivables.openDenials(of: claim) {
            let reason = denial.status == .appealed ? "appeal upheld by the payer" : "not billable to the patient (\(denial.opened.group)-\(denial.opened.carc))"
            try command("denial write-off", as: biller) {
                _ = try DenialWork.perform(DenialWorkRequest(denial: denial.id, action: .writeOff, reason: reason), session: session)
            }
        }
    }
}
