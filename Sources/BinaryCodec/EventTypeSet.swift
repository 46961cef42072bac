/// A set of event types asked by a payload's own type, without casting.
///
/// Folds dispatch with `if let e = event.exactly(ChargeEntered.self) … else if …`
/// chains, one type comparison per link. Over a long log, walking the chains that
/// cannot match at all still adds up; asking this set first skips a whole chain
/// with one hash of the type's identity.
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
