import BinaryCodec
import RevenueCycle

/// How the claims read model follows remittances: each posting adds to the
/// claim's net charge and paid, each denial opened or closed changes its count
/// of denials still worked, and the status is settled from those as
/// `ClaimRecord.settle` does in the domain fold (a test compares the two).
///
/// Denial events name only the denial, so `N` · denial → claim and whether it
/// is still open is kept beside the summaries.
extension ClaimsProjection {
    /// Returns false for events that are not about settlement.
    func applySettlement(_ payload: any EventPayload, to table: ProjectionTable) throws -> Bool {
        if let e = payload.exactly(ClaimPaymentPosted.self) {
            try update(e.claim, in: table) { s in
                s.postingCount += 1
                s.netCharge += e.charge
                s.netPaid += e.paid
                s.payerClaimNumber = e.payerClaimControlNumber ?? s.payerClaimNumber
                s.statusDate = e.paymentDate
            }
        } else if let e = payload.exactly(DenialOpened.self) {
            try table.put(ClaimsKeys.denial(e.denial), Self.denialEntry(e.claim, open: true))
            try update(e.claim, in: table) { $0.openDenials += 1 }
        } else if let e = payload.exactly(DenialAppealed.self) {
            // Still worked: the status is settled again, as the fold does, and does not change.
            if let (claim, _) = try denial(e.denial, in: table) { try update(claim, in: table) { _ in } }
        } else if let e = payload.exactly(DenialResolved.self) {
            try close(e.denial, in: table)
        } else if let e = payload.exactly(DenialWrittenOff.self) {
            try close(e.denial, in: table)
        } else {
            return false
        }
        return true
    }

    private func close(_ id: DenialID, in table: ProjectionTable) throws {
        guard let (claim, open) = try denial(id, in: table) else { return }
        try table.put(ClaimsKeys.denial(id), Self.denialEntry(claim, open: false))
        try update(claim, in: table) { if open { $0.openDenials -= 1 } }
    }

    private func update(_ id: ClaimID, in table: ProjectionTable, _ body: (inout ClaimSummary) -> Void) throws {
        try change(id, in: table) { summary in
            body(&summary)
            summary.settle()
        }
    }

    private func denial(_ id: DenialID, in table: ProjectionTable) throws -> (ClaimID, Bool)? {
        guard let bytes = try table.get(ClaimsKeys.denial(id)) else { return nil }
        var r = ByteReader(bytes)
        return (ClaimID(try r.readVarUInt()), try r.readBool())
    }

    static func denialEntry(_ claim: ClaimID, open: Bool) -> [UInt8] {
        var w = ByteWriter()
        w.writeVarUInt(claim.number)
        w.writeBool(open)
        return w.bytes
    }
}

extension ClaimsKeys {
    static let denialPrefix: UInt8 = 0x4E    // "N"
    static func denial(_ id: DenialID) -> [UInt8] { key([denialPrefix], [id.number]) }
}

extension ClaimSummary {
    /// `ClaimRecord.settle`: all reversed → back to accepted; a denial worked → denied or partly paid;
    /// else paid or, with nothing paid, closed. A replaced or voided claim keeps its status.
    mutating func settle() {
        guard postingCount > 0, status != .replaced, status != .voided else { return }
        if netCharge == .zero, netPaid == .zero {
            status = .accepted
        } else if openDenials > 0 {
            status = netPaid > .zero ? .partlyPaid : .denied
        } else {
            status = netPaid > .zero ? .paid : .closed
        }
    }
}
