/// One numbered family's records in a rebuild table, held as values of their
/// own type rather than each in a box of its own.
///
/// At a million events a rebuild's time goes mostly to memory: every boxed record
/// is an allocation, a reference count touched on each access and again when it
/// is freed, each on an object long out of the cache. A family whose first write
/// is a record of type `R` keeps `[R?]` indexed by number (same base and window as
/// `NumberedFamily`); the table turns it into an ordinary family of slots
/// (`slots()`) the first time it is used any other way (bytes, a deletion, another
/// record type, a number outside the window), so every access keeps the meaning it
/// has everywhere else. A change (`update`) happens in place, in the family's
/// storage, and a read (`withValue`) is lent from it, so neither may use the
/// family: any use of it meanwhile stops the program (a read model's bug, never
/// the user's input).
class AnyRecordFamily {
    final let recordType: ObjectIdentifier
    final let base: UInt64

    /// Only `RecordFamily` makes one (so `recordType` names its own values' type).
    fileprivate init(recordType: ObjectIdentifier, base: UInt64) {
        self.recordType = recordType
        self.base = base
    }

    final func covers(_ number: UInt64) -> Bool { NumberedFamily.covers(number, base: base) }

    // Overridden by `RecordFamily`, the only kind there is.
    var count: Int { 0 }
    /// Whether one of its records is being changed (`update`).
    var isChanging: Bool { false }
    /// Forgets the record under `number`, if any.
    func remove(_ number: UInt64) {}
    /// Every record boxed, by number: what the family holds as slots.
    func slots() -> [(number: UInt64, slot: TableOverlay.Slot)] { [] }
    /// Every record encoded, with its key.
    func forEachEncoded(family: Int, _ body: (CacheKey, TableOverlay.Slot) -> Void) {}
    /// Every record encoded straight into the rebuild's buffer.
    func pack(family: Int, into packed: inout PackedEntries) {}
}

final class RecordFamily<R: ViewRecord>: AnyRecordFamily {
    @exclusivity(unchecked) private var values: [R?] = []
    @exclusivity(unchecked) private var held = 0
    @exclusivity(unchecked) private var changing = false

    init(first: UInt64) {
        super.init(recordType: ObjectIdentifier(R.self), base: NumberedFamily.base(first: first))
    }

    override var count: Int { held }
    override var isChanging: Bool { changing }

    func value(at number: UInt64) -> R? {
        precondition(!changing, "a record family read while one of its records is being changed")
        let index = Int(number - base)
        return index < values.count ? values[index] : nil
    }

    /// Calls `body` with the record where it lies (nil when there is none): reading a
    /// field or two of a large record costs no copy of the rest.
    func withValue<T>(at number: UInt64, _ body: (R?) throws -> T) rethrows -> T {
        precondition(!changing, "a record family read while one of its records is being changed")
        let index = Int(number - base)
        guard index < values.count else { return try body(nil) }
        // The record is lent from the storage: the family must not move meanwhile.
        changing = true
        defer { changing = false }
        return try values.withUnsafeBufferPointer { try body($0[index]) }
    }

    /// Changes the record where it lies (from `initial()` when there is none): no copy
    /// out and back, which for records of a hundred bytes and more was most of the cost.
    func update<T>(_ number: UInt64, initial: () -> R, _ change: (inout R) throws -> T) rethrows -> T {
        precondition(!changing, "a record family changed while one of its records is being changed")
        let index = Int(number - base)
        if index >= values.count { values.append(contentsOf: repeatElement(nil, count: index + 1 - values.count)) }
        if values[index] == nil {
            values[index] = initial()   // before the storage is lent out below
            held += 1
        }
        changing = true
        defer { changing = false }
        return try values.withUnsafeMutableBufferPointer { try change(&$0[index]!) }
    }

    /// Changes the record where it lies when there is one; nil when there is none.
    func updateIfPresent<T>(_ number: UInt64, _ change: (inout R) throws -> T) rethrows -> T? {
        precondition(!changing, "a record family changed while one of its records is being changed")
        let index = Int(number - base)
        guard index < values.count, values[index] != nil else { return nil }
        changing = true
        defer { changing = false }
        return try values.withUnsafeMutableBufferPointer { try change(&$0[index]!) }
    }

    override func remove(_ number: UInt64) {
        precondition(!changing, "a record family changed while one of its records is being changed")
        let index = Int(number - base)
        guard index < values.count, values[index] != nil else { return }
        values[index] = nil
        held -= 1
    }

    override func slots() -> [(number: UInt64, slot: TableOverlay.Slot)] {
        values.indices.compactMap { i in values[i].map { (base + UInt64(i), .record(RecordBox($0))) } }
    }

    override func forEachEncoded(family: Int, _ body: (CacheKey, TableOverlay.Slot) -> Void) {
        for i in values.indices {
            if let value = values[i] { body(NumberedKey(family: family, number: base + UInt64(i)).cacheKey, .bytes(value.encoded())) }
        }
    }

    override func pack(family: Int, into packed: inout PackedEntries) {
        values.withUnsafeBufferPointer { values in
            for i in values.indices {
                if let value = values[i] { packed.append(key: NumberedKey(family: family, number: base + UInt64(i)).cacheKey, value: value) }
            }
        }
    }
}
