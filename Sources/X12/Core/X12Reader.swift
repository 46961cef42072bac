/// Reads an interchange and validates its envelopes.
///
/// Checks, each rejecting the file whole with the trailer's segment number:
/// ISA13 = IEA02 and IEA01 = number of groups; GS06 = GE02 and GE01 = number
/// of sets; ST02 = SE02 and SE01 = segments from ST to SE inclusive.
///
/// ```
/// let interchange = try X12Reader.read(Array(try Data(contentsOf: url)))
/// for set in interchange.transactionSets where set.identifier == "835" { … }
/// ```
public enum X12Reader {
    /// How strict to be about deviations that do not affect content.
    public struct Options: Sendable {
        /// When true, a trailer control number that differs from its header's is a
        /// warning instead of an error. Counts are always enforced: a wrong count
        /// means segments may be missing.
        public var toleratesControlNumberMismatch: Bool

        public init(toleratesControlNumberMismatch: Bool = false) {
            self.toleratesControlNumberMismatch = toleratesControlNumberMismatch
        }

        public static let strict = Options()
        public static let lenientControlNumbers = Options(toleratesControlNumberMismatch: true)
    }

    /// Reads the text of an interchange.
    public static func read(_ text: String, options: Options = .strict) throws(X12Error) -> X12Interchange {
        try read(Array(text.utf8), options: options)
    }

    /// Reads the bytes of an interchange.
    /// - throws: `X12Error` naming the segment where the file stops making sense.
    public static func read(_ bytes: [UInt8], options: Options = .strict) throws(X12Error) -> X12Interchange {
        let tokens = try X12Tokenizer.tokenize(bytes)
        var builder = EnvelopeBuilder(options: options, warnings: tokens.warnings)
        return try builder.build(tokens.segments, delimiters: tokens.delimiters)
    }
}

/// The state machine behind `X12Reader`: outside a group, inside a group, inside a set.
struct EnvelopeBuilder {
    let options: X12Reader.Options
    var warnings: [X12Warning]

    mutating func build(_ segments: [X12Segment], delimiters: X12Delimiters) throws(X12Error) -> X12Interchange {
        guard let isa = segments.first else { throw X12Error(.invalidHeader, segment: 1, "no ISA segment") }
        try checkISA(isa)
        var groups: [X12FunctionalGroup] = []
        var openGroup: (gs: X12Segment, sets: [X12TransactionSet])?
        var openSet: (st: X12Segment, body: [X12Segment])?
        var iea: X12Segment?

        for segment in segments.dropFirst() {
            if let finished = iea {
                throw X12Error(.unexpectedSegment, at: segment, "data after the IEA at segment \(finished.number)")
            }
            if let set = openSet {
                switch segment.id {
                case "SE":
                    guard let group = openGroup else { break }
                    let done = try closeSet(st: set.st, body: set.body, se: segment, groupVersion: group.gs[8])
                    openGroup?.sets.append(done)
                    openSet = nil
                case "ST", "GE", "GS", "IEA", "ISA":
                    throw X12Error(.missingSegment, at: segment,
                                   "transaction set \(set.st[2]) started at segment \(set.st.number) has no SE before this \(segment.id)")
                default:
                    openSet?.body.append(segment)
                }
                continue
            }
            if let group = openGroup {
                switch segment.id {
                case "ST": openSet = (segment, [])
                case "GE":
                    groups.append(try closeGroup(gs: group.gs, sets: group.sets, ge: segment))
                    openGroup = nil
                case "GS", "IEA", "ISA":
                    throw X12Error(.missingSegment, at: segment,
                                   "functional group \(group.gs[6]) started at segment \(group.gs.number) has no GE before this \(segment.id)")
                default:
                    throw X12Error(.unexpectedSegment, at: segment, "expected ST or GE, found \(segment.id) outside any transaction set")
                }
                continue
            }
            switch segment.id {
            case "GS": openGroup = (segment, [])
            case "IEA":
                try checkIEA(segment, isa: isa, groupCount: groups.count)
                iea = segment
            default:
                throw X12Error(.unexpectedSegment, at: segment, "expected GS or IEA, found \(segment.id)")
            }
        }
        guard let trailer = iea else {
            let last = segments[segments.count - 1]
            let open = openSet.map { "transaction set \($0.st[2]) (no SE, GE or IEA)" }
                ?? openGroup.map { "functional group \($0.gs[6]) (no GE or IEA)" } ?? "the interchange (no IEA)"
            throw X12Error(.missingSegment, at: last, "the file ends here, inside \(open)")
        }
        return X12Interchange(delimiters: delimiters, header: isa, trailer: trailer, groups: groups, warnings: warnings)
    }

    func checkISA(_ isa: X12Segment) throws(X12Error) {
        guard isa.elements.count == 16 else {
            throw X12Error(.invalidHeader, at: isa, "ISA has \(isa.elements.count) elements, expected 16")
        }
        guard isa[13].allSatisfy(\.isASCIIDigit) else {
            throw X12Error(.invalidValue, at: isa, "ISA13 control number '\(isa[13])' is not 9 digits")
        }
    }

    mutating func closeSet(st: X12Segment, body: [X12Segment], se: X12Segment, groupVersion: String) throws(X12Error) -> X12TransactionSet {
        let actual = body.count + 2
        guard let declared = Int(se[1].trimmingSpaces) else {
            throw X12Error(.invalidValue, at: se, "SE01 '\(se[1])' is not a segment count")
        }
        guard declared == actual else {
            throw X12Error(.countMismatch, at: se, "SE01 says \(declared) segments, the set has \(actual)")
        }
        if se[2] != st[2] {
            try mismatch(se, "SE02 \(se[2]) does not match ST02 \(st[2]) of segment \(st.number)")
        }
        return X12TransactionSet(header: st, trailer: se, body: body, groupVersion: groupVersion)
    }

    mutating func closeGroup(gs: X12Segment, sets: [X12TransactionSet], ge: X12Segment) throws(X12Error) -> X12FunctionalGroup {
        guard let declared = Int(ge[1].trimmingSpaces) else {
            throw X12Error(.invalidValue, at: ge, "GE01 '\(ge[1])' is not a count of transaction sets")
        }
        guard declared == sets.count else {
            throw X12Error(.countMismatch, at: ge, "GE01 says \(declared) transaction sets, the group has \(sets.count)")
        }
        if !sameControlNumber(ge[2], gs[6]) {
            try mismatch(ge, "GE02 \(ge[2]) does not match GS06 \(gs[6]) of segment \(gs.number)")
        }
        return X12FunctionalGroup(header: gs, trailer: ge, transactionSets: sets)
    }

    mutating func checkIEA(_ iea: X12Segment, isa: X12Segment, groupCount: Int) throws(X12Error) {
        guard let declared = Int(iea[1].trimmingSpaces) else {
            throw X12Error(.invalidValue, at: iea, "IEA01 '\(iea[1])' is not a count of functional groups")
        }
        guard declared == groupCount else {
            throw X12Error(.countMismatch, at: iea, "IEA01 says \(declared) functional groups, the interchange has \(groupCount)")
        }
        if !sameControlNumber(iea[2], isa[13]) {
            try mismatch(iea, "IEA02 \(iea[2]) does not match ISA13 \(isa[13])")
        }
    }

    /// Throws, or records a warning when the options tolerate control number mismatches.
    mutating func mismatch(_ segment: X12Segment, _ reason: String) throws(X12Error) {
        guard options.toleratesControlNumberMismatch else {
            throw X12Error(.controlNumberMismatch, at: segment, reason)
        }
        warnings.append(X12Warning(at: segment, reason))
    }

    /// Numeric control numbers compare by value ("000000905" = "905"); others exactly.
    func sameControlNumber(_ a: String, _ b: String) -> Bool {
        let x = a.trimmingSpaces, y = b.trimmingSpaces
        if let m = UInt64(x), let n = UInt64(y) { return m == n }
        return x == y
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
