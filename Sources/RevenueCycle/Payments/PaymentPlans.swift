/// Payment plans: a balance split into monthly installments, and which of
/// them are missed as of a day.
public enum PaymentPlans {
    public static let maxInstallments = 60

    /// Splits `amount` into `installments` monthly payments from `start`; the
    /// cents that do not divide evenly go one each to the first installments.
    /// - throws: `Rejection` for a bad amount or count, a start before today,
    ///   an unknown patient, or an amount above the patient's open balance.
    public static func create(patient: PatientID, amount text: String, installments: Int, start: LocalDate,
                              id: PaymentPlanID, on today: LocalDate, state: PracticeState) throws(Rejection) -> PaymentPlanCreated {
        let total = try PatientPayments.amount(text)
        guard (1...maxInstallments).contains(installments) else {
            throw .usage("installments", "must be 1 to \(maxInstallments)")
        }
        guard start >= today else { throw .usage("start", "the first installment cannot be due before today (\(today))") }
        let patient = try PatientDecisions.active(patient, state.patients[patient], field: "patient").id
        let balance = state.account(ofPatient: patient).patientBalance
        guard total <= balance else {
            throw .refused("amount", "\(total) is more than \(patient)'s open balance \(balance)")
        }
        let n = Int64(installments)
        guard total.cents >= n else { throw .usage("installments", "\(total) cannot be split into \(installments) installments of at least 0.01") }
        let base = total.cents / n
        let extra = total.cents % n
        let plan = dueDates(from: start, count: installments).enumerated().map { i, due in
            Installment(due: due, amount: Money(cents: base + (Int64(i) < extra ? 1 : 0)))
        }
        return PaymentPlanCreated(plan: id, patient: patient, total: total, installments: plan, createdOn: today)
    }

    /// The same day each month from `start`, on the month's last day when it is shorter.
    public static func dueDates(from start: LocalDate, count: Int) -> [LocalDate] {
        (0..<count).map { i in
            let months = start.month - 1 + i
            let year = start.year + months / 12
            let month = months % 12 + 1
            let day = min(start.day, LocalDate.daysIn(month: month, year: year))
            return (try? LocalDate(year: year, month: month, day: day)) ?? start
        }
    }

    /// Installments due before `asOf` that the patient's payments since the plan
    /// began (net of refunds and voids, by effective date) do not cover.
    /// - throws: `Rejection` for an unknown plan.
    public static func missed(_ id: PaymentPlanID, asOf: LocalDate, state: PracticeState) throws(Rejection) -> [Installment] {
        guard let plan = state.receivables.plans[id] else { throw .refused("plan", "unknown payment plan \(id)") }
        var paid = Money.zero
        for record in state.receivables.payments.values where state.resolvedPatient(record.posted.patient) == plan.patient {
            if record.posted.receivedOn >= plan.createdOn && record.posted.receivedOn <= asOf { paid += record.posted.amount }
            for refund in record.refunds where refund.refundedOn >= plan.createdOn && refund.refundedOn <= asOf { paid -= refund.amount }
            if let void = record.voided, void.voidedOn >= plan.createdOn, void.voidedOn <= asOf { paid -= void.amount }
        }
        var due = Money.zero
        var missed: [Installment] = []
        for installment in plan.installments where installment.due < asOf {
            due += installment.amount
            if paid < due { missed.append(installment) }
        }
        return missed
    }
}
