import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// `queue show denials`, `queue show suspense` and `queue show overpayments`, read from the receivables read model
/// (and, for overpayments, the claim balances of the `ar` model).
enum ReceivableQueues {
    static func denials(_ command: ParsedCommand, _ context: CommandContext) throws {
        let denials = try context.readingModels().read(ReceivablesProjection.projectionName) { try ReceivablesReadModel($0).denialQueue() }
            .sorted { ($0.opened.openedOn, $0.id) < ($1.opened.openedOn, $1.id) }
        var listing = Listing(columns: [.init("denial"), .init("status"), .init("opened"), .init("claim"), .init("line", alignment: .right),
                                        .init("amount", alignment: .right), .init("reason")],
                              emptyNote: "no open denials")
        for d in denials {
            listing.append([d.id.description, d.status.rawValue, d.opened.openedOn.description, d.opened.claim.description,
                            d.opened.line.map(String.init) ?? "", d.opened.amount.description, d.opened.text],
                           json: ReceivableText.json(d))
        }
        listing.print(command, context)
    }

    static func suspense(_ command: ParsedCommand, _ context: CommandContext) throws {
        let items = try context.readingModels().read(ReceivablesProjection.projectionName) { try ReceivablesReadModel($0).suspenseQueue() }
        var listing = Listing(columns: [.init("item"), .init("paid on"), .init("CLP01"), .init("patient"), .init("service"),
                                        .init("charge", alignment: .right), .init("paid", alignment: .right), .init("reason")],
                              emptyNote: "nothing in suspense")
        for s in items {
            listing.append([SuspenseKey(remittance: s.remittance, index: s.index).description, s.paymentDate.description,
                            s.patientControlNumber, s.patientName ?? s.memberID ?? "", s.serviceDate?.description ?? "",
                            s.charge.description, s.paid.description, s.reason],
                           json: ReceivableText.json(s))
        }
        listing.print(command, context)
    }

    /// Claims a payer paid beyond their insurance balance that still have a credit with the
    /// payer (the latest flag's reason per claim); a claim leaves the queue once a reversal
    /// or recoupment brings its insurance balance back to zero or more.
    static func overpayments(_ command: ParsedCommand, _ context: CommandContext) throws {
        let runner = try context.readingModels()
        let flags = try runner.read(ReceivablesProjection.projectionName) { try ReceivablesReadModel($0).overpaymentFlags() }
        var latest: [ClaimID: ClaimOverpaymentFlagged] = [:]
        for f in flags { latest[f.claim] = f }
        let open = try runner.read(ARAgingProjection.projectionName) { table -> [ClaimID: Money] in
            let model = LedgerReadModel(table)
            var out: [ClaimID: Money] = [:]
            for claim in latest.keys { out[claim] = try model.account(.claim(claim))?.insuranceBalance ?? .zero }
            return out
        }
        var listing = Listing(columns: [.init("claim"), .init("flagged"), .init("remittance"), .init("paid", alignment: .right),
                                        .init("insurance balance", alignment: .right), .init("reason")],
                              emptyNote: "no overpaid claims")
        for f in latest.values.sorted(by: { ($0.flaggedOn, $0.claim) < ($1.flaggedOn, $1.claim) }) {
            guard let balance = open[f.claim], balance.isNegative else { continue }
            var json = f.json
            if case .object(let fields) = json { json = .object(fields + [("insuranceBalance", balance.json)]) }
            listing.append([f.claim.description, f.flaggedOn.description, f.remittance.description, f.paid.description,
                            balance.description, f.reason], json: json)
        }
        listing.print(command, context)
    }
}
