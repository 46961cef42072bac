import Foundation

/// Writes interchanges: pads the fixed-width ISA, computes SE01, GE01 and IEA01.
///
/// ```
/// let writer = X12Writer()   // * : ^ ~ and a newline after each segment
/// let text = try writer.write(header: isa, groups: [group])
/// ```
/// Values are checked for the delimiter characters: an address containing
/// `*` would otherwise silently shift every element after it.
public struct X12Writer: Sendable {
    public let delimiters: X12Delimiters

    public init(delimiters: X12Delimiters = .standard) {
        self.delimiters = delimiters
    }

    /// The whole interchange as text.
    /// - throws: `X12Error` of kind `.invalidInput` for values that do not fit (too long, containing a delimiter).
    public func write(header: X12InterchangeHeader, groups: [X12OutgoingGroup]) throws(X12Error) -> String {
        var out = ""
        var number = 1
        out += try isa(header)
        for group in groups {
            number += 1
            out += try line(X12OutputSegment("GS", [
                X12Element(group.header.functionalIdentifier), X12Element(group.header.applicationSender),
                X12Element(group.header.applicationReceiver), X12Element(group.header.date.ccyymmdd),
                X12Element(group.header.time.hhmm), X12Element(String(try controlNumber(group.header.controlNumber, "GS06"))),
                "X", X12Element(group.header.version),
            ]), number: number)
            for set in group.transactionSets {
                guard (4...9).contains(set.controlNumber.count) else {
                    throw X12Error(.invalidInput, label: "ST", "ST02 '\(set.controlNumber)' must be 4 to 9 characters")
                }
                number += 1
                out += try line(X12OutputSegment("ST", [X12Element(set.identifier), X12Element(set.controlNumber),
                                                        .optional(set.implementationReference)]), number: number)
                for segment in set.body {
                    number += 1
                    out += try line(segment, number: number)
                }
                number += 1
                out += try line(X12OutputSegment("SE", [X12Element(String(set.body.count + 2)), X12Element(set.controlNumber)]),
                                number: number)
            }
            number += 1
            out += try line(X12OutputSegment("GE", [X12Element(String(group.transactionSets.count)),
                                                    X12Element(String(group.header.controlNumber))]), number: number)
        }
        number += 1
        out += try line(X12OutputSegment("IEA", [X12Element(String(groups.count)),
                                                 X12Element(try paddedControlNumber(header.controlNumber))]), number: number)
        return out
    }

    /// One segment with its terminator and line break.
    func line(_ segment: X12OutputSegment, number: Int) throws(X12Error) -> String {
        var elements = segment.elements
        while let last = elements.last, last.isEmpty { elements.removeLast() }
        var text = segment.id
        let separators = [delimiters.element, delimiters.component, delimiters.segment] + (delimiters.repetition.map { [$0] } ?? [])
        for (index, element) in elements.enumerated() {
            var components = element.components
            while let last = components.last, last.isEmpty { components.removeLast() }
            for component in components where component.utf8.contains(where: separators.contains) {
                throw X12Error(.invalidInput, segment: number, label: segment.id,
                               "\(segment.id)\(X12Tokenizer.twoDigits(index + 1)) '\(component)' contains a delimiter character")
            }
            text += character(delimiters.element) + components.joined(separator: character(delimiters.component))
        }
        return text + character(delimiters.segment) + delimiters.lineBreak
    }

    /// The fixed-width ISA: every field padded, 106 characters with the terminator.
    func isa(_ h: X12InterchangeHeader) throws(X12Error) -> String {
        func fixed(_ value: String, _ width: Int, _ name: String) throws(X12Error) -> String {
            guard value.count <= width else {
                throw X12Error(.invalidInput, segment: 1, label: "ISA", "\(name) '\(value)' is longer than \(width) characters")
            }
            return value.padding(toLength: width, withPad: " ", startingAt: 0)
        }
        let repetition = delimiters.repetition.map(character) ?? "U"
        let fields = [
            "00", String(repeating: " ", count: 10), "00", String(repeating: " ", count: 10),
            try fixed(h.senderQualifier, 2, "ISA05"), try fixed(h.senderID, 15, "ISA06"),
            try fixed(h.receiverQualifier, 2, "ISA07"), try fixed(h.receiverID, 15, "ISA08"),
            h.date.yymmdd, h.time.hhmm, repetition, "00501", try paddedControlNumber(h.controlNumber),
            h.requestsAcknowledgment ? "1" : "0", h.isProduction ? "P" : "T", character(delimiters.component),
        ]
        let e = character(delimiters.element)
        for field in fields where field.utf8.contains(delimiters.element) || field.utf8.contains(delimiters.segment) {
            throw X12Error(.invalidInput, segment: 1, label: "ISA", "'\(field)' contains a delimiter character")
        }
        return "ISA" + e + fields.joined(separator: e) + character(delimiters.segment) + delimiters.lineBreak
    }

    func controlNumber(_ n: Int, _ name: String) throws(X12Error) -> Int {
        guard (1...999_999_999).contains(n) else {
            throw X12Error(.invalidInput, label: name, "control number \(n) must be between 1 and 999999999")
        }
        return n
    }

    func paddedControlNumber(_ n: Int) throws(X12Error) -> String {
        let digits = String(try controlNumber(n, "ISA13"))
        return String(repeating: "0", count: 9 - digits.count) + digits
    }

    func character(_ b: UInt8) -> String { String(Character(Unicode.Scalar(b))) }
}
