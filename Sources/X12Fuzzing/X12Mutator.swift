/// Turns sample interchanges into damaged ones the way files really go wrong:
/// flipped bits, files cut short, segments sent twice or lost, delimiters mixed
/// up, numbers out of range, pieces of another file spliced in.
///
/// Input `index` depends only on the run's seed and the index, so any one input
/// can be rebuilt without replaying those before it.
///
/// ```swift
/// let mutator = X12Mutator(seeds: [Array(sample835.utf8)], seed: 42)
/// let damaged = mutator.input(at: 1_234)
/// ```
public struct X12Mutator: Sendable {
    public let seeds: [[UInt8]]
    public let seed: UInt64

    public init(seeds: [[UInt8]], seed: UInt64) {
        self.seeds = seeds.filter { !$0.isEmpty }
        self.seed = seed
    }

    /// The kinds of damage, picked at random (one to four per input).
    enum Mutation: CaseIterable {
        case flipBit, setByte, truncate, duplicateSegment, dropSegment, swapDelimiters, extremeNumber, insertBytes, splice
    }

    public func input(at index: Int) -> [UInt8] {
        var random = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD6E8_FEB8_6659_FD93))
        guard !seeds.isEmpty else { return [] }
        var bytes = seeds[Int(random.next() % UInt64(seeds.count))]
        // Mostly one or two changes: more of the damaged files then get past the envelope.
        let count = [1, 1, 1, 2, 2, 3, 4][Int(random.next() % 7)]
        for _ in 0..<count {
            let mutation = Mutation.allCases[Int(random.next() % UInt64(Mutation.allCases.count))]
            apply(mutation, to: &bytes, &random)
        }
        // Half the time the trailer counts are made to agree again, as a careless tool
        // would, so the damage reaches the transaction readers instead of SE01.
        if random.next() % 2 == 0 { bytes = Self.recountingTrailers(bytes) }
        return bytes
    }

    /// SE01, GE01 and IEA01 recomputed from the segments actually present.
    static func recountingTrailers(_ bytes: [UInt8]) -> [UInt8] {
        let (element, _, terminator) = delimiters(bytes)
        var segments = bytes.split(separator: terminator, omittingEmptySubsequences: false).map(Array.init)
        func id(_ segment: [UInt8]) -> String {
            String(decoding: segment.drop(while: { $0 == 0x0A || $0 == 0x0D }).prefix { $0 != element }, as: UTF8.self)
        }
        func settingFirstElement(_ segment: [UInt8], to value: Int) -> [UInt8] {
            let parts = segment.split(separator: element, maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2 else { return segment }
            var rebuilt = Array(parts[0]) + [element] + Array("\(value)".utf8)
            if parts.count == 3 { rebuilt += [element] + Array(parts[2]) }
            return rebuilt
        }
        var setStart: Int?
        var setsInGroup = 0
        var groups = 0
        for i in segments.indices {
            switch id(segments[i]) {
            case "ST": setStart = i; setsInGroup += 1
            case "SE": if let start = setStart { segments[i] = settingFirstElement(segments[i], to: i - start + 1) }; setStart = nil
            case "GS": setsInGroup = 0; groups += 1
            case "GE": segments[i] = settingFirstElement(segments[i], to: setsInGroup)
            case "IEA": segments[i] = settingFirstElement(segments[i], to: groups)
            default: break
            }
        }
        return Array(segments.joined(separator: [terminator]))
    }

    private static let interesting: [UInt8] = [0x00, 0x0A, 0x0D, 0x1A, 0x20, 0x2A, 0x3A, 0x3E, 0x5E, 0x7C, 0x7E, 0x7F, 0x80, 0xC3, 0xEF, 0xFF]
    private static let extremes = ["99999999999999999999", "-99999999999999999999", "9223372036854775807", "-9223372036854775808",
                                   "0.001", "-0", ".", "-", "1E5", "1e-5", "00000000000000000000001", "99999999", "20261399",
                                   "", "NaN", "12.345", "+5", "1.", ".5"]

    private func apply(_ mutation: Mutation, to bytes: inout [UInt8], _ random: inout SplitMix64) {
        func position(_ limit: Int) -> Int { limit <= 0 ? 0 : Int(random.next() % UInt64(limit)) }
        switch mutation {
        case .flipBit:
            guard !bytes.isEmpty else { return }
            bytes[position(bytes.count)] ^= UInt8(1) << UInt8(random.next() % 8)
        case .setByte:
            guard !bytes.isEmpty else { return }
            bytes[position(bytes.count)] = Self.interesting[position(Self.interesting.count)]
        case .truncate:
            bytes.removeSubrange(position(bytes.count + 1)..<bytes.count)
        case .duplicateSegment, .dropSegment:
            let segments = Self.segmentRanges(bytes)
            guard !segments.isEmpty else { return }
            let chosen = segments[position(segments.count)]
            if mutation == .dropSegment {
                bytes.removeSubrange(chosen)
            } else {
                let copy = Array(bytes[chosen])
                let target = segments[position(segments.count)].upperBound
                bytes.insert(contentsOf: copy, at: target)
            }
        case .swapDelimiters:
            let (element, component, terminator) = Self.delimiters(bytes)
            let pairs: [(UInt8, UInt8)] = [(element, component), (element, terminator), (component, terminator),
                                           (terminator, 0x0A), (element, 0x7C), (terminator, element)]
            let (a, b) = pairs[position(pairs.count)]
            // Everywhere, or only past the ISA (the file no longer uses what it declares).
            let start = random.next() % 2 == 0 ? 0 : min(bytes.count, 106)
            for i in start..<bytes.count {
                if bytes[i] == a { bytes[i] = b } else if bytes[i] == b { bytes[i] = a }
            }
        case .extremeNumber:
            let runs = Self.digitRuns(bytes)
            guard !runs.isEmpty else { return }
            bytes.replaceSubrange(runs[position(runs.count)], with: Array(Self.extremes[position(Self.extremes.count)].utf8))
        case .insertBytes:
            let inserted = (0..<(1 + position(8))).map { _ in Self.interesting[position(Self.interesting.count)] }
            bytes.insert(contentsOf: inserted, at: position(bytes.count + 1))
        case .splice:
            let other = seeds[position(seeds.count)]
            guard !other.isEmpty else { return }
            let from = position(other.count)
            let length = 1 + position(min(400, other.count - from))
            bytes.insert(contentsOf: other[from..<(from + length)], at: position(bytes.count + 1))
        }
    }

    /// Element separator, component separator and segment terminator as the ISA declares them
    /// (X12's usual `*`, `:`, `~` when there is no whole ISA).
    static func delimiters(_ bytes: [UInt8]) -> (UInt8, UInt8, UInt8) {
        guard bytes.count >= 106, bytes.starts(with: Array("ISA".utf8)) else { return (0x2A, 0x3A, 0x7E) }
        return (bytes[3], bytes[104], bytes[105])
    }

    /// Each segment's bytes including its terminator.
    static func segmentRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        let terminator = delimiters(bytes).2
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == terminator {
            ranges.append(start..<(i + 1))
            start = i + 1
        }
        return ranges
    }

    /// Runs of digits (with a decimal point), where amounts, dates and counts live.
    static func digitRuns(_ bytes: [UInt8]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for (i, b) in bytes.enumerated() {
            let isNumeric = (b >= 0x30 && b <= 0x39) || b == 0x2E
            if isNumeric, start == nil { start = i }
            if !isNumeric, let s = start { runs.append(s..<i); start = nil }
        }
        if let s = start { runs.append(s..<bytes.count) }
        return runs
    }
}
