import BinaryCodec
import CLIKit
import EventLog
import RevenueCycle

/// `payment-plan create`.
struct PaymentPlanRequest: Sendable {
    var patient: PatientID
    var amount: Money
    var installments: Int
    var start: LocalDate
}

/// A plan with what has been missed as of a day.
struct PaymentPlanStanding: Sendable {
    let plan: PaymentPlanCreated
    let missed: [Installment]
    let asOf: LocalDate
}

/// Payment plans, decided by `PaymentPlans` (monthly installments; missed ones
/// counted from the patient's payments since the plan began).
///
/// ```swift
/// let plan = try PaymentPlanWork.create(PaymentPlanRequest(patient: p, amount: Money(cents: 30000), installments: 3, start: d), session: s)
/// let standing = try PaymentPlanWork.show(patient: p, asOf: today, session: s)
/// ```
enum PaymentPlanWork {
    /// - throws: `RejectionFailure` for an unknown patient, a start before today, or more than the open balance.
    static func create(_ request: PaymentPlanRequest, session: FrontDeskSession) throws -> PaymentPlanCreated {
        try session.append(permission: .postPayments, command: "payment-plan create") { state, ids in
            let plan = try PaymentPlans.create(patient: request.patient, amount: request.amount.description,
                                               installments: request.installments, start: request.start,
                                               id: try ids.next(PaymentPlanID.self), on: session.today, state: state)
            return ([NewEvent(stream: PatientMoney.stream(plan.patient), plan)], plan)
        }.1
    }

    /// The patient's plans (charts merged into it included), oldest first, with missed installments as of `asOf`.
    /// - throws: `RejectionFailure` for an unknown patient.
    static func show(patient: PatientID, asOf: LocalDate?, session: FrontDeskSession) throws -> [PaymentPlanStanding] {
        _ = try session.authorize(.read)
        let state = session.state
        guard state.patients[patient] != nil else { throw RejectionFailure(.refused("patient", "unknown patient \(patient)")) }
        let kept = state.resolvedPatient(patient)
        let day = asOf ?? session.today
        return try state.receivables.plans.values.filter { state.resolvedPatient($0.patient) == kept }.sorted { $0.plan < $1.plan }.map { plan in
            PaymentPlanStanding(plan: plan, missed: try FrontDeskSession.mapRejection { try PaymentPlans.missed(plan.plan, asOf: day, state: state) },
                                asOf: day)
        }
    }
}
