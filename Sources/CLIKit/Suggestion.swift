/// "Did you mean" matching for mistyped commands and options.
///
/// ```swift
/// Suggestion.closest(to: "lgo", among: ["log", "claim"])  // "log"
/// ```
public enum Suggestion {
    /// The candidate nearest to `word`, or `nil` when none is close enough.
    ///
    /// Close means an edit distance (with transpositions) of 1 for words of up
    /// to four letters and 2 beyond, or `word` being a prefix of two or more
    /// letters. Ties go to the earliest candidate so output is stable.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = word.count <= 4 ? 1 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate)
            if distance <= limit && distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        if word.count >= 2 {
            return candidates.first { $0.hasPrefix(word) }
        }
        return nil
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions
    /// and swaps of neighbours each cost 1, so `lgo` is 1 away from `log`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previousPrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            previousPrevious = previous
            previous = current
        }
        return previous[y.count]
    }
}
