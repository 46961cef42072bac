import Projections
import CLIKit
import EventLog
import RevenueCycle

extension CommandContext {
    /// The practice's users, zone and settings, after checking the acting user
    /// holds `permission`.
    ///
    /// Listings read projections, not the full front-desk fold; this folds only
    /// the practice and user events (the store skips every other event by its
    /// header), so the role check stays cheap on a large log.
    func authorizedDirectory(for permission: Permission) throws -> PracticeDirectory {
        if resident != nil {
            // The server keeps the whole decision state caught up: no scan of the log.
            let session = try frontDesk()
            _ = try session.authorize(permission)
            return session.state.directory
        }
        let store = try store()
        let types: Set<String> = [PracticeInitialized.typeName, UserAdded.typeName, PracticeSettingChanged.typeName]
        var state = PracticeState()
        let last = try store.lastPosition()
        if last > 0 {
            try store.scan(from: 1, through: last, types: types) { event in
                state.apply(try StoredEvent.decode(event))
                return true
            }
        }
        let user: UserID
        do {
            user = try UserID(actor)
        } catch {
            throw RejectionFailure(.usage("as", error.description, hint: "pass --as with a user added by 'practica user add'"))
        }
        do {
            try PracticeSetup.authorize(user, for: permission, in: state.directory)
        } catch {
            throw RejectionFailure(error)
        }
        return state.directory
    }
}
