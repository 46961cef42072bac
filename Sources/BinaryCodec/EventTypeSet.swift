/// A set of event types asked by a payload's own type, without casting.
///
/// Folds dispatch with `switch event { case let e as ChargeEntered: … }`, and
/// every case that does not match is a failed dynamic cast. Over a long log the
/// failed casts of chains that cannot match at all cost more than the work;
/// asking this set first skips them with one hash of the type's identity.
///
/// ```swift
/// static let handled = EventTypeSet([ChargeEntered.self, ChargeVoided.self])
/// guard handled.contains(event) else { return }
/// ```
public struct EventTypeSet: Sendable {
    private let identities: Set<ObjectIdentifier>
    /// The stored names of the types, for routing records before they are decoded.
    public let names: Set<String>

    public init(_ types: [any EventPayload.Type]) {
        identities = Set(types.map { ObjectIdentifier($0) })
        names = Set(types.map { $0.typeName })
    }

    public func contains(_ event: any EventPayload) -> Bool {
        identities.contains(ObjectIdentifier(type(of: event)))
    }

    public func contains(_ type: any EventPayload.Type) -> Bool {
        identities.contains(ObjectIdentifier(type))
    }
}
