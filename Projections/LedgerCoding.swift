import BinaryCodec
import RevenueCycle

/// The ledger table's values: accounts as six varint cent amounts, facts as a
/// tag byte and their numbers, journal entries as date, owner, visit and delta.
/// Money stays Int64 cents end to end.
enum LedgerCoding {
    static let name = LedgerProjection.projectionName

    static func encode(_ a: LedgerAccount) -> [UInt8] {
        var w = ByteWriter()
        write(a, &w)
        return w.bytes
    }

    static func write(_ a: LedgerAccount, _ w: inout ByteWriter) {
        w.writeVarInt(a.charges.cents)
        w.writeVarInt(a.payerPayments.cents)
        w.writeVarInt(a.adjustments.cents)
        w.writeVarInt(a.patientPayments.cents)
        w.writeVarInt(a.insuranceBalance.cents)
        w.writeVarInt(a.patientBalance.cents)
    }

    static func account(_ bytes: [UInt8]) throws -> LedgerAccount {
        var r = ByteReader(bytes)
        return try read(&r)
    }

    static func read(_ r: inout ByteReader) throws -> LedgerAccount {
        func m() throws -> Money { Money(cents: try r.readVarInt()) }
        return LedgerAccount(charges: try m(), payerPayments: try m(), adjustments: try m(), patientPayments: try m(),
                             insuranceBalance: try m(), patientBalance: try m())
    }

    static func encode(_ fact: LedgerFact) -> [UInt8] {
        var w = ByteWriter()
        write(fact, &w)
        return w.bytes
    }

    static func write(_ fact: LedgerFact, _ w: inout ByteWriter) {
        switch fact {
        case .flag(let b): w.writeByte(0); w.writeBool(b)
        case .patient(let id): w.writeByte(1); w.writeVarUInt(id.number)
        case .visit(let id): w.writeByte(2); w.writeVarUInt(id.number)
        case .claim(let id): w.writeByte(3); w.writeVarUInt(id.number)
        case .claims(let ids):
            w.writeByte(4)
            w.writeVarUInt(UInt64(ids.count))
            for id in ids { w.writeVarUInt(id.number) }
        case .date(let d): w.writeByte(5); w.writeVarInt(d.daysSinceEpoch)
        case .money(let m): w.writeByte(6); w.writeVarInt(m.cents)
        case .charge(let c):
            w.writeByte(7)
            w.writeVarUInt(c.visit.number)
            w.writeVarUInt(c.patient.number)
            w.writeVarInt(c.date.daysSinceEpoch)
            write(c.delta, &w)
        }
    }

    static func fact(_ bytes: [UInt8]) throws -> LedgerFact {
        var r = ByteReader(bytes)
        switch try r.readByte() {
        case 0: return .flag(try r.readBool())
        case 1: return .patient(PatientID(try r.readVarUInt()))
        case 2: return .visit(VisitID(try r.readVarUInt()))
        case 3: return .claim(ClaimID(try r.readVarUInt()))
        case 4:
            var ids: [ClaimID] = []
            for _ in 0..<(try r.readLength()) { ids.append(ClaimID(try r.readVarUInt())) }
            return .claims(ids)
        case 5: return .date(LocalDate(daysSinceEpoch: try r.readVarInt()))
        case 6: return .money(Money(cents: try r.readVarInt()))
        case 7:
            return .charge(ChargePosting(visit: VisitID(try r.readVarUInt()), patient: PatientID(try r.readVarUInt()),
                                         date: LocalDate(daysSinceEpoch: try r.readVarInt()), delta: try read(&r)))
        case let tag: throw ProjectionError.damaged(name, "fact tag \(tag)")
        }
    }

    static func encode(_ e: LedgerEntry) -> [UInt8] {
        var w = ByteWriter()
        w.writeVarInt(e.date.daysSinceEpoch)
        w.writeVarUInt(e.patient?.number ?? 0)
        w.writeVarUInt(e.visit?.number ?? 0)
        write(e.delta, &w)
        return w.bytes
    }

    /// Id 0 means none: no id is ever 0 (they start at 1001, or 1 in tests).
    static func entry(_ bytes: [UInt8]) throws -> LedgerEntry {
        var r = ByteReader(bytes)
        let date = LocalDate(daysSinceEpoch: try r.readVarInt())
        let patient = try r.readVarUInt(), visit = try r.readVarUInt()
        return LedgerEntry(date: date, patient: patient == 0 ? nil : PatientID(patient), visit: visit == 0 ? nil : VisitID(visit),
                           delta: try read(&r))
    }
}
