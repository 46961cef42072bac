import Projections
import RevenueCycle

/// Names for the ids a report groups by, so a biller reads "Aetna (PA1003)"
/// rather than "PA1003". Groups that are not ids ("(not yet billed)") and ids
/// with no name on file keep their text.
struct ReportGroupNames {
    private let names: [String: String]

    init(_ names: [String: String] = [:]) { self.names = names }

    /// The name on file for a group's id, if any.
    func name(of group: String) -> String? { names[group] }

    /// "Name (ID)", or the group as it is when there is no name.
    func label(_ group: String) -> String { names[group].map { "\($0) (\(group))" } ?? group }

    /// Payers, providers and locations from the directory read model; patients
    /// from the patients read model (only the charts in `groups` are looked up).
    static func load(_ grouping: ARGrouping, groups: [String], runner: ProjectionRunner) throws -> ReportGroupNames {
        switch grouping {
        case .total:
            return ReportGroupNames()
        case .payer:
            return try payers(runner)
        case .provider:
            return try directory(runner) { try $0.providers().map { ($0.provider.description, $0.name.description) } }
        case .location:
            return try directory(runner) { try $0.locations().map { ($0.location.description, $0.name.description) } }
        case .patient:
            let charts = groups.compactMap { try? PatientID.parse($0) }
            let records = try runner.read(PatientsProjection.name) { table in
                try charts.compactMap { try PatientsView(table).record($0) }
            }
            return ReportGroupNames(Dictionary(records.map { ($0.id.description, "\($0.name.last), \($0.name.first)") },
                                               uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The payers' names, for reports that show payers whatever they group by.
    static func payers(_ runner: ProjectionRunner) throws -> ReportGroupNames {
        try directory(runner) { try $0.payers().map { ($0.payer.description, $0.name.description) } }
    }

    /// Names from one list of the directory read model (only that list is read).
    private static func directory(_ runner: ProjectionRunner,
                                  _ pairs: (DirectoryView) throws -> [(String, String)]) throws -> ReportGroupNames {
        ReportGroupNames(try runner.read(DirectoryProjection.name) { table in
            Dictionary(try pairs(DirectoryView(table)), uniquingKeysWith: { first, _ in first })
        })
    }
}
