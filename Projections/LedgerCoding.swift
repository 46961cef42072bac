import BinaryCodec
import RevenueCycle

/// The ledger's values in the A/R table: accounts as six varint cent amounts,
/// journal entries as date, owner, visit and delta.
/// Money stays Int64 cents end to end.
enum LedgerCoding {
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
