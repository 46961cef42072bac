import EventLog

/// Every read model the CLI keeps, in one list, so `projections status|rebuild`
/// and the catch-up before each listing cover them all.
public enum ReadModels {
    public static var all: [any Projection] {
        [
            ScheduleProjection(),
            PatientsProjection(),
            DirectoryProjection(),
            ClaimsProjection(),
            ARAgingProjection(),
            KPIProjection(),
            ReceivablesProjection(),
            LedgerProjection(),
        ]
    }

    /// Opens the views of a store and brings every read model up to the log's head.
    public static func caughtUp(_ store: EventStore, progress: ((UInt64, UInt64) -> Void)? = nil) throws -> ProjectionRunner {
        let runner = ProjectionRunner(store: store, views: try KeyValueStore(path: store.paths.views), projections: all)
        try runner.catchUp(progress: progress)
        return runner
    }
}
