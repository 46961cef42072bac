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
        let request = PatientPaymentRequest(patient: id, amount: Money(cents: amount).description, method: method,
                                            reference: method == .check ? "check \(random.int(1001...9999))" : nil,
                                            visit: visit, receivedOn: today)
        try postPayment(request, as: biller)
    }

    /// Posts a payment; a card is charged through the local test gateway first, as
    /// `payment post --method card` does, and only the authorization is recorded.
    func postPayment(_ request: PatientPaymentRequest, as user: String) throws {
        var request = request
        if request.method == .card {
            let amount = try Money.parse(request.amount)
            let card = try CardNumber(random.pick(["4242424242424242", "5555555555554444", "378282246310005"]))
            if case .approved(let authorization) = LocalTestGateway().charge(card, amount: amount, reference: "demo") {
                request.card = authorization
            } else {
                // Declined (the test gateway now and then refuses its own random token): the patient writes a check.
                request.method = .check
            }
        }
        try command("payment post", as: user) { _ = try session.postPayment(request) }
    }

    /// The monthly `statement run --min-balance 5.00` as of the last day of the month before.
    func statementRun() throws {
        let asOf = today.adding(days: -today.day)
        let minimum = Money(cents: 500)
        guard session.state.receivables.ledger.patients.values.contains(where: { $0.patientBalance >= minimum }) else { return }
        try command("statement run", as: biller) { _ = try session.runStatements(asOf: asOf, minBalance: minimum) }
    }
}
