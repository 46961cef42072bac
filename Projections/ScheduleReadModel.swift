import RevenueCycle

/// Queries over the schedule table, for `schedule show`, `appointments list`
/// and the KPI reports. Every query is a range scan in key order, so results
/// come out in time order without sorting the whole table.
///
/// ```swift
/// let entries = try runner.read("schedule") { table in
///     try ScheduleReadModel(table).appointments(from: monday, through: sunday, provider: lee)
/// }
/// ```
public struct ScheduleReadModel {
    let table: ProjectionTable

    /// Up to this many days, a provider's appointments are read day by day through
    /// the provider prefix; beyond it one scan of the range filtered by provider is cheaper.
    static let perDayScanLimit = 31

    public init(_ table: ProjectionTable) { self.table = table }

    public func appointment(_ id: AppointmentID) throws -> ScheduleEntry? {
        try table.get(ScheduleKeys.appointment(id)).map(ScheduleEntry.decode)
    }

    /// Appointments whose local date lies in `from...through`, by day, provider, then start.
    public func appointments(from: LocalDate, through: LocalDate, provider: ProviderID? = nil) throws -> [ScheduleEntry] {
        guard from <= through else { return [] }
        var ids: [AppointmentID] = []
        let last = ScheduleKeys.ordered(through.daysSinceEpoch)
        if let provider, from.days(to: through) <= Self.perDayScanLimit {
            // One contiguous range per day once the provider is part of the prefix.
            for offset in 0...from.days(to: through) {
                try table.scan(prefix: ScheduleKeys.day(from.adding(days: offset), provider: provider)) { key, _ in
                    if let n = ScheduleKeys.field(key, 3) { ids.append(AppointmentID(n)) }
                    return true
                }
            }
        } else {
            try table.scan(prefix: [ScheduleKeys.dayPrefix], from: ScheduleKeys.day(from)) { key, _ in
                guard let day = ScheduleKeys.field(key, 0), day <= last else { return false }
                if provider == nil || ScheduleKeys.field(key, 1) == provider?.number,
                   let n = ScheduleKeys.field(key, 3) { ids.append(AppointmentID(n)) }
                return true
            }
        }
        return try ids.compactMap(appointment)
    }

    /// A patient's appointments, earliest first.
    public func appointments(patient: PatientID) throws -> [ScheduleEntry] {
        var ids: [AppointmentID] = []
        try table.scan(prefix: ScheduleKeys.patient(patient)) { key, _ in
            if let n = ScheduleKeys.field(key, 2) { ids.append(AppointmentID(n)) }
            return true
        }
        return try ids.compactMap(appointment)
    }

    /// Every appointment, by id.
    public func allAppointments() throws -> [ScheduleEntry] {
        var out: [ScheduleEntry] = []
        try table.scan(prefix: [ScheduleKeys.appointmentPrefix]) { _, value in
            out.append(try ScheduleEntry.decode(value))
            return true
        }
        return out
    }

    /// Counters per month, provider and appointment type, in that order.
    public func counters() throws -> [(key: ScheduleCounterKey, counters: ScheduleCounters)] {
        var out: [(key: ScheduleCounterKey, counters: ScheduleCounters)] = []
        try table.scan(prefix: [ScheduleKeys.counterPrefix]) { key, value in
            guard let k = ScheduleKeys.decodeCounterKey(key) else {
                throw ProjectionError.damaged(ScheduleProjection.projectionName, "counter key of \(key.count) bytes")
            }
            out.append((k, try ScheduleCounters.decode(value)))
            return true
        }
        return out
    }
}
