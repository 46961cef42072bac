import BinaryCodec
import EventLog
import RevenueCycle

/// Decodes a stored event's payload, treating a payload that cannot be decoded as
/// what it is: a damaged store (exit 3), naming the position — never an
/// "unexpected" failure of the command that happened to read it.
public enum StoredEvent {
    public static func decode(_ event: RecordedEvent) throws -> any EventPayload {
        do {
            return try EventRegistry.decode(typeName: event.typeName, schemaVersion: event.schemaVersion, bytes: event.payload)
        } catch {
            throw damaged(event, error)
        }
    }

    /// The store error for a payload at `event`'s position that did not decode.
    public static func damaged(_ event: RecordedEvent, _ error: DecodingError) -> EventStoreError {
        .storeCorrupt(reason: "position \(event.position) (\(event.typeName)): its payload cannot be decoded (\(error))")
    }
}
