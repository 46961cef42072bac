import BinaryCodec

/// Money from a patient, at the desk, by mail or by card, and where it went.
///
/// What is not applied to a visit stays on the patient's account as a credit.
/// A card payment carries only the gateway's token and the last four digits.
public struct PatientPaymentPosted: EventPayload, Equatable {
    public static let typeName = "PatientPaymentPosted"
    public static let schemaVersion: UInt8 = 1

    public let payment: PaymentID
    public let patient: PatientID
    public let amount: Money
    public let method: PatientPaymentMethod
    /// Check number or receipt reference.
    public let reference: String?
    public let cardToken: String?
    public let cardLast4: String?
    public let applications: [PaymentApplication]
    public let receivedOn: LocalDate

    public init(payment: PaymentID, patient: PatientID, amount: Money, method: PatientPaymentMethod, reference: String? = nil,
                cardToken: String? = nil, cardLast4: String? = nil, applications: [PaymentApplication], receivedOn: LocalDate) {
        self.payment = payment
        self.patient = patient
        self.amount = amount
        self.method = method
        self.reference = reference
        self.cardToken = cardToken
        self.cardLast4 = cardLast4
        self.applications = applications
        self.receivedOn = receivedOn
    }

    /// The part left on the account as a credit.
    public var unapplied: Money { amount - Money.sum(applications.map(\.amount)) }

    /// v1: payment, patient ids; amount; method tag; optional reference, token,
    /// last four; applications (visit, amount); date.
    public func encode(to w: inout ByteWriter) {
        w.write(payment)
        w.write(patient)
        w.write(amount)
        w.writeTag(method)
        w.writeOptionalString(reference)
        w.writeOptionalString(cardToken)
        w.writeOptionalString(cardLast4)
        w.writeArray(applications) { $0.write($1) }
        w.write(receivedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        payment = try r.readID()
        patient = try r.readID()
        amount = try r.readMoney()
        method = try r.readTag()
        reference = try r.readOptionalString()
        cardToken = try r.readOptionalString()
        let lastStart = r.offset
        cardLast4 = try r.readOptionalString()
        // A longer value could be a card number slipped in by a bug: refuse to read it back.
        if let last = cardLast4, last.count != 4 || !ASCII.allDigits(last) {
            throw .invalid(at: lastStart, reason: "card last four must be four digits")
        }
        applications = try r.readApplications()
        receivedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("payment", .id(payment)), ("patient", .id(patient)), ("amount", .money(amount)), ("method", .text(method)),
                 ("reference", .optional(reference)), ("cardToken", .optional(cardToken)), ("cardLast4", .optional(cardLast4)),
                 ("applications", .array(applications.map(\.json))), ("unapplied", .money(unapplied)),
                 ("receivedOn", .text(receivedOn))])
    }
}

/// Money given back to a patient from one payment; `applications` are taken
/// back from those visits, the rest from the payment's unapplied credit.
public struct PatientRefunded: EventPayload, Equatable {
    public static let typeName = "PatientRefunded"
    public static let schemaVersion: UInt8 = 1

    public let payment: PaymentID
    public let patient: PatientID
    public let amount: Money
    public let applications: [PaymentApplication]
    public let reason: String
    public let refundedOn: LocalDate

    public init(payment: PaymentID, patient: PatientID, amount: Money, applications: [PaymentApplication], reason: String,
                refundedOn: LocalDate) {
        self.payment = payment
        self.patient = patient
        self.amount = amount
        self.applications = applications
        self.reason = reason
        self.refundedOn = refundedOn
    }

    /// v1: payment, patient ids; amount; applications; reason; date.
    public func encode(to w: inout ByteWriter) {
        w.write(payment)
        w.write(patient)
        w.write(amount)
        w.writeArray(applications) { $0.write($1) }
        w.writeString(reason)
        w.write(refundedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        payment = try r.readID()
        patient = try r.readID()
        amount = try r.readMoney()
        applications = try r.readApplications()
        reason = try r.readString()
        refundedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("payment", .id(payment)), ("patient", .id(patient)), ("amount", .money(amount)),
                 ("applications", .array(applications.map(\.json))), ("reason", .string(reason)), ("refundedOn", .text(refundedOn))])
    }
}

/// A patient balance reduced without a payment: a write-off, a small balance, a courtesy.
public struct PatientAdjustmentPosted: EventPayload, Equatable {
    public static let typeName = "PatientAdjustmentPosted"
    public static let schemaVersion: UInt8 = 1

    public let adjustment: AdjustmentID
    public let patient: PatientID
    /// The visit whose balance is reduced; nil reduces the account's oldest balances as a whole.
    public let visit: VisitID?
    public let amount: Money
    public let reason: PatientAdjustmentReason
    public let note: String?
    public let postedOn: LocalDate

    public init(adjustment: AdjustmentID, patient: PatientID, visit: VisitID?, amount: Money, reason: PatientAdjustmentReason,
                note: String? = nil, postedOn: LocalDate) {
        self.adjustment = adjustment
        self.patient = patient
        self.visit = visit
        self.amount = amount
        self.reason = reason
        self.note = note
        self.postedOn = postedOn
    }

    /// v1: adjustment, patient ids; optional visit; amount; reason tag; optional note; date.
    public func encode(to w: inout ByteWriter) {
        w.write(adjustment)
        w.write(patient)
        w.writeOptional(visit) { $0.write($1) }
        w.write(amount)
        w.writeTag(reason)
        w.writeOptionalString(note)
        w.write(postedOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        adjustment = try r.readID()
        patient = try r.readID()
        visit = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
        amount = try r.readMoney()
        reason = try r.readTag()
        note = try r.readOptionalString()
        postedOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([("adjustment", .id(adjustment)), ("patient", .id(patient)), ("visit", .maybe(visit, JSONValue.id)),
                 ("amount", .money(amount)), ("reason", .text(reason)), ("note", .optional(note)), ("postedOn", .text(postedOn))])
    }
}
