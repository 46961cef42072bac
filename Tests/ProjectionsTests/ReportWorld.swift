import BinaryCodec
import EventLog
import Foundation
@testable import Projections
import RevenueCycle

/// A store with its read models for the report tests, and every payload appended, in log order,
/// so a test can fold the raw events itself.
final class ReportWorld {
    let store: EventStore
    let runner: ProjectionRunner
    private(set) var payloads: [any EventPayload] = []

    init() throws {
        let root = NSTemporaryDirectory() + "practica-reports/\(UUID().uuidString)"
        store = try EventStore.create(at: root)
        runner = ProjectionRunner(store: store, views: try KeyValueStore(path: store.paths.views), projections: ReadModels.all)
    }

    /// Appends one batch and brings the read models up to date.
    func append(_ events: [(stream: String, payload: any EventPayload)]) throws {
        guard !events.isEmpty else { return }
        try store.append(events.map { Self.newEvent($0.stream, $0.payload) }, metadata: AppendMetadata(actor: "t"))
        payloads += events.map(\.payload)
        try runner.catchUp()
    }

    /// Appends `count` synthetic events with billing (charges, claims, remittances, denials, patient payments).
    func appendSynthetic(_ count: Int, seed: UInt64 = 11, batch: Int = 500) throws {
        var workload = SyntheticWorkload(seed: seed, billing: true)
        var done = 0
        while done < count {
            let n = min(batch, count - done)
            let events = try workload.next(n).map { e in
                (stream: e.stream, payload: try EventRegistry.decode(typeName: e.typeName, schemaVersion: e.schemaVersion, bytes: e.payload))
            }
            try append(events)
            done += n
        }
    }

    static func newEvent(_ stream: String, _ payload: any EventPayload) -> NewEvent {
        NewEvent(stream: stream, typeName: type(of: payload).typeName, schemaVersion: type(of: payload).schemaVersion, payload: payload.encoded())
    }

    func aging(asOf date: LocalDate, by grouping: ARGrouping = .total) throws -> ARAgingReport {
        try runner.read(ARAgingProjection.projectionName) { table in
            let model = ARReadModel(table)
            return ARAgingReport.compute(try model.items(), asOf: date, by: grouping, merges: try model.merges())
        }
    }

    /// Every key and value of a projection's table, for comparing an incremental model with a rebuild.
    func contents(of projection: String) throws -> [[UInt8]: [UInt8]] {
        try runner.read(projection) { table in
            var out: [[UInt8]: [UInt8]] = [:]
            try table.scan { k, v in
                out[k] = v
                return true
            }
            return out
        }
    }
}

/// Hand-made receivable events with readable arguments.
enum Make {
    static func date(_ text: String) -> LocalDate { (try? LocalDate.parse(text)) ?? LocalDate(daysSinceEpoch: 0) }

    static func visit(_ appointment: UInt64, _ visit: UInt64, insured: Bool) -> [(stream: String, payload: any EventPayload)] {
        [("appointment-\(appointment)", PatientCheckedIn(appointment: AppointmentID(appointment), copayDue: .zero,
                                                         coverage: insured ? CoverageID(1) : nil)),
         ("appointment-\(appointment)", PatientCheckedOut(appointment: AppointmentID(appointment), visit: VisitID(visit)))]
    }

    static func charge(_ id: UInt64, visit: UInt64, patient: UInt64, dos: String, cents: Int64, entered: String? = nil) -> (stream: String, payload: any EventPayload) {
        let code = try! ProcedureCode("99213")
        let dx = try! DiagnosisCode("E11.9")
        return ("visit-\(visit)", ChargeEntered(charge: ChargeID(id), visit: VisitID(visit), patient: PatientID(patient), provider: ProviderID(1),
                                               dateOfService: date(dos), procedure: code, diagnoses: [dx], pointers: [1],
                                               amount: Money(cents: cents), enteredOn: date(entered ?? dos)))
    }

    static func claim(_ id: UInt64, visit: UInt64, patient: UInt64, payer: UInt64, cents: Int64, dos: String, on created: String,
                      frequency: ClaimFrequencyType = .original, prior: PriorAdjudication? = nil) -> (stream: String, payload: any EventPayload) {
        let code = try! ProcedureCode("99213")
        let line = ClaimLine(charge: ChargeID(id), procedure: code, amount: Money(cents: cents), pointers: [1], dateOfService: date(dos))
        return ("claim-\(id)", ClaimCreated(claim: ClaimID(id), visit: VisitID(visit), patient: PatientID(patient), coverage: CoverageID(1),
                                            payer: PayerID(payer), billingProvider: ProviderID(1), renderingProvider: ProviderID(1),
                                            placeOfService: try! PlaceOfService("11"), frequency: frequency, lines: [line],
                                            diagnoses: [try! DiagnosisCode("E11.9")], total: Money(cents: cents), createdOn: date(created),
                                            priorAdjudication: prior))
    }

    static func paid(_ claim: UInt64, charge: Int64, paid: Int64, pr: Int64, denied: Int64 = 0, on day: String, reversal: Bool = false) -> (stream: String, payload: any EventPayload) {
        ("claim-\(claim)", ClaimPaymentPosted(claim: ClaimID(claim), remittance: RemittanceID(claim), status: reversal ? "22" : "1",
                                              charge: Money(cents: charge), paid: Money(cents: paid), patientResponsibility: Money(cents: pr),
                                              denied: Money(cents: denied), payerClaimControlNumber: nil, adjustments: [], lines: [],
                                              paymentDate: date(day)))
    }

    static func patientPaid(_ id: UInt64, patient: UInt64, cents: Int64, visits: [(UInt64, Int64)], on day: String) -> (stream: String, payload: any EventPayload) {
        ("patient-\(patient)", PatientPaymentPosted(payment: PaymentID(id), patient: PatientID(patient), amount: Money(cents: cents), method: .cash,
                                                    applications: visits.map { PaymentApplication(visit: VisitID($0.0), amount: Money(cents: $0.1)) },
                                                    receivedOn: date(day)))
    }
}
