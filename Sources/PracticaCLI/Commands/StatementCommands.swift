import BinaryCodec
import CLIKit
import RevenueCycle

/// `practica statement run --as-of DATE [--min-balance 5.00] --out DIR`. The work is `StatementRun.perform`.
enum StatementCommands: CommandGroup {
    static let spec = CommandSpec(
        name: "statement", abstract: "Patient statements.",
        subcommands: [
            CommandSpec(name: "run", abstract: "Write a statement (HTML and plain text) for every patient owing at least --min-balance.",
                        discussion: "Each statement lists the patient's visits with charges, insurance payments, adjustments, what the "
                            + "patient paid and owes, aging (0-30 … 120+ days by date of service) and a payment stub, all as of "
                            + "--as-of by effective date. Files are <patient>-<statement>.html and .txt. --out must be a new or "
                            + "empty folder, so an earlier run is never overwritten; the folder appears only once the "
                            + "StatementIssued events (one batch) are recorded. Nobody owing enough: nothing is written or recorded.",
                        options: [.value("as-of", valueName: "date", help: "The statement date, YYYY-MM-DD.", isRequired: true),
                                  .value("min-balance", valueName: "amount", help: "Smallest balance worth a statement.", defaultValue: "5.00"),
                                  .value("out", valueName: "dir", help: "A new or empty folder for the files.", isRequired: true)],
                        examples: [Example("practica statement run --as-of 2026-12-31 --out statements/2026-12", "The month's statements."),
                                   Example("practica statement run --as-of 2026-12-31 --min-balance 10.00 --out statements/2026-12b",
                                           "Only balances of 10.00 or more.")]),
        ])

    static let handlers: [String: CommandHandler] = ["statement run": run]

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let asOf = try command.value("as-of", PlausibleDates.date)
        let minBalance = try command.value("min-balance") { text in
            let m = try Money.parse(text)
            guard !m.isNegative else { throw ValueError(kind: "amount", input: text, reason: "cannot be negative") }
            return m
        }
        let request = StatementRunRequest(asOf: asOf, minBalance: minBalance, outDirectory: try command.requiredPath("out"))
        let run = try StatementRun.perform(request, session: try context.frontDesk())
        if context.json {
            context.printJSON(.object([("directory", .string(run.directory)),
                                       ("statements", .array(run.statements.map { $0.issued.json }))]))
            return
        }
        guard !run.statements.isEmpty else {
            return context.print("no patient owes \(minBalance) or more as of \(asOf); nothing was written")
        }
        context.print("wrote \(run.statements.count) statement(s) to \(run.directory)")
        for s in run.statements {
            context.print("  \(s.issued.statement) \(s.issued.patient) owes \(s.issued.balance)")
        }
    }
}
