import BinaryCodec

/// CAS01: who bears an adjustment. Kept in the domain (not `X12.AdjustmentGroup`)
/// so the stored tag order is owned here.
public enum AdjustmentGroupCode: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Contractual obligation: the practice writes it off.
    case contractual = "CO"
    /// Patient responsibility: moved to the patient's balance.
    case patient = "PR"
    case other = "OA"
    case payerInitiated = "PI"
    case correction = "CR"

    public var description: String { rawValue }
}

extension AdjustmentGroupCode: BinaryTagged {
    static let codecOrder: [AdjustmentGroupCode] = [.contractual, .patient, .other, .payerInitiated, .correction]
    static let tagName = "adjustment group"
}

/// One CAS reason with its amount as the payer sent it (negative in reversals).
public struct PostedAdjustment: Hashable, Sendable, CustomStringConvertible {
    public let group: AdjustmentGroupCode
    /// The CARC, e.g. "45" or "A1".
    public let reason: String
    public let amount: Money

    public init(group: AdjustmentGroupCode, reason: String, amount: Money) {
        self.group = group
        self.reason = reason
        self.amount = amount
    }

    public var description: String { "\(group)-\(reason) \(amount)" }

    var json: JSONValue { .object([("group", .text(group)), ("reason", .string(reason)), ("amount", .money(amount))]) }
}

/// One service line of a claim payment (SVC loop), matched to our charge when it could be.
public struct PostedLine: Hashable, Sendable {
    /// Our charge, when the line was matched (REF*6R, else code and amount).
    public let charge: ChargeID?
    /// The procedure code as the payer adjudicated it (SVC01-2).
    public let procedure: String
    public let modifiers: [String]
    public let billed: Money
    public let paid: Money
    public let adjustments: [PostedAdjustment]
    /// RARCs (LQ*HE).
    public let remarks: [String]
    public let serviceDate: LocalDate?

    public init(charge: ChargeID?, procedure: String, modifiers: [String] = [], billed: Money, paid: Money,
                adjustments: [PostedAdjustment], remarks: [String] = [], serviceDate: LocalDate?) {
        self.charge = charge
        self.procedure = procedure
        self.modifiers = modifiers
        self.billed = billed
        self.paid = paid
        self.adjustments = adjustments
        self.remarks = remarks
        self.serviceDate = serviceDate
    }

    var json: JSONValue {
        .object([("charge", .maybe(charge, JSONValue.id)), ("procedure", .string(procedure)),
                 ("modifiers", .array(modifiers.map(JSONValue.string))), ("billed", .money(billed)), ("paid", .money(paid)),
                 ("adjustments", .array(adjustments.map(\.json))), ("remarks", .array(remarks.map(JSONValue.string))),
                 ("serviceDate", .maybe(serviceDate, JSONValue.text))])
    }
}

/// How a patient paid. Card payments keep only the gateway's token and the last four digits.
public enum PatientPaymentMethod: String, CaseIterable, Sendable, CustomStringConvertible {
    case cash, check, card

    public static func parse(_ text: String) throws(ValueError) -> PatientPaymentMethod {
        guard let m = PatientPaymentMethod(rawValue: text.trimmedForInput.lowercased()) else {
            throw ValueError(kind: "payment method", input: text, reason: "expected cash, check or card")
        }
        return m
    }

    public var description: String { rawValue }
}

extension PatientPaymentMethod: BinaryTagged {
    static let codecOrder: [PatientPaymentMethod] = [.cash, .check, .card]
    static let tagName = "payment method"
}

/// Why a patient balance is reduced without a payment.
public enum PatientAdjustmentReason: String, CaseIterable, Sendable, CustomStringConvertible {
    case writeOff = "write-off"
    case smallBalance = "small-balance"
    case courtesy

    public static func parse(_ text: String) throws(ValueError) -> PatientAdjustmentReason {
        guard let r = PatientAdjustmentReason(rawValue: text.trimmedForInput.lowercased()) else {
            throw ValueError(kind: "adjustment reason", input: text, reason: "expected write-off, small-balance or courtesy")
        }
        return r
    }

    public var description: String { rawValue }
}

extension PatientAdjustmentReason: BinaryTagged {
    static let codecOrder: [PatientAdjustmentReason] = [.writeOff, .smallBalance, .courtesy]
    static let tagName = "adjustment reason"
}

/// Part of a patient payment (or refund) applied to one visit's patient balance.
public struct PaymentApplication: Hashable, Sendable {
    public let visit: VisitID
    public let amount: Money

    public init(visit: VisitID, amount: Money) {
        self.visit = visit
        self.amount = amount
    }

    var json: JSONValue { .object([("visit", .id(visit)), ("amount", .money(amount))]) }
}

/// One due date of a payment plan.
public struct Installment: Hashable, Sendable {
    public let due: LocalDate
    public let amount: Money

    public init(due: LocalDate, amount: Money) {
        self.due = due
        self.amount = amount
    }

    var json: JSONValue { .object([("due", .text(due)), ("amount", .money(amount))]) }
}

/// Open balance by age in days: 0–30, 31–60, 61–90, 91–120, over 120 (DESIGN.md).
public struct AgingBuckets: Hashable, Sendable {
    public var current = Money.zero
    public var days31to60 = Money.zero
    public var days61to90 = Money.zero
    public var days91to120 = Money.zero
    public var over120 = Money.zero

    public init() {}

    public init(current: Money, days31to60: Money, days61to90: Money, days91to120: Money, over120: Money) {
        self.current = current
        self.days31to60 = days31to60
        self.days61to90 = days61to90
        self.days91to120 = days91to120
        self.over120 = over120
    }

    public static let labels = ["0-30", "31-60", "61-90", "91-120", "120+"]

    /// In `labels` order.
    public var amounts: [Money] { [current, days31to60, days61to90, days91to120, over120] }
    public var total: Money { Money.sum(amounts) }

    /// Adds `amount` to the bucket for an item `days` old.
    public mutating func add(_ amount: Money, ageInDays days: Int) {
        switch days {
        case ...30: current += amount
        case 31...60: days31to60 += amount
        case 61...90: days61to90 += amount
        case 91...120: days91to120 += amount
        default: over120 += amount
        }
    }

    var json: JSONValue { .object(zip(Self.labels, amounts).map { ($0, .money($1)) }) }

    /// One account's aging with its credits (negative amounts: unapplied payments, overpaid
    /// visits) taken off its debts oldest first, as a statement or a balance shows them: no
    /// bucket is negative unless the whole account is in credit, which is then current. The
    /// total is unchanged.
    public var creditsAppliedOldestFirst: AgingBuckets {
        var owed = amounts.map { max($0, .zero) }
        var credit = -Money.sum(amounts.filter(\.isNegative))
        for i in owed.indices.reversed() where credit > .zero {
            let taken = min(owed[i], credit)
            owed[i] -= taken
            credit -= taken
        }
        owed[0] -= credit
        return AgingBuckets(current: owed[0], days31to60: owed[1], days61to90: owed[2], days91to120: owed[3], over120: owed[4])
    }
}

// Binary forms, shared by the remittance and payment events.
extension ByteWriter {
    mutating func write(_ a: PostedAdjustment) {
        writeTag(a.group)
        writeString(a.reason)
        write(a.amount)
    }

    mutating func write(_ l: PostedLine) {
        writeOptional(l.charge) { $0.write($1) }
        writeString(l.procedure)
        writeArray(l.modifiers) { $0.writeString($1) }
        write(l.billed)
        write(l.paid)
        writeArray(l.adjustments) { $0.write($1) }
        writeArray(l.remarks) { $0.writeString($1) }
        writeOptional(l.serviceDate) { $0.write($1) }
    }

    mutating func write(_ a: PaymentApplication) {
        write(a.visit)
        write(a.amount)
    }

    mutating func write(_ i: Installment) {
        write(i.due)
        write(i.amount)
    }

    mutating func write(_ b: AgingBuckets) {
        for amount in b.amounts { write(amount) }
    }
}

extension ByteReader {
    mutating func readAdjustment() throws(DecodingError) -> PostedAdjustment {
        PostedAdjustment(group: try readTag(), reason: try readString(), amount: try readMoney())
    }

    mutating func readAdjustments() throws(DecodingError) -> [PostedAdjustment] {
        try readArray { (r) throws(DecodingError) in try r.readAdjustment() }
    }

    mutating func readStrings() throws(DecodingError) -> [String] {
        try readArray { (r) throws(DecodingError) in try r.readString() }
    }

    mutating func readPostedLine() throws(DecodingError) -> PostedLine {
        PostedLine(charge: try readOptional { (r) throws(DecodingError) in try r.readID() }, procedure: try readString(),
                   modifiers: try readStrings(), billed: try readMoney(), paid: try readMoney(),
                   adjustments: try readAdjustments(), remarks: try readStrings(),
                   serviceDate: try readOptional { (r) throws(DecodingError) in try r.readDate() })
    }

    mutating func readApplications() throws(DecodingError) -> [PaymentApplication] {
        try readArray { (r) throws(DecodingError) in PaymentApplication(visit: try r.readID(), amount: try r.readMoney()) }
    }

    mutating func readInstallment() throws(DecodingError) -> Installment {
        Installment(due: try readDate(), amount: try readMoney())
    }

    mutating func readAging() throws(DecodingError) -> AgingBuckets {
        AgingBuckets(current: try readMoney(), days31to60: try readMoney(), days61to90: try readMoney(),
                     days91to120: try readMoney(), over120: try readMoney())
    }
}
