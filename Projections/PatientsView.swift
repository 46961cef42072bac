import BinaryCodec
import RevenueCycle

/// Reads of the patients table, valid inside `ProjectionRunner.read`:
///
/// ```swift
/// let found = try runner.read(PatientsProjection.name) { try PatientsView($0).find(query) }
/// ```
public struct PatientsView {
    typealias Keys = PatientsProjection.Keys
    let table: ProjectionTable

    public init(_ table: ProjectionTable) { self.table = table }

    public func record(_ id: PatientID) throws -> PatientRecord? {
        try table.get(Keys.record(id)).map(PatientRecordCoding.decode)
    }

    /// Active charts matching the query, ordered by folded last name, first name, then id.
    ///
    /// The index narrows the search to the entries under one prefix (the
    /// longest name word, the date, or the phone digits); each candidate is then
    /// checked with `PatientQuery.matches`, the same rule the in-memory fold uses.
    public func find(_ query: PatientQuery) throws -> [PatientRecord] {
        var candidates = Set<UInt64>()
        try table.scan(prefix: Keys.searchPrefix(query)) { key, _ in
            if let id = ViewKey.trailingNumber(key) { candidates.insert(id) }
            return true
        }
        return try candidates.sorted().compactMap { try record(PatientID($0)) }
            .filter { $0.isActive && query.matches($0) }
            .sorted { ($0.name.lastKey, $0.name.firstKey, $0.id.number) < ($1.name.lastKey, $1.name.firstKey, $1.id.number) }
    }

    /// Charts merged into `id`, also through earlier merges (C kept B, which had kept A), in id order.
    public func mergedFrom(_ id: PatientID) throws -> [PatientID] {
        var found: [PatientID] = []
        var pending = [id]
        while let next = pending.popLast(), found.count < 10_000 {
            let prefix = Keys.mergesInto(next)
            try table.scan(prefix: prefix) { key, _ in
                if let dropped = ViewKey.number(in: key, at: prefix.count) {
                    found.append(PatientID(dropped))
                    pending.append(PatientID(dropped))
                }
                return true
            }
        }
        return found.sorted()
    }

    /// Coverages recorded on the given charts, by rank then start date.
    public func coverages(onCharts charts: [PatientID]) throws -> [CoverageAdded] {
        var out: [CoverageAdded] = []
        for chart in charts {
            try table.scan(prefix: Keys.coverages(chart: chart)) { _, value in
                out.append(try StoredPayload.decode(CoverageAdded.self, value, in: PatientsProjection.name))
                return true
            }
        }
        return out.sorted { ($0.rank, $0.span.from, $0.coverage) < ($1.rank, $1.span.from, $1.coverage) }
    }

    /// Appointments booked on the given charts, by start time.
    public func appointments(onCharts charts: [PatientID]) throws -> [PatientAppointment] {
        var out: [PatientAppointment] = []
        for chart in charts {
            try table.scan(prefix: Keys.appointments(chart: chart)) { _, value in
                out.append(try PatientAppointment.decode(value))
                return true
            }
        }
        return out.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// Every record, merged ones included: for audits and tests, not for lookups.
    public func allRecords() throws -> [PatientID: PatientRecord] {
        var out: [PatientID: PatientRecord] = [:]
        try table.scan(prefix: Keys.records) { _, value in
            let record = try PatientRecordCoding.decode(value)
            out[record.id] = record
            return true
        }
        return out
    }
}
