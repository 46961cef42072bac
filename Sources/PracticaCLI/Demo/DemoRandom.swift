import RevenueCycle

/// The demo's only source of chance: SplitMix64 from a seed, so the same seed
/// (and the same last day) gives the same practice, event for event.
///
/// Probabilities are `Double`s (they never touch money); amounts derived from
/// chance are whole cents computed with integers.
struct DemoRandom {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed ^ 0x5EED_D3E0) }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(generator.next() % UInt64(range.count))
    }

    /// A whole number near `mean`, at most `spread` away either side, never below `floor`.
    mutating func around(_ mean: Int, spread: Int, floor: Int = 0) -> Int {
        max(floor, mean + int(-spread...spread))
    }

    /// One of `items`; `items` must not be empty (every list the demo picks from is a constant).
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// One of `items`, each as likely as its weight.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + max($1.1, 0) }
        var roll = int(0...(max(total, 1) - 1))
        for (item, weight) in items where weight > 0 {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }
}
