import BinaryCodec
import EventLog
import Foundation
@testable import Projections
import RevenueCycle
import XCTest

/// The patients and directory read models against the log: catching up in
/// pieces gives the same bytes as one fresh build, and what they answer agrees
/// with `PracticeState`, the front-desk fold of the same events.
final class ReadModelTests: XCTestCase {
    typealias Story = FrontDeskStory
    private let models: [any Projection] = [PatientsProjection(), DirectoryProjection()]

    /// The story's four acts with synthetic patients after each, caught up after every
    /// append in chunks of 97 events, so chunk edges fall in the middle of batches.
    private func caughtUpIncrementally() throws -> (EventStore, ProjectionRunner) {
        let store = try Story.emptyStore()
        let runner = ProjectionRunner(store: store, views: try KeyValueStore(path: store.paths.views), projections: models)
        runner.chunkSize = 97
        var workload = SyntheticWorkload(seed: 11)
        for (i, act) in try Story.acts().enumerated() {
            try Story.append(act, to: store)
            try runner.catchUp()
            try Story.appendSynthetic(&workload, 250 + 60 * i, to: store)
            try runner.catchUp()
        }
        return (store, runner)
    }

    func testIncrementalCatchUpEqualsAFreshBuildAndARebuild() throws {
        let (store, runner) = try caughtUpIncrementally()
        let incremental = try models.map { try Story.dump(runner, $0.name) }
        XCTAssertTrue(incremental.allSatisfy { !$0.isEmpty })

        let freshViews = try KeyValueStore(path: NSTemporaryDirectory() + "practica-readmodels/fresh-\(UUID().uuidString)")
        let fresh = ProjectionRunner(store: store, views: freshViews, projections: models)
        try fresh.catchUp()
        for (model, entries) in zip(models, incremental) {
            XCTAssertEqual(try Story.dump(fresh, model.name), entries, "\(model.name): fresh build differs")
        }
        try runner.rebuild()
        for (model, entries) in zip(models, incremental) {
            XCTAssertEqual(try Story.dump(runner, model.name), entries, "\(model.name): rebuild differs")
        }
        XCTAssertEqual(try runner.status().map(\.lag), [0, 0])
    }

    func testPatientsAgreeWithTheFold() throws {
        let (store, runner) = try caughtUpIncrementally()
        let state = try Story.fold(store)
        XCTAssertGreaterThan(state.patients.count, 100)
        try runner.read(PatientsProjection.name) { table in
            let view = PatientsView(table)
            XCTAssertEqual(try view.allRecords(), state.patients)
            // The search entries are exactly those of the current records: updates leave nothing stale behind.
            var indexed = Set<[UInt8]>()
            try table.scan { key, _ in
                if let tag = key.first, "ndt".utf8.contains(tag) { indexed.insert(key) }
                return true
            }
            XCTAssertEqual(indexed, state.patients.values.reduce(into: Set<[UInt8]>()) { $0.formUnion(PatientsProjection.Keys.index($1).map(\.bytes)) })
            for (id, record) in state.patients where record.isActive {
                let absorbed = state.patients.keys.filter { $0 != id && state.resolvedPatient($0) == id }.sorted()
                XCTAssertEqual(try view.mergedFrom(id), absorbed, "\(id)")
                let charts = [id] + absorbed
                XCTAssertEqual(try view.coverages(onCharts: charts).sorted { $0.coverage < $1.coverage }, state.coverages(of: id), "\(id)")
                let appointments = state.appointments.values.filter { charts.contains($0.patient) }.map(PatientAppointment.init)
                XCTAssertEqual(try view.appointments(onCharts: charts).sorted { $0.id < $1.id }, appointments.sorted { $0.id < $1.id }, "\(id)")
            }
        }
    }

    func testDirectoryAgreesWithTheFoldAndListsInOrder() throws {
        let (store, runner) = try caughtUpIncrementally()
        let state = try Story.fold(store)
        try runner.read(DirectoryProjection.name) { table in
            let view = DirectoryView(table)
            XCTAssertEqual(try view.directory(), state.directory)
            XCTAssertEqual(try view.users().map(\.user.name), ["admin", "amy", "jo", "joe"])
            XCTAssertEqual(try view.user(UserID("jo"))?.fullName?.text, "Jo Park")
            XCTAssertEqual(try view.fees().map { "\($0.code)\($0.modifier.map { "-\($0)" } ?? "") \($0.amount)" },
                           ["99203 200.00", "99213 130.00", "99213-25 140.00"])
            XCTAssertEqual(try view.rooms(at: LocationID(1)).map(\.room), [RoomID(1), RoomID(3)])
            XCTAssertEqual(try view.settings(), PracticeSettings(lateCancelHours: 12, slotStepMinutes: 10))
            XCTAssertEqual(try view.authorizationDirectory(for: UserID("amy")).users, [try UserID("amy"): .biller])
        }
    }

    /// Index lookups find exactly what matching every chart in memory finds, for
    /// accented names, dates of birth (before 1970 too) and phone fragments.
    func testFindAgreesWithMatchingEveryChart() throws {
        let (store, runner) = try caughtUpIncrementally()
        let state = try Story.fold(store)
        func expected(_ q: PatientQuery) -> [PatientID] {
            state.patients.values.filter { $0.isActive && q.matches($0) }
                .sorted { ($0.name.lastKey, $0.name.firstKey, $0.id.number) < ($1.name.lastKey, $1.name.firstKey, $1.id.number) }
                .map(\.id)
        }
        var texts = ["jose nu", "NÚÑEZ", "núñez, JOSÉ", "1980-04-02", "1935-12-31", "555-0100", "550-19", "(217) 555",
                     "smith-lee", "lee", "ángel", "angel gar", "2175550123", "2175550777", "chloe", "HERNÁNDEZ", "g", "zz"]
        for record in state.patients.values.sorted(by: { $0.id < $1.id }).prefix(120) {
            texts.append(String(record.name.last.prefix(2)))
            texts.append(String(record.name.first.prefix(3)) + " " + String(record.name.last.prefix(1)))
            texts.append(record.dateOfBirth.description)
            if let phone = record.phone { texts.append(String(phone.digits.suffix(5))) }
        }
        try runner.read(PatientsProjection.name) { table in
            let view = PatientsView(table)
            for text in texts {
                let query = try XCTUnwrap(PatientQuery(text))
                XCTAssertEqual(try view.find(query).map(\.id), expected(query), "find \(text)")
            }
            func find(_ text: String) throws -> [PatientID] { try view.find(XCTUnwrap(PatientQuery(text))).map(\.id) }
            XCTAssertEqual(try find("jose nu"), [Story.josé], "merged duplicates are not offered")
            XCTAssertEqual(try find("NÚÑEZ"), [Story.josé])
            XCTAssertTrue(try find("1980-04-02").contains(Story.maria))
            XCTAssertTrue(try find("1980-04-02").contains(Story.mario))
            XCTAssertEqual(try find("1935-12-31"), [Story.elder])
            XCTAssertEqual(try find("555-0100"), [Story.josé])
            XCTAssertEqual(try find("550-19"), [Story.maria], "a fragment from the middle of the number")
            XCTAssertEqual(try find("angel"), [Story.mario], "middle names count, accents ignored")
            XCTAssertEqual(try find("2175550123"), [], "a cleared phone is no longer indexed")
            XCTAssertEqual(try find("2175550777"), [Story.ann])
            XCTAssertEqual(try find("smith-lee"), [Story.ann])
            XCTAssertFalse(try find("lee").contains(Story.ann), "the old last name is no longer indexed")
        }
    }

    func testAMergedPatientIsShownAsMergedAndTheKeptChartGathersEverything() throws {
        let (_, runner) = try caughtUpIncrementally()
        try runner.read(PatientsProjection.name) { table in
            let view = PatientsView(table)
            XCTAssertEqual(try view.record(Story.joséAgain)?.mergedInto, Story.josé)
            XCTAssertEqual(try view.record(Story.eight)?.mergedInto, Story.nine)
            XCTAssertNil(try view.record(Story.josé)?.mergedInto)
            let absorbed = try view.mergedFrom(Story.josé)
            XCTAssertEqual(absorbed, [Story.joséAgain, Story.third, Story.eight, Story.nine])
            let charts = [Story.josé] + absorbed
            XCTAssertEqual(try view.coverages(onCharts: charts).map(\.coverage), [CoverageID(900_001), CoverageID(900_002), CoverageID(900_004)])
            let appointments = try view.appointments(onCharts: charts)
            XCTAssertEqual(appointments.map(\.id), [AppointmentID(900_001), AppointmentID(900_002)])
            XCTAssertEqual(appointments.map(\.status), [.checkedOut, .cancelled])
            XCTAssertEqual(appointments.last?.minutes, 45, "the reschedule is applied")
        }
    }
}
