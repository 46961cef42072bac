import CLIKit

/// A command's work, given the parsed line and the context.
typealias CommandHandler = @Sendable (ParsedCommand, CommandContext) throws -> Void

/// The whole `practica` command tree and the handler for each verb.
enum CommandTree {
    static let globalOptions: [OptionSpec] = [
        .value("store", valueName: "path", help: "The store directory (else $PRACTICA_STORE, else ./practica-data)."),
        .value("as", valueName: "user", help: "Who is acting (else $PRACTICA_USER, else the OS user)."),
        .flag("json", help: "Print JSON instead of tables."),
        .value("server", valueName: "url", help: "Run on this practice server (else $PRACTICA_SERVER); see 'practica login'."),
    ]

    static var groups: [any CommandGroup.Type] {
        [
            InitCommand.self, LogCommands.self, StoreCommands.self, ProjectionCommands.self, ReplayCommand.self, AuditCommand.self,
            // Practice setup, users, patients and coverage (issue 4).
            UserCommands.self, ProviderCommands.self, LocationCommands.self, RoomCommands.self, AppointmentTypeCommands.self,
            PayerCommands.self, FeeCommands.self, SettingCommands.self, PatientCommands.self, CoverageCommands.self,
            ProvidersListing.self, LocationsListing.self, PayersListing.self, FeesListing.self, UsersListing.self,
            // Scheduling and the schedule read model (issue 4).
            AvailabilityCommands.self, BookCommand.self, RescheduleCommand.self, CancelCommand.self, NoShowCommand.self,
            CheckInCommand.self, CheckOutCommand.self, WaitlistCommands.self, SlotsCommands.self,
            ScheduleCommands.self, AppointmentsCommands.self,
            // Charges, claims, acknowledgements and their read model (issue 5).
            BillingProfileCommands.self, ChargeCommands.self, ClaimCommands.self, ClaimsListCommands.self, QueueCommands.self,
            // Reports from the A/R, KPI and schedule read models (issue 7).
            ReportCommands.self,
            // Remittances, denials, patient money, statements and balances (issue 6).
            EraCommands.self, DenialCommands.self, SuspenseCommands.self, PaymentCommands.self, RefundCommand.self, AdjustCommand.self,
            PaymentPlanCommands.self, StatementCommands.self, BalanceCommands.self,
            // A made-up practice and its year, through the commands above (issue 7).
            DemoCommand.self,
            // A visit's financial class (issue 15).
            VisitCommands.self,
            // The practice server and the desks signed in to it (issue 14).
            ServeCommand.self, LoginCommand.self, LogoutCommand.self,
        ]
    }

    /// Built once per process: the server parses every request with it.
    static let root: CommandSpec = {
        var root = CommandSpec(name: "practica",
                               abstract: "Revenue cycle for medical practices, kept as an append-only event log.",
                               discussion: "Every action is an event in an LMDB log; listings and reports are projections of it. "
                                   + "Each command's help says which roles may run it. 'practica --version' prints the version.",
                               subcommands: groups.map { withRoles($0.spec, path: []) },
                               globalOptions: globalOptions)
        root.subcommandGroups = helpGroups
        return root
    }()

    /// The parser over `root`, validated once (every example parses): a long-running server must
    /// not check the whole tree again for each command.
    static let parser: Result<CommandLineParser, SpecError> = Result { () throws(SpecError) in try CommandLineParser(root: root) }

    /// `practica --help` by who uses the commands, as `git help` groups its own.
    static let helpGroups: [SubcommandGroup] = [
        SubcommandGroup("SETUP (admin)", ["init", "user", "users", "provider", "providers", "location", "locations", "room",
                                          "appointment-type", "payer", "payers", "fee", "fees", "setting", "billing-profile"]),
        SubcommandGroup("FRONT DESK", ["patient", "coverage", "availability", "book", "reschedule", "cancel", "no-show", "check-in", "check-out",
                                       "waitlist", "slots", "schedule", "appointments"]),
        SubcommandGroup("BILLING", ["charge", "claim", "claims", "visit", "queue", "era", "denial", "suspense", "payment", "refund", "adjust",
                                    "payment-plan", "statement", "balance"]),
        SubcommandGroup("REPORTS AND AUDIT", ["report", "audit", "replay", "log"]),
        SubcommandGroup("STORE", ["store", "projections", "demo"]),
        SubcommandGroup("SERVER AND DESKS", ["serve", "login", "logout"]),
    ]

    /// Adds "Who may run it" to every leaf's help, from `CommandAccess`, so help and the check never disagree.
    static func withRoles(_ spec: CommandSpec, path: [String]) -> CommandSpec {
        var spec = spec
        let here = path + [spec.name]
        if spec.isLeaf {
            if let roles = CommandAccess.roles(for: here.joined(separator: " ")) {
                let line = "Who may run it: \(roles)."
                spec.discussion = spec.discussion.map { $0 + "\n\n" + line } ?? line
            }
        } else {
            spec.subcommands = spec.subcommands.map { withRoles($0, path: here) }
        }
        return spec
    }

    static let handlers: [String: CommandHandler] = {
        var all: [String: CommandHandler] = [:]
        for group in groups {
            for (path, handler) in group.handlers { all[path] = handler }
        }
        return all
    }()
}

/// One noun of the CLI (or a top-level verb): its spec and its handlers by path ("log tail").
protocol CommandGroup {
    static var spec: CommandSpec { get }
    static var handlers: [String: CommandHandler] { get }
}
