import EventLog
import Foundation
import RevenueCycle

/// The ids the setup commands allocated, by the catalog's order.
struct DemoPracticeIDs {
    var providers: [ProviderID] = []
    var locations: [LocationID] = []
    /// Per location, its rooms in catalog order.
    var rooms: [[RoomID]] = []
    /// Indexed by `DemoCatalog.VisitKind.rawValue`.
    var types: [AppointmentTypeID] = []
    var payers: [PayerID] = []
}

/// The admin's first morning: users, providers, locations and rooms, visit
/// types, payers, fees, settings, the billing profile and everyone's hours,
/// each through the decision and stream its `practica` command uses.
extension DemoSimulation {
    static let billingProfile = BillingProfileRequest(
        ein: "37-1234567", address: "1200 N Lake Shore Dr, Chicago, IL 60610", submitterID: "LAKE0001",
        submitterName: DemoCatalog.practiceName, contactName: "Billing Office", contactPhone: "312-555-0100",
        receiverID: "ACMECH", receiverName: "Acme Clearinghouse")

    func setUpPractice() throws {
        let admin = options.admin.name
        var minute = 0
        /// Setup runs between 06:00 and 07:00 of the first day, a minute per command.
        func tick() {
            minute += 1
            time.advance(to: instant(options.start, hour: 6, minute: min(minute / 2, 59)).date)
        }
        for user in DemoCatalog.users {
            tick()
            let id = try UserID(user.name)
            let name = try DisplayName(user.fullName)
            try command("user add", as: admin) {
                try session.append(permission: .manageUsers, command: "user add") { state, _ in
                    let e = try PracticeSetup.addUser(id, role: user.role, fullName: name, directory: state.directory)
                    return [NewEvent(stream: "user-\(e.user)", e)]
                }
            }
        }
        for p in DemoCatalog.providers {
            tick()
            let name = try DisplayName(p.name), npi = try NPI(DemoCatalog.npi(p.npiBase)), taxonomy = try TaxonomyCode(p.taxonomy)
            let added: ProviderAdded = try command("provider add", as: admin) {
                try session.append(permission: .setUpPractice, command: "provider add") { state, ids in
                    let e = try PracticeSetup.addProvider(id: try ids.next(ProviderID.self), name: name, npi: npi, taxonomy: taxonomy,
                                                          isBilling: true, isRendering: true, directory: state.directory)
                    return ([NewEvent(stream: "provider-\(e.provider)", e)], e)
                }.1
            }
            practice.providers.append(added.provider)
        }
        for l in DemoCatalog.locations {
            tick()
            let name = try DisplayName(l.name), pos = try PlaceOfService("11"), zone = self.zone
            let added: LocationAdded = try command("location add", as: admin) {
                try session.append(permission: .setUpPractice, command: "location add") { state, ids in
                    let e = try PracticeSetup.addLocation(id: try ids.next(LocationID.self), name: name, address: l.address,
                                                          placeOfService: pos, timeZone: zone, directory: state.directory)
                    return ([NewEvent(stream: "location-\(e.location)", e)], e)
                }.1
            }
            practice.locations.append(added.location)
            var rooms: [RoomID] = []
            for room in l.rooms {
                tick()
                let roomName = try DisplayName(room)
                let r: RoomAdded = try command("room add", as: admin) {
                    try session.append(permission: .setUpPractice, command: "room add") { state, ids in
                        let e = try PracticeSetup.addRoom(id: try ids.next(RoomID.self), location: added.location, name: roomName,
                                                          directory: state.directory)
                        return ([NewEvent(stream: "room-\(e.room)", e)], e)
                    }.1
                }
                rooms.append(r.room)
            }
            practice.rooms.append(rooms)
        }
        for kind in DemoCatalog.VisitKind.allCases {
            tick()
            let name = try DisplayName(kind.name)
            let added: AppointmentTypeAdded = try command("appointment-type add", as: admin) {
                try session.append(permission: .setUpPractice, command: "appointment-type add") { state, ids in
                    let e = try PracticeSetup.addAppointmentType(id: try ids.next(AppointmentTypeID.self), name: name,
                                                                 minutes: kind.minutes, directory: state.directory)
                    return ([NewEvent(stream: "appointment-type-\(e.appointmentType)", e)], e)
                }.1
            }
            practice.types.append(added.appointmentType)
        }
        for payer in DemoPayer.all {
            tick()
            let name = try DisplayName(payer.name)
            let added: PayerAdded = try command("payer add", as: admin) {
                try session.append(permission: .setUpPractice, command: "payer add") { state, ids in
                    let e = try PracticeSetup.addPayer(id: try ids.next(PayerID.self), name: name, electronicPayerID: payer.electronicID,
                                                       timelyFilingDays: payer.timelyFilingDays, directory: state.directory)
                    return ([NewEvent(stream: "payer-\(e.payer)", e)], e)
                }.1
            }
            practice.payers.append(added.payer)
        }
        for fee in DemoCatalog.fees {
            tick()
            let code = try ProcedureCode(fee.code)
            try command("fee set", as: admin) {
                try session.append(permission: .setUpPractice, command: "fee set") { _, _ in
                    [NewEvent(stream: "fees", try PracticeSetup.setFee(code: code, modifier: nil, amount: Money(cents: fee.cents)))]
                }
            }
        }
        tick()
        try command("setting set", as: admin) {
            try session.append(permission: .setUpPractice, command: "setting set") { _, _ in
                [NewEvent(stream: "settings", try PracticeSetup.changeSetting(.lateCancelHours, value: "24"))]
            }
        }
        tick()
        let profile = try FrontDeskSession.mapRejection { try BillingProfileDecision.set(Self.billingProfile) }
        try command("billing-profile set", as: admin) {
            try session.append(permission: .setUpPractice, command: "billing-profile set") { _, _ in
                [NewEvent(stream: "billing-profile", profile)]
            }
        }
        try setHours(tick: tick)
    }

    /// `availability set` per provider and location, and a week of vacation for each
    /// provider (`availability exception`) when the demo spans half a year or more.
    private func setHours(tick: () -> Void) throws {
        for (index, p) in DemoCatalog.providers.enumerated() {
            let provider = practice.providers[index]
            for location in Set(p.hours.map(\.1)).sorted() {
                tick()
                let blocks = try p.hours.filter { $0.1 == location }.flatMap { day, _, spans in
                    try spans.map { try AvailabilityBlock.parse("\(day.name.prefix(3)) \($0)") }
                }
                let at = practice.locations[location], from = options.start
                try command("availability set", as: "jo") {
                    try session.append(permission: .manageAvailability, command: "availability set") { state, _ in
                        let e = try AvailabilityDecisions.setTemplate(provider: provider, location: at, effectiveFrom: from, blocks: blocks,
                                                                      directory: state.directory, templates: state.templates)
                        return [NewEvent(stream: "availability-\(provider)", e)]
                    }
                }
            }
            guard options.months >= 6 else { continue }
            tick()
            let around = options.start.adding(days: 60 + index * 70)
            let monday = around.adding(days: 1 - around.weekday.rawValue)
            for offset in 0..<7 { vacations.insert(DemoProviderDay(provider: index, day: monday.adding(days: offset).daysSinceEpoch)) }
            let start = LocalDateTime(date: monday, time: try LocalTime(hour: 0, minute: 0))
            let end = LocalDateTime(date: monday.adding(days: 7), time: try LocalTime(hour: 0, minute: 0))
            try command("availability exception", as: "jo") {
                try session.append(permission: .manageAvailability, command: "availability exception") { state, _ in
                    let e = try AvailabilityDecisions.addException(provider: provider, start: start, end: end, reason: .vacation,
                                                                   note: "annual leave", directory: state.directory)
                    return [NewEvent(stream: "availability-\(provider)", e)]
                }
            }
        }
    }
}
