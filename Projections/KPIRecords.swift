import BinaryCodec
import RevenueCycle

/// One month's KPI sums. Each field is dated by the effective date named beside
/// it, so a KPI over any range of months is a sum of rows.
public struct KPIMonth: Sendable, Equatable {
    /// Gross charges by date-of-service month (voids take them back).
    public var chargesByService = Money.zero
    /// Gross charges by entry month.
    public var chargesByEntry = Money.zero
    /// Σ (entry date − date of service) in days, and the charge lines counted, by entry month.
    public var chargeLagDays: Int64 = 0
    public var chargeLines: Int64 = 0
    /// Paid on claims (835 CLP04), by payment date.
    public var payerPaid = Money.zero
    /// PLB provider adjustments (reduce payer payments), by payment date.
    public var providerAdjustments = Money.zero
    /// Contractual and other payer write-offs on claim payments (charge − paid − PR − denied − prior payer), by payment date.
    public var contractualAdjustments = Money.zero
    /// Denied amounts written off, by write-off date.
    public var deniedWrittenOff = Money.zero
    /// Patient adjustments (discounts, hardship, small balances), by posting date.
    public var patientAdjustments = Money.zero
    /// Patient payments net of refunds, by received / refund date.
    public var patientPayments = Money.zero
    /// Patient responsibility assigned: PR on remittances (payment date) and self-pay charges (date of service).
    public var patientResponsibility = Money.zero
    /// Claims first submitted, and those of them clean (no scrubber finding, no override, not a replacement), by first submission.
    public var claimsSubmitted: Int64 = 0
    public var claimsClean: Int64 = 0
    /// Claims first adjudicated (first remittance posting) and their billed dollars, by payment date.
    public var claimsAdjudicated: Int64 = 0
    public var adjudicatedDollars = Money.zero
    /// Of those, paid on the first pass: paid, one submission, never rejected, denied, replaced or resubmitted.
    public var claimsFirstPass: Int64 = 0
    /// Claims with a denial (first denial's month) and all denied dollars, by denial date.
    public var claimsDenied: Int64 = 0
    public var deniedDollars = Money.zero

    public init() {}

    /// Payer payments as the ledger counts them: claim payments less PLB adjustments.
    public var payerPayments: Money { payerPaid - providerAdjustments }
    public var payments: Money { payerPayments + patientPayments }

    static var moneyPaths: [WritableKeyPath<KPIMonth, Money>] { [
        \.chargesByService, \.chargesByEntry, \.payerPaid, \.providerAdjustments, \.contractualAdjustments, \.deniedWrittenOff,
        \.patientAdjustments, \.patientPayments, \.patientResponsibility, \.adjudicatedDollars, \.deniedDollars,
    ] }
    static var countPaths: [WritableKeyPath<KPIMonth, Int64>] { [
        \.chargeLagDays, \.chargeLines, \.claimsSubmitted, \.claimsClean, \.claimsAdjudicated, \.claimsFirstPass, \.claimsDenied,
    ] }

    public static func + (a: KPIMonth, b: KPIMonth) -> KPIMonth {
        var out = a
        for p in moneyPaths { out[keyPath: p] += b[keyPath: p] }
        for p in countPaths { out[keyPath: p] += b[keyPath: p] }
        return out
    }

    func encode(into w: inout ByteWriter) {
        for p in Self.moneyPaths { w.writeVarInt(self[keyPath: p].cents) }
        for p in Self.countPaths { w.writeVarInt(self[keyPath: p]) }
    }

    static func decode(_ bytes: [UInt8]) throws -> KPIMonth {
        var r = ByteReader(bytes)
        var m = KPIMonth()
        for p in moneyPaths { m[keyPath: p] = Money(cents: try r.readVarInt()) }
        for p in countPaths { m[keyPath: p] = try r.readVarInt() }
        return m
    }
}

/// One payer's month: claims first submitted and billed, paid, denials, days to pay.
public struct PayerMonth: Sendable, Equatable {
    public var claimsSubmitted: Int64 = 0
    public var billed = Money.zero
    public var paid = Money.zero
    public var claimsDenied: Int64 = 0
    /// Σ (first payment date − first submission date) over claims first paid this month, and how many.
    public var daysToPaySum: Int64 = 0
    public var claimsPaid: Int64 = 0

    public init() {}

    public static func + (a: PayerMonth, b: PayerMonth) -> PayerMonth {
        var o = a
        o.claimsSubmitted += b.claimsSubmitted
        o.billed += b.billed
        o.paid += b.paid
        o.claimsDenied += b.claimsDenied
        o.daysToPaySum += b.daysToPaySum
        o.claimsPaid += b.claimsPaid
        return o
    }

    func encode(into w: inout ByteWriter) {
        for v in [claimsSubmitted, billed.cents, paid.cents, claimsDenied, daysToPaySum, claimsPaid] { w.writeVarInt(v) }
    }

    static func decode(_ bytes: [UInt8]) throws -> PayerMonth {
        var r = ByteReader(bytes)
        var m = PayerMonth()
        m.claimsSubmitted = try r.readVarInt()
        m.billed = Money(cents: try r.readVarInt())
        m.paid = Money(cents: try r.readVarInt())
        m.claimsDenied = try r.readVarInt()
        m.daysToPaySum = try r.readVarInt()
        m.claimsPaid = try r.readVarInt()
        return m
    }
}

/// What the KPI model remembers per claim to count it once in each KPI.
struct KPIClaimRecord: Equatable {
    var payer: PayerID?
    var total = Money.zero
    var isOriginal = true
    var hadFindings = false
    var overridden = false
    var rejected = false
    var submissions: Int64 = 0
    var firstSubmitted: LocalDate?
    var adjudicated = false
    var paid = false
    var denied = false
    /// The month key a first-pass count was added to, while it still stands.
    var firstPassMonth: Int64?

    func encode(into w: inout ByteWriter) {
        w.writeOptionalVarInt(payer.map { Int64(bitPattern: $0.number) })
        w.writeVarInt(total.cents)
        var flags: UInt8 = 0
        for (i, f) in [isOriginal, hadFindings, overridden, rejected, adjudicated, paid, denied].enumerated() where f { flags |= 1 << UInt8(i) }
        w.writeByte(flags)
        w.writeVarInt(submissions)
        w.writeOptionalVarInt(firstSubmitted?.daysSinceEpoch)
        w.writeOptionalVarInt(firstPassMonth)
    }

    static func decode(_ bytes: [UInt8]) throws -> KPIClaimRecord {
        var r = ByteReader(bytes)
        var c = KPIClaimRecord()
        c.payer = try r.readOptionalVarInt().map { PayerID(UInt64(bitPattern: $0)) }
        c.total = Money(cents: try r.readVarInt())
        let flags = try r.readByte()
        func bit(_ i: UInt8) -> Bool { flags & (1 << i) != 0 }
        (c.isOriginal, c.hadFindings, c.overridden, c.rejected) = (bit(0), bit(1), bit(2), bit(3))
        (c.adjudicated, c.paid, c.denied) = (bit(4), bit(5), bit(6))
        c.submissions = try r.readVarInt()
        c.firstSubmitted = try r.readOptionalVarInt().map(LocalDate.init(daysSinceEpoch:))
        c.firstPassMonth = try r.readOptionalVarInt()
        return c
    }
}

/// A calendar month as one number (year × 12 + month − 1), the KPI tables' key.
public struct MonthKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: Int64

    public init(_ date: LocalDate) { value = Int64(date.year) * 12 + Int64(date.month - 1) }
    public init(value: Int64) { self.value = value }

    public var year: Int { Int(value / 12) }
    public var month: Int { Int(value % 12) + 1 }
    public var first: LocalDate { LocalDate(daysSinceEpoch: (try? LocalDate(year: year, month: month, day: 1))?.daysSinceEpoch ?? 0) }
    public var last: LocalDate { first.adding(days: LocalDate.daysIn(month: month, year: year) - 1) }
    /// "2026-03".
    public var description: String { String(first.description.prefix(7)) }
    public static func < (a: MonthKey, b: MonthKey) -> Bool { a.value < b.value }
}
