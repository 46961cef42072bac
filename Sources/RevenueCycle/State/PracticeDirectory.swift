/// The practice's setup as decisions need it: who may act, and which
/// providers, locations, rooms, types and payers exist. Built by folding
/// setup events (`PracticeState`) or by the CLI from its projections.
public struct PracticeDirectory: Sendable, Equatable {
    public var practice: PracticeInitialized?
    public var users: [UserID: Role] = [:]
    /// Users on leave or gone: their past events keep their name, but they may not act.
    public var disabledUsers: Set<UserID> = []
    /// Full names given with `user add --full-name`, for listings.
    public var userNames: [UserID: DisplayName] = [:]
    public var providers: [ProviderID: ProviderAdded] = [:]
    public var locations: [LocationID: LocationAdded] = [:]
    public var rooms: [RoomID: RoomAdded] = [:]
    public var appointmentTypes: [AppointmentTypeID: AppointmentTypeAdded] = [:]
    public var payers: [PayerID: PayerAdded] = [:]
    public var fees: [FeeKey: Money] = [:]
    public var settings = PracticeSettings()
    /// Tax id, billing address and clearinghouse ids for 837P files; nil until `billing-profile set`.
    public var billingProfile: BillingProfileSet?

    public init() {}

    public var isInitialized: Bool { practice != nil }

    /// Admins who may still act: the practice must always keep one.
    public var activeAdmins: [UserID] {
        users.filter { $0.value == .admin && !disabledUsers.contains($0.key) }.map(\.key).sorted()
    }
}

/// A fee schedule line: a procedure with or without a modifier.
public struct FeeKey: Hashable, Sendable {
    public let code: ProcedureCode
    public let modifier: Modifier?

    public init(code: ProcedureCode, modifier: Modifier?) {
        self.code = code
        self.modifier = modifier
    }
}
