import X12

/// Feeds inputs to every reader of outside X12 — the tokenizer, the envelope
/// reader (strict and lenient), and the 835, 999 and 277CA readers — and
/// tallies what happened. A reader may accept an input or refuse it with an
/// `X12Error` (their `throws(X12Error)` makes any other error impossible); a
/// crash ends the process, which `tools/fuzz` catches and keeps the input of.
public struct X12FuzzRun {
    public struct Summary: Sendable, CustomStringConvertible {
        public var inputs = 0
        /// Inputs at least one reader accepted whole.
        public var accepted = 0
        /// Inputs every reader refused with a typed error.
        public var refused = 0
        public var refusalsByKind: [String: Int] = [:]
        /// Per reader, the inputs it accepted: how deep the damaged files got.
        public var acceptedBy: [String: Int] = [:]
        public var maxMilliseconds = 0.0
        public var slowestInput = 0

        public init() {}

        public var description: String {
            let kinds = refusalsByKind.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let readers = acceptedBy.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return "inputs \(inputs), accepted \(accepted), refused \(refused), max \(String(format3(maxMilliseconds))) ms (input \(slowestInput))\n"
                + "accepted by: \(readers)\nfirst refusal: \(kinds)"
        }

        private func format3(_ value: Double) -> String {
            let thousandths = Int((value * 1000).rounded())
            let fraction = String(thousandths % 1000)
            return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
        }
    }

    /// What the readers made of one input.
    public enum Outcome: Equatable, Sendable {
        /// Accepted by the named readers.
        case accepted(Set<String>)
        case refused(X12Error.Kind)
    }

    /// Runs one input through every reader.
    public static func exercise(_ bytes: [UInt8]) -> Outcome {
        var accepted: Set<String> = []
        var firstRefusal: X12Error.Kind?
        func note(_ reader: String, _ body: () throws(X12Error) -> Void) {
            do {
                try body()
                accepted.insert(reader)
            } catch {
                if firstRefusal == nil { firstRefusal = error.kind }
            }
        }
        note("tokenizer") { () throws(X12Error) in _ = try X12Tokenizer.tokenize(bytes) }
        note("envelope") { () throws(X12Error) in _ = try X12Reader.read(bytes) }
        note("envelope-lenient") { () throws(X12Error) in _ = try X12Reader.read(bytes, options: .lenientControlNumbers) }
        note("835") { () throws(X12Error) in _ = try Remittance835Reader.read(bytes) }
        note("835-lenient") { () throws(X12Error) in _ = try Remittance835Reader.read(bytes, options: .lenientControlNumbers) }
        note("999") { () throws(X12Error) in _ = try Acknowledgment999Reader.read(bytes) }
        note("277CA") { () throws(X12Error) in _ = try ClaimAcknowledgment277Reader.read(bytes) }
        return accepted.isEmpty ? .refused(firstRefusal ?? .invalidValue) : .accepted(accepted)
    }

    /// Runs inputs `range` of `mutator`, timing each; `willRun` is told each input first
    /// (the tool keeps it on disk so a crash leaves it behind).
    public static func run(_ mutator: X12Mutator, inputs range: Range<Int>,
                           clock: () -> UInt64, willRun: ((Int, [UInt8]) -> Void)? = nil) -> Summary {
        var summary = Summary()
        for index in range {
            let bytes = mutator.input(at: index)
            willRun?(index, bytes)
            let started = clock()
            let outcome = exercise(bytes)
            let milliseconds = Double(clock() &- started) / 1_000_000
            summary.inputs += 1
            switch outcome {
            case .accepted(let readers):
                summary.accepted += 1
                for reader in readers { summary.acceptedBy[reader, default: 0] += 1 }
            case .refused(let kind):
                summary.refused += 1
                summary.refusalsByKind["\(kind)", default: 0] += 1
            }
            if milliseconds > summary.maxMilliseconds {
                summary.maxMilliseconds = milliseconds
                summary.slowestInput = index
            }
        }
        return summary
    }
}

extension X12FuzzRun.Summary {
    /// Adds another part of the same run.
    public mutating func merge(_ other: X12FuzzRun.Summary) {
        inputs += other.inputs
        accepted += other.accepted
        refused += other.refused
        for (kind, n) in other.refusalsByKind { refusalsByKind[kind, default: 0] += n }
        for (reader, n) in other.acceptedBy { acceptedBy[reader, default: 0] += n }
        if other.maxMilliseconds > maxMilliseconds {
            maxMilliseconds = other.maxMilliseconds
            slowestInput = other.slowestInput
        }
    }
}
