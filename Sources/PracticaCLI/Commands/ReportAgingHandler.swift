import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// `practica report ar-aging`: the aging from the A/R read model, with a line
/// reconciling its total to the ledger's open balance on the same date.
enum ReportAgingHandler {
    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let asOfOption = try ReportInput.date(command, "as-of")
        let grouping = try ReportInput.choice(command, "by", allowed: [.payer, .patient, .provider, .location], default: ARGrouping.total)
        let directory = try context.authorizedDirectory(for: .read)
        let asOf = asOfOption ?? context.today(in: directory.practice?.timeZone)
        let runner = try context.readModels()
        let (report, ledger) = try runner.read(ARAgingProjection.projectionName) { table in
            let model = ARReadModel(table)
            return (ARAgingReport.compute(try model.items(), asOf: asOf, by: grouping, merges: try model.merges()),
                    try model.ledgerTotals(asOf: asOf))
        }
        let names = try ReportGroupNames.load(grouping, groups: report.rows.map(\.group), runner: runner)
        let reconciled = report.netInsurance == ledger.insuranceBalance && report.netPatient == ledger.patientBalance
        let reconciliation = "reconciliation as of \(asOf): debts \(report.debts) − credits \(report.insuranceCredit + report.patientCredit)"
            + " = \(report.total) (insurance \(report.netInsurance) + patient \(report.netPatient)) \(reconciled ? "=" : "≠") ledger open"
            + " balance \(ledger.openBalance) (insurance \(ledger.insuranceBalance) + patient \(ledger.patientBalance))"
            + (reconciled ? ", to the cent" : ", DIFFERENCE \(report.total - ledger.openBalance)")
        let creditLine = "credit balances (owed back, not in the buckets): patients \(report.patientCredit) "
            + "(\(report.credits.filter { !$0.isInsurance }.count) patients, see 'practica report credits'), "
            + "insurance \(report.insuranceCredit) (see 'practica queue show overpayments')"

        if context.json {
            context.printJSON(.object([
                ("asOf", .string(asOf.description)), ("by", .string(grouping.rawValue)),
                ("rows", .array(report.rows.map { row in
                    .object([("group", .string(row.group)), ("name", names.name(of: row.group).map(JSONValue.string) ?? .null),
                             ("insurance", ReportInput.buckets(row.insurance)),
                             ("patient", ReportInput.buckets(row.patient)),
                             ("credits", .object([("insurance", ReportInput.money(row.insuranceCredit)),
                                                  ("patient", ReportInput.money(row.patientCredit))])),
                             ("total", ReportInput.money(row.total))])
                })),
                ("insurance", ReportInput.buckets(report.insurance)), ("patient", ReportInput.buckets(report.patient)),
                ("credits", .object([("insurance", ReportInput.money(report.insuranceCredit)),
                                     ("patient", ReportInput.money(report.patientCredit)),
                                     ("patients", .int(Int64(report.credits.filter { !$0.isInsurance }.count)))])),
                ("debts", ReportInput.money(report.debts)),
                ("total", ReportInput.money(report.total)),
                ("ledger", .object([("insurance", ReportInput.money(ledger.insuranceBalance)), ("patient", ReportInput.money(ledger.patientBalance)),
                                    ("total", ReportInput.money(ledger.openBalance))])),
                ("reconciled", .bool(reconciled)),
            ]))
            return
        }
        // Grouped, the id keeps its own column (scripts key on it) and the name follows it.
        let grouped = grouping != .total
        var listing = Listing(columns: [.init(grouped ? grouping.rawValue : "")] + (grouped ? [.init("name")] : []) + [.init("responsibility")]
                                  + (AgingBuckets.labels + ["total"]).map { TextTable.Column($0, alignment: .right) },
                              emptyNote: "nothing open as of \(asOf)")
        func add(_ group: String, _ kind: String, _ b: AgingBuckets) {
            let name = grouped ? [names.name(of: group) ?? ""] : []
            listing.append([group] + name + [kind] + b.amounts.map(\.description) + [b.total.description], json: .null)
        }
        /// A credit is one amount owed back, not an age: it goes in the total column, negative.
        func credit(_ group: String, _ kind: String, _ amount: Money) {
            let name = grouped ? [names.name(of: group) ?? ""] : []
            listing.append([group] + name + [kind] + AgingBuckets.labels.map { _ in "" } + [(-amount).description], json: .null)
        }
        for row in report.rows where grouped {
            if row.insurance != AgingBuckets() { add(row.group, "insurance", row.insurance) }
            if row.patient != AgingBuckets() { add(row.group, "patient", row.patient) }
            if row.insuranceCredit != .zero { credit(row.group, "insurance credit", row.insuranceCredit) }
            if row.patientCredit != .zero { credit(row.group, "patient credit", row.patientCredit) }
        }
        add("total", "insurance", report.insurance)
        add("total", "patient", report.patient)
        var both = report.insurance
        for (i, amount) in report.patient.amounts.enumerated() { both.add(amount, ageInDays: [0, 31, 61, 91, 121][i]) }
        add("total", "debts", both)
        credit("total", "credits", report.insuranceCredit + report.patientCredit)
        listing.print(command, context)
        for line in [creditLine, reconciliation] {
            if command.flag("csv") { context.note(line) } else { context.print(line) }
        }
    }
}
