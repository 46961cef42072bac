import BinaryCodec
import CLIKit
import RevenueCycle

/// `practica payment post|void`, `refund` and `adjust`: money from and back to
/// patients. The work is in `PatientMoney`; this file parses and prints.
/// A card number is parsed into `CardNumber` straight away and never printed:
/// errors and output show its last four digits only.
enum PaymentCommands: CommandGroup {
    static let patientOption = OptionSpec.value("patient", valueName: "id", help: "The patient, e.g. PT1001.", isRequired: true)
    static let amountOption = OptionSpec.value("amount", valueName: "amount", help: "Dollars and cents, e.g. 25.00.", isRequired: true)

    static let spec = CommandSpec(
        name: "payment", abstract: "Patient payments at the desk, by mail or by card.",
        subcommands: [
            CommandSpec(name: "post", abstract: "Post a patient payment to a visit, or to the oldest open balances.",
                        discussion: "Without --visit the money goes to the patient's open visit balances oldest date of service first; "
                            + "what is left stays on the account as a credit. Card payments go through the card gateway (the local "
                            + "test gateway approves 4242424242424242 and declines 4000000000000002); a declined card is exit 1 and "
                            + "nothing is posted. Only the gateway's token and the last four digits are kept. "
                            + "Front desk may post a copay at check-in or check-out: name today's --appointment (or --visit); "
                            + "other payments, refunds and adjustments are billers'.",
                        options: [patientOption, amountOption,
                                  .value("method", valueName: "method", help: "cash, check or card.", isRequired: true),
                                  .value("reference", valueName: "text", help: "Check number or receipt reference."),
                                  .value("visit", valueName: "id", help: "Apply the whole payment to this visit, e.g. V1001."),
                                  .value("appointment", valueName: "id",
                                         help: "A copay at the desk: today's appointment, e.g. AP1001 (its visit takes it once checked out)."),
                                  .value("card-number", valueName: "digits", help: "For --method card: the card number (never stored)."),
                                  .value("exp", valueName: "MM/YY", help: "For --method card: the expiry month.")],
                        examples: [Example("practica payment post --patient PT1001 --amount 25.00 --method cash", "A copay in cash."),
                                   Example("practica payment post --patient PT1001 --amount 40.00 --method check --reference 1042 --visit V1001",
                                           "A check for one visit."),
                                   Example("practica payment post --patient PT1001 --amount 60.00 --method card --card-number 4242424242424242 --exp 08/29",
                                           "A card payment."),
                                   Example("practica payment post --patient PT1001 --amount 25.00 --method card --card-number 4242424242424242 --exp 08/29 --appointment AP1001",
                                           "A copay taken by the front desk at check-in.")]),
            CommandSpec(name: "void", abstract: "Void a payment posted by mistake, taking back all that is left of it.",
                        discussion: "For a payment keyed twice, posted to the wrong patient, or a bounced check. What is left of the "
                            + "payment after refunds comes off the visits it paid and the account's credit, as a refund of it would, and "
                            + "the patient's balance is what it was without it; a card payment's remainder is refunded through the card "
                            + "gateway first. A voided payment cannot be refunded or voided again; a payment refunded in part is voided "
                            + "for what is left, one refunded in full has nothing to void. The void is an event "
                            + "(PatientPaymentVoided) on the patient's account: 'practica audit account PT…' shows it.",
                        arguments: [ArgumentSpec("payment", help: "The payment, e.g. PY1001.")],
                        options: [.value("reason", valueName: "text", help: "Why; kept with the void.", isRequired: true)],
                        examples: [Example("practica payment void PY1001 --reason \"keyed twice\"", "Take back a duplicate payment.")]),
        ])

    static let handlers: [String: CommandHandler] = ["payment post": post, "payment void": void]

    static func void(_ command: ParsedCommand, _ context: CommandContext) throws {
        let payment = try command.argumentValue("payment", PaymentID.parse)
        let voided = try PatientMoney.void(payment, reason: try command.required("reason"), session: try context.frontDesk(),
                                           gateway: LocalTestGateway())
        var line = "voided \(voided.payment): \(voided.amount) taken back from \(voided.patient)"
        let taken = voided.applications.map { "\($0.amount) from \($0.visit)" }
        if !taken.isEmpty { line += " (" + taken.joined(separator: ", ") + ")" }
        context.report(line, json: voided.json)
    }

    static func post(_ command: ParsedCommand, _ context: CommandContext) throws {
        let patient: PatientID = try SchedulingInput.id(command, "patient")
        let amount = try ReceivableInput.amount(command)
        let method = try command.value("method", PatientPaymentMethod.parse)
        let visit: VisitID? = try SchedulingInput.optionalID(command, "visit")
        let appointment: AppointmentID? = try SchedulingInput.optionalID(command, "appointment")
        var card: CardEntry?
        if let number = try command.optionalValue("card-number", { try CardNumber($0) }) {
            guard let expiry = try command.optionalValue("exp", CardExpiry.parse) else {
                throw UsageError(.missingOption, "--exp: a card payment needs the expiry month", hint: "e.g. --exp 08/29")
            }
            card = CardEntry(number: number, expiry: expiry)
        }
        let request = PaymentPostRequest(patient: patient, amount: amount, method: method, reference: try command.optionalText("reference", .reference),
                                         visit: visit, card: card, appointment: appointment)
        let posted = try PatientMoney.post(request, session: try context.frontDesk(), gateway: LocalTestGateway())
        var line = "posted \(posted.payment): \(posted.amount) \(posted.method) from \(posted.patient)"
        if let last4 = posted.cardLast4 { line += " (card ending \(last4))" }
        let applied = posted.applications.map { "\($0.amount) to \($0.visit)" }
        if !applied.isEmpty { line += "; " + applied.joined(separator: ", ") }
        if posted.unapplied > .zero { line += "; \(posted.unapplied) left on the account as a credit" }
        context.report(line, json: posted.json)
    }
}

/// `practica refund PAYMENT --amount --reason`.
enum RefundCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "refund", abstract: "Give back part or all of a patient payment (through the card gateway for card payments).",
        discussion: "At most what is left of the payment after earlier refunds. The money comes first from what the payment left "
            + "unapplied, then from its visits, newest first.",
        arguments: [ArgumentSpec("payment", help: "The payment, e.g. PY1001.")],
        options: [PaymentCommands.amountOption, .value("reason", valueName: "text", help: "Why; kept with the refund.", isRequired: true)],
        examples: [Example("practica refund PY1001 --amount 10.00 --reason \"overpaid copay\"", "Refund part of a payment.")])

    static let handlers: [String: CommandHandler] = ["refund": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let payment: PaymentID = try SchedulingInput.argumentID(command, "payment")
        let request = RefundRequest(payment: payment, amount: try ReceivableInput.amount(command), reason: try command.text("reason", .note))
        let refund = try PatientMoney.refund(request, session: try context.frontDesk(), gateway: LocalTestGateway())
        context.report("refunded \(refund.amount) of \(refund.payment) to \(refund.patient)", json: refund.json)
    }
}

/// `practica adjust --patient --amount --reason write-off|small-balance|courtesy`.
enum AdjustCommand: CommandGroup {
    static let spec = CommandSpec(
        name: "adjust", abstract: "Reduce a patient balance without a payment (write-off, small balance, courtesy).",
        discussion: "At most the open patient balance (of --visit, or of the whole account).",
        options: [PaymentCommands.patientOption, PaymentCommands.amountOption,
                  .value("reason", valueName: "code", help: "write-off, small-balance or courtesy.", isRequired: true),
                  .value("visit", valueName: "id", help: "Adjust this visit's balance, e.g. V1001."),
                  .value("note", valueName: "text", help: "Why, in words.")],
        examples: [Example("practica adjust --patient PT1001 --amount 3.20 --reason small-balance", "Clear a small balance."),
                   Example("practica adjust --patient PT1001 --amount 50.00 --reason courtesy --visit V1001 --note \"long wait\"",
                           "A courtesy adjustment on one visit.")])

    static let handlers: [String: CommandHandler] = ["adjust": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let request = AdjustmentRequest(patient: try SchedulingInput.id(command, "patient"), amount: try ReceivableInput.amount(command),
                                        reason: try command.value("reason", PatientAdjustmentReason.parse),
                                        visit: try SchedulingInput.optionalID(command, "visit"), note: try command.optionalText("note", .note))
        let adjusted = try PatientMoney.adjust(request, session: try context.frontDesk())
        context.report("adjusted \(adjusted.patient) by \(adjusted.amount) (\(adjusted.reason))"
                       + (adjusted.visit.map { " on \($0)" } ?? ""), json: adjusted.json)
    }
}
