import BinaryCodec

/// A patient agreed to pay a balance in installments; each has a due date,
/// so missed ones can be told as of any day.
public struct PaymentPlanCreated: EventPayload, Equatable {
    public static let typeName = "PaymentPlanCreated"
    public static let schemaVersion: UInt8 = 1

    public let plan: PaymentPlanID
    public let patient: PatientID
    public let total: Money
    /// In due-date order; the amounts add up to `total`.
    public let installments: [Installment]
    public let createdOn: LocalDate

    public init(plan: PaymentPlanID, patient: PatientID, total: Money, installments: [Installment], createdOn: LocalDate) {
        self.plan = plan
        self.patient = patient
        self.total = total
        self.installments = installments
        self.createdOn = createdOn
    }

    /// v1: plan, patient ids; total; installments (due date, amount); date.
    public func encode(to w: inout ByteWriter) {
        w.write(plan)
        w.write(patient)
        w.write(total)
        w.writeArray(installments) { $0.write($1) }
        w.write(createdOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        plan = try r.readID()
        patient = try r.readID()
        total = try r.readMoney()
        installments = try r.readArray { (r) throws(DecodingError) in try r.readInstallment() }
        createdOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("plan", .id(plan)), ("patient", .id(patient)), ("total", .money(total)),
                 ("installments", .array(installments.map(\.json))), ("createdOn", .text(createdOn))])
    }
}

/// A statement was sent to a patient: what it said they owed as of a date, by age.
public struct StatementIssued: EventPayload, Equatable {
    public static let typeName = "StatementIssued"
    public static let schemaVersion: UInt8 = 1

    public let statement: StatementID
    public let patient: PatientID
    public let asOf: LocalDate
    public let balance: Money
    public let aging: AgingBuckets

    public init(statement: StatementID, patient: PatientID, asOf: LocalDate, balance: Money, aging: AgingBuckets) {
        self.statement = statement
        self.patient = patient
        self.asOf = asOf
        self.balance = balance
        self.aging = aging
    }

    /// v1: statement, patient ids; as-of date; balance; five aging amounts.
    public func encode(to w: inout ByteWriter) {
        w.write(statement)
        w.write(patient)
        w.write(asOf)
        w.write(balance)
        w.write(aging)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        statement = try r.readID()
        patient = try r.readID()
        asOf = try r.readDate()
        balance = try r.readMoney()
        aging = try r.readAging()
    }

    public var json: JSONValue {
        .object([("statement", .id(statement)), ("patient", .id(patient)), ("asOf", .text(asOf)), ("balance", .money(balance)),
                 ("aging", aging.json)])
    }
}
