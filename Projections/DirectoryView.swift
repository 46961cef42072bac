import BinaryCodec
import RevenueCycle

/// Reads of the directory table, valid inside `ProjectionRunner.read`. Each
/// listing is one prefix scan, already in the order it is shown.
///
/// ```swift
/// let payers = try runner.read(DirectoryProjection.name) { try DirectoryView($0).payers() }
/// ```
public struct DirectoryView {
    typealias Keys = DirectoryProjection.Keys
    let table: ProjectionTable

    public init(_ table: ProjectionTable) { self.table = table }

    public func practice() throws -> PracticeInitialized? {
        try table.get(Keys.practice).map { try decode(PracticeInitialized.self, $0) }
    }

    public func user(_ user: UserID) throws -> UserAdded? {
        try table.get(Keys.user(user)).map { try decode(UserAdded.self, $0) }
    }

    /// Users by name (with their current role).
    public func users() throws -> [UserAdded] { try all(UserAdded.self, under: Keys.users) }

    /// Whether `user disable` holds for the user (until `user enable`).
    public func isDisabled(_ user: UserID) throws -> Bool { try table.get(Keys.disabled(user)) != nil }
    /// Providers by id.
    public func providers() throws -> [ProviderAdded] { try all(ProviderAdded.self, under: Keys.providers) }
    /// Locations by id.
    public func locations() throws -> [LocationAdded] { try all(LocationAdded.self, under: Keys.locations) }
    /// A location's rooms by id.
    public func rooms(at location: LocationID) throws -> [RoomAdded] { try all(RoomAdded.self, under: Keys.rooms(at: location)) }
    /// Every room, by location then id.
    public func rooms() throws -> [RoomAdded] { try all(RoomAdded.self, under: Keys.rooms) }
    /// Appointment types by id.
    public func appointmentTypes() throws -> [AppointmentTypeAdded] { try all(AppointmentTypeAdded.self, under: Keys.appointmentTypes) }
    /// Payers by id.
    public func payers() throws -> [PayerAdded] { try all(PayerAdded.self, under: Keys.payers) }
    /// The fee schedule by code, the unmodified fee before its modifiers.
    public func fees() throws -> [FeeSet] { try all(FeeSet.self, under: Keys.fees) }

    /// Every setting, with defaults for those never set.
    public func settings() throws -> PracticeSettings {
        var settings = PracticeSettings()
        for key in PracticeSettingKey.allCases {
            guard let bytes = try table.get(Keys.setting(key)) else { continue }
            var r = ByteReader(bytes)
            do {
                settings.set(key, to: try key.validate(try r.readString()))
            } catch {
                throw ProjectionError.damaged(DirectoryProjection.name, "setting \(key): \(error)")
            }
        }
        return settings
    }

    /// The whole directory in the shape decisions take; small, but read only where all of it is needed.
    public func directory() throws -> PracticeDirectory {
        var d = PracticeDirectory()
        d.practice = try practice()
        for u in try users() {
            d.users[u.user] = u.role
            d.userNames[u.user] = u.fullName
            if try isDisabled(u.user) { d.disabledUsers.insert(u.user) }
        }
        for p in try providers() { d.providers[p.provider] = p }
        for l in try locations() { d.locations[l.location] = l }
        for r in try rooms() { d.rooms[r.room] = r }
        for t in try appointmentTypes() { d.appointmentTypes[t.appointmentType] = t }
        for p in try payers() { d.payers[p.payer] = p }
        for f in try fees() { d.fees[FeeKey(code: f.code, modifier: f.modifier)] = f.amount }
        d.settings = try settings()
        return d
    }

    /// Just enough of the directory to check a user's role: the practice and that one user.
    public func authorizationDirectory(for user: UserID) throws -> PracticeDirectory {
        var d = PracticeDirectory()
        d.practice = try practice()
        if let u = try self.user(user) { d.users[u.user] = u.role }
        if try isDisabled(user) { d.disabledUsers.insert(user) }
        return d
    }

    private func all<E: EventPayload>(_ type: E.Type, under prefix: [UInt8]) throws -> [E] {
        var out: [E] = []
        try table.scan(prefix: prefix) { _, value in
            out.append(try decode(type, value))
            return true
        }
        return out
    }

    private func decode<E: EventPayload>(_ type: E.Type, _ bytes: [UInt8]) throws -> E {
        try StoredPayload.decode(type, bytes, in: DirectoryProjection.name)
    }
}
