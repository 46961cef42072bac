import BinaryCodec
import RevenueCycle

/// Denials of one CARC in one month.
public struct DenialReasonMonth: Sendable, Equatable {
    public let month: MonthKey
    public let carc: String
    public let count: Int64
    public let dollars: Money
}

/// Queries over the KPI table: month rows, payer months and denial reasons in a range.
public struct KPIReadModel {
    let table: ProjectionTable

    public init(_ table: ProjectionTable) { self.table = table }

    /// Month rows from `from` through `to` (inclusive), in order; months with nothing are absent.
    public func months(from: MonthKey, through to: MonthKey) throws -> [(month: MonthKey, sums: KPIMonth)] {
        var out: [(month: MonthKey, sums: KPIMonth)] = []
        let prefix = ViewKey(KPIKeys.monthTag).bytes
        try table.scan(prefix: prefix, from: KPIKeys.month(from).bytes) { key, value in
            guard let raw = ViewKey.number(in: key, at: 1) else { return false }
            let month = MonthKey(value: Int64(bitPattern: raw ^ (1 << 63)))
            guard month <= to else { return false }
            out.append((month, try KPIMonth.decode(value)))
            return true
        }
        return out
    }

    /// Per payer, the sum of its months in the range.
    public func payers(from: MonthKey, through to: MonthKey) throws -> [PayerID: PayerMonth] {
        var out: [PayerID: PayerMonth] = [:]
        try table.scan(prefix: ViewKey(KPIKeys.payerTag).bytes) { key, value in
            guard let payer = ViewKey.number(in: key, at: 1), let raw = ViewKey.number(in: key, at: 9) else { return true }
            let month = MonthKey(value: Int64(bitPattern: raw ^ (1 << 63)))
            if month >= from && month <= to { out[PayerID(payer), default: PayerMonth()] = out[PayerID(payer), default: PayerMonth()] + (try PayerMonth.decode(value)) }
            return true
        }
        return out
    }

    /// Denials by reason code in the range, by month then CARC.
    public func denialReasons(from: MonthKey, through to: MonthKey) throws -> [DenialReasonMonth] {
        var out: [DenialReasonMonth] = []
        try table.scan(prefix: ViewKey(KPIKeys.reasonTag).bytes, from: ViewKey(KPIKeys.reasonTag).signed(from.value).bytes) { key, value in
            guard let raw = ViewKey.number(in: key, at: 1) else { return false }
            let month = MonthKey(value: Int64(bitPattern: raw ^ (1 << 63)))
            guard month <= to else { return false }
            let carc = String(decoding: key.dropFirst(9).prefix { $0 != 0 }, as: UTF8.self)
            var r = ByteReader(value)
            out.append(DenialReasonMonth(month: month, carc: carc, count: try r.readVarInt(), dollars: Money(cents: try r.readVarInt())))
            return true
        }
        return out
    }
}
