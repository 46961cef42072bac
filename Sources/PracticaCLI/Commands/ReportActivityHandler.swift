import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// `practica report activity`: the month-end close. Each month's opening A/R,
/// charges, payments and adjustments, and closing A/R, with a line showing the
/// roll-forward holds to the cent.
enum ReportActivityHandler {
    static let definition = "For each month: opening A/R (insurance + patient balances at the end of the previous month) "
        + "+ charges − payer payments − patient payments − adjustments = closing A/R. Postings count by effective date: "
        + "charges by date of service, payments by payment date, adjustments by the date they were posted (a remittance's "
        + "payment date, a write-off's date). Payer payments are net of PLB recoupments; patient payments net of refunds. "
        + "Payer money held in suspense is not A/R and is not counted."

    static func run(_ command: ParsedCommand, _ context: CommandContext) throws {
        let (from, to) = try ReportInput.period(command)
        let directory = try context.authorizedDirectory(for: .read)
        // Like days in A/R: the running month closes today and says so; months not begun are left out.
        let ends = ReportDaysHandler.seriesEnds(from: from, to: to, today: context.today(in: directory.practice?.timeZone))
        let running = Set(ends.filter(\.isMonthToDate).map(\.date))
        let postings = try context.readModels().read(ARAgingProjection.projectionName) { try ARReadModel($0).dailyTotals() }
        let months = ARActivity.compute(postings, monthEnds: ends.map(\.date))
        let total = months.reduce(LedgerAccount()) { $0 + $1.activity }
        let opening = months.first?.opening ?? .zero
        let closing = months.last?.closing ?? .zero
        let broken = months.filter { $0.rolledForward != $0.closing }

        var listing = Listing(columns: [.init("month"), .init("opening A/R", alignment: .right), .init("charges", alignment: .right),
                                        .init("payer payments", alignment: .right), .init("patient payments", alignment: .right),
                                        .init("adjustments", alignment: .right), .init("closing A/R", alignment: .right)],
                              emptyNote: "no months")
        func row(_ label: String, _ opening: Money, _ a: LedgerAccount, _ closing: Money, rolledForward: Money) {
            listing.append([label, opening.description, a.charges.description, a.payerPayments.description, a.patientPayments.description,
                            a.adjustments.description, closing.description],
                           json: .object([("month", .string(label)), ("opening", ReportInput.money(opening)),
                                          ("charges", ReportInput.money(a.charges)), ("payerPayments", ReportInput.money(a.payerPayments)),
                                          ("patientPayments", ReportInput.money(a.patientPayments)),
                                          ("adjustments", ReportInput.money(a.adjustments)), ("closing", ReportInput.money(closing)),
                                          ("rollsForward", .bool(rolledForward == closing))]))
        }
        for m in months {
            let label = m.monthText + (running.contains(m.monthEnd) ? " (month to date)" : "")
            row(label, m.opening, m.activity, m.closing, rolledForward: m.rolledForward)
        }
        if months.count > 1 && !context.json { row("total", opening, total, closing, rolledForward: closing) }
        listing.print(command, context)
        guard !context.json else { return }
        let check = broken.isEmpty
            ? "roll-forward: opening \(opening) + charges \(total.charges) − payer payments \(total.payerPayments) − patient payments "
                + "\(total.patientPayments) − adjustments \(total.adjustments) = closing \(closing), to the cent"
            : "roll-forward does NOT hold in " + broken.map { "\($0.monthText) (off by \($0.closing - $0.rolledForward))" }.joined(separator: ", ")
        if command.flag("csv") { context.note(check) } else { context.print(check) }
    }
}
