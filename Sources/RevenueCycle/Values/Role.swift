/// What a staff member may do; every command names the `Permission` it needs
/// and is refused (exit 1, nothing appended) when the acting user's role lacks it.
public enum Role: String, CaseIterable, Sendable, CustomStringConvertible {
    case frontDesk = "front-desk"
    case biller
    case auditor
    case admin

    /// Accepts "front-desk" (also "frontdesk", "front_desk"), "biller", "auditor", "admin".
    public static func parse(_ text: String) throws(ValueError) -> Role {
        let t = String(text.trimmedForInput.lowercased().map { $0 == "_" ? "-" : $0 })
        if t == "frontdesk" { return .frontDesk }
        guard let r = Role(rawValue: t) else {
            throw ValueError(kind: "role", input: text, reason: "expected front-desk, biller, auditor or admin")
        }
        return r
    }

    /// Front desk books and registers, billers handle money, auditors only
    /// read and verify, admin sets the practice up and may do everything (the
    /// practice manager is often the only admin and covers any desk).
    public var permissions: Set<Permission> {
        switch self {
        case .frontDesk:
            return [.read, .registerPatients, .manageCoverage, .schedule, .manageAvailability, .checkInOut, .collectCopay]
        case .biller:
            return [.read, .manageCoverage, .enterCharges, .manageClaims, .postPayments]
        case .auditor:
            return [.read, .audit]
        case .admin:
            return Set(Permission.allCases)
        }
    }

    public func may(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// The roles holding `permission`, in the order above, for help texts and refusals.
    public static func holding(_ permission: Permission) -> [Role] { allCases.filter { $0.may(permission) } }

    public var description: String { rawValue }
}

/// A family of commands guarded by one role check.
public enum Permission: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Providers, locations, rooms, appointment types, payers, fees, practice settings.
    case setUpPractice = "set-up-practice"
    case manageUsers = "manage-users"
    /// Register, update and merge patients.
    case registerPatients = "register-patients"
    case manageCoverage = "manage-coverage"
    /// Book, reschedule, cancel, no-show, waitlist.
    case schedule
    /// Weekly templates and exceptions.
    case manageAvailability = "manage-availability"
    case checkInOut = "check-in-out"
    case enterCharges = "enter-charges"
    case manageClaims = "manage-claims"
    case postPayments = "post-payments"
    /// Listings, reports, `show` commands.
    case read
    /// Replaying histories, audit trails, the raw log (`log tail|show`) and verifying the integrity chain.
    case audit
    /// Backups, dictionary training, projection rebuilds and synthetic workloads: work on the store itself.
    case maintainStore = "maintain-store"
    /// A copay at the desk: `payment post` by cash, check or card on an appointment or visit of today.
    /// Refunds, adjustments and other payments stay with `postPayments`.
    case collectCopay = "collect-copay"

    public var description: String { rawValue }
}
