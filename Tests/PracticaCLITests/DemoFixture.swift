import BinaryCodec
import EventLog
import Foundation
import RevenueCycle
import XCTest

/// A demo store made once through the binary, and its raw log folded independently
/// of the demo's own bookkeeping: the ledger and the practice state from the events.
struct DemoStore: Sendable {
    let path: String
    let status: Int32
    let output: String
    /// Fixed so the demo does not depend on the day the tests run.
    static let end = "2026-11-20"

    static func make(months: Int, patients: Int, seed: Int) -> DemoStore {
        let path = temporaryStore("demo-\(months)-\(patients)-\(seed)")
        let result = try? CLI.run(["demo", "--months", "\(months)", "--patients", "\(patients)", "--seed", "\(seed)",
                                   "--end", end, "--store", path, "--as", "maria"])
        return DemoStore(path: path, status: result?.status ?? -1, output: (result?.stdout ?? "") + (result?.stderr ?? ""))
    }

    /// Every event of the log, in order.
    func events() throws -> [RecordedEvent] {
        let store = try EventStore.open(at: path)
        var all: [RecordedEvent] = []
        try store.scan(from: 1) { event in
            all.append(event)
            return true
        }
        return all
    }

    static func decode(_ event: RecordedEvent) throws -> any EventPayload {
        try EventRegistry.decode(typeName: event.typeName, schemaVersion: event.schemaVersion, bytes: event.payload)
    }
}
