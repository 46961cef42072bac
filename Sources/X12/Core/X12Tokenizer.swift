/// Splits raw interchange bytes into segments using the delimiters the ISA declares.
///
/// The ISA segment is fixed-length (106 characters), which is what makes the
/// delimiters discoverable: the element separator is its 4th byte, the
/// repetition separator is ISA11, the component separator ISA16 and the
/// segment terminator the byte after ISA16. A UTF-8 byte-order mark before
/// ISA and CR/LF after terminators are tolerated because real files carry them.
///
/// ```
/// let tokens = try X12Tokenizer.tokenize(Array(data))
/// tokens.segments.first?.id   // "ISA"
/// ```
public enum X12Tokenizer {
    /// Field widths ISA01...ISA16; each is preceded by an element separator.
    static let isaFieldWidths = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1]
    /// ISA length including its terminator.
    public static let isaLength = 106

    /// The segments of an interchange and the delimiters they were split with.
    public struct Result: Sendable {
        public let delimiters: X12Delimiters
        public let segments: [X12Segment]
        public let warnings: [X12Warning]
    }

    /// Tokenizes a whole interchange.
    /// - throws: `X12Error` (`.invalidHeader`, `.invalidDelimiters`, `.truncated`) — the file is rejected whole.
    public static func tokenize(_ input: [UInt8]) throws(X12Error) -> Result {
        var bytes = ArraySlice(input)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let (delimiters, isaWarnings) = try readDelimiters(bytes)
        var warnings = isaWarnings
        var segments: [X12Segment] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == delimiters.segment {
                if let segment = try makeSegment(bytes[start..<index], number: segments.count + 1, delimiters: delimiters) {
                    segments.append(segment)
                }
                start = index + 1
            }
            index += 1
        }
        let rest = bytes[start..<bytes.endIndex]
        if rest.contains(where: { !isIgnorableTrailingByte($0) }) {
            let number = segments.count + 1
            let id = String(decoding: rest.drop(while: isLineBreak).prefix { $0 != delimiters.element }.prefix(3), as: UTF8.self)
            throw X12Error(.truncated, segment: number, label: id.isEmpty ? nil : id,
                           "the file ends inside this segment: no segment terminator \(X12Delimiters.describe(delimiters.segment)) after it")
        }
        if segments.count < 2 {
            warnings.append(X12Warning(segment: 1, label: "ISA", "the interchange holds nothing after ISA"))
        }
        return Result(delimiters: delimiters, segments: segments, warnings: warnings)
    }

    /// Reads the delimiters from the fixed-width ISA, checking its layout.
    static func readDelimiters(_ bytes: ArraySlice<UInt8>) throws(X12Error) -> (X12Delimiters, [X12Warning]) {
        guard bytes.starts(with: Array("ISA".utf8)) else {
            throw X12Error(.invalidHeader, segment: 1, "the file does not start with an ISA segment")
        }
        guard bytes.count >= isaLength else {
            throw X12Error(.truncated, segment: 1, label: "ISA",
                           "the file is \(bytes.count) bytes long, shorter than the 106-character ISA segment")
        }
        let base = bytes.startIndex
        let element = bytes[base + 3]
        var offset = 3
        for (i, width) in isaFieldWidths.enumerated() {
            let found = bytes[base + offset]
            guard found == element else {
                throw X12Error(.invalidDelimiters, segment: 1, label: "ISA",
                               "expected the element separator \(X12Delimiters.describe(element)) before ISA\(twoDigits(i + 1)) at character \(offset + 1), found \(X12Delimiters.describe(found)); ISA fields must have their fixed widths")
            }
            if let stray = bytes[(base + offset + 1)..<(base + offset + 1 + width)].firstIndex(of: element), i < 15 {
                throw X12Error(.invalidDelimiters, segment: 1, label: "ISA",
                               "ISA\(twoDigits(i + 1)) contains the element separator at character \(stray - base + 1); ISA fields must have their fixed widths")
            }
            offset += 1 + width
        }
        let component = bytes[base + 104]
        let terminator = bytes[base + 105]
        let isa11 = bytes[base + 82]
        var warnings: [X12Warning] = []
        var repetition: UInt8? = isa11
        if X12Delimiters.isAlphanumericOrSpace(isa11) {
            repetition = nil
            warnings.append(X12Warning(segment: 1, label: "ISA",
                                       "ISA11 is \(X12Delimiters.describe(isa11)), not a repetition separator; reading without one"))
        }
        let delimiters = X12Delimiters(uncheckedElement: element, component: component, repetition: repetition,
                                       segment: terminator, lineBreak: "")
        if let problem = X12Delimiters.problem(with: delimiters) {
            throw X12Error(.invalidDelimiters, segment: 1, label: "ISA", problem)
        }
        return (delimiters, warnings)
    }

    static func makeSegment(_ raw: ArraySlice<UInt8>, number: Int, delimiters: X12Delimiters) throws(X12Error) -> X12Segment? {
        var body = raw
        while let first = body.first, isLineBreak(first) { body = body.dropFirst() }
        while let last = body.last, isLineBreak(last) { body = body.dropLast() }
        if body.isEmpty { return nil }
        let parts = body.split(separator: delimiters.element, omittingEmptySubsequences: false)
        let id = String(decoding: parts[0], as: UTF8.self)
        if body.contains(where: isLineBreak) {
            throw X12Error(.invalidDelimiters, segment: number, label: isSegmentID(parts[0]) ? id : nil,
                           "a line break inside the segment: the file seems to end segments with line breaks, not with the \(X12Delimiters.describe(delimiters.segment)) its ISA declares")
        }
        guard isSegmentID(parts[0]) else {
            let snippet = String(decoding: body.prefix(24), as: UTF8.self)
            throw X12Error(.invalidDelimiters, segment: number,
                           "'\(snippet)' does not start with a segment id followed by \(X12Delimiters.describe(delimiters.element)); the file does not use the delimiters its ISA declares")
        }
        let elements = parts.dropFirst().map { String(decoding: $0, as: UTF8.self) }
        return X12Segment(id: id, elements: elements, number: number, delimiters: delimiters)
    }

    /// Segment ids are 2–3 upper-case letters or digits, starting with a letter.
    static func isSegmentID(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard (2...3).contains(bytes.count), let first = bytes.first, first >= 0x41, first <= 0x5A else { return false }
        return bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    static func isLineBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }

    /// What may follow the last terminator: line breaks, spaces, tabs, NUL padding, a DOS end-of-file mark.
    static func isIgnorableTrailingByte(_ b: UInt8) -> Bool {
        b == 0x0A || b == 0x0D || b == 0x20 || b == 0x09 || b == 0x00 || b == 0x1A
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
