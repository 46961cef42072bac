import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// `practica report credits`: patients with credit balances (owed a refund or to be
/// applied to a later visit), as the A/R aging keeps them apart from debts.
enum ReportCreditsHandler {
    static let definition = "A patient's credit balance is what the patient has paid beyond everything they owe: their "
        + "credits (unapplied payments, overpaid visits) first pay their own open balances, oldest first, and the rest is "
        + "listed here. The aging report shows the same total on its credit-balance line; insurance credits (claims paid "
        + "beyond their balance) are in 'practica queue show overpayments'."

    static let spec = CommandSpec(
        name: "credits", abstract: "Patients with credit balances, and the amount owed back to each.",
        discussion: definition,
        options: [.value("as-of", valueName: "date", help: "Credits as of this date (YYYY-MM-DD; default today)."), Listing.csvFlag],
        examples: [Example("practica report credits", "Who is owed money today."),
                   Example("practica report credits --as-of 2026-06-30 --csv", "Credit balances at the end of June, as CSV.")])

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let asOfOption = try ReportInput.date(command, "as-of")
        let directory = try context.authorizedDirectory(for: .read)
        let asOf = asOfOption ?? context.today(in: directory.practice?.timeZone)
        let runner = try context.readModels()
        let report = try runner.read(ARAgingProjection.projectionName) { table in
            let model = ARReadModel(table)
            return ARAgingReport.compute(try model.items(), asOf: asOf, by: .patient, merges: try model.merges())
        }
        let credits = report.credits.filter { !$0.isInsurance }
        let names = try ReportGroupNames.load(.patient, groups: credits.compactMap { $0.patient?.description }, runner: runner)
        var listing = Listing(columns: [.init("patient"), .init("name"), .init("credit", alignment: .right)],
                              emptyNote: "no patient has a credit balance as of \(asOf)")
        for c in credits {
            let id = c.patient?.description ?? "(none)"
            listing.append([id, names.name(of: id) ?? "", c.amount.description],
                           json: .object([("patient", .string(id)), ("name", names.name(of: id).map(JSONValue.string) ?? .null),
                                          ("credit", ReportInput.money(c.amount)), ("asOf", .string(asOf.description))]))
        }
        listing.print(command, context)
        if !context.json && !command.flag("csv") && !credits.isEmpty {
            context.print("total \(Money.sum(credits.map(\.amount))) owed to \(credits.count) patient\(credits.count == 1 ? "" : "s") as of \(asOf)")
        }
    }
}
