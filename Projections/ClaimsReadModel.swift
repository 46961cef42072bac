import RevenueCycle

/// Queries over the claims table for `claims list`, `queue show` and reports.
///
/// ```swift
/// let held = try runner.read("claims") { try ClaimsReadModel($0).queue(.holds) }
/// ```
public struct ClaimsReadModel {
    let table: ProjectionTable

    public init(_ table: ProjectionTable) { self.table = table }

    public func claim(_ id: ClaimID) throws -> ClaimSummary? { try ClaimsKeys.summary(id, in: table) }

    /// Every claim, by id.
    public func all() throws -> [ClaimSummary] {
        var out: [ClaimSummary] = []
        try table.scan(prefix: [ClaimsKeys.claimPrefix]) { _, value in
            out.append(try ClaimSummary.decode(value))
            return true
        }
        return out
    }

    /// Claims in `status`, by id: one range of the status index.
    public func claims(status: ClaimStatus) throws -> [ClaimSummary] { try indexed(ClaimsKeys.status(status)) }

    /// Claims to `payer`, by id.
    public func claims(payer: PayerID) throws -> [ClaimSummary] { try indexed(ClaimsKeys.payer(payer)) }

    /// The claims in a work queue, by id.
    public func queue(_ queue: ClaimQueue) throws -> [ClaimSummary] { try indexed(ClaimsKeys.queue(queue)) }

    private func indexed(_ prefix: [UInt8]) throws -> [ClaimSummary] {
        var ids: [ClaimID] = []
        try table.scan(prefix: prefix) { key, _ in
            if let id = ClaimsKeys.trailingClaim(key) { ids.append(id) }
            return true
        }
        return try ids.compactMap(claim)
    }
}
