import BinaryCodec
import CLIKit
import Projections
import RevenueCycle

extension Money {
    /// Money in --json output: a number written verbatim ("125.00"), never through a Double.
    var json: JSONValue { JSONNumbers.money(self) }
}

/// Parsing of the receivable commands' values, before any work, so a bad value is exit 2.
enum ReceivableInput {
    /// A positive amount with at most two decimals ("25.00"); negative, zero or over-precise is a usage error.
    static func amount(_ command: ParsedCommand, _ option: String = "amount") throws -> Money {
        try command.value(option) { text in
            let money = try Money.parse(text)
            guard money > .zero else { throw ValueError(kind: "amount", input: text, reason: "must be more than 0.00") }
            return money
        }
    }

    static func optionalAmount(_ command: ParsedCommand, _ option: String) throws -> Money? {
        guard command.string(option) != nil else { return nil }
        return try amount(command, option)
    }
}

/// How receivables read on the terminal and in --json.
enum ReceivableText {
    static func json(_ d: DenialEntry) -> JSONValue {
        let o = d.opened
        return .object([
            ("denial", .string(o.denial.description)), ("claim", .string(o.claim.description)),
            ("remittance", .string(o.remittance.description)), ("line", o.line.map { .int(Int64($0)) } ?? .null),
            ("group", .string(o.group.rawValue)), ("carc", .string(o.carc)), ("rarcs", .array(o.rarcs.map { .string($0) })),
            ("amount", o.amount.json), ("text", .string(o.text)), ("openedOn", .string(o.openedOn.description)),
            ("status", .string(d.status.rawValue)), ("notes", .array(d.notes.map { .string($0) })),
        ])
    }

    static func json(_ s: RemittanceClaimSuspended) -> JSONValue {
        .object([
            ("item", .string(SuspenseKey(remittance: s.remittance, index: s.index).description)),
            ("remittance", .string(s.remittance.description)), ("index", .int(Int64(s.index))),
            ("patientControlNumber", .string(s.patientControlNumber)), ("patientName", s.patientName.map { .string($0) } ?? .null),
            ("memberId", s.memberID.map { .string($0) } ?? .null), ("serviceDate", s.serviceDate.map { .string($0.description) } ?? .null),
            ("status", .string(s.status)), ("charge", s.charge.json), ("paid", s.paid.json), ("reason", .string(s.reason)),
            ("paymentDate", .string(s.paymentDate.description)),
        ])
    }

    static func json(_ a: LedgerAccount) -> JSONValue {
        .object([("charges", a.charges.json), ("payerPayments", a.payerPayments.json), ("adjustments", a.adjustments.json),
                 ("patientPayments", a.patientPayments.json), ("insuranceBalance", a.insuranceBalance.json),
                 ("patientBalance", a.patientBalance.json)])
    }

    static func json(_ aging: AgingBuckets) -> JSONValue {
        .object(zip(AgingBuckets.labels, aging.amounts).map { ($0, $1.json) })
    }
}
