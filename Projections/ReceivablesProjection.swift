import BinaryCodec
import EventLog
import RevenueCycle

/// The receivables read model: remittances by id and by payer + trace number,
/// the denial work queue (open and appealed, with their CARC/RARC texts) and
/// the suspense queue of claim payments no claim took.
///
/// Denials are rewritten whole on each event and their queue key swapped, as
/// the claims model does; a suspense item is deleted when it is resolved, so
/// `queue show suspense` is one range scan of what is still open.
///
/// | prefix | key                          | value                              |
/// |--------|------------------------------|------------------------------------|
/// | `R`    | remittance                   | `RemittanceReceived` (stored)      |
/// | `T`    | payer · trace number 00      | remittance                         |
/// | `D`    | denial                       | `DenialEntry`                      |
/// | `Q`    | status code · denial         | empty (open and appealed only)     |
/// | `S`    | remittance · index           | `RemittanceClaimSuspended` (stored) |
/// | `O`    | claim · position             | `ClaimOverpaymentFlagged` (stored) |
///
/// Version 2 keeps overpayment flags (issue 15).
public struct ReceivablesProjection: Projection {
    public static let projectionName = "receivables"
    public var name: String { Self.projectionName }
    public let version = 2
    /// Its share of a rebuild's ~1 KB per event (by its share of the stored bytes at 1M billing events).
    public var rebuildBytesPerEvent: Int { 20 }
    public let eventTypes: Set<String> = [
        RemittanceReceived.typeName, RemittanceClaimSuspended.typeName, SuspenseResolved.typeName, DenialOpened.typeName,
        DenialAppealed.typeName, DenialResolved.typeName, DenialWrittenOff.typeName,
        ClaimOverpaymentFlagged.typeName,
    ]

    public init() {}

    public func apply(_ event: RecordedEvent, payload: any EventPayload, to table: ProjectionTable) throws {
        if let e = payload.exactly(RemittanceReceived.self) {
            try table.put(ReceivablesKeys.remittance(e.remittance), StoredPayload.encode(e))
            if !e.traceNumber.isEmpty {
                try table.put(ReceivablesKeys.trace(e.payer, e.traceNumber), ViewKey.bigEndian(e.remittance.number))
            }
        } else if let e = payload.exactly(RemittanceClaimSuspended.self) {
            try table.put(ReceivablesKeys.suspense(e.remittance, e.index), StoredPayload.encode(e))
        } else if let e = payload.exactly(SuspenseResolved.self) {
            try table.delete(ReceivablesKeys.suspense(e.remittance, e.index))
        } else if let e = payload.exactly(DenialOpened.self) {
            try write(DenialEntry(opened: e), replacing: nil, in: table)
        } else if let e = payload.exactly(DenialAppealed.self) {
            try update(e.denial, to: .appealed, note: e.note, in: table)
        } else if let e = payload.exactly(DenialResolved.self) {
            try update(e.denial, to: .resolved, note: e.note, in: table)
        } else if let e = payload.exactly(DenialWrittenOff.self) {
            try update(e.denial, to: .writtenOff, note: e.reason, in: table)
        } else if let e = payload.exactly(ClaimOverpaymentFlagged.self) {
            try table.put(ReceivablesKeys.overpayment(e.claim, at: event.position), StoredPayload.encode(e))
        }
    }

    /// The same transition as `Receivables` in the domain fold: status and one more note.
    private func update(_ id: DenialID, to status: DenialStatus, note: String, in table: ProjectionTable) throws {
        guard let old = try ReceivablesKeys.denial(id, in: table) else { return }
        var new = old
        new.status = status
        new.notes.append(note)
        try write(new, replacing: old, in: table)
    }

    private func write(_ entry: DenialEntry, replacing old: DenialEntry?, in table: ProjectionTable) throws {
        if let old, old.status.isOpen { try table.delete(ReceivablesKeys.queue(old.status, old.id)) }
        try table.put(ReceivablesKeys.denial(entry.id), entry.encoded())
        if entry.status.isOpen { try table.put(ReceivablesKeys.queue(entry.status, entry.id), []) }
    }
}

/// A denial as the queue shows it: the event that opened it, where it stands, and every note since.
public struct DenialEntry: Sendable, Equatable {
    public let opened: DenialOpened
    public internal(set) var status: DenialStatus = .open
    public internal(set) var notes: [String] = []

    public var id: DenialID { opened.denial }

    init(opened: DenialOpened) { self.opened = opened }

    func encode(into w: inout ByteWriter) {
        w.writeBytes(StoredPayload.encode(opened))
        w.writeByte(DenialEntry.code(status))
        w.writeVarUInt(UInt64(notes.count))
        for n in notes { w.writeString(n) }
    }

    static func decode(_ bytes: [UInt8]) throws -> DenialEntry {
        var r = ByteReader(bytes)
        var entry = DenialEntry(opened: try StoredPayload.decode(DenialOpened.self, try r.readBytes(), in: ReceivablesProjection.projectionName))
        let code = try r.readByte()
        guard let status = DenialStatus.allCases.first(where: { DenialEntry.code($0) == code }) else {
            throw ProjectionError.damaged(ReceivablesProjection.projectionName, "denial status code \(code)")
        }
        entry.status = status
        for _ in 0..<(try r.readLength()) { entry.notes.append(try r.readString()) }
        return entry
    }

    /// Stable one-byte codes: the queue index sorts by them.
    static func code(_ status: DenialStatus) -> UInt8 {
        switch status {
        case .open: return 1
        case .appealed: return 2
        case .resolved: return 3
        case .writtenOff: return 4
        }
    }
}

/// Key layout of the receivables table.
enum ReceivablesKeys {
    static func remittance(_ id: RemittanceID) -> [UInt8] { ViewKey("R").id(id).bytes }
    static func trace(_ payer: PayerID, _ trace: String) -> [UInt8] { ViewKey("T").id(payer).text(trace).bytes }
    static func denial(_ id: DenialID) -> [UInt8] { ViewKey("D").id(id).bytes }
    static func queuePrefix(_ status: DenialStatus) -> [UInt8] { [UInt8(ascii: "Q"), DenialEntry.code(status)] }
    static func queue(_ status: DenialStatus, _ id: DenialID) -> [UInt8] { queuePrefix(status) + ViewKey.bigEndian(id.number) }
    static func suspense(_ remittance: RemittanceID, _ index: Int) -> [UInt8] {
        ViewKey("S").id(remittance).number(UInt64(max(index, 0))).bytes
    }

    static func overpayment(_ claim: ClaimID, at position: UInt64) -> [UInt8] { ViewKey("O").id(claim).number(position).bytes }

    static func denial(_ id: DenialID, in table: ProjectionTable) throws -> DenialEntry? {
        try table.get(denial(id)).map(DenialEntry.decode)
    }
}
