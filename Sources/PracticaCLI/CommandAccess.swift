import CLIKit
import EventLog
import RevenueCycle

/// Who may run each command: one table, checked by `Practica.run` after the line
/// parses and before any handler runs, so reads and store maintenance are guarded
/// like writes and no handler can forget. Handlers that append check again inside
/// the append transaction (the user may have been disabled in between); both ask
/// `PracticeSetup.authorize`, and `Role.permissions` is the one map of role to permission.
///
/// Locally the acting user is whatever `--as` says: the check keeps honest people
/// from mistakes, it does not prove who they are (the server is where that is proven).
enum CommandAccess {
    /// What a command needs from the acting user.
    enum Rule: Equatable {
        /// Creates a new store and makes the acting user its first admin (`init`, `demo`).
        case createsStore
        /// Any one of these permissions.
        case anyOf([Permission])
        /// Talks to a practice server from the desk (`login`, `logout`): the server checks who signs in.
        case atTheDesk

        static func needs(_ permission: Permission) -> Rule { .anyOf([permission]) }
    }

    /// Every leaf command by path. A command missing here is refused (fail closed),
    /// and a test walks the command tree to prove each one is listed.
    static let rules: [String: Rule] = [
        "init": .createsStore, "demo": .createsStore,
        // The raw log holds whole patient records: auditors and admins only.
        "log tail": .needs(.audit), "log show": .needs(.audit),
        "store stats": .needs(.read), "store verify": .needs(.audit),
        "store backup": .needs(.maintainStore), "store train": .needs(.maintainStore), "store synth": .needs(.maintainStore),
        "projections status": .needs(.read), "projections rebuild": .needs(.maintainStore),
        "replay": .needs(.audit), "audit account": .needs(.audit), "audit patient": .needs(.audit), "audit claim": .needs(.audit),
        "user add": .needs(.manageUsers), "user disable": .needs(.manageUsers), "user enable": .needs(.manageUsers),
        "user role": .needs(.manageUsers), "user list": .needs(.read), "users list": .needs(.read),
        "provider add": .needs(.setUpPractice), "provider list": .needs(.read), "providers list": .needs(.read),
        "location add": .needs(.setUpPractice), "location list": .needs(.read), "locations list": .needs(.read),
        "room add": .needs(.setUpPractice),
        "appointment-type add": .needs(.setUpPractice), "appointment-type list": .needs(.read),
        "payer add": .needs(.setUpPractice), "payer list": .needs(.read), "payers list": .needs(.read),
        "fee set": .needs(.setUpPractice), "fee list": .needs(.read), "fees list": .needs(.read),
        "setting set": .needs(.setUpPractice), "setting list": .needs(.read),
        "billing-profile set": .needs(.setUpPractice), "billing-profile show": .needs(.read),
        "patient register": .needs(.registerPatients), "patient update": .needs(.registerPatients),
        "patient merge": .needs(.registerPatients), "patient show": .needs(.read), "patient find": .needs(.read),
        "coverage add": .needs(.manageCoverage),
        "availability set": .needs(.manageAvailability),
        "book": .needs(.schedule), "reschedule": .needs(.schedule), "cancel": .needs(.schedule), "no-show": .needs(.schedule),
        "check-in": .needs(.checkInOut), "check-out": .needs(.checkInOut),
        "waitlist add": .needs(.schedule), "waitlist list": .needs(.read),
        "slots find": .needs(.read), "schedule show": .needs(.read), "appointments list": .needs(.read),
        "charge add": .needs(.enterCharges), "charge void": .needs(.enterCharges),
        "claim create": .needs(.manageClaims), "claim scrub": .needs(.manageClaims), "claim override": .needs(.manageClaims),
        "claim submit": .needs(.manageClaims), "claim ack": .needs(.manageClaims), "claim replace": .needs(.manageClaims),
        "claim void": .needs(.manageClaims), "claim create-secondary": .needs(.manageClaims), "claim show": .needs(.read),
        "claims list": .needs(.read), "queue show": .needs(.read),
        "report ar-aging": .needs(.read), "report kpi": .needs(.read), "report days-in-ar": .needs(.read),
        "report activity": .needs(.read), "report dashboard": .needs(.read),
        "era import": .needs(.postPayments), "denial appeal": .needs(.postPayments), "denial resolve": .needs(.postPayments),
        "denial write-off": .needs(.postPayments), "suspense resolve": .needs(.postPayments),
        // Front desk collects copays on today's appointments; `PatientMoney.post` narrows it to that.
        "payment post": .anyOf([.postPayments, .collectCopay]),
        "refund": .needs(.postPayments), "adjust": .needs(.postPayments),
        "payment-plan create": .needs(.postPayments), "payment-plan show": .needs(.read),
        "statement run": .needs(.postPayments), "balance show": .needs(.read),
        // Corrections (issue 15).
        "coverage end": .needs(.manageCoverage), "coverage update": .needs(.manageCoverage),
        "availability exception add": .needs(.manageAvailability), "availability exception list": .needs(.read),
        "availability exception remove": .needs(.manageAvailability),
        "room list": .needs(.read), "room remove": .needs(.setUpPractice), "waitlist remove": .needs(.schedule),
        "provider update": .needs(.setUpPractice), "payer update": .needs(.setUpPractice),
        "location update": .needs(.setUpPractice), "appointment-type update": .needs(.setUpPractice),
        "payment void": .needs(.postPayments),
        // Money rules (issue 15): the front desk decides self-pay at check-in; a biller may change it later.
        "visit financial-class": .anyOf([.checkInOut, .manageClaims]), "report credits": .needs(.read),
        // The practice server (issue 14). Setting one's own password or listing one's own sessions needs
        // only to be a user; the handlers ask manage-users for anyone else's.
        "serve": .needs(.maintainStore), "login": .atTheDesk, "logout": .atTheDesk,
        "user passwd": .needs(.read), "user sessions": .needs(.read), "user revoke": .needs(.manageUsers),
        "audit user": .needs(.audit),
    ]

    /// The roles that may run `path`, as its help says it ("auditor, admin").
    static func roles(for path: String) -> String? {
        switch rules[path] {
        case .createsStore?: return "anyone; you become the new store's first admin"
        case .atTheDesk?: return "anyone at a desk; the server checks the user who signs in"
        case .anyOf(let permissions)?:
            return Role.allCases.filter { role in permissions.contains { role.may($0) } }.map(\.rawValue).joined(separator: ", ")
        case nil: return nil
        }
    }

    /// Refuses the command unless the acting user may run it: exit 2 for a malformed
    /// user name, 1 for an unknown, disabled or under-privileged one, 3 for no store.
    static func check(_ path: String, _ context: CommandContext) throws {
        guard let rule = rules[path] else {
            throw CommandFailure("'\(path)' has no access rule", hint: "this is a bug in practica; please report it")
        }
        if rule == .atTheDesk { return }
        let user = try actingUser(context)
        guard case .anyOf(let permissions) = rule else { return }
        let store = try context.store()
        // A log with no events (a replay cut before `init`) holds nobody's data and names no users:
        // only the user name's form is checked. Appends still need a user of the practice.
        guard try store.lastPosition() > 0 else { return }
        let directory = try directory(for: user, in: store)
        var refusal: Rejection?
        for permission in permissions {
            do {
                try PracticeSetup.authorize(user, for: permission, in: directory)
                return
            } catch {
                refusal = refusal ?? error
            }
        }
        if let refusal { throw RejectionFailure(refusal) }
    }

    /// `--as` as a user name; a malformed one is a usage error (exit 2).
    static func actingUser(_ context: CommandContext) throws -> UserID {
        do {
            return try UserID(context.actor)
        } catch {
            throw UsageError(.invalidValue, "--as: \(error.description)",
                             hint: "user names are lower-case, e.g. --as maria; see 'practica user list'")
        }
    }

    /// The practice and the one user, from their own streams: the check reads a few
    /// events however long the log is.
    private static func directory(for user: UserID, in store: EventStore) throws -> PracticeDirectory {
        var state = PracticeState()
        for event in try store.readStream("practice", limit: 1) + store.readStream("user-\(user.name)") {
            state.apply(try EventRegistry.decode(typeName: event.typeName, schemaVersion: event.schemaVersion, bytes: event.payload))
        }
        return state.directory
    }
}
