import BinaryCodec
import RevenueCycle

/// The key layout of the schedule table. One LMDB table holds four key
/// families told apart by their first byte; every number after it is
/// big-endian (signed ones with the sign bit flipped), so LMDB's byte order is
/// numeric order and a range scan over dates or instants walks time forward.
///
/// | prefix | key                                                   | value                |
/// |--------|-------------------------------------------------------|----------------------|
/// | `A`    | appointment                                           | `ScheduleEntry`      |
/// | `D`    | local date · provider · start instant · appointment   | empty (index)        |
/// | `P`    | patient · start instant · appointment                 | empty (index)        |
/// | `C`    | year·12+month · provider · appointment type           | `ScheduleCounters`   |
///
/// Each field is 8 bytes. The local date is the day in the location's zone,
/// so a day's calendar is one contiguous range, ordered by provider then time.
enum ScheduleKeys {
    static let appointmentPrefix: UInt8 = 0x41   // "A"
    static let dayPrefix: UInt8 = 0x44           // "D"
    static let patientPrefix: UInt8 = 0x50       // "P"
    static let counterPrefix: UInt8 = 0x43       // "C"

    /// Maps a signed number onto unsigned order: Int64.min → 0, 0 → 2⁶³.
    static func ordered(_ n: Int64) -> UInt64 { UInt64(bitPattern: n) ^ (1 << 63) }
    static func unordered(_ n: UInt64) -> Int64 { Int64(bitPattern: n ^ (1 << 63)) }

    static func key(_ prefix: UInt8, _ fields: [UInt64]) -> [UInt8] {
        var w = ByteWriter()
        w.writeByte(prefix)
        for f in fields { w.writeUInt64BigEndian(f) }
        return w.bytes
    }

    static func appointment(_ id: AppointmentID) -> ViewKey { ViewKey(Unicode.Scalar(appointmentPrefix)).id(id) }

    static func day(_ date: LocalDate) -> [UInt8] { key(dayPrefix, [ordered(date.daysSinceEpoch)]) }

    static func day(_ date: LocalDate, provider: ProviderID) -> [UInt8] {
        key(dayPrefix, [ordered(date.daysSinceEpoch), provider.number])
    }

    /// The day index key of an entry whose local date is `date` (`entry.localDate`, passed
    /// in because finding it asks the time zone database).
    static func day(_ entry: ScheduleEntry, on date: LocalDate) -> ViewKey {
        ViewKey(Unicode.Scalar(dayPrefix)).number(ordered(date.daysSinceEpoch)).id(entry.provider)
            .number(ordered(entry.start.secondsSinceEpoch)).id(entry.appointment)
    }

    static func patient(_ id: PatientID) -> [UInt8] { key(patientPrefix, [id.number]) }

    static func patient(_ entry: ScheduleEntry) -> ViewKey {
        ViewKey(Unicode.Scalar(patientPrefix)).id(entry.patient).number(ordered(entry.start.secondsSinceEpoch)).id(entry.appointment)
    }

    static func counter(_ k: ScheduleCounterKey) -> ViewKey {
        ViewKey(Unicode.Scalar(counterPrefix)).number(UInt64(k.year * 12 + (k.month - 1))).id(k.provider).id(k.appointmentType)
    }

    static func counterKey(of entry: ScheduleEntry, on date: LocalDate) -> ScheduleCounterKey {
        ScheduleCounterKey(year: date.year, month: date.month, provider: entry.provider,
                                  appointmentType: entry.appointmentType)
    }

    /// The 8-byte field at `index` (0-based, after the prefix byte).
    static func field(_ key: [UInt8], _ index: Int) -> UInt64? {
        let from = 1 + index * 8
        guard key.count >= from + 8 else { return nil }
        return key[from..<(from + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    static func decodeCounterKey(_ key: [UInt8]) -> ScheduleCounterKey? {
        guard let months = field(key, 0), let provider = field(key, 1), let type = field(key, 2) else { return nil }
        return ScheduleCounterKey(year: Int(months / 12), month: Int(months % 12) + 1,
                                  provider: ProviderID(provider), appointmentType: AppointmentTypeID(type))
    }
}
