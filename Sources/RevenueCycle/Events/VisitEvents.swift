import BinaryCodec

/// The patient arrived; `copayDue` is what the front desk collects now, from
/// the coverage active that day (nil coverage: self-pay).
public struct PatientCheckedIn: EventPayload, Equatable {
    public static let typeName = "PatientCheckedIn"
    public static let schemaVersion: UInt8 = 1

    public let appointment: AppointmentID
    public let copayDue: Money
    public let coverage: CoverageID?

    public init(appointment: AppointmentID, copayDue: Money, coverage: CoverageID?) {
        self.appointment = appointment
        self.copayDue = copayDue
        self.coverage = coverage
    }

    /// v1: appointment id, copay cents, optional coverage id.
    public func encode(to w: inout ByteWriter) {
        w.write(appointment)
        w.write(copayDue)
        w.writeOptional(coverage) { $0.write($1) }
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        appointment = try r.readID()
        copayDue = try r.readMoney()
        coverage = try r.readOptional { (r) throws(DecodingError) in try r.readID() }
    }

    public var json: JSONValue {
        .object([("appointment", .id(appointment)), ("copayDue", .money(copayDue)), ("coverage", .maybe(coverage, JSONValue.id))])
    }
}

/// The patient was seen; a visit is opened for charges.
public struct PatientCheckedOut: EventPayload, Equatable {
    public static let typeName = "PatientCheckedOut"
    public static let schemaVersion: UInt8 = 1

    public let appointment: AppointmentID
    public let visit: VisitID

    public init(appointment: AppointmentID, visit: VisitID) {
        self.appointment = appointment
        self.visit = visit
    }

    /// v1: appointment id, visit id.
    public func encode(to w: inout ByteWriter) {
        w.write(appointment)
        w.write(visit)
    }

    public init(from r: inout ByteReader, schemaVersion: UInt8) throws(DecodingError) {
        try requireSchemaVersion(schemaVersion, in: 1...1, for: Self.typeName)
        appointment = try r.readID()
        visit = try r.readID()
    }

    public var json: JSONValue { .object([("appointment", .id(appointment)), ("visit", .id(visit))]) }
}
