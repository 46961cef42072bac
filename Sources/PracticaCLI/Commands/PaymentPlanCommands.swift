import BinaryCodec
import CLIKit
import RevenueCycle

/// `practica payment-plan create|show`. The work is in `PaymentPlanWork`.
enum PaymentPlanCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "payment-plan", abstract: "Split a patient balance into monthly installments, and see which are missed.",
        subcommands: [
            CommandSpec(name: "create", abstract: "A plan of monthly installments from --start, at most the open balance.",
                        discussion: "Cents that do not divide evenly go one each to the first installments. A due day past the "
                            + "end of a shorter month falls on its last day.",
                        options: [PaymentCommands.patientOption, PaymentCommands.amountOption,
                                  .value("installments", valueName: "n", help: "How many installments (1 to \(PaymentPlans.maxInstallments)).",
                                         isRequired: true),
                                  .value("start", valueName: "date", help: "The first due date, YYYY-MM-DD (today or later).", isRequired: true),
                                  .value("every", valueName: "period", help: "How often; only month is supported.", defaultValue: "month")],
                        examples: [Example("practica payment-plan create --patient PT1001 --amount 300.00 --installments 3 --start 2027-01-15",
                                           "Three monthly payments of 100.00.")]),
            CommandSpec(name: "show", abstract: "A patient's plans with each installment and whether it is missed.",
                        discussion: "An installment is missed when it was due before the day (--as-of, else today) and the patient's "
                            + "payments since the plan began, net of refunds, do not cover it and the ones before it.",
                        arguments: [ArgumentSpec("patient", help: "The patient, e.g. PT1001.")],
                        options: [.value("as-of", valueName: "date", help: "Judge missed installments as of this day (else today).")],
                        examples: [Example("practica payment-plan show PT1001", "Plans and missed installments as of today.")]),
        ])

    static let handlers: [String: CommandHandler] = ["payment-plan create": create, "payment-plan show": show]

    static func create(_ command: ParsedCommand, _ context: CommandContext) throws {
        let every = command.string("every") ?? "month"
        guard every.lowercased() == "month" else {
            throw UsageError(.invalidValue, "--every: only month is supported, not '\(every)'", hint: "leave --every out for monthly installments")
        }
        guard let installments = try SchedulingInput.count(command, "installments", in: 1...PaymentPlans.maxInstallments) else {
            throw UsageError(.missingOption, "--installments is required", hint: "e.g. --installments 3")
        }
        let request = PaymentPlanRequest(patient: try SchedulingInput.id(command, "patient"), amount: try ReceivableInput.amount(command),
                                         installments: installments, start: try command.value("start", PlausibleDates.date))
        let plan = try PaymentPlanWork.create(request, session: try context.frontDesk())
        context.report("created \(plan.plan) for \(plan.patient): \(plan.total) in \(plan.installments.count) installment(s) "
                       + plan.installments.map { "\($0.amount) on \($0.due)" }.joined(separator: ", "), json: plan.json)
    }

    static func show(_ command: ParsedCommand, _ context: CommandContext) throws {
        let patient: PatientID = try SchedulingInput.argumentID(command, "patient")
        let asOf = try SchedulingInput.optionalDate(command, "as-of")
        let plans = try PaymentPlanWork.show(patient: patient, asOf: asOf, session: try context.frontDesk())
        if context.json {
            context.printJSON(.array(plans.map { s in
                .object([("plan", .string(s.plan.plan.description)), ("patient", .string(s.plan.patient.description)),
                         ("total", s.plan.total.json), ("asOf", .string(s.asOf.description)),
                         ("installments", .array(s.plan.installments.map { i in
                             .object([("due", .string(i.due.description)), ("amount", i.amount.json), ("missed", .bool(s.missed.contains(i)))])
                         })),
                         ("missed", .array(s.missed.map { .string($0.due.description) }))])
            }))
            return
        }
        guard !plans.isEmpty else { return context.print("\(patient) has no payment plan") }
        for s in plans {
            context.print("\(s.plan.plan) for \(s.plan.patient): \(s.plan.total), created \(s.plan.createdOn); "
                          + "\(s.missed.count) missed as of \(s.asOf)")
            var table = TextTable(columns: [.init("due"), .init("amount", alignment: .right), .init("status")])
            for i in s.plan.installments {
                table.append([i.due.description, i.amount.description, s.missed.contains(i) ? "MISSED" : (i.due < s.asOf ? "paid" : "due")])
            }
            context.output.write(table.render())
        }
    }
}
