import BinaryCodec
import RevenueCycle

/// What the A/R model remembers about a visit: the ledger's facts (insured,
/// patient, date of service, claims), its account, and the dimensions aging is grouped by.
struct ARVisitRecord: Equatable {
    var insured: Bool?
    var patient: PatientID?
    var dateOfService: LocalDate?
    var provider: ProviderID?
    var location: LocationID?
    var claims: [ClaimID] = []
    /// The visit's ledger account; nil until something is posted to it.
    var account: LedgerAccount?

    func encode(into w: inout ByteWriter) {
        w.writeOptionalVarInt(insured.map { $0 ? 1 : 0 })
        w.writeOptionalVarInt(patient.map { Int64(bitPattern: $0.number) })
        w.writeOptionalVarInt(dateOfService?.daysSinceEpoch)
        w.writeOptionalVarInt(provider.map { Int64(bitPattern: $0.number) })
        w.writeOptionalVarInt(location.map { Int64(bitPattern: $0.number) })
        w.writeVarUInt(UInt64(claims.count))
        for c in claims { w.writeVarUInt(c.number) }
        w.writeBool(account != nil)
        if let account { LedgerCoding.write(account, &w) }
    }

    static func decode(_ bytes: [UInt8]) throws -> ARVisitRecord {
        var r = ByteReader(bytes)
        var v = ARVisitRecord()
        v.insured = try r.readOptionalVarInt().map { $0 != 0 }
        v.patient = try r.readOptionalVarInt().map { PatientID(UInt64(bitPattern: $0)) }
        v.dateOfService = try r.readOptionalVarInt().map(LocalDate.init(daysSinceEpoch:))
        v.provider = try r.readOptionalVarInt().map { ProviderID(UInt64(bitPattern: $0)) }
        v.location = try r.readOptionalVarInt().map { LocationID(UInt64(bitPattern: $0)) }
        let count = try r.readVarUInt()
        guard count <= 10_000 else { throw ProjectionError.damaged(ARAgingProjection.projectionName, "visit with \(count) claims") }
        for _ in 0..<count { v.claims.append(ClaimID(try r.readVarUInt())) }
        if try r.readBool() { v.account = try LedgerCoding.read(&r) }
        return v
    }
}

/// What the A/R model remembers about a claim: its visit and account (the
/// ledger's facts) and the payer, patient, provider and date of service it is aged by.
struct ARClaimRecord: Equatable {
    var visit: VisitID?
    var payer: PayerID?
    var patient: PatientID?
    var provider: ProviderID?
    var dateOfService: LocalDate?
    var createdOn: LocalDate?
    var account: LedgerAccount?

    func encode(into w: inout ByteWriter) {
        w.writeOptionalVarInt(createdOn?.daysSinceEpoch)
        w.writeOptionalVarInt(visit.map { Int64(bitPattern: $0.number) })
        w.writeOptionalVarInt(payer.map { Int64(bitPattern: $0.number) })
        w.writeOptionalVarInt(patient.map { Int64(bitPattern: $0.number) })
        w.writeOptionalVarInt(provider.map { Int64(bitPattern: $0.number) })
        w.writeOptionalVarInt(dateOfService?.daysSinceEpoch)
        w.writeBool(account != nil)
        if let account { LedgerCoding.write(account, &w) }
    }

    static func decode(_ bytes: [UInt8]) throws -> ARClaimRecord {
        var r = ByteReader(bytes)
        var c = ARClaimRecord()
        c.createdOn = try r.readOptionalVarInt().map(LocalDate.init(daysSinceEpoch:))
        c.visit = try r.readOptionalVarInt().map { VisitID(UInt64(bitPattern: $0)) }
        c.payer = try r.readOptionalVarInt().map { PayerID(UInt64(bitPattern: $0)) }
        c.patient = try r.readOptionalVarInt().map { PatientID(UInt64(bitPattern: $0)) }
        c.provider = try r.readOptionalVarInt().map { ProviderID(UInt64(bitPattern: $0)) }
        c.dateOfService = try r.readOptionalVarInt().map(LocalDate.init(daysSinceEpoch:))
        if try r.readBool() { c.account = try LedgerCoding.read(&r) }
        return c
    }
}

/// Binary forms inside the A/R table (ledger accounts and journal entries use `LedgerCoding`).
enum ARCoding {
    static func optionalID(_ r: inout ByteReader) throws -> UInt64? {
        try r.readOptionalVarInt().map { UInt64(bitPattern: $0) }
    }
}
