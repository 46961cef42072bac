import BinaryCodec
import EventLog
import RevenueCycle

/// The practice's setup for listings and for checking who may read: the
/// practice itself, users with role and full name, providers, locations with
/// their rooms, appointment types, payers, the fee schedule and settings.
///
/// Table layout (ids big-endian, text UTF-8 closed by 00, see `ViewKey`):
///
/// | key | value |
/// |---|---|
/// | `i` | `PracticeInitialized` |
/// | `u` user name 00 | `UserAdded` (role, full name) |
/// | `p` provider id | `ProviderAdded` |
/// | `l` location id | `LocationAdded` |
/// | `r` location id room id | `RoomAdded`: a location's rooms are one prefix scan |
/// | `t` appointment type id | `AppointmentTypeAdded` |
/// | `y` payer id | `PayerAdded` |
/// | `f` code 00 modifier 00 | `FeeSet`: by code, the unmodified fee first; a later fee replaces it |
/// | `s` setting key 00 | the setting's canonical value (string) |
/// | `d` user name 00 | empty: the user is disabled (`UserDisabled`, removed by `UserEnabled`) |
///
/// `UserRoleChanged` rewrites the user's `u` entry with the new role (v2).
///
/// Values are the events' own payloads (`StoredPayload`): a correction (`ProviderUpdated`
/// and the like) rewrites the entry as it reads afterwards, in the same layout, so a
/// second layout would only be a copy to keep in step. A removed room's entry is deleted.
public struct DirectoryProjection: Projection {
    public static let name = "directory"
    public var name: String { Self.name }
    public var version: Int { 2 }
    /// Its share of a rebuild's ~1 KB per event (by its share of the stored bytes at 1M billing events).
    public var rebuildBytesPerEvent: Int { 9 }
    public var eventTypes: Set<String> {
        [PracticeInitialized.typeName, UserAdded.typeName, PracticeSettingChanged.typeName, ProviderAdded.typeName,
         LocationAdded.typeName, RoomAdded.typeName, AppointmentTypeAdded.typeName, PayerAdded.typeName, FeeSet.typeName,
         // Corrections (issue 15): the stored entry is rewritten as it reads after the change.
         ProviderUpdated.typeName, PayerUpdated.typeName, LocationUpdated.typeName, AppointmentTypeUpdated.typeName,
         RoomRemoved.typeName,
         UserDisabled.typeName, UserEnabled.typeName, UserRoleChanged.typeName]
    }

    public init() {}

    public func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws {
        if let e = payload.exactly(PracticeInitialized.self) {
            try table.put(Keys.practice, StoredPayload.encode(e))
        } else if let e = payload.exactly(UserAdded.self) {
            try table.put(Keys.user(e.user), StoredPayload.encode(e))
        } else if let e = payload.exactly(ProviderAdded.self) {
            try table.put(Keys.provider(e.provider), StoredPayload.encode(e))
        } else if let e = payload.exactly(LocationAdded.self) {
            try table.put(Keys.location(e.location), StoredPayload.encode(e))
        } else if let e = payload.exactly(RoomAdded.self) {
            try table.put(Keys.room(e.location, e.room), StoredPayload.encode(e))
        } else if let e = payload.exactly(AppointmentTypeAdded.self) {
            try table.put(Keys.appointmentType(e.appointmentType), StoredPayload.encode(e))
        } else if let e = payload.exactly(PayerAdded.self) {
            try table.put(Keys.payer(e.payer), StoredPayload.encode(e))
        } else if let e = payload.exactly(FeeSet.self) {
            try table.put(Keys.fee(e.code, e.modifier), StoredPayload.encode(e))
        } else if let e = payload.exactly(PracticeSettingChanged.self) {
            var w = ByteWriter()
            w.writeString(e.value)
            try table.put(Keys.setting(e.key), w.bytes)
        } else if let e = payload.exactly(UserDisabled.self) {
            try table.put(Keys.disabled(e.user), [])
        } else if let e = payload.exactly(UserEnabled.self) {
            try table.delete(Keys.disabled(e.user))
        } else if let e = payload.exactly(UserRoleChanged.self) {
            let fullName = try table.get(Keys.user(e.user)).map { try StoredPayload.decode(UserAdded.self, $0, in: Self.name) }?.fullName
            try table.put(Keys.user(e.user), StoredPayload.encode(UserAdded(user: e.user, role: e.role, fullName: fullName)))
        } else {
            try applyCorrection(payload, to: table)
        }
    }

    /// Rewrites the entry a correction changes, in the same layout as the entry added,
    /// so listings and the authorization read need nothing new.
    private func applyCorrection(_ payload: any EventPayload, to table: ProjectionTable) throws {
        if let e = payload.exactly(ProviderUpdated.self) {
            try rewrite(Keys.provider(e.provider), ProviderAdded.self, in: table) { e.applied(to: $0) }
        } else if let e = payload.exactly(PayerUpdated.self) {
            try rewrite(Keys.payer(e.payer), PayerAdded.self, in: table) { e.applied(to: $0) }
        } else if let e = payload.exactly(LocationUpdated.self) {
            try rewrite(Keys.location(e.location), LocationAdded.self, in: table) { e.applied(to: $0) }
        } else if let e = payload.exactly(AppointmentTypeUpdated.self) {
            try rewrite(Keys.appointmentType(e.appointmentType), AppointmentTypeAdded.self, in: table) { e.applied(to: $0) }
        } else if let e = payload.exactly(RoomRemoved.self) {
            try table.delete(Keys.room(e.location, e.room))
        }
    }

    private func rewrite<E: EventPayload>(_ key: [UInt8], _ type: E.Type, in table: ProjectionTable, _ change: (E) -> E) throws {
        guard let bytes = try table.get(key) else { return }
        let current = try StoredPayload.decode(type, bytes, in: Self.name)
        try table.put(key, StoredPayload.encode(change(current)))
    }

    /// Every key of the table, built in one place.
    enum Keys {
        static let practice = ViewKey("i").bytes
        static let users = ViewKey("u").bytes
        static let providers = ViewKey("p").bytes
        static let locations = ViewKey("l").bytes
        static let rooms = ViewKey("r").bytes
        static let appointmentTypes = ViewKey("t").bytes
        static let payers = ViewKey("y").bytes
        static let fees = ViewKey("f").bytes
        static let settings = ViewKey("s").bytes
        static let disabledUsers = ViewKey("d").bytes

        static func user(_ u: UserID) -> [UInt8] { ViewKey("u").text(u.name).bytes }
        static func disabled(_ u: UserID) -> [UInt8] { ViewKey("d").text(u.name).bytes }
        static func provider(_ id: ProviderID) -> [UInt8] { ViewKey("p").id(id).bytes }
        static func location(_ id: LocationID) -> [UInt8] { ViewKey("l").id(id).bytes }
        static func rooms(at location: LocationID) -> [UInt8] { ViewKey("r").id(location).bytes }
        static func room(_ location: LocationID, _ id: RoomID) -> [UInt8] { ViewKey("r").id(location).id(id).bytes }
        static func appointmentType(_ id: AppointmentTypeID) -> [UInt8] { ViewKey("t").id(id).bytes }
        static func payer(_ id: PayerID) -> [UInt8] { ViewKey("y").id(id).bytes }
        static func fee(_ code: ProcedureCode, _ modifier: Modifier?) -> [UInt8] {
            ViewKey("f").text(code.code).text(modifier?.code ?? "").bytes
        }
        static func setting(_ key: PracticeSettingKey) -> [UInt8] { ViewKey("s").text(key.rawValue).bytes }
    }
}
