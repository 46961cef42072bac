import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

/// `queue show denials` and `queue show suspense`, read from the receivables read model.
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
}
