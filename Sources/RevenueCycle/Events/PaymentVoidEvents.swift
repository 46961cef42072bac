import BinaryCodec

/// A patient payment posted by mistake (wrong patient, keyed twice, a bounced
/// check) is taken back whole: what is left of it after refunds comes off the
/// visits it was applied to and off the account's credit, exactly as a refund of
/// that amount would, and the payment can then be neither refunded nor voided.
/// A card payment's remainder is refunded through the gateway first.
public struct PatientPaymentVoided: EventPayload, Equatable {
    public static let typeName = "PatientPaymentVoided"
    public static let schemaVersion: UInt8 = 1

    public let payment: PaymentID
    public let patient: PatientID
    /// What was left of the payment after earlier refunds.
    public let amount: Money
    /// Taken back from these visits; the rest from the payment's unapplied credit.
    public let applications: [PaymentApplication]
    public let reason: String
    public let voidedOn: LocalDate

    public init(payment: PaymentID, patient: PatientID, amount: Money, applications: [PaymentApplication], reason: String,
                voidedOn: LocalDate) {
        self.payment = payment
        self.patient = patient
        self.amount = amount
        self.applications = applications
        self.reason = reason
        self.voidedOn = voidedOn
    }

    /// v1: payment, patient ids; amount; applications; reason; date.
    public func encode(to w: inout ByteWriter) {
        w.write(payment)
        w.write(patient)
        w.write(amount)
        w.writeArray(applications) { $0.write($1) }
        w.writeString(reason)
        w.write(voidedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        payment = try r.readID()
        patient = try r.readID()
        amount = try r.readMoney()
        applications = try r.readApplications()
        reason = try r.readString()
        voidedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("payment", .id(payment)), ("patient", .id(patient)), ("amount", .money(amount)),
                 ("applications", .array(applications.map(\.json))), ("reason", .string(reason)), ("voidedOn", .text(voidedOn))])
    }
}
