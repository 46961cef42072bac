/// A key that is a family tag, a big-endian number and one to three more
/// big-endian words: `tag · n · w…` (17, 25 or 33 bytes). Read models key their
/// per-owner entries this way — a patient's journal (`J` · patient · position · index),
/// a chart's appointments (`a` · chart · appointment), a day's calendar entries —
/// so a rebuild can hold them in rows indexed by the owner's number.
struct RowKey {
    /// The words after the number, zero-filled, with how many there are; ordered
    /// as the key bytes are.
    struct Rest: Comparable {
        var words: (UInt64, UInt64, UInt64)
        var count: Int

        static func == (a: Rest, b: Rest) -> Bool {
            a.words == b.words && a.count == b.count
        }

        static func < (a: Rest, b: Rest) -> Bool {
            if a.words.0 != b.words.0 { return a.words.0 < b.words.0 }
            if a.words.1 != b.words.1 { return a.words.1 < b.words.1 }
            if a.words.2 != b.words.2 { return a.words.2 < b.words.2 }
            return a.count < b.count
        }
    }

    let tag: Int
    let number: UInt64
    let rest: Rest

    init?(_ key: borrowing CacheKey) {
        let count = key.count
        guard count == 17 || count == 25 || count == 33 else { return nil }
        let words = (count - 9) / 8
        (tag, number, rest) = key.withBytes { raw in
            func word(_ offset: Int) -> UInt64 { UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            return (Int(raw[0]), word(1),
                    Rest(words: (word(9), words > 1 ? word(17) : 0, words > 2 ? word(25) : 0), count: words))
        }
    }

    init(tag: Int, number: UInt64, rest: Rest) {
        self.tag = tag
        self.number = number
        self.rest = rest
    }

    /// The key's bytes again.
    var cacheKey: CacheKey {
        var key = CacheKey()
        key.append(byte: UInt8(tag))
        key.append(bigEndian: number)
        key.append(bigEndian: rest.words.0)
        if rest.count > 1 { key.append(bigEndian: rest.words.1) }
        if rest.count > 2 { key.append(bigEndian: rest.words.2) }
        return key
    }
}

/// One tag's row keys in a rebuild table: a row per number, indexed by number from
/// a base fixed by the first number seen (like `NumberedFamily`), each row's
/// entries sorted by the rest of the key. An owner's entries are few and usually
/// arrive in order, so a lookup is an index and a short binary search, where the
/// table's dictionary would hash a 17- to 33-byte key into a million others.
final class RowFamily {
    struct Entry {
        var rest: RowKey.Rest
        var slot: TableOverlay.Slot
    }

    private let base: UInt64
    /// An empty row holds no allocation.
    @exclusivity(unchecked) private var rows: [[Entry]] = []
    @exclusivity(unchecked) private(set) var count = 0

    init(first: UInt64) {
        base = NumberedFamily.base(first: first)
    }

    private func covers(_ number: UInt64) -> Bool { NumberedFamily.covers(number, base: base) }

    /// The key's slot, or nil for none; `.elsewhere` when its number is outside the window.
    func lookup(_ key: RowKey) -> NumberedFamily.Lookup {
        guard covers(key.number) else { return .elsewhere }
        let index = Int(key.number - base)
        guard index < rows.count else { return .held(nil) }
        let (position, found) = Self.position(of: key.rest, in: rows[index])
        return .held(found ? rows[index][position].slot : nil)
    }

    /// Stores (or with nil removes) a slot; false when the number is outside the window.
    func set(_ key: RowKey, _ slot: TableOverlay.Slot?) -> Bool {
        guard covers(key.number) else { return false }
        let index = Int(key.number - base)
        if index >= rows.count {
            guard slot != nil else { return true }
            rows.append(contentsOf: repeatElement([], count: index + 1 - rows.count))
        }
        // Entries usually arrive in key order (sequences, ids): append without searching.
        if let slot, rows[index].last.map({ $0.rest < key.rest }) ?? true {
            rows[index].append(Entry(rest: key.rest, slot: slot))
            count += 1
            return true
        }
        let (position, found) = Self.position(of: key.rest, in: rows[index])
        switch (found, slot) {
        case (true, let slot?): rows[index][position].slot = slot
        case (true, nil):
            rows[index].remove(at: position)
            count -= 1
        case (false, let slot?):
            rows[index].insert(Entry(rest: key.rest, slot: slot), at: position)
            count += 1
        case (false, nil): break
        }
        return true
    }

    func forEach(tag: Int, _ body: (CacheKey, TableOverlay.Slot) -> Void) {
        for (index, row) in rows.enumerated() {
            let number = base + UInt64(index)
            for entry in row { body(RowKey(tag: tag, number: number, rest: entry.rest).cacheKey, entry.slot) }
        }
    }

    /// Where `rest` is in the sorted row, or where it would go.
    private static func position(of rest: RowKey.Rest, in row: [Entry]) -> (Int, Bool) {
        var low = 0, high = row.count
        while low < high {
            let middle = (low + high) / 2
            if row[middle].rest < rest { low = middle + 1 } else { high = middle }
        }
        return (low, low < row.count && row[low].rest == rest)
    }
}
