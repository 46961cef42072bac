import BinaryCodec
import EventLog
import Foundation
import XCTest

/// A small event used to exercise the log without the domain.
struct TestNote: EventPayload, Equatable {
    static let typeName = "TestNote"
    static let schemaVersion: UInt8 = 1
    var text: String
    var amountCents: Int64

    func encode(to writer: inout ByteWriter) {
        writer.writeString(text)
        writer.writeVarInt(amountCents)
    }

    init(text: String, amountCents: Int64) {
        self.text = text
        self.amountCents = amountCents
    }

    init(from reader: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        guard schemaVersion == 1 else { throw .unknownSchemaVersion(type: Self.typeName, version: Int(schemaVersion)) }
        text = try reader.readString()
        amountCents = try reader.readVarInt()
    }

    var json: JSONValue { .object([("text", .string(text)), ("amount_cents", .int(amountCents))]) }
}

func temporaryDirectory(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "practica-tests/\(safe)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func note(_ stream: String, _ i: Int) -> NewEvent {
    NewEvent(stream: stream, TestNote(text: "visit \(i) for patient with charge 99213 and dx E11.9", amountCents: Int64(i * 125)))
}

extension EventStore {
    @discardableResult
    func appendNotes(_ count: Int, stream: String = "s-1", actor: String = "tester") throws -> AppendResult {
        try append((0..<count).map { note(stream, $0) }, metadata: AppendMetadata(actor: actor))
    }
}
