import BinaryCodec
import RevenueCycle

/// A visit as the KPI model keeps it: its financial class and its live charges.
struct KPIVisit {
    var insured = false
    var charges: [ChargeID] = []

    /// Stored as the class byte (all version 1 kept), then the charge ids.
    static func read(_ id: VisitID, in table: ProjectionTable) throws -> KPIVisit {
        guard let bytes = try table.get(KPIKeys.visit(id)), let first = bytes.first else { return KPIVisit() }
        var visit = KPIVisit(insured: first != 0)
        var r = ByteReader(Array(bytes.dropFirst()))
        while !r.isAtEnd { visit.charges.append(ChargeID(try r.readVarUInt())) }
        return visit
    }

    func write(_ id: VisitID, in table: ProjectionTable) throws {
        var w = ByteWriter()
        w.writeByte(insured ? 1 : 0)
        for c in charges { w.writeVarUInt(c.number) }
        try table.put(KPIKeys.visit(id), w.bytes)
    }
}

/// A live charge as the KPI model keeps it, so a void or a class change takes back exactly what it counted.
struct KPICharge {
    var service: LocalDate
    var entry: LocalDate
    var amount: Money
    var selfPay: Bool
    /// nil in records written before the visit was kept (none in a rebuilt v2 model).
    var visit: VisitID?

    static func read(_ id: ChargeID, in table: ProjectionTable) throws -> KPICharge? {
        guard let bytes = try table.get(KPIKeys.charge(id)) else { return nil }
        var r = ByteReader(bytes)
        let service = LocalDate(daysSinceEpoch: try r.readVarInt())
        let entry = LocalDate(daysSinceEpoch: try r.readVarInt())
        let amount = Money(cents: try r.readVarInt())
        let selfPay = try r.readVarInt() != 0
        let visit = r.isAtEnd ? nil : VisitID(try r.readVarUInt())
        return KPICharge(service: service, entry: entry, amount: amount, selfPay: selfPay, visit: visit)
    }

    func write(_ id: ChargeID, in table: ProjectionTable) throws {
        var w = ByteWriter()
        for v in [service.daysSinceEpoch, entry.daysSinceEpoch, amount.cents, selfPay ? 1 : 0] { w.writeVarInt(v) }
        if let visit { w.writeVarUInt(visit.number) }
        try table.put(KPIKeys.charge(id), w.bytes)
    }
}
