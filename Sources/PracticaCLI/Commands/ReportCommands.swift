import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// `practica report ar-aging | kpi | days-in-ar | activity | dashboard`: the
/// analysts' reports, read from the A/R, KPI and schedule read models (caught up first).
/// Every definition and variant is stated in the help, as DESIGN.md asks.
enum ReportCommands: CommandGroup {
    static let agingDefinition = "Each open item is aged from its date of service to --as-of: a claim's insurance balance, a visit's "
        + "insurance balance not yet on a claim, a visit's patient balance; account-level credits age as current. Balances are "
        + "the ledger's (LedgerRules), summed from changes dated on or before --as-of (effective dates: date of service, payment "
        + "date), so a past date shows the aging as it stood then. Credits are shown apart, never netted into the buckets: a patient's "
        + "credits first pay their own debts (oldest first), the rest is a patient credit balance ('practica report credits'); a "
        + "claim paid beyond its balance is an insurance credit. The last lines give the credit balances and reconcile debts − "
        + "credits to the ledger's open balance."

    static let kpiDefinition = "Definitions (HFMA MAP Keys / MGMA): gross collection rate = payments ÷ gross charges; net collection "
        + "rate = payments ÷ (charges − contractual adjustments), rolling 12 months or the period (--net-window); denial rate = "
        + "claims (or dollars, --denials) denied in full or in part ÷ claims (dollars) remitted; clean-claim rate = claims first "
        + "submitted with no scrubber finding, override or replacement ÷ claims submitted; first-pass resolution = claims paid on "
        + "first adjudication without rejection, denial or resubmission ÷ claims adjudicated; A/R > 90 / > 120 = billed A/R older "
        + "than 90 / 120 days from DOS ÷ billed A/R, as of --to; no-show rate = no-shows ÷ (booked − cancelled in advance); "
        + "days to pay = first payment date − first submission date, averaged per payer; charge lag = entry date − DOS, averaged; "
        + "patient collection rate = patient payments ÷ patient responsibility (PR + self-pay charges). Charges are dated by "
        + "service or entry (--charges); payments by payment date."

    static let daysDefinition = "Days in A/R at each month end = A/R ÷ average daily charges over the 90 days ending that day. "
        + "gross (practice variant, default): open A/R ÷ gross charges; net (HFMA-style): open A/R ÷ (charges − adjustments). "
        + "A/R is the ledger's open balance by effective dates. Computed in one sweep over the A/R model's dated postings."

    static let spec = CommandSpec(
        name: "report", abstract: "A/R aging, KPIs, days in A/R, the month-end close and the HTML dashboard, from the read models.",
        subcommands: [
            CommandSpec(name: "ar-aging", abstract: "A/R aging in 0–30, 31–60, 61–90, 91–120 and 120+ days, insurance and patient apart.",
                        discussion: agingDefinition,
                        options: [.value("as-of", valueName: "date", help: "Age as of this date (YYYY-MM-DD; default today)."),
                                  .value("by", valueName: "dimension", help: "Group by payer, patient, provider or location (default: one total)."),
                                  Listing.csvFlag],
                        examples: [Example("practica report ar-aging --by payer", "Today's aging by payer."),
                                   Example("practica report ar-aging --as-of 2026-06-30 --csv", "The aging as it stood at the end of June, as CSV.")]),
            CommandSpec(name: "kpi", abstract: "Collection, denial, clean-claim, first-pass, A/R age, no-show, lag and days-to-pay KPIs.",
                        discussion: kpiDefinition,
                        options: [.value("from", valueName: "date", help: "First day of the period (YYYY-MM-DD); its whole month counts."),
                                  .value("to", valueName: "date", help: "Last day of the period (YYYY-MM-DD); its whole month counts."),
                                  .value("by", valueName: "month", help: "'month': one set of KPIs per month."),
                                  .value("charges", valueName: "basis", help: "service (default) or entry: how charges are dated."),
                                  .value("denials", valueName: "basis", help: "claims (default) or dollars."),
                                  .value("net-window", valueName: "window", help: "rolling12 (default, HFMA) or period."),
                                  Listing.csvFlag],
                        examples: [Example("practica report kpi --from 2026-01-01 --to 2026-12-31", "The year's KPIs."),
                                   Example("practica report kpi --from 2026-01-01 --to 2026-06-30 --by month --denials dollars --json", "Monthly, denials in dollars, as JSON.")]),
            CommandSpec(name: "days-in-ar", abstract: "Days in A/R at each month end, with a bar chart.",
                        discussion: daysDefinition + " The running month ends today and is labelled \"(month to date)\": its charges "
                            + "are a partial month's. Months that have not begun are left out. A range spans at most 20 years.",
                        options: [.value("from", valueName: "date", help: "First month (YYYY-MM-DD, any day of it)."),
                                  .value("to", valueName: "date", help: "Last month (YYYY-MM-DD, any day of it)."),
                                  .value("variant", valueName: "variant", help: "gross (default) or net."),
                                  .flag("ascii", help: "Draw the chart with # and | only."),
                                  Listing.csvFlag],
                        examples: [Example("practica report days-in-ar --from 2025-01-01 --to 2026-12-31", "Two years, month by month.")]),
            CommandSpec(name: "activity", abstract: "The month-end close: opening A/R, charges, payments, adjustments, closing A/R.",
                        discussion: ReportActivityHandler.definition,
                        options: [.value("from", valueName: "date", help: "First month (YYYY-MM-DD, any day of it)."),
                                  .value("to", valueName: "date", help: "Last month (YYYY-MM-DD, any day of it)."),
                                  Listing.csvFlag],
                        examples: [Example("practica report activity --from 2026-01-01 --to 2026-12-31", "A year's months, with a total."),
                                   Example("practica report activity --from 2026-11-01 --to 2026-11-30 --csv", "Last month's close as CSV.")]),
            CommandSpec(name: "dashboard", abstract: "Write a self-contained HTML dashboard (SVG charts, no scripts or fonts).",
                        discussion: "Charges and collections by month, days in A/R, aging, denials by reason, payer performance, "
                            + "appointment volume and no-shows, for the 12 months ending --to (default this month). " + kpiDefinition,
                        options: [.value("out", valueName: "dir", help: "Directory to write index.html into (created if missing)."),
                                  .value("to", valueName: "date", help: "Last month shown (YYYY-MM-DD; default today).")],
                        examples: [Example("practica report dashboard --out reports/2026-12", "Open reports/2026-12/index.html in a browser.")]),
            ReportCreditsHandler.spec,
        ])

    static let handlers: [String: CommandHandler] = [
        "report ar-aging": ReportAgingHandler.run, "report kpi": ReportKPIHandler.run,
        "report days-in-ar": ReportDaysHandler.run, "report activity": ReportActivityHandler.run,
        "report dashboard": ReportDashboardHandler.run, "report credits": ReportCreditsHandler.run,
    ]
}

/// Option parsing shared by the reports: refused before the store is opened (exit 2).
enum ReportInput {
    static func date(_ command: ParsedCommand, _ option: String) throws -> LocalDate? {
        try SchedulingInput.optionalDate(command, option)
    }

    static func requiredDate(_ command: ParsedCommand, _ option: String) throws -> LocalDate {
        guard let date = try date(command, option) else {
            throw UsageError(.missingOption, "--\(option): a date is required", hint: "e.g. --\(option) 2026-01-31")
        }
        return date
    }

    /// `--from` and `--to`, both required, in order, and at most
    /// `PlausibleDates.maximumReportYears` apart (a report over 0001–9999 once took a minute and 2 GB).
    static func period(_ command: ParsedCommand) throws -> (from: LocalDate, to: LocalDate) {
        let from = try requiredDate(command, "from")
        let to = try requiredDate(command, "to")
        try checkRange(from: from, to: to)
        return (from, to)
    }

    /// The one range rule for every `--from`/`--to` pair of a report or listing.
    static func checkRange(from: LocalDate, to: LocalDate) throws {
        do {
            try PlausibleDates.checkReportRange(from: from, to: to)
        } catch {
            throw UsageError(.invalidValue, "--\(error.field): \(error.reason)",
                             hint: error.hint ?? "give the earlier date to --from")
        }
    }

    /// One of an enum's raw values, naming the choices when it isn't.
    static func choice<T: RawRepresentable & CaseIterable>(_ command: ParsedCommand, _ option: String, allowed: [T]? = nil,
                                                           default value: T) throws -> T where T.RawValue == String {
        guard let text = command.string(option) else { return value }
        let cases = allowed ?? Array(T.allCases)
        guard let chosen = T(rawValue: text.lowercased()), cases.contains(where: { $0.rawValue == chosen.rawValue }) else {
            let names = cases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(.invalidValue, "--\(option): expected one of \(names), got '\(EchoedWord.of(text))'", hint: "e.g. --\(option) \(cases.first?.rawValue ?? "")")
        }
        return chosen
    }

    static func money(_ m: Money) -> JSONValue { JSONNumbers.money(m) }

    static func buckets(_ b: AgingBuckets) -> JSONValue {
        .object(zip(AgingBuckets.labels, b.amounts).map { ($0, money($1)) } + [("total", money(b.total))])
    }
}
