import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// `practica balance show PATIENT | --visit V | --claim CL`: where the money of
/// one account stands, read from the ledger the `ar` read model keeps (the same posting
/// rules as the domain fold, kept in LMDB), never by folding the log.
enum BalanceCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "balance", abstract: "Account balances from the ledger.",
        subcommands: [
            CommandSpec(name: "show", abstract: "Charges, payer payments, adjustments, patient payments, and what is open with insurance and the patient.",
                        discussion: "charges = payer payments + adjustments + patient payments + insurance balance + patient balance, "
                            + "to the cent. For a patient, each visit and the patient balance's aging as of today (by date of service) follow.",
                        arguments: [ArgumentSpec("patient", help: "The patient, e.g. PT1001 (or --visit / --claim).", isOptional: true)],
                        options: [.value("visit", valueName: "id", help: "A visit's account, e.g. V1001."),
                                  .value("claim", valueName: "id", help: "A claim's account, e.g. CL1001.")],
                        examples: [Example("practica balance show PT1001", "A patient's account, visits and aging."),
                                   Example("practica balance show --claim CL1001 --json", "One claim's account as JSON.")]),
        ])

    static let handlers: [String: CommandHandler] = ["balance show": show]

    static func show(_ command: ParsedCommand, _ context: CommandContext) throws {
        let patient: PatientID? = try command.argument("patient").map { text in try DomainInput.parse("<patient>", text) { try PatientID.parse($0) } }
        let visit: VisitID? = try SchedulingInput.optionalID(command, "visit")
        let claim: ClaimID? = try SchedulingInput.optionalID(command, "claim")
        guard [patient != nil, visit != nil, claim != nil].filter({ $0 }).count == 1 else {
            throw UsageError(.invalidValue, "give one of a patient, --visit or --claim", hint: "e.g. 'practica balance show PT1001'")
        }
        let runner = try context.readingModels()
        let directory = try runner.read(DirectoryProjection.name) { try DirectoryView($0).practice() }
        let today = context.today(in: directory?.timeZone)
        if let patient {
            guard try runner.read(PatientsProjection.name, { try PatientsView($0).record(patient) }) != nil else {
                throw RejectionFailure(.refused("patient", "unknown patient \(patient)", hint: "find the chart with 'practica patient find'"))
            }
        }
        let key: LedgerAccountKey = patient.map { .patient($0) } ?? visit.map { .visit($0) } ?? claim.map { .claim($0) } ?? .practice
        let (account, visits, aging) = try runner.read(ARAgingProjection.projectionName) { table -> (LedgerAccount?, [LedgerVisitBalance], AgingBuckets?) in
            let model = LedgerReadModel(table)
            let resolvedKey: LedgerAccountKey = try patient.map { .patient(try model.resolved($0)) } ?? key
            let account = try model.account(resolvedKey)
            guard let patient else { return (account, [], nil) }
            return (account, try model.visits(of: patient), try model.aging(of: patient, asOf: today))
        }
        guard let account = account ?? (patient != nil ? LedgerAccount() : nil) else {
            throw RejectionFailure(.refused(visit != nil ? "visit" : "claim", "nothing has been posted to \(key)",
                                            hint: "check the id with 'practica claims list'"))
        }
        if context.json {
            var fields: [(String, JSONValue)] = [("account", .string(key.description))]
            if case .object(let totals) = ReceivableText.json(account) { fields += totals }
            if patient != nil {
                fields.append(("visits", .array(visits.map { v in
                    .object([("visit", .string(v.visit.description)), ("dateOfService", .string(v.dateOfService.description)),
                             ("balance", ReceivableText.json(v.account))])
                })))
                if let aging { fields.append(("aging", ReceivableText.json(aging))) }
            }
            return context.printJSON(.object(fields))
        }
        context.print("\(key): charges \(account.charges) = payer payments \(account.payerPayments) + adjustments \(account.adjustments) "
                      + "+ patient payments \(account.patientPayments) + insurance balance \(account.insuranceBalance) "
                      + "+ patient balance \(account.patientBalance)")
        guard patient != nil else { return }
        if !visits.isEmpty {
            var table = TextTable(columns: [.init("visit"), .init("service"), .init("charges", alignment: .right),
                                            .init("payer", alignment: .right), .init("adjusted", alignment: .right),
                                            .init("patient paid", alignment: .right), .init("insurance", alignment: .right),
                                            .init("patient owes", alignment: .right)])
            for v in visits {
                let a = v.account
                table.append([v.visit.description, v.dateOfService.description] + [a.charges, a.payerPayments, a.adjustments,
                              a.patientPayments, a.insuranceBalance, a.patientBalance].map(\.description))
            }
            context.output.write(table.render())
        }
        if let aging {
            context.print("aging as of \(today): " + zip(AgingBuckets.labels, aging.amounts).map { "\($0) \($1)" }.joined(separator: " | "))
        }
    }
}
