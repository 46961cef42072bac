/// An event's payload: an explicit, versioned binary layout plus a JSON view.
///
/// Each event type names itself (`typeName`, stored in the log) and the schema
/// version it writes. Old versions stay readable: `init(from:schemaVersion:)`
/// decodes every version ever written and upcasts it to the current shape.
///
/// ```swift
/// struct PatientRegistered: EventPayload {
///     static let typeName = "PatientRegistered"
///     static let schemaVersion: UInt8 = 2
///     ...
/// }
/// ```
public protocol EventPayload: Sendable {
    static var typeName: String { get }
    static var schemaVersion: UInt8 { get }
    func encode(to writer: inout ByteWriter)
    /// - throws: `DecodingError` on damaged bytes or a schema version this build does not know.
    init(from reader: inout ByteReader, schemaVersion: UInt8) throws(DecodingError)
    /// What people and `--json` tools see; keys in a stable order.
    var json: JSONValue { get }
}

extension EventPayload {
    public func encoded() -> [UInt8] {
        var w = ByteWriter()
        encode(to: &w)
        return w.bytes
    }

    public static func decode(_ bytes: [UInt8], schemaVersion: UInt8) throws(DecodingError) -> Self {
        var r = ByteReader(bytes)
        let value = try Self(from: &r, schemaVersion: schemaVersion)
        guard r.isAtEnd else { throw .invalid(at: r.offset, reason: "\(r.remaining) unexpected trailing bytes") }
        return value
    }
}

extension EventPayload {
    /// This payload as `T` when it is one, else nil.
    ///
    /// Folds and read models take an event apart with `if let e = event.exactly(ChargeEntered.self)`
    /// chains rather than `switch event { case let e as ChargeEntered: … }`: each case of
    /// such a switch is a dynamic cast from the existential, several hundred instructions
    /// when it fails, and a rebuild tries millions of them. Here a miss is one comparison
    /// of type identities; payloads are structs, so no subclass can be missed by it.
    @inlinable
    public func exactly<T: EventPayload>(_ type: T.Type) -> T? {
        guard Self.self == T.self else { return nil }
        return unsafeBitCast(self, to: T.self)
    }
}
