import BinaryCodec
import CLIKit
import EventLog
import Foundation
import Projections
import RevenueCycle

/// `practica audit account|patient|claim ID [--as-of TIME]`: the history of one
/// account as the log holds it, with who did what, when, and the running balance.
enum AuditCommand: CommandGroup {
    static let asOf = OptionSpec.value("as-of", valueName: "time",
                                       help: "Show only what the system knew then, by recorded time, in the practice's zone (\"2026-06-30\" or \"2026-06-30 14:00\").")

    static let spec = CommandSpec(
        name: "audit", abstract: "Every event that touched an account, patient or claim, with the running balance.",
        discussion: """
            Rows are in log order: position, when it was recorded (UTC), who did it, the event, its effective date \
            (date of service, payment date…), what it changed (charges, payer payments, adjustments, patient payments) \
            and the open balance right after it. --as-of cuts by recorded time, not by effective date.
            """,
        subcommands: [
            leaf("account", "The patient's money only: charges, payments, adjustments, balance.", "patient", "PT1001"),
            leaf("patient", "Everything about the patient: chart, coverage, appointments, charges, claims, payments.", "patient", "PT1001"),
            leaf("claim", "One claim: creation, scrubbing, submission, acknowledgements, payments, denials.", "claim", "CL1001"),
            AuditUserCommand.spec,
        ])

    static func leaf(_ name: String, _ abstract: String, _ argument: String, _ example: String) -> CommandSpec {
        CommandSpec(name: name, abstract: abstract,
                    arguments: [ArgumentSpec(argument, help: "The \(argument) id, e.g. \(example).")],
                    options: [asOf],
                    examples: [Example("practica audit \(name) \(example)", "The whole history."),
                               Example("practica audit \(name) \(example) --as-of 2026-06-30", "What was known at the end of June 30.")])
    }

    static let handlers: [String: CommandHandler] = [
        "audit account": { try run($0, $1, kind: "account") },
        "audit patient": { try run($0, $1, kind: "patient") },
        "audit claim": { try run($0, $1, kind: "claim") },
        "audit user": AuditUserCommand.run,
    ]

    static func run(_ command: ParsedCommand, _ context: CommandContext, kind: String) throws {
        let subject: AuditSubject
        switch kind {
        case "claim":
            subject = .claim(try DomainInput.parse("<claim>", try command.requiredArgument("claim")) { try ClaimID.parse($0) })
        default:
            let patient = try DomainInput.parse("<patient>", try command.requiredArgument("patient")) { try PatientID.parse($0) }
            subject = kind == "account" ? .account(patient) : .patient(patient)
        }
        // The subject is checked, and the practice's zone read, from the read models:
        // the audit itself is one pass over the log, not a fold of the whole practice first.
        let models = try context.readingModels(for: .audit)
        switch subject {
        case .patient(let p), .account(let p):
            guard try models.read(PatientsProjection.name, { try PatientsView($0).record(p) }) != nil else {
                throw CommandFailure("unknown patient \(p)", hint: "see 'practica patient find'")
            }
        case .claim(let c):
            guard try models.read(ClaimsProjection.projectionName, { try ClaimsReadModel($0).claim(c) }) != nil else {
                throw CommandFailure("unknown claim \(c)", hint: "see 'practica claims list'")
            }
        }
        let store = try context.store()
        var cut = try store.lastPosition()
        if let asOf = command.string("as-of") {
            cut = try ReplayCommand.lastPosition(recordedBy: asOf, option: "--as-of", store: store, models: models)
        }
        var trail = AuditTrail(subject: subject)
        var rows: [AuditRow] = []
        if cut > 0 {
            try store.scan(from: 1, through: cut) { event in
                let payload = try StoredEvent.decode(event)
                if let row = trail.apply(event, payload: payload) { rows.append(row) }
                return true
            }
        }
        print(rows, subject: subject, cut: cut, context: context)
    }

    static func print(_ rows: [AuditRow], subject: AuditSubject, cut: UInt64, context: CommandContext) {
        if context.json {
            context.printJSON(.object([
                ("subject", .string(subject.seed)), ("throughPosition", .int(Int64(cut))),
                ("rows", .array(rows.map { r in
                    .object([("position", .int(Int64(r.event.position))),
                             ("recordedAt", .string(EventRendering.timestamp(r.event.recordedAtMillis))),
                             ("actor", .string(r.event.actor)), ("type", .string(r.event.typeName)),
                             ("stream", .string(r.event.stream)), ("effectiveDate", .string(r.effectiveDate)),
                             ("charges", JSONNumbers.money(r.delta.charges)),
                             ("payerPayments", JSONNumbers.money(r.delta.payerPayments)),
                             ("adjustments", JSONNumbers.money(r.delta.adjustments)),
                             ("patientPayments", JSONNumbers.money(r.delta.patientPayments)),
                             ("balance", JSONNumbers.money(r.balance.openBalance)),
                             ("insuranceBalance", JSONNumbers.money(r.balance.insuranceBalance)),
                             ("patientBalance", JSONNumbers.money(r.balance.patientBalance)),
                             ("data", r.payload)])
                })),
            ]))
            return
        }
        var table = TextTable(columns: [
            .init("pos", alignment: .right), .init("recorded (UTC)"), .init("by"), .init("event"), .init("effective"),
            .init("charges", alignment: .right), .init("payer paid", alignment: .right), .init("adjusted", alignment: .right),
            .init("patient paid", alignment: .right), .init("balance", alignment: .right),
        ])
        func cell(_ m: Money) -> String { m == .zero ? "" : m.description }
        for r in rows {
            table.append([String(r.event.position), String(EventRendering.timestamp(r.event.recordedAtMillis).prefix(19)),
                          r.event.actor, r.event.typeName, r.effectiveDate, cell(r.delta.charges), cell(r.delta.payerPayments),
                          cell(r.delta.adjustments), cell(r.delta.patientPayments), r.balance.openBalance.description])
        }
        context.output.write(table.render())
        let last = rows.last?.balance ?? LedgerAccount()
        context.print("\(rows.count) event(s) through position \(cut); open balance \(last.openBalance) "
                      + "(insurance \(last.insuranceBalance), patient \(last.patientBalance))")
    }
}
