import BinaryCodec

/// A procedure billed on a visit: what was done, why (diagnoses), and for how much.
///
/// The amount is the fee schedule's price times units unless a biller
/// overrode it; then the schedule's amount and the reason are kept beside it,
/// so an auditor sees both what the practice charges and why this line differs.
public struct ChargeEntered: EventPayload, Equatable {
    public static let typeName = "ChargeEntered"
    public static let schemaVersion: UInt8 = 1

    public let charge: ChargeID
    public let visit: VisitID
    public let patient: PatientID
    /// The rendering provider.
    public let provider: ProviderID
    public let dateOfService: LocalDate
    public let procedure: ProcedureCode
    /// At most four, in billing order.
    public let modifiers: [Modifier]
    public let units: Int
    /// The charge's own diagnoses, primary first.
    public let diagnoses: [DiagnosisCode]
    /// 1-based positions in `diagnoses`, one to four.
    public let pointers: [Int]
    public let amount: Money
    /// The fee schedule's amount (times units), when the charge was overridden or priced from it.
    public let feeScheduleAmount: Money?
    /// Why the amount differs from the fee schedule; nil when it was not overridden.
    public let overrideReason: String?
    /// Effective date of entry, for charge lag (entry − service).
    public let enteredOn: LocalDate

    public init(charge: ChargeID, visit: VisitID, patient: PatientID, provider: ProviderID, dateOfService: LocalDate,
                procedure: ProcedureCode, modifiers: [Modifier] = [], units: Int = 1, diagnoses: [DiagnosisCode],
                pointers: [Int], amount: Money, feeScheduleAmount: Money? = nil, overrideReason: String? = nil,
                enteredOn: LocalDate) {
        self.charge = charge
        self.visit = visit
        self.patient = patient
        self.provider = provider
        self.dateOfService = dateOfService
        self.procedure = procedure
        self.modifiers = modifiers
        self.units = units
        self.diagnoses = diagnoses
        self.pointers = pointers
        self.amount = amount
        self.feeScheduleAmount = feeScheduleAmount
        self.overrideReason = overrideReason
        self.enteredOn = enteredOn
    }

    /// v1: charge, visit, patient, provider ids; date of service; code; modifiers
    /// array; units; diagnoses array; pointers array; amount; optional fee-schedule
    /// amount; optional override reason; entered-on date.
    public func encode(to w: inout ByteWriter) {
        w.write(charge)
        w.write(visit)
        w.write(patient)
        w.write(provider)
        w.write(dateOfService)
        w.write(procedure)
        w.writeArray(modifiers) { $0.write($1) }
        w.write(units)
        w.writeArray(diagnoses) { $0.write($1) }
        w.writeArray(pointers) { $0.write($1) }
        w.write(amount)
        w.writeOptional(feeScheduleAmount) { $0.write($1) }
        w.writeOptionalString(overrideReason)
        w.write(enteredOn)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        charge = try r.readID()
        visit = try r.readID()
        patient = try r.readID()
        provider = try r.readID()
        dateOfService = try r.readDate()
        procedure = try r.readProcedure()
        modifiers = try r.readArray { (r) throws(DecodingError) in try r.readModifier() }
        units = try r.readInt()
        diagnoses = try r.readArray { (r) throws(DecodingError) in try r.readDiagnosis() }
        pointers = try r.readArray { (r) throws(DecodingError) in try r.readInt() }
        amount = try r.readMoney()
        feeScheduleAmount = try r.readOptional { (r) throws(DecodingError) in try r.readMoney() }
        overrideReason = try r.readOptionalString()
        enteredOn = try r.readDate()
    }

    public var json: JSONValue {
        .object([
            ("charge", .id(charge)), ("visit", .id(visit)), ("patient", .id(patient)), ("provider", .id(provider)),
            ("dateOfService", .text(dateOfService)), ("code", .text(procedure)),
            ("modifiers", .array(modifiers.map(JSONValue.text))), ("units", .count(units)),
            ("diagnoses", .array(diagnoses.map(JSONValue.text))), ("pointers", .array(pointers.map(JSONValue.count))),
            ("amount", .money(amount)), ("feeScheduleAmount", .maybe(feeScheduleAmount, JSONValue.money)),
            ("overrideReason", .optional(overrideReason)), ("enteredOn", .text(enteredOn)),
        ])
    }
}

/// A charge entered in error; it is never billed. Voiding keeps the history
/// (the log is append-only) while taking the charge out of claims and balances.
public struct ChargeVoided: EventPayload, Equatable {
    public static let typeName = "ChargeVoided"
    public static let schemaVersion: UInt8 = 1

    public let charge: ChargeID
    public let reason: String

    public init(charge: ChargeID, reason: String) {
        self.charge = charge
        self.reason = reason
    }

    /// v1: charge id, reason.
    public func encode(to w: inout ByteWriter) {
        w.write(charge)
        w.writeString(reason)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        charge = try r.readID()
        reason = try r.readString()
    }

    public var json: JSONValue { .object([("charge", .id(charge)), ("reason", .string(reason))]) }
}
