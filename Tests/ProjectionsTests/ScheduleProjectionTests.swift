import BinaryCodec
import EventLog
@testable import Projections
import RevenueCycle
import XCTest

/// The schedule read model checked three ways: incremental catch-up against a
/// fresh rebuild (byte for byte), against the `PracticeState` fold of the same
/// events, and its counters against a count taken straight from the raw events.
final class ScheduleProjectionTests: XCTestCase {
    private func makeStore() throws -> (EventStore, KeyValueStore) {
        let root = NSTemporaryDirectory() + "practica-projections/schedule-\(UUID().uuidString)"
        let store = try EventStore.create(at: root)
        return (store, try KeyValueStore(path: store.paths.views))
    }

    private func append(_ events: [any EventPayload], to store: EventStore) throws {
        for start in stride(from: 0, to: events.count, by: 250) {
            let batch = events[start..<min(start + 250, events.count)].map { event -> NewEvent in
                NewEvent(stream: "appointment-\(Self.appointmentOf(event)?.description ?? "none")",
                         typeName: type(of: event).typeName, schemaVersion: type(of: event).schemaVersion, payload: event.encoded())
            }
            try store.append(batch, metadata: AppendMetadata(actor: "test"))
        }
    }

    private static func appointmentOf(_ event: any EventPayload) -> AppointmentID? {
        switch event {
        case let e as AppointmentBooked: return e.appointment
        case let e as AppointmentRescheduled: return e.appointment
        case let e as AppointmentCancelled: return e.appointment
        case let e as AppointmentNoShow: return e.appointment
        case let e as PatientCheckedIn: return e.appointment
        case let e as PatientCheckedOut: return e.appointment
        default: return nil
        }
    }

    private func dump(_ runner: ProjectionRunner) throws -> [[UInt8]] {
        try runner.read(ScheduleProjection.projectionName) { table in
            var out: [[UInt8]] = []
            try table.scan { key, value in
                out.append(key + [0xFF] + value)
                return true
            }
            return out
        }
    }

    func testIncrementalCatchUpEqualsAFreshRebuild() throws {
        let (store, views) = try makeStore()
        var generator = ScheduleEventGenerator(seed: 11)
        let runner = ProjectionRunner(store: store, views: views, projections: [ScheduleProjection()])
        runner.chunkSize = 97
        for _ in 0..<4 {
            try append(generator.next(600), to: store)
            try runner.catchUp()
        }
        try runner.catchUp()   // nothing new: nothing applied twice
        let incremental = try dump(runner)
        XCTAssertGreaterThan(incremental.count, 1_000)
        try runner.rebuild()
        XCTAssertEqual(try dump(runner), incremental, "incremental catch-up and a fresh rebuild must write the same table")
        XCTAssertEqual(try runner.status().first?.lag, 0)
    }

    func testReadModelAgreesWithThePracticeStateFold() throws {
        let (store, views) = try makeStore()
        var generator = ScheduleEventGenerator(seed: 5)
        let events = generator.next(3_000)
        try append(events, to: store)
        let runner = ProjectionRunner(store: store, views: views, projections: [ScheduleProjection()])
        try runner.catchUp()
        let fold = PracticeState(events).appointments

        try runner.read(ScheduleProjection.projectionName) { table in
            let model = ScheduleReadModel(table)
            let all = try model.allAppointments()
            XCTAssertEqual(all.count, fold.count)
            for entry in all {
                guard let expected = fold[entry.appointment] else { return XCTFail("\(entry.appointment) is not in the fold") }
                XCTAssertEqual(entry.patient, expected.patient)
                XCTAssertEqual(entry.provider, expected.provider)
                XCTAssertEqual(entry.location, expected.location)
                XCTAssertEqual(entry.room, expected.room)
                XCTAssertEqual(entry.appointmentType, expected.appointmentType)
                XCTAssertEqual(entry.start, expected.start)
                XCTAssertEqual(entry.minutes, expected.minutes)
                XCTAssertEqual(entry.zone, expected.zone)
                XCTAssertEqual(entry.status, expected.status, "\(entry.appointment)")
                XCTAssertEqual(entry.visit, expected.visit)
                XCTAssertEqual(entry.forcedReason, expected.forcedReason)
                XCTAssertEqual(entry.recurrenceGroup, expected.recurrenceGroup)
            }
            // The day index: every date's appointments, per provider too, in time order.
            let byDate = Dictionary(grouping: fold.values, by: \.localDate)
            for (date, expected) in byDate {
                let found = try model.appointments(from: date, through: date)
                XCTAssertEqual(Set(found.map(\.appointment)), Set(expected.map(\.id)), "\(date)")
                for provider in Set(expected.map(\.provider)) {
                    let mine = try model.appointments(from: date, through: date, provider: provider)
                    XCTAssertEqual(mine.map(\.appointment), expected.filter { $0.provider == provider }
                        .sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map(\.id))
                }
            }
            // A long range, with and without the provider filter.
            let (march, june) = (try LocalDate.parse("2026-03-01"), try LocalDate.parse("2026-06-30"))
            let range = try model.appointments(from: march, through: june, provider: ProviderID(2))
            let expectedRange = fold.values.filter { $0.provider == ProviderID(2) && $0.localDate >= march && $0.localDate <= june }
            XCTAssertFalse(expectedRange.isEmpty)
            XCTAssertEqual(Set(range.map(\.appointment)), Set(expectedRange.map(\.id)))
            // The patient index, earliest first.
            for (patient, expected) in Dictionary(grouping: fold.values, by: \.patient) {
                let found = try model.appointments(patient: patient)
                XCTAssertEqual(found.map(\.appointment), expected.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map(\.id))
            }
        }
    }

    func testCountersMatchACountTakenFromRawEvents() throws {
        let (store, views) = try makeStore()
        var generator = ScheduleEventGenerator(seed: 23)
        try append(generator.next(2_500), to: store)
        let runner = ProjectionRunner(store: store, views: views, projections: [ScheduleProjection()])
        try runner.catchUp()

        // Independently of both the projection and PracticeState: replay the raw log by hand.
        struct Raw { var provider: UInt64; var type: UInt64; var start: Instant; var zone: TimeZoneID; var status = "booked"; var late = false }
        var raw: [UInt64: Raw] = [:]
        try store.scan(from: 1) { recorded in
            let event = try EventRegistry.decode(typeName: recorded.typeName, schemaVersion: recorded.schemaVersion, bytes: recorded.payload)
            switch event {
            case let e as AppointmentBooked:
                raw[e.appointment.number] = Raw(provider: e.provider.number, type: e.appointmentType.number, start: e.start, zone: e.zone)
            case let e as AppointmentRescheduled:
                raw[e.appointment.number]?.start = e.start
                raw[e.appointment.number]?.zone = e.zone
            case let e as AppointmentCancelled:
                raw[e.appointment.number]?.status = "cancelled"
                raw[e.appointment.number]?.late = e.isLate
            case let e as AppointmentNoShow: raw[e.appointment.number]?.status = "no-show"
            case let e as PatientCheckedIn: raw[e.appointment.number]?.status = "in"
            case let e as PatientCheckedOut: raw[e.appointment.number]?.status = "out"
            default: break
            }
            return true
        }
        var expected: [String: [Int64]] = [:]   // "yyyy-mm PR TYPE" → booked, in advance, late, no-shows
        for a in raw.values {
            let local = a.zone.localDateTime(at: a.start).date
            let key = "\(local.year)-\(local.month) \(a.provider) \(a.type)"
            var row = expected[key] ?? [0, 0, 0, 0]
            row[0] += 1
            if a.status == "cancelled" { row[a.late ? 2 : 1] += 1 }
            if a.status == "no-show" { row[3] += 1 }
            expected[key] = row
        }
        let counted = try runner.read(ScheduleProjection.projectionName) { try ScheduleReadModel($0).counters() }
        var actual: [String: [Int64]] = [:]
        for (k, c) in counted {
            actual["\(k.year)-\(k.month) \(k.provider.number) \(k.appointmentType.number)"] = [c.booked, c.cancelledInAdvance, c.lateCancelled, c.noShows]
        }
        XCTAssertEqual(actual, expected)
        XCTAssertGreaterThan(expected.values.map { $0[3] }.reduce(0, +), 20, "the workload must contain no-shows to count")
        XCTAssertEqual(counted.map(\.key), counted.map(\.key).sorted(), "counter keys come out in month order")
    }
}
