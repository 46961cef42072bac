/// A projection's keys held in memory while events are applied: a write-back
/// cache over its LMDB table during catch-up, or the whole table during a
/// rebuild (which starts empty, never reads LMDB, and is written out sorted).
///
/// In a rebuild, keys that are a family tag (one byte, or a byte and a small
/// kind code) followed by a big-endian number — a claim's record, a visit's
/// account, a day's totals — live in arrays indexed by that number. Read models
/// number their entities densely (ids count up from a store counter), so the
/// entities an event touches sit next to the ones before it: looking one up is
/// an index, not a hash and a probe into a table of a million keys. Keys that
/// are a tag, a number and one to three more numbers — an owner's entries — live
/// in rows indexed by the first number (`RowFamily`). Every other key is kept in
/// a dictionary.
final class TableOverlay: @unchecked Sendable {
    enum Slot {
        /// Known absent, or deleted.
        case absent
        case bytes([UInt8])
        /// A decoded record, encoded when written out.
        case record(AnyRecordBox)
    }

    let isWholeTable: Bool
    // The overlay is touched millions of times per rebuild, each access a run-time
    // exclusivity check; none overlaps (one thread per overlay, no callbacks while
    // a collection is being changed), so the checks are left out here.
    @exclusivity(unchecked) private var slots: [CacheKey: Slot] = [:]
    @exclusivity(unchecked) private var families: [NumberedFamily?]
    @exclusivity(unchecked) private var rowFamilies: [RowFamily?]
    /// Numbered families holding records unboxed; a family is here or in `families`, not both.
    @exclusivity(unchecked) private var recordFamilies: [AnyRecordFamily?]
    /// Keys to write to LMDB at the next flush (catch-up only; a whole table is written whole).
    @exclusivity(unchecked) var changed: Set<CacheKey> = []

    init(wholeTable: Bool) {
        isWholeTable = wholeTable
        families = wholeTable ? Array(repeating: nil, count: NumberedKey.familyCount) : []
        rowFamilies = wholeTable ? Array(repeating: nil, count: 256) : []
        recordFamilies = wholeTable ? Array(repeating: nil, count: NumberedKey.familyCount) : []
    }

    /// Calls `body` with the unboxed records family of `R` holding `key` (see `recordFamily`),
    /// or returns nil: the family is lent, not returned, so using it takes no reference.
    @inline(__always)
    func withRecordFamily<R: ViewRecord, T>(_ key: NumberedKey, _: R.Type, create: Bool,
                                            _ body: (RecordFamily<R>) throws -> T) rethrows -> T? {
        guard isWholeTable, let family = recordFamily(key, R.self, create: create), family.covers(key.number) else { return nil }
        return try body(family)
    }

    /// The unboxed records family of `R` for the key's family — made on the first write
    /// (`create`) of a family nothing else holds yet. nil when the family holds slots,
    /// or records of another type (it then becomes a family of slots).
    func recordFamily<R: ViewRecord>(_ key: NumberedKey, _: R.Type, create: Bool) -> RecordFamily<R>? {
        if let family = recordFamilies[key.family] {
            if family.recordType == ObjectIdentifier(R.self) { return unsafeDowncast(family, to: RecordFamily<R>.self) }
            boxRecords(of: key.family)
            return nil
        }
        guard create, families[key.family] == nil else { return nil }
        let family = RecordFamily<R>(first: key.number)
        recordFamilies[key.family] = family
        return family
    }

    /// Turns a family of unboxed records into one of slots, before it is used as slots.
    private func boxRecords(of index: Int) {
        guard let records = recordFamilies[index] else { return }
        precondition(!records.isChanging, "a record family used another way while one of its records is being changed")
        recordFamilies[index] = nil
        let family = NumberedFamily(base: records.base)
        for (number, slot) in records.slots() { _ = family.set(number, slot) }
        families[index] = family
    }

    /// What is known of `key`; nil when nothing is (absent, in a whole table).
    subscript(key: CacheKey) -> Slot? {
        get {
            if isWholeTable, let numbered = NumberedKey(key) {
                boxRecords(of: numbered.family)
                guard let family = families[numbered.family] else { return nil }   // no key of this family was ever set
                switch family.lookup(numbered.number) {
                case .held(let slot): return slot
                case .elsewhere: break
                }
            } else if isWholeTable, let row = RowKey(key) {
                guard let family = rowFamilies[row.tag] else { return nil }
                switch family.lookup(row) {
                case .held(let slot): return slot
                case .elsewhere: break
                }
            }
            return slots[key]
        }
        set {
            if isWholeTable, let numbered = NumberedKey(key) {
                // A deletion from a family of unboxed records keeps it unboxed (a merged
                // patient's account is deleted; boxing the family would slow the rest of a rebuild).
                if case .none = newValue, let records = recordFamilies[numbered.family], records.covers(numbered.number) {
                    return records.remove(numbered.number)
                }
                boxRecords(of: numbered.family)
                let family = Self.existing(&families, numbered.family) { NumberedFamily(first: numbered.number) }
                if family.set(numbered.number, newValue) { return }
            } else if isWholeTable, let row = RowKey(key) {
                let family = Self.existing(&rowFamilies, row.tag) { RowFamily(first: row.number) }
                if family.set(row, newValue) { return }
            }
            slots[key] = newValue
        }
    }

    /// The family at `index`, made by `make` (and kept) when there is none yet.
    private static func existing<Family>(_ families: inout [Family?], _ index: Int, _ make: () -> Family) -> Family {
        if let known = families[index] { return known }
        let made = make()
        families[index] = made
        return made
    }

    /// Records a change: in a whole table a deletion removes the key; in a cache it is remembered for the flush.
    func set(_ key: CacheKey, _ slot: Slot) {
        if isWholeTable {
            if case .absent = slot { self[key] = nil } else { self[key] = slot }
        } else {
            self[key] = slot
            changed.insert(key)
        }
    }

    /// Frees every entry (a rebuild does this in the background after the switch).
    func removeAll() {
        slots = [:]
        families = isWholeTable ? Array(repeating: nil, count: NumberedKey.familyCount) : []
        rowFamilies = isWholeTable ? Array(repeating: nil, count: 256) : []
        recordFamilies = isWholeTable ? Array(repeating: nil, count: NumberedKey.familyCount) : []
        changed = []
    }

    /// Every present entry, in no particular order; unboxed records as their bytes,
    /// unless `records` is false (the rebuild packs those itself).
    private func forEachEntry(records: Bool = true, _ body: (CacheKey, Slot) -> Void) {
        if records {
            for (index, family) in recordFamilies.enumerated() { family?.forEachEncoded(family: index, body) }
        }
        for (index, family) in families.enumerated() {
            family?.forEach { number, slot in body(NumberedKey(family: index, number: number).cacheKey, slot) }
        }
        for (tag, family) in rowFamilies.enumerated() { family?.forEach(tag: tag, body) }
        for (key, slot) in slots { body(key, slot) }
    }

    /// The entries it holds, give or take deletions not yet counted (sizes a rebuild's packing).
    var entryCountEstimate: Int {
        slots.count + families.reduce(0) { $0 + ($1?.count ?? 0) } + rowFamilies.reduce(0) { $0 + ($1?.count ?? 0) }
            + recordFamilies.reduce(0) { $0 + ($1?.count ?? 0) }
    }

    /// Every present entry with its bytes, sorted by key: what a rebuild writes out.
    func packedEntries() -> PackedEntries {
        var packed = PackedEntries()
        let count = entryCountEstimate
        packed.reserve(entries: count, bytes: count * 32)
        for (index, family) in recordFamilies.enumerated() { family?.pack(family: index, into: &packed) }
        forEachEntry(records: false) { key, slot in
            switch slot {
            case .bytes(let bytes): packed.append(key: key, value: bytes)
            case .record(let box): packed.append(key: key, record: box)
            case .absent: break
            }
        }
        packed.sort()
        return packed
    }

    /// Ordered scans are rare in `apply` (projections look keys up); sorting the matches is enough.
    func scan(prefix: [UInt8], from start: [UInt8]?, reverse: Bool, _ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        var matches: [(key: CacheKey, slot: Slot)] = []
        forEachEntry { key, slot in if key.bytes.starts(with: prefix) { matches.append((key, slot)) } }
        matches.sort { $0.key < $1.key }
        if let start {
            let s = CacheKey(start)
            matches = reverse ? matches.filter { $0.key <= s } : matches.filter { !($0.key < s) }
        }
        if reverse { matches.reverse() }
        for (key, slot) in matches {
            let value: [UInt8]
            switch slot {
            case .bytes(let bytes): value = bytes
            case .record(let box): value = box.encoded()
            case .absent: continue
            }
            guard try body(key.bytes, value) else { return }
        }
    }
}

/// A key that is a family tag and a big-endian number: `tag · n` (9 bytes) or
/// `tag · kind · n` (10 bytes, kind below 16).
struct NumberedKey {
    static let familyCount = 256 + 256 * 16

    let family: Int
    let number: UInt64

    init?(_ key: borrowing CacheKey) {
        switch key.count {
        case 9:
            guard let parts = key.withBytes({ raw -> (Int, UInt64)? in
                (Int(raw[0]), UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 1, as: UInt64.self)))
            }) else { return nil }
            (family, number) = parts
        case 10:
            guard let parts = key.withBytes({ raw -> (Int, UInt64)? in
                guard raw[1] < 16 else { return nil }
                return (256 + Int(raw[0]) * 16 + Int(raw[1]), UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 2, as: UInt64.self)))
            }) else { return nil }
            (family, number) = parts
        default:
            return nil
        }
    }

    init(family: Int, number: UInt64) {
        self.family = family
        self.number = number
    }

    /// The key's bytes again (built in place: a rebuild packs millions of them).
    var cacheKey: CacheKey {
        var key = CacheKey()
        if family < 256 {
            key.append(byte: UInt8(family))
        } else {
            key.append(byte: UInt8((family - 256) / 16))
            key.append(byte: UInt8((family - 256) % 16))
        }
        key.append(bigEndian: number)
        return key
    }
}

/// One family's slots, indexed by number from a base fixed by the first number
/// seen (less some room below, for dates that arrive out of order). Numbers
/// outside the window it may grow to are not taken: they stay in the dictionary,
/// and since the base never moves, a number always lands on the same side.
/// A class, so looking a slot up does not copy the family (and retain its array).
final class NumberedFamily {
    private static let roomBelow: UInt64 = 1 << 12
    private static let window: UInt64 = 1 << 22

    /// The base a family whose first number is `first` takes (records' families too).
    static func base(first: UInt64) -> UInt64 { first >= roomBelow ? first - roomBelow : 0 }

    static func covers(_ number: UInt64, base: UInt64) -> Bool { number >= base && number - base < window }

    let base: UInt64
    @exclusivity(unchecked) private var slots: [TableOverlay.Slot?] = []
    @exclusivity(unchecked) private(set) var count = 0

    init(first: UInt64) {
        base = Self.base(first: first)
    }

    /// A family taking over a records family's numbers (`RecordFamily.slots`).
    init(base: UInt64) {
        self.base = base
    }

    func covers(_ number: UInt64) -> Bool { Self.covers(number, base: base) }

    enum Lookup {
        /// The number is this family's to hold: here is its slot, or nil for none.
        case held(TableOverlay.Slot?)
        /// Outside the window: the key lives in the dictionary.
        case elsewhere
    }

    func lookup(_ number: UInt64) -> Lookup {
        guard covers(number) else { return .elsewhere }
        let index = Int(number - base)
        return .held(index < slots.count ? slots[index] : nil)
    }

    /// Stores (or with nil removes) a slot; false when the number is outside the window.
    func set(_ number: UInt64, _ slot: TableOverlay.Slot?) -> Bool {
        guard covers(number) else { return false }
        let index = Int(number - base)
        if index >= slots.count {
            guard slot != nil else { return true }
            slots.append(contentsOf: repeatElement(nil, count: index + 1 - slots.count))
        }
        if slots[index] == nil, slot != nil { count += 1 } else if slots[index] != nil, slot == nil { count -= 1 }
        slots[index] = slot
        return true
    }

    func forEach(_ body: (UInt64, TableOverlay.Slot) -> Void) {
        for (index, slot) in slots.enumerated() {
            if let slot { body(base + UInt64(index), slot) }
        }
    }
}
