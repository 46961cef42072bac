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
        ]
    }

    /// Read models older stores may still hold: `ledger` (its accounts and journal
    /// are kept by `ar` since ar's version 2, which ran the same rules over the same events).
    public static let retired = ["ledger"]

    /// A runner over every read model of a store (not caught up). A damaged views
    /// file is discarded (see `views.discardedDamage`): catch-up rebuilds it from the log.
    public static func runner(_ store: EventStore) throws -> ProjectionRunner {
        let views = try KeyValueStore(path: store.paths.views, discardingDamage: true, permissions: store.permissions)
        return ProjectionRunner(store: store, views: views, projections: all, retired: retired)
    }

    /// Opens the views of a store and brings every read model up to the log's head.
    public static func caughtUp(_ store: EventStore, progress: ((UInt64, UInt64) -> Void)? = nil) throws -> ProjectionRunner {
        let runner = try runner(store)
        try runner.catchUp(progress: progress)
        return runner
    }
}
