import CLIKit
import Foundation
import RevenueCycle

/// Patients paying what is theirs, by habit: most within a month or two,
/// some half now and maybe the rest later, some never (the aging tail),
/// prompted by the monthly `statement run`.
extension DemoSimulation {
    /// Plans the patient's payments for a visit once its patient share is known.
    func planPatientPayment(_ visit: VisitID, patient: Int) {
        guard !visitsWithPaymentPlan.contains(visit) else { return }
        visitsWithPaymentPlan.insert(visit)
        switch patients[patient].habit {
        case .prompt: agenda.add(.patientPays(visit, patient: patient, share: 100), at: later(days: random.int(4...28), from: 8, to: 20))
        case .afterStatement:
            agenda.add(.patientPays(visit, patient: patient, share: 100), at: later(days: random.int(30...65), from: 8, to: 20))
        case .partial:
            agenda.add(.patientPays(visit, patient: patient, share: 50), at: later(days: random.int(15...40), from: 8, to: 20))
            if random.chance(0.5) {
                agenda.add(.patientPays(visit, patient: patient, share: 100), at: later(days: random.int(60...110), from: 8, to: 20))
            }
        case .never: break
        }
    }

    /// `payment post --visit`: `share` percent of what the patient still owes on the visit.
    func patientPays(_ visit: VisitID, patient: Int, share: Int) throws {
        guard let id = patients[patient].id else { return }
        let owed = session.state.receivables.ledger.visits[visit]?.patientBalance.cents ?? 0
        let amount = owed * Int64(share) / 100
        guard amount > 0 else { return }
        let method: PatientPaymentMethod = random.weighted([(.card, 55), (.check, 35), (.cash, 10)])
        let request = PaymentPostRequest(patient: id, amount: Money(cents: amount), method: method,
                                         reference: method == .check ? "check \(random.int(1001...9999))" : nil, visit: visit)
        try postPayment(request, as: biller)
    }

    /// `payment post`; a card goes through the local test gateway first, as
    /// `payment post --method card` does, and only its token and last four are recorded.
    /// A decline (exit 1 at the desk) means the patient pays by check instead.
    func postPayment(_ request: PaymentPostRequest, as user: String) throws {
        var request = request
        if request.method == .card {
            request.card = CardEntry(number: try CardNumber(random.pick(["4242424242424242", "5555555555554444", "378282246310005"])),
                                     expiry: try CardExpiry.parse("12/\(today.year % 100 + 3)"))
        }
        do {
            try command("payment post", as: user) { _ = try PatientMoney.post(request, session: session, gateway: LocalTestGateway()) }
        } catch let declined as CommandFailure where request.method == .card && declined.message.contains("declined") {
            request.method = .check
            request.card = nil
            request.reference = "check \(random.int(1001...9999))"
            try command("payment post", as: user) { _ = try PatientMoney.post(request, session: session, gateway: LocalTestGateway()) }
        }
    }

    /// The monthly `statement run --min-balance 5.00` as of the last day of the month before.
    func statementRun() throws {
        let asOf = today.adding(days: -today.day)
        let minimum = Money(cents: 500)
        guard session.state.receivables.ledger.patients.values.contains(where: { $0.patientBalance >= minimum }) else { return }
        let parent = files.appendingPathComponent("statements")
        try permissions.createDirectory(parent.path)
        let folder = parent.appendingPathComponent("\(asOf)").path
        try command("statement run", as: biller) {
            _ = try StatementRun.perform(StatementRunRequest(asOf: asOf, minBalance: minimum, outDirectory: folder), session: session)
        }
    }
}
