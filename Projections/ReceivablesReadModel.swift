import BinaryCodec
import RevenueCycle

/// Queries over the receivables table for `era import`, `queue show denials|suspense` and reports.
///
/// ```swift
/// let open = try runner.read("receivables") { try ReceivablesReadModel($0).denialQueue() }
/// ```
public struct ReceivablesReadModel {
    let table: ProjectionTable
    static let name = ReceivablesProjection.projectionName

    public init(_ table: ProjectionTable) { self.table = table }

    public func remittance(_ id: RemittanceID) throws -> RemittanceReceived? {
        try table.get(ReceivablesKeys.remittance(id)).map { try StoredPayload.decode(RemittanceReceived.self, $0, in: Self.name) }
    }

    /// The remittance that posted this payer's check or EFT trace number, if any.
    public func remittance(payer: PayerID, trace: String) throws -> RemittanceID? {
        guard let bytes = try table.get(ReceivablesKeys.trace(payer, trace)) else { return nil }
        guard let n = ViewKey.trailingNumber(bytes) else { throw ProjectionError.damaged(Self.name, "trace entry") }
        return RemittanceID(n)
    }

    /// Every remittance, by id.
    public func remittances() throws -> [RemittanceReceived] {
        var out: [RemittanceReceived] = []
        try table.scan(prefix: ViewKey("R").bytes) { _, value in
            out.append(try StoredPayload.decode(RemittanceReceived.self, value, in: Self.name))
            return true
        }
        return out
    }

    public func denial(_ id: DenialID) throws -> DenialEntry? { try ReceivablesKeys.denial(id, in: table) }

    /// Open and appealed denials, open first, each by id.
    public func denialQueue() throws -> [DenialEntry] {
        var ids: [DenialID] = []
        for status in DenialStatus.allCases where status.isOpen {
            try table.scan(prefix: ReceivablesKeys.queuePrefix(status)) { key, _ in
                if let n = ViewKey.trailingNumber(key) { ids.append(DenialID(n)) }
                return true
            }
        }
        return try ids.compactMap(denial)
    }

    /// Every denial, closed ones too, by id.
    public func denials() throws -> [DenialEntry] {
        var out: [DenialEntry] = []
        try table.scan(prefix: ViewKey("D").bytes) { _, value in
            out.append(try DenialEntry.decode(value))
            return true
        }
        return out
    }

    /// Open suspense items, by remittance and position in it.
    public func suspenseQueue() throws -> [RemittanceClaimSuspended] {
        var out: [RemittanceClaimSuspended] = []
        try table.scan(prefix: ViewKey("S").bytes) { _, value in
            out.append(try StoredPayload.decode(RemittanceClaimSuspended.self, value, in: Self.name))
            return true
        }
        return out
    }

    /// Every overpayment flag, by claim and then in log order.
    public func overpaymentFlags() throws -> [ClaimOverpaymentFlagged] {
        var out: [ClaimOverpaymentFlagged] = []
        try table.scan(prefix: ViewKey("O").bytes) { _, value in
            out.append(try StoredPayload.decode(ClaimOverpaymentFlagged.self, value, in: Self.name))
            return true
        }
        return out
    }
}
