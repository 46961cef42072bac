import BinaryCodec
import EventLog
import RevenueCycle

/// Patient charts for `patient find` and `patient show`: current demographics,
/// merges, coverages and each chart's appointments, plus search indexes so a
/// lookup is a prefix scan of a few keys, never a walk over every patient.
///
/// Table layout (ids and dates big-endian, see `ViewKey`; text is folded UTF-8):
///
/// | key | value |
/// |---|---|
/// | `p` id | the record (`PatientRecordCoding`) |
/// | `n` folded name part 00 id | empty: first, middle and last name, each whole |
/// | `d` date of birth id | empty |
/// | `t` phone suffix 00 id | empty: every suffix of the 10 digits with 4+ digits, so a fragment from anywhere in the number is a prefix |
/// | `m` kept id dropped id | empty: a merge, walked to gather the charts a kept chart absorbed |
/// | `c` chart id coverage id | the `CoverageAdded` payload (`StoredPayload`) |
/// | `a` chart id appointment id | the appointment (`PatientAppointment`) |
/// | `A` appointment id | the chart id, to route status changes that only name the appointment |
///
/// Coverages and appointments stay under the chart they were recorded on, so a
/// merge rewrites nothing; readers gather the kept chart and the charts merged into it.
public struct PatientsProjection: Projection {
    public static let name = "patients"
    public var name: String { Self.name }
    public var version: Int { 1 }
    /// Its share of a rebuild's ~1 KB per event (by its share of the stored bytes at 1M billing events).
    public var rebuildBytesPerEvent: Int { 215 }
    public var eventTypes: Set<String> {
        [PatientRegistered.typeName, PatientUpdated.typeName, PatientsMerged.typeName, CoverageAdded.typeName,
         AppointmentBooked.typeName, AppointmentRescheduled.typeName, AppointmentCancelled.typeName,
         AppointmentNoShow.typeName, PatientCheckedIn.typeName, PatientCheckedOut.typeName,
         CoverageEnded.typeName, CoverageUpdated.typeName]
    }

    public init() {}

    public func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws {
        if let e = payload.exactly(PatientRegistered.self) {
            // A replayed registration (a rebuild racing another) must not leave the old keys behind.
            if let old = try PatientsView(table).record(e.patient) { try unindex(old, in: table) }
            try store(PatientRecord(e), in: table)
        } else if let e = payload.exactly(PatientUpdated.self) {
            guard var record = try PatientsView(table).record(e.patient) else { return }
            try unindex(record, in: table)
            record.apply(e)
            try store(record, in: table)
        } else if let e = payload.exactly(PatientsMerged.self) {
            guard var dropped = try PatientsView(table).record(e.dropped) else { return }
            dropped.mergedInto = e.kept
            try table.put(Keys.record(e.dropped), PatientRecordCoding.encode(dropped))
            try table.put(Keys.merge(kept: e.kept, dropped: e.dropped), [])
        } else if let e = payload.exactly(CoverageAdded.self) {
            try table.put(Keys.coverage(chart: e.patient, e.coverage), StoredPayload.encode(e))
        } else if let e = payload.exactly(CoverageEnded.self) {
            try rewriteCoverage(chart: e.patient, e.coverage, in: table) { e.applied(to: $0) }
        } else if let e = payload.exactly(CoverageUpdated.self) {
            try rewriteCoverage(chart: e.patient, e.coverage, in: table) { e.applied(to: $0) }
        } else if let e = payload.exactly(AppointmentBooked.self) {
            let appointment = PatientAppointment(id: e.appointment, patient: e.patient, provider: e.provider, start: e.start,
                                                 minutes: e.minutes, zone: e.zone, status: .booked)
            try table.put(Keys.appointmentChart(e.appointment), ViewKey.bigEndian(e.patient.number))
            try table.put(Keys.appointment(chart: e.patient, e.appointment), appointment.encoded())
        } else if let e = payload.exactly(AppointmentRescheduled.self) {
            try updateAppointment(e.appointment, in: table) {
                $0.start = e.start
                $0.minutes = e.minutes
                $0.zone = e.zone
            }
        } else if let e = payload.exactly(AppointmentCancelled.self) {
            try updateAppointment(e.appointment, in: table) { $0.status = .cancelled }
        } else if let e = payload.exactly(AppointmentNoShow.self) {
            try updateAppointment(e.appointment, in: table) { $0.status = .noShow }
        } else if let e = payload.exactly(PatientCheckedIn.self) {
            try updateAppointment(e.appointment, in: table) { $0.status = .checkedIn }
        } else if let e = payload.exactly(PatientCheckedOut.self) {
            try updateAppointment(e.appointment, in: table) { $0.status = .checkedOut }
        }
    }

    /// A corrected coverage is stored as it now reads, in the `CoverageAdded` layout readers already know.
    private func rewriteCoverage(chart: PatientID, _ id: CoverageID, in table: ProjectionTable,
                                 _ change: (CoverageAdded) -> CoverageAdded) throws {
        let key = Keys.coverage(chart: chart, id)
        guard let bytes = try table.get(key) else { return }
        try table.put(key, StoredPayload.encode(change(try StoredPayload.decode(CoverageAdded.self, bytes, in: Self.name))))
    }

    private func store(_ record: PatientRecord, in table: ProjectionTable) throws {
        try table.put(Keys.record(record.id), PatientRecordCoding.encode(record))
        for key in Keys.index(record) { try table.put(key, []) }
    }

    private func unindex(_ record: PatientRecord, in table: ProjectionTable) throws {
        for key in Keys.index(record) { try table.delete(key) }
    }

    /// Status changes name only the appointment; `A` says which chart it is under.
    private func updateAppointment(_ id: AppointmentID, in table: ProjectionTable,
                                   _ change: (inout PatientAppointment) -> Void) throws {
        guard let route = try table.get(Keys.appointmentChart(id)), let chart = ViewKey.trailingNumber(route) else { return }
        let key = Keys.appointment(chart: PatientID(chart), id)
        try table.updateIfPresent(key, as: PatientAppointment.self) { change(&$0) }
    }

    /// Every key of the table, built in one place.
    enum Keys {
        static func record(_ id: PatientID) -> ViewKey { ViewKey("p").id(id) }
        static func merge(kept: PatientID, dropped: PatientID) -> [UInt8] { ViewKey("m").id(kept).id(dropped).bytes }
        static func mergesInto(_ kept: PatientID) -> [UInt8] { ViewKey("m").id(kept).bytes }
        static func coverage(chart: PatientID, _ id: CoverageID) -> [UInt8] { ViewKey("c").id(chart).id(id).bytes }
        static func coverages(chart: PatientID) -> [UInt8] { ViewKey("c").id(chart).bytes }
        static func appointment(chart: PatientID, _ id: AppointmentID) -> ViewKey { ViewKey("a").id(chart).id(id) }
        static func appointments(chart: PatientID) -> [UInt8] { ViewKey("a").id(chart).bytes }
        static func appointmentChart(_ id: AppointmentID) -> ViewKey { ViewKey("A").id(id) }
        static let records = ViewKey("p").bytes

        /// The prefix a query scans: the word, date or digits, unterminated.
        static func searchPrefix(_ query: PatientQuery) -> [UInt8] {
            switch query {
            case .dateOfBirth(let date): return ViewKey("d").date(date).bytes
            case .phoneDigits(let digits): return ViewKey("t").open(digits).bytes
            case .name(let words): return ViewKey("n").open(words.max { $0.utf8.count < $1.utf8.count } ?? "").bytes
            }
        }

        /// The search entries of one record, without repeats ("Lee Lee" has one name entry).
        /// A dozen keys at most, built in place; a list with repeats dropped is enough.
        static func index(_ r: PatientRecord) -> [ViewKey] {
            var keys: [ViewKey] = []
            func add(_ key: ViewKey) { if !keys.contains(key) { keys.append(key) } }
            for word in PatientQuery.nameKeys(r.name) { add(ViewKey("n").text(word).id(r.id)) }
            add(ViewKey("d").date(r.dateOfBirth).id(r.id))
            if let phone = r.phone {
                // Every suffix of the digits, cut from one buffer rather than made into a string each.
                let digits = Array(phone.digits.utf8)
                digits.withUnsafeBytes { all in
                    for start in 0...max(0, all.count - PatientQuery.minimumPhoneDigits) {
                        add(ViewKey("t").text(utf8: UnsafeRawBufferPointer(rebasing: all[min(start, all.count)...])).id(r.id))
                    }
                }
            }
            return keys
        }
    }
}
