import BinaryCodec
import EventLog
import Foundation
import RevenueCycle

/// How stored events read on the terminal and in --json output.
enum EventRendering {
    /// The payload as JSON, decoded by the domain's registry; an unknown or damaged
    /// payload is shown as an error value rather than hiding the event.
    static func payload(_ event: RecordedEvent) -> JSONValue {
        do {
            return try EventRegistry.decode(typeName: event.typeName, schemaVersion: event.schemaVersion, bytes: event.payload).json
        } catch {
            return .object([("undecodable", .string(error.description)), ("bytes", .int(Int64(event.payload.count)))])
        }
    }

    static func json(_ event: RecordedEvent) -> JSONValue {
        .object([
            ("position", .int(Int64(event.position))),
            ("stream", .string(event.stream)),
            ("version", .int(Int64(event.streamVersion))),
            ("type", .string(event.typeName)),
            ("schema", .int(Int64(event.schemaVersion))),
            ("recordedAt", .string(timestamp(event.recordedAtMillis))),
            ("actor", .string(event.actor)),
            ("correlation", .string(event.correlation)),
            ("causation", .string(event.causation)),
            ("eventId", .string(event.eventID)),
            ("data", payload(event)),
        ])
    }

    /// One line per event for `log tail`.
    static func line(_ event: RecordedEvent, json asJSON: Bool) -> String {
        if asJSON { return json(event).rendered }
        return "\(pad(String(event.position), 8))  \(timestamp(event.recordedAtMillis))  \(event.actor)  "
            + "\(event.stream)@\(event.streamVersion)  \(event.typeName)  \(payload(event).rendered)"
    }

    /// A block for `log show`.
    static func detail(_ event: RecordedEvent) -> String {
        """
        position     \(event.position)
        stream       \(event.stream) (version \(event.streamVersion))
        type         \(event.typeName) (schema \(event.schemaVersion))
        recorded at  \(timestamp(event.recordedAtMillis))
        actor        \(event.actor)
        correlation  \(event.correlation.isEmpty ? "-" : event.correlation)
        causation    \(event.causation.isEmpty ? "-" : event.causation)
        event id     \(event.eventID)
        data         \(payload(event).rendered)
        """
    }

    /// UTC, to the millisecond, in ISO 8601.
    static func timestamp(_ millis: Int64) -> String {
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let ms = millis - seconds * 1000
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(ms))
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}
