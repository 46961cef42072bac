/// Decisions for `practica init`, `user add`, `provider add`, `location add`,
/// `room add`, `appointment-type add`, `payer add`, `fee set`, `setting set`,
/// and the role check every command makes first.
public enum PracticeSetup {
    /// Checks that `user` exists and that its role grants `permission`.
    /// - throws: `Rejection` (refused) naming the user and what the role lacks.
    public static func authorize(_ user: UserID, for permission: Permission, in directory: PracticeDirectory) throws(Rejection) {
        guard directory.isInitialized else {
            throw .refused("as", "the practice is not set up yet", hint: "run `practica init` first")
        }
        guard let role = directory.users[user] else {
            throw .refused("as", "unknown user \(user)", hint: "an admin can add it with `practica user add \(user) --role ...`")
        }
        guard !directory.disabledUsers.contains(user) else {
            throw .refused("as", "user \(user) is disabled and may no longer act", hint: "an admin can let them back with `practica user enable \(user)`")
        }
        guard role.may(permission) else {
            let holders = Role.holding(permission).map(\.rawValue).joined(separator: ", ")
            throw .refused("as", "\(user) is \(role) and may not \(permission) (only \(holders))", hint: "ask a user whose role allows it")
        }
    }

    /// Staff leave: the user keeps their past events but may no longer act.
    /// - throws: `Rejection` for an unknown or already disabled user, or the last active admin.
    public static func disableUser(_ user: UserID, reason: String?, by actor: UserID,
                                   directory: PracticeDirectory) throws(Rejection) -> UserDisabled {
        guard let role = directory.users[user] else {
            throw .refused("name", "unknown user \(user)", hint: "list them with `practica user list`")
        }
        guard !directory.disabledUsers.contains(user) else { throw .refused("name", "user \(user) is already disabled") }
        if role == .admin && directory.activeAdmins == [user] {
            let who = user == actor ? "you are the last admin" : "\(user) is the last admin"
            throw .refused("name", "\(who): the practice must keep one admin who can act",
                           hint: "make someone else admin first with `practica user role NAME --role admin`")
        }
        return UserDisabled(user: user, reason: reason)
    }

    /// - throws: `Rejection` for an unknown user or one who is not disabled.
    public static func enableUser(_ user: UserID, directory: PracticeDirectory) throws(Rejection) -> UserEnabled {
        guard directory.users[user] != nil else {
            throw .refused("name", "unknown user \(user)", hint: "list them with `practica user list`")
        }
        guard directory.disabledUsers.contains(user) else { throw .refused("name", "user \(user) is not disabled") }
        return UserEnabled(user: user)
    }

    /// - throws: `Rejection` for an unknown user, the same role, or taking admin from the last active admin.
    public static func changeRole(_ user: UserID, to role: Role, directory: PracticeDirectory) throws(Rejection) -> UserRoleChanged {
        guard let current = directory.users[user] else {
            throw .refused("name", "unknown user \(user)", hint: "list them with `practica user list`")
        }
        guard current != role else { throw .refused("role", "\(user) is already \(role)") }
        if current == .admin && directory.activeAdmins == [user] {
            throw .refused("role", "\(user) is the last admin: the practice must keep one admin who can act",
                           hint: "make someone else admin first with `practica user role NAME --role admin`")
        }
        return UserRoleChanged(user: user, role: role)
    }

    /// The first event of a store: the practice and its first admin.
    public static func initialize(name: DisplayName, admin: UserID, timeZone: TimeZoneID, isSynthetic: Bool = false,
                                  directory: PracticeDirectory) throws(Rejection) -> (PracticeInitialized, UserAdded) {
        guard !directory.isInitialized else { throw .refused("store", "the practice is already initialized") }
        return (PracticeInitialized(practiceName: name, admin: admin, timeZone: timeZone, isSynthetic: isSynthetic),
                UserAdded(user: admin, role: .admin))
    }

    public static func addUser(_ user: UserID, role: Role, fullName: DisplayName? = nil,
                               directory: PracticeDirectory) throws(Rejection) -> UserAdded {
        guard directory.users[user] == nil else { throw .refused("name", "user \(user) already exists") }
        return UserAdded(user: user, role: role, fullName: fullName)
    }

    /// - throws: `Rejection` when another provider already has this NPI, or neither billing nor rendering is set.
    public static func addProvider(id: ProviderID, name: DisplayName, npi: NPI, taxonomy: TaxonomyCode,
                                   isBilling: Bool, isRendering: Bool, directory: PracticeDirectory) throws(Rejection) -> ProviderAdded {
        guard isBilling || isRendering else { throw .usage("billing", "a provider must be billing, rendering or both") }
        try X12Characters.check(name.text, field: "name", folded: true)
        if let other = directory.providers.values.first(where: { $0.npi == npi }) {
            throw .refused("npi", "NPI \(npi) already belongs to \(other.provider) (\(other.name))")
        }
        return ProviderAdded(provider: id, name: name, npi: npi, taxonomy: taxonomy, isBilling: isBilling, isRendering: isRendering)
    }

    public static func addLocation(id: LocationID, name: DisplayName, address: String, placeOfService: PlaceOfService,
                                   timeZone: TimeZoneID, directory: PracticeDirectory) throws(Rejection) -> LocationAdded {
        let address = address.trimmedForInput
        guard !address.isEmpty else { throw .usage("address", "must not be empty") }
        if let other = directory.locations.values.first(where: { SearchText.fold($0.name.text) == SearchText.fold(name.text) }) {
            throw .refused("name", "location \(other.location) is already called \(other.name)")
        }
        return LocationAdded(location: id, name: name, address: address, placeOfService: placeOfService, timeZone: timeZone)
    }

    /// - throws: `Rejection` for an unknown location or a room name already used there.
    public static func addRoom(id: RoomID, location: LocationID, name: DisplayName,
                               directory: PracticeDirectory) throws(Rejection) -> RoomAdded {
        guard directory.locations[location] != nil else {
            throw .refused("location", "unknown location \(location)", hint: "list them with `practica location list`")
        }
        if let other = directory.rooms.values.first(where: {
            $0.location == location && SearchText.fold($0.name.text) == SearchText.fold(name.text)
        }) {
            throw .refused("name", "\(location) already has a room called \(other.name) (\(other.room))")
        }
        return RoomAdded(room: id, location: location, name: name)
    }

    /// - throws: `Rejection` (usage) unless 0 < minutes ≤ 720.
    public static func addAppointmentType(id: AppointmentTypeID, name: DisplayName, minutes: Int,
                                          directory: PracticeDirectory) throws(Rejection) -> AppointmentTypeAdded {
        guard minutes > 0 else { throw .usage("minutes", "must be greater than zero, got \(minutes)") }
        guard minutes <= 720 else { throw .usage("minutes", "must be at most 720 (12 hours), got \(minutes)") }
        if let other = directory.appointmentTypes.values.first(where: { SearchText.fold($0.name.text) == SearchText.fold(name.text) }) {
            throw .refused("name", "appointment type \(other.appointmentType) is already called \(other.name)")
        }
        return AppointmentTypeAdded(appointmentType: id, name: name, minutes: minutes)
    }

    /// - throws: `Rejection` for a bad electronic payer id, non-positive filing limit, or a payer id already used.
    public static func addPayer(id: PayerID, name: DisplayName, electronicPayerID: String, timelyFilingDays: Int,
                                directory: PracticeDirectory) throws(Rejection) -> PayerAdded {
        try X12Characters.check(name.text, field: "name", folded: true)
        let eid = electronicPayerID.trimmedForInput.uppercased()
        guard (2...80).contains(eid.count), eid.allSatisfy(ASCII.isAlphanumeric) else {
            throw .usage("payer-id", "expected the clearinghouse payer id: 2 to 80 letters or digits")
        }
        guard (1...3650).contains(timelyFilingDays) else {
            throw .usage("timely-filing-days", "must be between 1 and 3650, got \(timelyFilingDays)")
        }
        if let other = directory.payers.values.first(where: { $0.electronicPayerID == eid }) {
            throw .refused("payer-id", "payer id \(eid) already belongs to \(other.payer) (\(other.name))")
        }
        return PayerAdded(payer: id, name: name, electronicPayerID: eid, timelyFilingDays: timelyFilingDays)
    }

    /// - throws: `Rejection` (usage) for a negative amount.
    public static func setFee(code: ProcedureCode, modifier: Modifier?, amount: Money) throws(Rejection) -> FeeSet {
        guard !amount.isNegative else { throw .usage("amount", "a fee cannot be negative") }
        return FeeSet(code: code, modifier: modifier, amount: amount)
    }

    public static func changeSetting(_ key: PracticeSettingKey, value: String) throws(Rejection) -> PracticeSettingChanged {
        do {
            return try PracticeSettingChanged(key: key, value: value)
        } catch {
            throw .invalid("value", error)
        }
    }
}
