import CLIKit

/// A command's work, given the parsed line and the context.
typealias CommandHandler = @Sendable (ParsedCommand, CommandContext) throws -> Void

/// The whole `practica` command tree and the handler for each verb.
enum CommandTree {
    static let globalOptions: [OptionSpec] = [
        .value("store", valueName: "path", help: "The store directory (else $PRACTICA_STORE, else ./practica-data)."),
        .value("as", valueName: "user", help: "Who is acting (else $PRACTICA_USER, else the OS user)."),
        .flag("json", help: "Print JSON instead of tables."),
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
        ]
    }

    static var root: CommandSpec {
        CommandSpec(name: "practica",
                    abstract: "Revenue cycle for medical practices, kept as an append-only event log.",
                    discussion: "Every action is an event in an LMDB log; listings and reports are projections of it.",
                    subcommands: groups.map { $0.spec },
                    globalOptions: globalOptions)
    }

    static var handlers: [String: CommandHandler] {
        var all: [String: CommandHandler] = [:]
        for group in groups {
            for (path, handler) in group.handlers { all[path] = handler }
        }
        return all
    }
}

/// One noun of the CLI (or a top-level verb): its spec and its handlers by path ("log tail").
protocol CommandGroup {
    static var spec: CommandSpec { get }
    static var handlers: [String: CommandHandler] { get }
}
