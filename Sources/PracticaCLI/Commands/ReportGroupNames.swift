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
        if grouping == .total { return ReportGroupNames() }
        let directory = try runner.read(DirectoryProjection.name) { try DirectoryView($0).directory() }
        switch grouping {
        case .total:
            return ReportGroupNames()
        case .payer:
            return ReportGroupNames(payers(directory))
        case .provider:
            return ReportGroupNames(Dictionary(directory.providers.map { ($0.key.description, $0.value.name.description) },
                                               uniquingKeysWith: { first, _ in first }))
        case .location:
            return ReportGroupNames(Dictionary(directory.locations.map { ($0.key.description, $0.value.name.description) },
                                               uniquingKeysWith: { first, _ in first }))
        case .patient:
            let charts = groups.compactMap { try? PatientID.parse($0) }
            let records = try runner.read(PatientsProjection.name) { table in
                try charts.compactMap { try PatientsView(table).record($0) }
            }
            return ReportGroupNames(Dictionary(records.map { ($0.id.description, "\($0.name.last), \($0.name.first)") },
                                               uniquingKeysWith: { first, _ in first }))
        }
    }

    static func payers(_ directory: PracticeDirectory) -> [String: String] {
        Dictionary(directory.payers.map { ($0.key.description, $0.value.name.description) }, uniquingKeysWith: { first, _ in first })
    }
}
