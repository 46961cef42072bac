import BinaryCodec
import RevenueCycle

/// One open receivable the aging report ages: a claim's insurance balance, a
/// visit's insurance balance not yet on a claim, a visit's patient balance, a
/// patient's account-level balance (unapplied payments: credits), or practice
/// insurance money with no visit.
///
/// It keeps every change to its balance with its effective date, so its
/// balance on any past date is the sum of the changes dated on or before it.
public struct AROpenItem: Sendable, Equatable {
    public enum Kind: UInt8, Sendable, CaseIterable {
        case claimInsurance = 0x49      // "I" · claim
        case unbilledInsurance = 0x55   // "U" · visit
        case visitPatient = 0x54        // "T" · visit
        case accountPatient = 0x58      // "X" · patient
        case practiceInsurance = 0x5A   // "Z"

        public var isInsurance: Bool { self == .claimInsurance || self == .unbilledInsurance || self == .practiceInsurance }
    }

    public let kind: Kind
    /// The claim, visit or patient number the item is keyed by (0 for the practice).
    public let owner: UInt64
    public var dateOfService: LocalDate?
    public var payer: PayerID?
    public var patient: PatientID?
    public var provider: ProviderID?
    public var location: LocationID?
    /// Days since 1970-01-01 → net change that day, ascending by day.
    public private(set) var changes: [(day: Int64, amount: Money)] = []

    init(kind: Kind, owner: UInt64) {
        self.kind = kind
        self.owner = owner
    }

    /// The balance as of the end of `date` (by effective dates).
    public func balance(asOf date: LocalDate) -> Money {
        let cut = date.daysSinceEpoch
        var total = Money.zero
        for c in changes where c.day <= cut { total += c.amount }
        return total
    }

    public var balance: Money { Money.sum(changes.map(\.amount)) }

    /// Adds one dated change, keeping one entry per day.
    mutating func add(_ amount: Money, on date: LocalDate) {
        let day = date.daysSinceEpoch
        // Most changes land on the item's latest day or after it.
        if let last = changes.last, last.day <= day {
            if last.day == day { changes[changes.count - 1].amount += amount } else { changes.append((day, amount)) }
        } else if let i = changes.firstIndex(where: { $0.day >= day }) {
            if changes[i].day == day { changes[i].amount += amount } else { changes.insert((day, amount), at: i) }
        } else {
            changes.append((day, amount))
        }
    }

    public static func == (a: AROpenItem, b: AROpenItem) -> Bool {
        a.kind == b.kind && a.owner == b.owner && a.dateOfService == b.dateOfService && a.payer == b.payer
            && a.patient == b.patient && a.provider == b.provider && a.location == b.location
            && a.changes.map(\.day) == b.changes.map(\.day) && a.changes.map(\.amount) == b.changes.map(\.amount)
    }

    var key: ViewKey { Self.key(kind, owner) }

    static func key(_ kind: Kind, _ owner: UInt64) -> ViewKey { ViewKey(Unicode.Scalar(kind.rawValue)).number(owner) }

    func encode(into w: inout ByteWriter) {
        w.writeOptionalVarInt(dateOfService?.daysSinceEpoch)
        // One at a time, not as an array of four: a rebuild encodes hundreds of thousands of items.
        w.writeOptionalVarInt(payer.map { Int64(bitPattern: $0.number) })
        w.writeOptionalVarInt(patient.map { Int64(bitPattern: $0.number) })
        w.writeOptionalVarInt(provider.map { Int64(bitPattern: $0.number) })
        w.writeOptionalVarInt(location.map { Int64(bitPattern: $0.number) })
        w.writeVarUInt(UInt64(changes.count))
        var previous: Int64 = 0
        for c in changes {
            w.writeVarInt(c.day - previous)
            w.writeVarInt(c.amount.cents)
            previous = c.day
        }
    }

    static func decode(_ key: [UInt8], _ bytes: [UInt8]) throws -> AROpenItem {
        guard let tag = key.first, let kind = Kind(rawValue: tag), let owner = ViewKey.number(in: key, at: 1) else {
            throw ProjectionError.damaged(ARAgingProjection.projectionName, "item key of \(key.count) bytes")
        }
        var item = AROpenItem(kind: kind, owner: owner)
        var r = ByteReader(bytes)
        item.dateOfService = try r.readOptionalVarInt().map(LocalDate.init(daysSinceEpoch:))
        item.payer = try ARCoding.optionalID(&r).map(PayerID.init)
        item.patient = try ARCoding.optionalID(&r).map(PatientID.init)
        item.provider = try ARCoding.optionalID(&r).map(ProviderID.init)
        item.location = try ARCoding.optionalID(&r).map(LocationID.init)
        let count = try r.readVarUInt()
        var day: Int64 = 0
        item.changes.reserveCapacity(Int(min(count, 1024)))
        for _ in 0..<count {
            day += try r.readVarInt()
            item.changes.append((day, Money(cents: try r.readVarInt())))
        }
        return item
    }
}
